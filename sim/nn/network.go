package nn

import "genlab/sim/nn/kernel"

// Network is a stack of layers applied in order; the last layer's outputs are logits.
type Network struct {
	Layers []Layer
	params []*Param
}

// NewNetwork stacks layers.
func NewNetwork(layers ...Layer) *Network {
	net := &Network{Layers: layers}
	for _, l := range layers {
		net.params = append(net.params, l.Params()...)
	}
	return net
}

// Params returns every trainable parameter, first layer first.
func (net *Network) Params() []*Param { return net.params }

// Forward runs the n examples in x through every layer and returns the logits.
func (net *Network) Forward(x []float32, n int, train bool) []float32 {
	for _, l := range net.Layers {
		x = l.Forward(x, n, train)
	}
	return x
}

// Backward propagates the loss gradient dlogits back through every layer, adding to
// each parameter's Grad (call ZeroGrad first).
func (net *Network) Backward(dlogits []float32, n int) {
	dy := dlogits
	for i := len(net.Layers) - 1; i >= 0; i-- {
		dy = net.Layers[i].Backward(dy, n, i > 0)
	}
}

// ZeroGrad clears every parameter's gradient.
func (net *Network) ZeroGrad() {
	for _, p := range net.params {
		clear(p.Grad)
	}
}

// Size returns the number of trainable values.
func (net *Network) Size() int {
	s := 0
	for _, p := range net.params {
		s += len(p.Value)
	}
	return s
}

// SGD applies one step of stochastic gradient descent with momentum and weight decay,
// in the form PyTorch uses: v ← μ·v + (g + λ·w), w ← w − η·v (λ only on weights, not
// biases).
func (net *Network) SGD(lr, momentum, weightDecay float64) {
	eta, mu, lambda := float32(lr), float32(momentum), float32(weightDecay)
	for _, p := range net.params {
		l := lambda
		if !p.Decay {
			l = 0
		}
		kernel.SGD(p.Value, p.Velocity, p.Grad, eta, mu, l)
	}
}
