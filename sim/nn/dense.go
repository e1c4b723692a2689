package nn

import (
	"math"
	"math/rand/v2"

	"genlab/sim/internal/portable"
	"genlab/sim/nn/kernel"
)

// Dense is a fully connected layer y = x·W + b, with W stored In×Units so that the
// weights into unit j are column j (the first layer's columns are its "filters").
type Dense struct {
	In, Units int
	W, B      *Param

	x  []float32 // the last Forward's input (not a copy)
	y  []float32
	dx []float32
	wt []float32 // Wᵀ, for the input gradient (see kernel.Gemm)
}

// NewDense returns a dense layer with He-initialized weights (N(0, 2/In), suited to
// ReLU) drawn from rng and zero biases, with buffers for capacity examples.
func NewDense(in, out, capacity int, rng *rand.Rand) *Dense {
	d := &Dense{
		In: in, Units: out,
		W:  newParam("weights", in*out, true),
		B:  newParam("biases", out, false),
		y:  make([]float32, capacity*out),
		dx: make([]float32, capacity*in),
		wt: make([]float32, in*out),
	}
	std := math.Sqrt(2 / float64(in))
	portable.FillNormal(d.W.Value, 0, std, rng)
	return d
}

// Out implements Layer.
func (d *Dense) Out() int { return d.Units }

// Params implements Layer.
func (d *Dense) Params() []*Param { return []*Param{d.W, d.B} }

// Forward implements Layer.
func (d *Dense) Forward(x []float32, n int, _ bool) []float32 {
	d.x = x[:n*d.In]
	y := d.y[:n*d.Units]
	repeatRows(y, d.B.Value, n)
	kernel.Gemm(false, n, d.Units, d.In, d.x, d.W.Value, 1, y)
	return y
}

// Backward implements Layer: dW += xᵀ·dy, db += Σ dy, dx = dy·Wᵀ.
func (d *Dense) Backward(dy []float32, n int, needInput bool) []float32 {
	dy = dy[:n*d.Units]
	kernel.Gemm(true, d.In, d.Units, n, d.x, dy, 1, d.W.Grad)
	kernel.SumColumns(d.B.Grad, dy, n, d.Units)
	if !needInput {
		return nil
	}
	dx := d.dx[:n*d.In]
	kernel.Transpose(d.wt, d.W.Value, d.In, d.Units)
	kernel.Gemm(false, n, d.In, d.Units, dy, d.wt, 0, dx)
	return dx
}
