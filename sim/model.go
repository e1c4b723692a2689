package sim

import (
	"math/rand/v2"

	"genlab/sim/nn"
)

// evalChunk is how many examples a network evaluates at once; larger chunks make the
// matrix products more efficient than training batches do.
const evalChunk = 256

// Model builds the network of c for side×side inputs, with buffers for capacity examples.
// Weights are drawn from init; dropout masks from drop.
//
//	linear: dense(K)
//	mlp:    [dense(Width) → batch norm? → ReLU → dropout?] × Depth → dense(K)
//	cnn:    conv3×3(F) → bn? → ReLU → pool → conv3×3(2F) → bn? → ReLU → pool
//	        → dense(Width) → bn? → ReLU → dropout? → dense(K)
func Model(c Config, capacity int, init, drop *rand.Rand) *nn.Network {
	in := c.Side * c.Side
	var layers []nn.Layer
	hidden := func(in, units int) {
		layers = append(layers, nn.NewDense(in, units, capacity, init))
		if c.BatchNorm {
			layers = append(layers, nn.NewBatchNorm(units, 1, capacity))
		}
		layers = append(layers, nn.NewReLU(units, capacity))
		if c.Dropout > 0 {
			layers = append(layers, nn.NewDropout(c.Dropout, units, capacity, drop))
		}
	}
	switch c.Model {
	case Linear:
	case MLP:
		for range c.Depth {
			hidden(in, c.Width)
			in = c.Width
		}
	case CNN:
		side, channels := c.Side, 1
		for _, filters := range []int{c.Filters, 2 * c.Filters} {
			layers = append(layers, nn.NewConv(side, side, channels, filters, capacity, init))
			if c.BatchNorm {
				layers = append(layers, nn.NewBatchNorm(filters, side*side, capacity))
			}
			layers = append(layers,
				nn.NewReLU(side*side*filters, capacity),
				nn.NewMaxPool(side, side, filters, capacity))
			side, channels = side/2, filters
		}
		hidden(side*side*channels, c.Width)
		in = c.Width
	default:
		panic("sim: unknown model " + c.Model.String())
	}
	layers = append(layers, nn.NewDense(in, c.Classes, capacity, init))
	return nn.NewNetwork(layers...)
}
