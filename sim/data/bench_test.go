package data

import (
	"fmt"
	"testing"
)

// BenchmarkGenerate: per family, the default size (1,000 training and 1,000 test images at
// 16×16 with noise) and the largest set a student can ask for (10,000 training images at
// 32×32). Every image ranks all its pixels (see ink.go), so the cost grows a little faster
// than the pixel count.
func BenchmarkGenerate(b *testing.B) {
	sizes := []struct{ side, train, test int }{{16, 1000, 1000}, {32, 10000, 0}}
	for _, sz := range sizes {
		for _, f := range Families() {
			b.Run(fmt.Sprintf("%v-side%d-n%d", f, sz.side, sz.train+sz.test), func(b *testing.B) {
				spec := Spec{Family: f, Side: sz.side, Classes: 10, Train: sz.train, Test: sz.test, Noise: 0.2}
				rng := newRNG(1)
				for b.Loop() {
					Generate(spec, rng)
				}
			})
		}
	}
}
