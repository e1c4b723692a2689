package nn

import (
	"math"
	"math/rand/v2"

	"genlab/sim/internal/portable"
	"genlab/sim/nn/kernel"
)

// Conv is a 3×3 convolution with stride 1 and zero padding 1, so the output keeps the
// input's height and width. Images are laid out [example][row][column][channel]
// ("channels last"), which turns the convolution into one matrix product: every output
// position's 3×3×In neighbourhood is copied into a row of cols (im2col), and
// y = cols·W + b with W of shape (9·In)×Out. Sharing W across positions is the weight
// sharing that makes a CNN robust to where an object sits.
type Conv struct {
	H, W        int // spatial size
	In, Filters int
	K, B        *Param

	cols  []float32 // capacity·H·W × 9·In
	dcols []float32
	y, dx []float32
	kt    []float32 // Kᵀ, for the input gradient (see kernel.Gemm)
}

// NewConv returns a 3×3 convolution from in to out channels on h×w images, He-initialized from rng.
func NewConv(h, w, in, out, capacity int, rng *rand.Rand) *Conv {
	k := 9 * in
	c := &Conv{H: h, W: w, In: in, Filters: out,
		K:     newParam("kernels", k*out, true),
		B:     newParam("biases", out, false),
		cols:  make([]float32, capacity*h*w*k),
		dcols: make([]float32, capacity*h*w*k),
		y:     make([]float32, capacity*h*w*out),
		dx:    make([]float32, capacity*h*w*in),
		kt:    make([]float32, k*out),
	}
	std := math.Sqrt(2 / float64(k))
	portable.FillNormal(c.K.Value, 0, std, rng)
	return c
}

// Out implements Layer.
func (c *Conv) Out() int { return c.H * c.W * c.Filters }

// Params implements Layer.
func (c *Conv) Params() []*Param { return []*Param{c.K, c.B} }

// Forward implements Layer.
func (c *Conv) Forward(x []float32, n int, _ bool) []float32 {
	k := 9 * c.In
	rows := n * c.H * c.W
	cols := c.cols[:rows*k]
	kernel.Im2Col(cols, x, n, c.H, c.W, c.In)
	y := c.y[:rows*c.Filters]
	repeatRows(y, c.B.Value, rows)
	kernel.Gemm(false, rows, c.Filters, k, cols, c.K.Value, 1, y)
	return y
}

// Backward implements Layer: dK += colsᵀ·dy, db += Σ dy, and dx gathers dy·Kᵀ back
// from every position it was copied to (col2im).
func (c *Conv) Backward(dy []float32, n int, needInput bool) []float32 {
	k := 9 * c.In
	rows := n * c.H * c.W
	dy = dy[:rows*c.Filters]
	kernel.Gemm(true, k, c.Filters, rows, c.cols[:rows*k], dy, 1, c.K.Grad)
	kernel.SumColumns(c.B.Grad, dy, rows, c.Filters)
	if !needInput {
		return nil
	}
	dcols := c.dcols[:rows*k]
	kernel.Transpose(c.kt, c.K.Value, k, c.Filters)
	kernel.Gemm(false, rows, k, c.Filters, dy, c.kt, 0, dcols)
	dx := c.dx[:n*c.H*c.W*c.In]
	kernel.Col2Im(dx, dcols, n, c.H, c.W, c.In)
	return dx
}
