package nn

import (
	"math"
	"math/rand/v2"
	"testing"
)

// checkGradients compares a layer's analytic gradients with central finite differences
// of the scalar L = Σ r·y, for random r. forward must rerun the layer from scratch
// (same dropout mask, same batch statistics) so that L is a deterministic function.
func checkGradients(t *testing.T, name string, layer Layer, x []float32, n int, forward func() []float32) {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 7))
	y := forward()
	r := make([]float32, len(y))
	for i := range r {
		r[i] = float32(rng.NormFloat64())
	}
	loss := func() float64 {
		var s float64
		for i, v := range forward() {
			s += float64(v) * float64(r[i])
		}
		return s
	}
	for _, p := range layer.Params() {
		clear(p.Grad)
	}
	forward()
	dx := append([]float32(nil), layer.Backward(r, n, true)...)

	type target struct {
		what     string
		values   []float32
		analytic []float32
	}
	targets := []target{{"input", x, dx}}
	for _, p := range layer.Params() {
		targets = append(targets, target{p.Name, p.Value, append([]float32(nil), p.Grad...)})
	}
	const eps = 1e-2
	for _, tg := range targets {
		worst := 0.0
		for trial := 0; trial < 40; trial++ {
			i := rng.IntN(len(tg.values))
			old := tg.values[i]
			tg.values[i] = old + eps
			up := loss()
			tg.values[i] = old - eps
			down := loss()
			tg.values[i] = old
			numeric := (up - down) / (2 * eps)
			got := float64(tg.analytic[i])
			rel := math.Abs(numeric-got) / math.Max(1, math.Abs(numeric)+math.Abs(got))
			worst = max(worst, rel)
			if rel > 1e-3 {
				t.Errorf("%s: d/d%s[%d] analytic %.6g, finite difference %.6g", name, tg.what, i, got, numeric)
			}
		}
		t.Logf("%s: %s worst relative error %.2g", name, tg.what, worst)
	}
}

// awayFromZero fills x with values whose magnitude is at least 0.2, so that a ±eps
// perturbation never crosses a ReLU kink.
func awayFromZero(x []float32, rng *rand.Rand) {
	for i := range x {
		v := 0.2 + rng.Float64()
		if rng.IntN(2) == 0 {
			v = -v
		}
		x[i] = float32(v)
	}
}

func TestGradients(t *testing.T) {
	const n = 4
	rng := rand.New(rand.NewPCG(1, 2))
	newInput := func(size int) []float32 {
		x := make([]float32, n*size)
		awayFromZero(x, rng)
		return x
	}

	t.Run("dense", func(t *testing.T) {
		d := NewDense(6, 5, n, rng)
		for i := range d.B.Value {
			d.B.Value[i] = float32(rng.NormFloat64())
		}
		x := newInput(6)
		checkGradients(t, "dense", d, x, n, func() []float32 { return d.Forward(x, n, true) })
	})
	t.Run("relu", func(t *testing.T) {
		r := NewReLU(7, n)
		x := newInput(7)
		checkGradients(t, "relu", r, x, n, func() []float32 { return r.Forward(x, n, true) })
	})
	t.Run("dropout", func(t *testing.T) {
		src := rand.NewPCG(3, 4)
		d := NewDropout(0.5, 7, n, rand.New(src))
		x := newInput(7)
		checkGradients(t, "dropout", d, x, n, func() []float32 {
			src.Seed(3, 4) // the same mask every time
			return d.Forward(x, n, true)
		})
	})
	t.Run("batchnorm dense", func(t *testing.T) {
		b := NewBatchNorm(5, 1, n)
		for c := range 5 {
			b.Gamma.Value[c] = float32(0.5 + rng.Float64())
			b.Beta.Value[c] = float32(rng.NormFloat64())
		}
		x := newInput(5)
		checkGradients(t, "batchnorm", b, x, n, func() []float32 { return b.Forward(x, n, true) })
	})
	t.Run("batchnorm conv", func(t *testing.T) {
		b := NewBatchNorm(3, 4, n)
		x := newInput(12)
		checkGradients(t, "batchnorm conv", b, x, n, func() []float32 { return b.Forward(x, n, true) })
	})
	t.Run("conv", func(t *testing.T) {
		c := NewConv(5, 4, 2, 3, n, rng)
		for i := range c.B.Value {
			c.B.Value[i] = float32(rng.NormFloat64())
		}
		x := newInput(5 * 4 * 2)
		checkGradients(t, "conv", c, x, n, func() []float32 { return c.Forward(x, n, true) })
	})
	t.Run("maxpool", func(t *testing.T) {
		p := NewMaxPool(4, 5, 2, n)
		x := make([]float32, n*4*5*2)
		for i := range x { // distinct values far apart, so no perturbation changes a winner
			x[i] = float32(i) * 0.1
		}
		rng.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
		checkGradients(t, "maxpool", p, x, n, func() []float32 { return p.Forward(x, n, true) })
	})
}

