package theory

import "math"

// normInv1 estimates ‖B‖₁ for B = A⁻¹ of order n, given only the products v ← B v (solve) and
// v ← Bᵀ v (solveT), by Hager's method with Higham's refinements (the estimator behind LAPACK's
// condition numbers). Forming A⁻¹ would take O(n³) time and O(n²) memory; this takes a handful
// of solves. The result is a lower bound on ‖B‖₁ that is exact in most cases and rarely off by
// more than a factor of 3.
//
// The idea: ‖B‖₁ is the largest ‖B x‖₁ over the unit 1-norm ball, a convex function whose
// maximum sits at a vertex e_j. Starting from the centre, each step follows the gradient
// Bᵀ sign(B x) to the most promising vertex and stops when no vertex looks better.
func normInv1(n int, solve, solveT func(v []float64)) float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	solve(x)
	est := norm1(x)
	if n == 1 {
		return est
	}
	xi := make([]float64, n)
	prev := -1 // the vertex x was last set to; -1 while x is the centre
	for range 5 {
		for i, v := range x {
			xi[i] = 1
			if v < 0 {
				xi[i] = -1
			}
		}
		solveT(xi)
		j := 0
		for i, v := range xi {
			if math.Abs(v) > math.Abs(xi[j]) {
				j = i
			}
		}
		// zᵀx is the first-order prediction of the current value; if the best vertex does not
		// beat it, x is a local maximum.
		var ztx float64
		if prev < 0 {
			for _, v := range xi {
				ztx += v
			}
			ztx /= float64(n)
		} else {
			ztx = xi[prev]
		}
		if j == prev || math.Abs(xi[j]) <= ztx {
			break
		}
		clear(x)
		x[j] = 1
		solve(x)
		next := norm1(x)
		if next <= est {
			break
		}
		est, prev = next, j
	}
	// Higham's safeguard: a vector of alternating signs and growing size catches the matrices
	// that fool the gradient steps.
	for i := range x {
		x[i] = (1 + float64(i)/float64(n-1))
		if i%2 == 1 {
			x[i] = -x[i]
		}
	}
	solve(x)
	return max(est, 2*norm1(x)/float64(3*n))
}

func norm1(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += math.Abs(x)
	}
	return s
}
