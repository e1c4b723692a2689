package data

import (
	"math/rand/v2"

	"genlab/sim/internal/portable"
)

// The noise uses sim/internal/portable rather than rand.NormFloat64, whose rare slow paths
// call math.Log and math.Exp: on amd64 those are assembly routines that need not agree to
// the last bit with the pure-Go versions WebAssembly runs, and a shared link must replay in
// the browser the very dataset a native test checked.

// addNormal adds N(0, std²) to every element of dst.
func addNormal(dst []float32, std float64, rng *rand.Rand) {
	for i := 0; i < len(dst); i += 2 {
		a, b := portable.Normal(rng)
		dst[i] += float32(std * a)
		if i+1 < len(dst) {
			dst[i+1] += float32(std * b)
		}
	}
}