func TestSoftmaxCrossEntropyGradient(t *testing.T) {
	const n, k = 3, 4
	rng := rand.New(rand.NewPCG(5, 6))
	logits := make([]float32, n*k)
	for i := range logits {
		logits[i] = float32(rng.NormFloat64() * 2)
	}
	labels := []int{0, 3, 1}
	grad := make([]float32, n*k)
	SoftmaxCrossEntropy(logits, labels, n, k, grad, nil)
	const eps = 1e-2
	for i := range logits {
		old := logits[i]
		logits[i] = old + eps
		up := SoftmaxCrossEntropy(logits, labels, n, k, nil, nil)
		logits[i] = old - eps
		down := SoftmaxCrossEntropy(logits, labels, n, k, nil, nil)
		logits[i] = old
		numeric := (up - down) / (2 * eps)
		if math.Abs(numeric-float64(grad[i])) > 1e-3 {
			t.Errorf("dL/dlogit[%d] = %.6g, finite difference %.6g", i, grad[i], numeric)
		}
	}
}

func TestSoftmaxCrossEntropyValues(t *testing.T) {
	tests := []struct {
		name        string
		logits      []float32
		label       int
		wantLoss    float64
		wantCorrect bool
	}{
		{"uniform", []float32{0, 0}, 1, math.Log(2), false}, // ties go to the first class
		{"confident right", []float32{10, 0}, 0, math.Log(1 + math.Exp(-10)), true},
		{"confident wrong", []float32{10, 0}, 1, 10 + math.Log(1+math.Exp(-10)), false},
		{"large logits stay finite", []float32{1000, 0}, 0, 0, true},
	}
	for _, tt := range tests {
		correct := make([]bool, 1)
		got := SoftmaxCrossEntropy(tt.logits, []int{tt.label}, 1, 2, nil, correct)
		if math.Abs(got-tt.wantLoss) > 1e-6 || correct[0] != tt.wantCorrect {
			t.Errorf("%s: loss %v correct %v, want %v %v", tt.name, got, correct[0], tt.wantLoss, tt.wantCorrect)
		}
	}
}

// TestNetworkGradient checks a whole small CNN with batch norm end to end, through the
// loss, against finite differences on its first layer.
func TestNetworkGradient(t *testing.T) {
	const n, side, classes = 3, 6, 3
	rng := rand.New(rand.NewPCG(9, 9))
	conv := NewConv(side, side, 1, 2, n, rng)
	net := NewNetwork(conv, NewBatchNorm(2, side*side, n), NewReLU(side*side*2, n),
		NewMaxPool(side, side, 2, n), NewDense(3*3*2, classes, n, rng))
	x := make([]float32, n*side*side)
	for i := range x {
		x[i] = float32(rng.Float64())
	}
	labels := []int{0, 2, 1}
	grad := make([]float32, n*classes)
	loss := func() float64 {
		return SoftmaxCrossEntropy(net.Forward(x, n, true), labels, n, classes, nil, nil)
	}
	net.ZeroGrad()
	SoftmaxCrossEntropy(net.Forward(x, n, true), labels, n, classes, grad, nil)
	net.Backward(grad, n)
	const eps = 3e-4 // small: through ReLUs and pooling a larger step crosses kinks
	for i := range conv.K.Value {
		old := conv.K.Value[i]
		conv.K.Value[i] = old + eps
		up := loss()
		conv.K.Value[i] = old - eps
		down := loss()
		conv.K.Value[i] = old
		numeric := (up - down) / (2 * eps)
		got := float64(conv.K.Grad[i])
		if math.Abs(numeric-got) > 2e-2*math.Max(1e-2, math.Abs(numeric)) && math.Abs(numeric-got) > 1e-4 {
			t.Errorf("dL/dK[%d] = %.6g, finite difference %.6g", i, got, numeric)
		}
	}
}
