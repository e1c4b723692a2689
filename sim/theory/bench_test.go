package theory

import "testing"

func BenchmarkConstruct1000(b *testing.B) {
	rng := newRand(60)
	x, labels := gaussian(rng, 1000, 256), uniformLabels(rng, 1000, 10)
	for b.Loop() {
		if _, err := Construct(x, 256, labels, 10, rng); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInterpolateRBF500(b *testing.B) {
	x, labels, _, _ := toySet()
	for b.Loop() {
		if _, err := Interpolate(x, 64, labels, 10, Kernel{Kind: RBFKernel}); err != nil {
			b.Fatal(err)
		}
	}
}
