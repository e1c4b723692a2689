package nn

import "genlab/sim/nn/kernel"

// ReLU is the rectifier y = max(0, x).
type ReLU struct {
	size int
	y    []float32
	dx   []float32
}

// NewReLU returns a ReLU over size values per example, for capacity examples.
func NewReLU(size, capacity int) *ReLU {
	return &ReLU{size: size, y: make([]float32, size*capacity), dx: make([]float32, size*capacity)}
}

// Out implements Layer.
func (r *ReLU) Out() int { return r.size }

// Params implements Layer.
func (r *ReLU) Params() []*Param { return nil }

// Forward implements Layer.
func (r *ReLU) Forward(x []float32, n int, _ bool) []float32 {
	y := r.y[:n*r.size]
	kernel.ReLU(y, x)
	return y
}

// Backward implements Layer: the gradient passes where the output was positive.
func (r *ReLU) Backward(dy []float32, n int, needInput bool) []float32 {
	if !needInput {
		return nil
	}
	dx := r.dx[:n*r.size]
	kernel.ReLUGrad(dx, dy, r.y)
	return dx
}
