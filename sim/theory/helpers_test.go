package theory

import (
	"math"
	"math/rand/v2"
)

// newRand returns the seeded generator every test draws from, so that each run sees the same data.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)) }

// gaussian returns n points of dimension d with independent standard normal coordinates.
func gaussian(rng *rand.Rand, n, d int) []float32 {
	x := make([]float32, n*d)
	for i := range x {
		x[i] = float32(rng.NormFloat64())
	}
	return x
}

// uniformLabels returns n labels drawn uniformly from 0..k-1.
func uniformLabels(rng *rand.Rand, n, k int) []int {
	l := make([]int, n)
	for i := range l {
		l[i] = rng.IntN(k)
	}
	return l
}

// clusters returns n points around the given class prototypes (each of dimension d) with
// Gaussian noise of standard deviation sigma, and their true labels: a toy image set whose labels
// carry real structure.
func clusters(rng *rand.Rand, protos [][]float32, n int, sigma float64) ([]float32, []int) {
	d := len(protos[0])
	x := make([]float32, 0, n*d)
	labels := uniformLabels(rng, n, len(protos))
	for _, l := range labels {
		for _, v := range protos[l] {
			x = append(x, v+float32(sigma*rng.NormFloat64()))
		}
	}
	return x, labels
}

// binomialTol is four standard deviations of an accuracy measured on n independent guesses that
// are each right with probability p: a test passes it by chance except about once in 15,000.
func binomialTol(p float64, n int) float64 { return 4 * math.Sqrt(p*(1-p)/float64(n)) }
