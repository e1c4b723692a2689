package nn

import (
	"math/rand/v2"
	"testing"
)

// workload is a network trained on one batch of random inputs and labels, at batch
// w1Batch: the training step the allocation tests and the benchmarks run.
type workload struct {
	net    *Network
	x      []float32
	labels []int
	grad   []float32
}

const w1Batch = 32

// newWorkload returns net with a batch of random inputs (inputs values an example) and
// labels drawn from rng.
func newWorkload(net *Network, inputs int, rng *rand.Rand) *workload {
	w := &workload{net: net,
		x:      make([]float32, w1Batch*inputs),
		labels: make([]int, w1Batch),
		grad:   make([]float32, w1Batch*10),
	}
	for i := range w.x {
		w.x[i] = float32(rng.Float64())
	}
	for i := range w.labels {
		w.labels[i] = rng.IntN(10)
	}
	return w
}

// newW1 is the reference workload of the speed target: an MLP 256-256-256-10 (a 16×16
// input, two hidden ReLU layers of 256 units, 10 classes) trained at batch 32.
func newW1() *workload {
	rng := rand.New(rand.NewPCG(1, 1))
	return newWorkload(NewNetwork(
		NewDense(256, 256, w1Batch, rng), NewReLU(256, w1Batch),
		NewDense(256, 256, w1Batch, rng), NewReLU(256, w1Batch),
		NewDense(256, 10, w1Batch, rng)), 256, rng)
}

// step is one training step: forward, loss, backward, SGD update.
func (w *workload) step() {
	w.net.ZeroGrad()
	logits := w.net.Forward(w.x, w1Batch, true)
	SoftmaxCrossEntropy(logits, w.labels, w1Batch, 10, w.grad, nil)
	w.net.Backward(w.grad, w1Batch)
	w.net.SGD(0.01, 0.9, 5e-4)
}

func TestTrainingStepAllocatesNothing(t *testing.T) {
	w := newW1()
	if got := testing.AllocsPerRun(20, w.step); got != 0 {
		t.Errorf("a training step allocates %v times, want 0", got)
	}
}

func TestTrainingStepLowersLoss(t *testing.T) {
	w := newW1()
	first := SoftmaxCrossEntropy(w.net.Forward(w.x, w1Batch, false), w.labels, w1Batch, 10, nil, nil)
	for range 50 {
		w.step()
	}
	last := SoftmaxCrossEntropy(w.net.Forward(w.x, w1Batch, false), w.labels, w1Batch, 10, nil, nil)
	if !(last < first/4) {
		t.Errorf("loss on one batch went from %.3f to %.3f after 50 steps; want it to drop fourfold", first, last)
	}
}

func BenchmarkW1(b *testing.B) {
	w := newW1()
	b.ReportAllocs()
	for b.Loop() {
		w.step()
	}
	b.ReportMetric(float64(b.N*w1Batch)/b.Elapsed().Seconds(), "examples/s")
}

// newCNN is the default CNN of the simulator (sim.Model) on 12×12 inputs at batch 32:
// conv3×3(8) → bn? → ReLU → pool → conv3×3(16) → bn? → ReLU → pool → dense(256) → bn? →
// ReLU → dense(10), with one batch of random inputs and labels.
func newCNN(batchNorm bool) *workload {
	rng := rand.New(rand.NewPCG(1, 1))
	var layers []Layer
	side, channels := 12, 1
	for _, filters := range []int{8, 16} {
		layers = append(layers, NewConv(side, side, channels, filters, w1Batch, rng))
		if batchNorm {
			layers = append(layers, NewBatchNorm(filters, side*side, w1Batch))
		}
		layers = append(layers, NewReLU(side*side*filters, w1Batch), NewMaxPool(side, side, filters, w1Batch))
		side, channels = side/2, filters
	}
	layers = append(layers, NewDense(side*side*channels, 256, w1Batch, rng))
	if batchNorm {
		layers = append(layers, NewBatchNorm(256, 1, w1Batch))
	}
	layers = append(layers, NewReLU(256, w1Batch), NewDense(256, 10, w1Batch, rng))
	return newWorkload(NewNetwork(layers...), 12*12, rng)
}

func TestCNNTrainingStepAllocatesNothing(t *testing.T) {
	for _, batchNorm := range []bool{false, true} {
		c := newCNN(batchNorm)
		if got := testing.AllocsPerRun(5, c.step); got != 0 {
			t.Errorf("a CNN training step (batch norm %v) allocates %v times, want 0", batchNorm, got)
		}
	}
}

// BenchmarkCNN measures training steps of the default CNN, without and with batch norm.
func BenchmarkCNN(b *testing.B) {
	for _, batchNorm := range []bool{false, true} {
		name := "plain"
		if batchNorm {
			name = "batchnorm"
		}
		b.Run(name, func(b *testing.B) {
			c := newCNN(batchNorm)
			b.ReportAllocs()
			for b.Loop() {
				c.step()
			}
			b.ReportMetric(float64(b.N*w1Batch)/b.Elapsed().Seconds(), "examples/s")
		})
	}
}

func TestRepeatRows(t *testing.T) {
	for _, rows := range []int{0, 1, 2, 3, 7, 8, 100} {
		row := []float32{1, -2, 3}
		got := make([]float32, len(row)*rows+2)
		got[len(got)-2], got[len(got)-1] = 9, 9 // past the rows: untouched
		repeatRows(got, row, rows)
		for i, v := range got[:len(row)*rows] {
			if want := row[i%len(row)]; v != want {
				t.Fatalf("repeatRows of %d rows: element %d is %v, want %v", rows, i, v, want)
			}
		}
		if got[len(got)-2] != 9 || got[len(got)-1] != 9 {
			t.Errorf("repeatRows of %d rows wrote past them: %v", rows, got[len(got)-2:])
		}
	}
}
