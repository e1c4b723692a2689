// Package portable holds the few transcendental functions and random draws the simulator
// needs, written so that every platform computes the very same bits.
//
// Why: on amd64 math.Exp and math.Log are assembly routines that need not agree to the
// last bit with the pure-Go versions WebAssembly runs, and rand.NormFloat64 calls them on
// its rare slow paths. Training is chaotic: one flipped bit in one gradient grows into a
// different run. A shared link must replay in the browser the same run a native test
// checked, so the simulator uses only operations IEEE 754 pins down exactly (+, −, ×, ÷, √)
// and the pure-Go algorithms below (the standard library's own fallbacks, from FreeBSD's
// msun), which are the same code everywhere.
package portable

import (
	"math"
	"math/rand/v2"
)

// Normal returns two independent standard normal draws from rng (Marsaglia's polar method).
func Normal(rng *rand.Rand) (float64, float64) {
	for {
		u := 2*rng.Float64() - 1
		v := 2*rng.Float64() - 1
		s := u*u + v*v
		if s > 0 && s < 1 {
			f := math.Sqrt(-2 * Log(s) / s)
			return u * f, v * f
		}
	}
}

// FillNormal sets every element of dst to a draw from N(mean, std²).
func FillNormal(dst []float32, mean, std float64, rng *rand.Rand) {
	for i := 0; i < len(dst); i += 2 {
		a, b := Normal(rng)
		dst[i] = float32(mean + std*a)
		if i+1 < len(dst) {
			dst[i+1] = float32(mean + std*b)
		}
	}
}

// Exp returns e**x, computed by the standard library's pure-Go algorithm.
func Exp(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01
		ln2Lo = 1.90821492927058770002e-10
		log2e = 1.44269504088896338700e+00

		overflow  = 7.09782712893383973096e+02
		underflow = -7.45133219101941108420e+02
		nearZero  = 1.0 / (1 << 28)
	)
	switch {
	case math.IsNaN(x):
		return x
	case x > overflow:
		return math.Inf(1)
	case x < underflow:
		return 0
	case -nearZero < x && x < nearZero:
		return 1 + x
	}
	var k int
	switch {
	case x < 0:
		k = int(log2e*x - 0.5)
	case x > 0:
		k = int(log2e*x + 0.5)
	}
	hi := x - float64(k)*ln2Hi
	lo := float64(k) * ln2Lo

	const (
		p1 = 1.66666666666666657415e-01
		p2 = -2.77777777770155933842e-03
		p3 = 6.61375632143793436117e-05
		p4 = -1.65339022054652515390e-06
		p5 = 4.13813679705723846039e-08
	)
	r := hi - lo
	t := r * r
	c := r - t*(p1+t*(p2+t*(p3+t*(p4+t*p5))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	return math.Ldexp(y, k)
}

// Log returns the natural logarithm of x, computed by the standard library's pure-Go algorithm.
func Log(x float64) float64 {
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
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
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
