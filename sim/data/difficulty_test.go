package data

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The science needs images that a network learns well but not trivially, and that a linear
// model learns clearly worse, because objects move. We cannot train a network here, so this
// test uses a linear proxy: ridge regression on one-hot targets, the best over a few ridge
// strengths (chosen on the test set, which flatters the linear model and so makes the upper
// bounds below conservative).
func TestLinearProxyDifficulty(t *testing.T) {
	tests := []struct {
		family Family
		max    float64 // a linear model must stay below this accuracy
	}{
		{Shapes, 0.70},
		{Glyphs, 0.70},
		{Textures, 0.85},
	}
	const chance = 0.30 // well above the 10% of guessing
	for _, tt := range tests {
		t.Run(tt.family.String(), func(t *testing.T) {
			spec := Spec{Family: tt.family, Side: 16, Classes: 10, Train: 1000, Test: 1000, Noise: 0.2}
			train, test := Generate(spec, rand.New(rand.NewPCG(1, 0)))
			best, bestLambda := 0.0, 0.0
			for _, lambda := range []float64{0.1, 1, 10, 100, 1000} {
				w := ridgeFit(&train, spec.Classes, lambda)
				if acc := linearAccuracy(w, &test, spec.Classes); acc > best {
					best, bestLambda = acc, lambda
				}
			}
			t.Logf("%s: linear (ridge, λ=%g) test accuracy %.1f%%", tt.family, bestLambda, 100*best)
			if best <= chance || best >= tt.max {
				t.Errorf("%s: linear accuracy %.3f, want in (%.2f, %.2f)", tt.family, best, chance, tt.max)
			}
		})
	}
}

// ridgeFit returns the (d+1)×k weights (last row: bias) minimizing ‖XW − Y‖² + λ‖W‖² for
// one-hot targets Y, by solving the normal equations with a Cholesky factorization.
func ridgeFit(im *Images, k int, lambda float64) [][]float64 {
	d := im.Side*im.Side + 1
	a := make([][]float64, d)
	b := make([][]float64, d)
	for r := range a {
		a[r] = make([]float64, d)
		b[r] = make([]float64, k)
		a[r][r] = lambda
	}
	x := make([]float64, d)
	for i := range im.Len() {
		for j, v := range im.At(i) {
			x[j] = float64(v)
		}
		x[d-1] = 1
		for r := range d {
			for c := 0; c <= r; c++ {
				a[r][c] += x[r] * x[c]
			}
			b[r][im.Labels[i]] += x[r]
		}
	}
	// Cholesky: a = L Lᵀ, L stored in the lower triangle of a.
	for r := range d {
		for c := 0; c <= r; c++ {
			s := a[r][c]
			for m := range c {
				s -= a[r][m] * a[c][m]
			}
			if r == c {
				a[r][r] = math.Sqrt(s)
			} else {
				a[r][c] = s / a[c][c]
			}
		}
	}
	// Solve L z = b, then Lᵀ w = z, column by column, in place in b.
	for col := range k {
		for r := range d {
			s := b[r][col]
			for m := range r {
				s -= a[r][m] * b[m][col]
			}
			b[r][col] = s / a[r][r]
		}
		for r := d - 1; r >= 0; r-- {
			s := b[r][col]
			for m := r + 1; m < d; m++ {
				s -= a[m][r] * b[m][col]
			}
			b[r][col] = s / a[r][r]
		}
	}
	return b
}

// linearAccuracy scores argmax(xᵀW) against the labels.
func linearAccuracy(w [][]float64, im *Images, k int) float64 {
	ok := 0
	score := make([]float64, k)
	for i := range im.Len() {
		px := im.At(i)
		copy(score, w[len(px)])
		for j, v := range px {
			for c := range k {
				score[c] += float64(v) * w[j][c]
			}
		}
		best := 0
		for c := range k {
			if score[c] > score[best] {
				best = c
			}
		}
		if best == im.Labels[i] {
			ok++
		}
	}
	return float64(ok) / float64(im.Len())
}
