package nn

import (
	"math"

	"genlab/sim/nn/kernel"
)

// BatchNorm normalizes each channel over the batch (and, for images, over positions),
// then scales and shifts it: y = γ·(x−μ)/√(σ²+ε) + β. Values are laid out as
// [example][position][channel], so a dense layer is the case of one position.
// Evaluation uses running averages of μ and σ² gathered during training.
type BatchNorm struct {
	channels, positions int
	Gamma, Beta         *Param
	RunMean, RunVar     []float32

	xhat             []float32
	y, dx            []float32
	mean, invStd     []float32
	sumDy, sumDyXhat []float32
	mean64, var64    []float64 // the batch's statistics, before rounding to float32
}

const (
	bnEpsilon  = 1e-5
	bnMomentum = 0.1 // weight of the current batch in the running averages
)

// NewBatchNorm returns batch normalization over channels channels at positions positions.
func NewBatchNorm(channels, positions, capacity int) *BatchNorm {
	size := channels * positions
	b := &BatchNorm{
		channels: channels, positions: positions,
		Gamma:   newParam("bn scale", channels, false),
		Beta:    newParam("bn shift", channels, false),
		RunMean: make([]float32, channels), RunVar: make([]float32, channels),
		xhat: make([]float32, size*capacity),
		y:    make([]float32, size*capacity), dx: make([]float32, size*capacity),
		mean: make([]float32, channels), invStd: make([]float32, channels),
		sumDy: make([]float32, channels), sumDyXhat: make([]float32, channels),
		mean64: make([]float64, channels), var64: make([]float64, channels),
	}
	for c := range channels {
		b.Gamma.Value[c] = 1
		b.RunVar[c] = 1
	}
	return b
}

// Out implements Layer.
func (b *BatchNorm) Out() int { return b.channels * b.positions }

// Params implements Layer.
func (b *BatchNorm) Params() []*Param { return []*Param{b.Gamma, b.Beta} }

// Forward implements Layer.
func (b *BatchNorm) Forward(x []float32, n int, train bool) []float32 {
	C := b.channels
	rows := n * b.positions
	x = x[:rows*C]
	if train {
		// Two passes in float64: mean, then variance, for accuracy at float32 inputs.
		kernel.BatchNormStats(b.mean64, b.var64, x, rows, C)
		for c := range C {
			mean, v := b.mean64[c], b.var64[c]
			b.mean[c] = float32(mean)
			b.invStd[c] = float32(1 / math.Sqrt(v+bnEpsilon))
			b.RunMean[c] = (1-bnMomentum)*b.RunMean[c] + bnMomentum*float32(mean)
			b.RunVar[c] = (1-bnMomentum)*b.RunVar[c] + bnMomentum*float32(v)
		}
	} else {
		for c := range C {
			b.mean[c] = b.RunMean[c]
			b.invStd[c] = float32(1 / math.Sqrt(float64(b.RunVar[c])+bnEpsilon))
		}
	}
	y, xhat := b.y[:rows*C], b.xhat[:rows*C]
	kernel.BatchNormNormalize(y, xhat, x, b.mean, b.invStd, b.Gamma.Value, b.Beta.Value, rows, C)
	return y
}

// Backward implements Layer (for a training-mode Forward):
// dx = γ/σ · (dy − mean(dy) − x̂·mean(dy·x̂)).
func (b *BatchNorm) Backward(dy []float32, n int, needInput bool) []float32 {
	C := b.channels
	rows := n * b.positions
	xhat := b.xhat[:rows*C]
	clear(b.sumDy)
	clear(b.sumDyXhat)
	kernel.BatchNormSums(b.sumDy, b.sumDyXhat, dy, xhat, rows, C)
	for c := range C {
		b.Beta.Grad[c] += b.sumDy[c]
		b.Gamma.Grad[c] += b.sumDyXhat[c]
	}
	if !needInput {
		return nil
	}
	dx := b.dx[:rows*C]
	kernel.BatchNormInputGrad(dx, dy, xhat, b.Gamma.Value, b.invStd, b.sumDy, b.sumDyXhat, 1/float32(rows), rows, C)
	return dx
}
