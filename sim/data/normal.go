package data

import (
	"math"
	"math/rand/v2"
)

// Why not rand.NormFloat64: its rare slow paths call math.Log and math.Exp, which on amd64 are
// assembly routines that need not agree to the last bit with the pure-Go versions WebAssembly
// runs. A shared link must replay the same dataset in the browser that a native test checked,
// so the noise here uses only operations IEEE 754 pins down exactly (+, −, ×, ÷, √) plus
// portableLog, a pure-Go logarithm that is the same code on every platform.

// normalPair returns two independent standard normal draws (Marsaglia's polar method).
func normalPair(rng *rand.Rand) (float64, float64) {
	for {
		u := 2*rng.Float64() - 1
		v := 2*rng.Float64() - 1
		s := u*u + v*v
		if s > 0 && s < 1 {
			f := math.Sqrt(-2 * portableLog(s) / s)
			return u * f, v * f
		}
	}
}

// addNormal adds N(0, std²) to every element of dst.
func addNormal(dst []float32, std float64, rng *rand.Rand) {
	for i := 0; i < len(dst); i += 2 {
		a, b := normalPair(rng)
		dst[i] += float32(std * a)
		if i+1 < len(dst) {
			dst[i+1] += float32(std * b)
		}
	}
}

// setNormal sets every element of dst to a draw from N(mean, std²).
func setNormal(dst []float32, mean, std float64, rng *rand.Rand) {
	for i := 0; i < len(dst); i += 2 {
		a, b := normalPair(rng)
		dst[i] = float32(mean + std*a)
		if i+1 < len(dst) {
			dst[i+1] = float32(mean + std*b)
		}
	}
}

// portableLog is the natural logarithm of x > 0, the pure-Go algorithm of the standard library
// (from FreeBSD's e_log.c), copied so that every platform runs the same code.
func portableLog(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01 /* 3fe62e42 fee00000 */
		ln2Lo = 1.90821492927058770002e-10 /* 3dea39ef 35793c76 */
		l1    = 6.666666666666735130e-01   /* 3FE55555 55555593 */
		l2    = 3.999999999940941908e-01   /* 3FD99999 9997FA04 */
		l3    = 2.857142874366239149e-01   /* 3FD24924 94229359 */
		l4    = 2.222219843214978396e-01   /* 3FCC71C5 1D8E78AF */
		l5    = 1.818357216161805012e-01   /* 3FC74664 96CB03DE */
		l6    = 1.531383769920937332e-01   /* 3FC39A09 D078C69F */
		l7    = 1.479819860511658591e-01   /* 3FC2F112 DF3E5244 */
	)
	f1, ki := math.Frexp(x)
	if f1 < math.Sqrt2/2 {
		f1 *= 2
		ki--
	}
	f := f1 - 1
	k := float64(ki)
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	t1 := s2 * (l1 + s4*(l3+s4*(l5+s4*l7)))
	t2 := s4 * (l2 + s4*(l4+s4*l6))
	r := t1 + t2
	hfsq := 0.5 * f * f
	return k*ln2Hi - ((hfsq - (s*(hfsq+r) + k*ln2Lo)) - f)
}
