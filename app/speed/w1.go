// Package speed is the core's side of the browser speed benchmark (app/e2e/speed_test.go,
// wasm/w1bench): the reference workload W1 and the timing of its matrix products, which
// the benchmark runs against TensorFlow.js in the same page. It is plain Go, tested
// natively; the wasm binary only exposes it to JavaScript.
package speed

import (
	"math/rand/v2"
	"time"

	"genlab/sim/nn"
)

// The reference workload W1 of the speed target, as the TensorFlow.js side of the
// benchmark (app/e2e/testdata/speed/speed.js) builds it too: an MLP 256-256-256-10 (a
// 16×16 image, two hidden ReLU layers of 256 units, 10 classes), softmax cross-entropy,
// SGD with momentum 0.9 and learning rate 0.01 without weight decay, batches of 32
// cycling through 2,048 examples of uniform random pixels with random labels.
const (
	w1Inputs   = 256
	w1Hidden   = 256
	w1Classes  = 10
	w1Batch    = 32
	w1Examples = 2048
	w1LR       = 0.01
	w1Momentum = 0.9
)

// W1 is W1 ready to train: the network, its data, and the batch it trains on next.
type W1 struct {
	net    *nn.Network
	x      []float32 // w1Examples rows of w1Inputs pixels
	labels []int
	dlogit []float32 // the loss gradient with respect to one batch's logits
	next   int       // the index of the next batch
	Loss   float64   // the mean loss of the last batch trained on
}

// NewW1 builds W1 with weights and data drawn from rng.
func NewW1(rng *rand.Rand) *W1 {
	w := &W1{
		net: nn.NewNetwork(
			nn.NewDense(w1Inputs, w1Hidden, w1Batch, rng), nn.NewReLU(w1Hidden, w1Batch),
			nn.NewDense(w1Hidden, w1Hidden, w1Batch, rng), nn.NewReLU(w1Hidden, w1Batch),
			nn.NewDense(w1Hidden, w1Classes, w1Batch, rng)),
		x:      make([]float32, w1Examples*w1Inputs),
		labels: make([]int, w1Examples),
		dlogit: make([]float32, w1Batch*w1Classes),
	}
	for i := range w.x {
		w.x[i] = rng.Float32()
	}
	for i := range w.labels {
		w.labels[i] = rng.IntN(w1Classes)
	}
	return w
}

// step trains on the next batch: forward, loss, backward, SGD update. The batch is a
// slice of the data, not a copy, as in the lab's own training step.
func (w *W1) step() {
	i := w.next * w1Batch
	w.next = (w.next + 1) % (w1Examples / w1Batch)
	w.net.ZeroGrad()
	logits := w.net.Forward(w.x[i*w1Inputs:(i+w1Batch)*w1Inputs], w1Batch, true)
	w.Loss = nn.SoftmaxCrossEntropy(logits, w.labels[i:i+w1Batch], w1Batch, w1Classes, w.dlogit, nil)
	w.net.Backward(w.dlogit, w1Batch)
	w.net.SGD(w1LR, w1Momentum, 0)
}

// Train steps until d has passed and returns the examples trained on and the time it
// took (at least d, by less than one step).
func (w *W1) Train(d time.Duration) (examples int, elapsed time.Duration) {
	start := time.Now()
	for elapsed < d {
		w.step()
		examples += w1Batch
		elapsed = time.Since(start)
	}
	return examples, elapsed
}
