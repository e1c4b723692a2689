package nn

// Layer is one differentiable piece of a network. Activations are row-major batches: n
// examples of Out() values each, one example after another. A layer owns its output and
// input-gradient buffers, sized once for Capacity examples, so the training step allocates
// nothing; the slices it returns stay valid until its next call.
type Layer interface {
	// Forward computes the output for the n examples in x. train selects training
	// behaviour (dropout masks, batch statistics).
	Forward(x []float32, n int, train bool) []float32
	// Backward takes the loss gradient with respect to the last Forward's output,
	// adds the parameter gradients to Params' Grad, and returns the gradient with
	// respect to the input (nil when needInput is false: the first layer skips it).
	Backward(dy []float32, n int, needInput bool) []float32
	// Params returns the layer's trainable parameters (none for ReLU or pooling).
	Params() []*Param
	// Out is the number of output values per example.
	Out() int
}

// Param is a trainable tensor, its gradient and its optimizer state side by side.
type Param struct {
	Name     string
	Value    []float32
	Grad     []float32
	Velocity []float32 // SGD momentum buffer
	Decay    bool      // weight decay applies (weights yes, biases and batch-norm shifts no)
}

func newParam(name string, size int, decay bool) *Param {
	return &Param{
		Name:     name,
		Value:    make([]float32, size),
		Grad:     make([]float32, size),
		Velocity: make([]float32, size),
		Decay:    decay,
	}
}

// repeatRows fills y with rows copies of row, one after the other (a layer's biases,
// once per example or position, before the matrix product adds to them). It doubles
// what is already copied at each step: about log₂(rows) calls of copy rather than rows,
// which matters under WebAssembly, where a call of copy costs more than moving a short
// row (a convolution with 8 filters repeats 8 values 4,608 times a batch).
func repeatRows(y, row []float32, rows int) {
	y = y[:len(row)*rows]
	if len(y) == 0 {
		return
	}
	done := copy(y, row)
	for done < len(y) {
		done += copy(y[done:], y[:done])
	}
}
