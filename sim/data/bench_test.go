package data

import "testing"

// BenchmarkGenerate: 1,000 training and 1,000 test images at 16×16 with noise, per family.
func BenchmarkGenerate(b *testing.B) {
	for _, f := range Families() {
		b.Run(f.String(), func(b *testing.B) {
			spec := Spec{Family: f, Side: 16, Classes: 10, Train: 1000, Test: 1000, Noise: 0.2}
			rng := newRNG(1)
			for b.Loop() {
				Generate(spec, rng)
			}
		})
	}
}
