package data

import (
	"math"
	"testing"
)

func TestPortableLog(t *testing.T) {
	// Within two units in the last place of the standard library's Log (which on amd64 is an
	// assembly routine, not this code), over the range the sampler uses.
	rng := newRNG(1)
	for range 100000 {
		x := rng.Float64()
		if x == 0 {
			continue
		}
		got, want := portableLog(x), math.Log(x)
		if math.Abs(got-want) > 2*ulp(want) {
			t.Fatalf("portableLog(%v) = %v, want %v", x, got, want)
		}
	}
	// Exact values. Not math.Log for the subnormal: on amd64 its assembly returns −709.09
	// for 2⁻¹⁰⁷⁴, whose logarithm is −1074·ln 2 ≈ −744.44.
	tests := []struct{ x, want float64 }{
		{1, 0},
		{0.5, -math.Ln2},
		{0x1p-52, -52 * math.Ln2},
		{0x1p-1074, -1074 * math.Ln2},
		{math.E, 1},
	}
	for _, tt := range tests {
		if got := portableLog(tt.x); math.Abs(got-tt.want) > 2*ulp(tt.want) {
			t.Errorf("portableLog(%v) = %v, want %v", tt.x, got, tt.want)
		}
	}
}

func ulp(x float64) float64 {
	x = math.Abs(x)
	return math.Nextafter(x, math.Inf(1)) - x
}

// The noise is standard normal: mean 0, variance 1, and the right tails (4.55% beyond 2σ,
// 0.27% beyond 3σ): a uniform or a sum of few uniforms would fail the tails.
func TestNormalPair(t *testing.T) {
	const n = 400000
	rng := newRNG(2)
	var sum, sq float64
	var beyond2, beyond3 int
	for i := 0; i < n; i += 2 {
		a, b := normalPair(rng)
		for _, z := range []float64{a, b} {
			sum += z
			sq += z * z
			if math.Abs(z) > 2 {
				beyond2++
			}
			if math.Abs(z) > 3 {
				beyond3++
			}
		}
	}
	mean := sum / n
	variance := sq/n - mean*mean
	tests := []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"mean", mean, 0, 4 / math.Sqrt(n)},
		{"variance", variance, 1, 4 * math.Sqrt(2.0/n)},
		{"P(|z|>2)", float64(beyond2) / n, 0.0455, 4 * math.Sqrt(0.0455*0.9545/n)},
		{"P(|z|>3)", float64(beyond3) / n, 0.0027, 4 * math.Sqrt(0.0027*0.9973/n)},
	}
	for _, tt := range tests {
		if math.Abs(tt.got-tt.want) > tt.tol {
			t.Errorf("%s = %.5f, want %.5f ± %.5f", tt.name, tt.got, tt.want, tt.tol)
		}
	}
}
