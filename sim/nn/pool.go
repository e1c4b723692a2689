package nn

import "genlab/sim/nn/kernel"

// MaxPool keeps the largest value of every 2×2 block of each channel (stride 2), halving
// height and width (an odd last row or column is dropped). Layout is channels last.
type MaxPool struct {
	H, W, C int     // input size
	arg     []int32 // per output value, the input index that won
	y, dx   []float32
}

// NewMaxPool returns 2×2 max pooling of h×w images with c channels.
func NewMaxPool(h, w, c, capacity int) *MaxPool {
	out := (h / 2) * (w / 2) * c
	return &MaxPool{H: h, W: w, C: c,
		arg: make([]int32, capacity*out),
		y:   make([]float32, capacity*out),
		dx:  make([]float32, capacity*h*w*c)}
}

// Out implements Layer.
func (p *MaxPool) Out() int { return (p.H / 2) * (p.W / 2) * p.C }

// Params implements Layer.
func (p *MaxPool) Params() []*Param { return nil }

// Forward implements Layer.
func (p *MaxPool) Forward(x []float32, n int, _ bool) []float32 {
	y := p.y[:n*p.Out()]
	kernel.MaxPool(y, p.arg, x, n, p.H, p.W, p.C)
	return y
}

// Backward implements Layer: each output's gradient goes to the input that won.
func (p *MaxPool) Backward(dy []float32, n int, needInput bool) []float32 {
	if !needInput {
		return nil
	}
	dx := p.dx[:n*p.H*p.W*p.C]
	kernel.MaxPoolGrad(dx, dy[:n*p.Out()], p.arg)
	return dx
}
