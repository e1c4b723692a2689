package speed

import (
	"math/rand/v2"
	"strconv"
	"time"

	"genlab/sim/nn/kernel"
)

// GemmShape is one of the matrix products of a W1 training step, in the form the dense
// layers hand it to kernel.Gemm: c (m×n) = a·b + c, with a m×k, or k×m when transA.
type GemmShape struct {
	what    string // which product of the step it is
	transA  bool
	m, n, k int
}

// W1Gemms are W1's matrix products: the hidden layers' forward pass (their input
// gradient has the same shape), their weight gradient xᵀ·dy, and the output layer's
// forward pass.
func W1Gemms() []GemmShape {
	return []GemmShape{
		{what: "fwd", m: w1Batch, n: w1Hidden, k: w1Inputs},
		{what: "dW", transA: true, m: w1Inputs, n: w1Hidden, k: w1Batch},
		{what: "out", m: w1Batch, n: w1Classes, k: w1Hidden},
	}
}

// Name is how the benchmark reports the shape, e.g. "fwd-32x256x256" (m×n×k).
func (s GemmShape) Name() string {
	return s.what + "-" + strconv.Itoa(s.m) + "x" + strconv.Itoa(s.n) + "x" + strconv.Itoa(s.k)
}

// GFLOPS calls kernel.Gemm on the shape, with operands of uniform random values, until
// d has passed, and returns its speed in GFLOP/s, counting 2·m·n·k flops a call. It
// reads the clock every 16 calls: a call of the smallest shape takes microseconds, and
// reading the clock is a call out to JavaScript.
func (s GemmShape) GFLOPS(d time.Duration, rng *rand.Rand) float64 {
	const callsPerRead = 16
	a := randomFloats(s.m*s.k, rng)
	b := randomFloats(s.k*s.n, rng)
	c := randomFloats(s.m*s.n, rng)
	calls := 0
	var elapsed time.Duration
	for start := time.Now(); elapsed < d; elapsed = time.Since(start) {
		for range callsPerRead {
			kernel.Gemm(s.transA, s.m, s.n, s.k, a, b, 1, c)
		}
		calls += callsPerRead
	}
	return 2 * float64(s.m*s.n*s.k) * float64(calls) / elapsed.Seconds() / 1e9
}

func randomFloats(n int, rng *rand.Rand) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = rng.Float32()
	}
	return v
}
