package theory

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/mat"

	"genlab/sim/figure"
)

// Construction is the network of Theorem 1, built rather than trained: one hidden layer of n ReLU
// units that all share the input weights Dir and differ only in their biases, followed by a linear
// output layer. On a point x it computes, for every class c,
//
//	score_c(x) = Σ_j Out[j,c] · ReLU(<Dir, x> − Bias[j]).
//
// It fits the labels it was built from exactly and says nothing useful about any other point.
type Construction struct {
	Dir     []float64  // a: the one input direction every hidden unit looks along, length d
	Bias    []float64  // b: the hidden units' thresholds, length n, strictly increasing
	Out     *mat.Dense // w: n×K output weights, row j belonging to the unit with threshold Bias[j]
	Weights int        // parameters in the network, n·K + n + d (2n + d for one output)
	Cond    float64    // 1-norm condition number of A, estimated (a lower bound, usually exact)
	// Sorted are the projections <a, x_i> in increasing order, Sorted[k] = z_(k) just above
	// Bias[k], and Order[k] is the point whose projection it is: what Picture draws.
	Sorted []float64
	Order  []int

	w []float64 // Out's storage, row-major with stride K, read directly when predicting
}

// Construct builds the Theorem 1 network that fits labels (each in 0..classes-1) of the n points
// in x, a flat row-major n×d slice of float32 (as the data package stores images). The only
// randomness is the direction a, drawn from rng.
//
// The points must be distinct, and distinct along a: two points with the same projection could
// not be told apart by any unit, so Construct returns an error naming them. For points in general
// position that happens with probability zero; identical points are the practical case.
//
// Time is O(n·d + n·log n + n·K) and memory O(n·K): the triangular matrix A is never stored,
// because each of its entries is one subtraction away from the projections and thresholds, and
// the triangular solve walks A's rows in O(K) each (see forwardSolve).
func Construct(x []float32, d int, labels []int, classes int, rng *rand.Rand) (*Construction, error) {
	n, err := checkData(x, d, labels, classes)
	if err != nil {
		return nil, err
	}

	// A Gaussian direction is rotation invariant, so it favours no pixel and, with probability
	// one, gives distinct points distinct projections.
	a := make([]float64, d)
	for i := range a {
		a[i] = rng.NormFloat64()
	}
	z := make([]float64, n)
	for i := range z {
		z[i] = dot(a, x[i*d:(i+1)*d])
		if math.IsInf(z[i], 0) {
			return nil, fmt.Errorf("theory: point %d is too large to project (values overflow float64)", i)
		}
	}

	// Sort the points along a. Ties are broken by index only so that the order is deterministic;
	// a tie is reported below.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		if c := cmp.Compare(z[i], z[j]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	zs := make([]float64, n)
	for k, i := range order {
		zs[k] = z[i]
	}

	b, k := thresholds(zs)
	if k > 0 {
		return nil, collision(x, d, order[k-1], order[k])
	}

	// The targets are one-hot rows, in sorted order; forwardSolve overwrites them with w.
	w := make([]float64, n*classes)
	for k, i := range order {
		w[k*classes+labels[i]] = 1
	}
	forwardSolve(zs, b, w, classes)

	return &Construction{
		Dir:     a,
		Bias:    b,
		Out:     mat.NewDense(n, classes, w),
		Weights: n*classes + n + d,
		Cond:    condA(zs, b),
		Sorted:  zs,
		Order:   order,
		w:       w,
	}, nil
}

// thresholds places one threshold below each sorted projection and above the previous one:
// b_1 < z_(1) < b_2 < z_(2) < … < b_n < z_(n). That interleaving is the whole trick: unit j is off
// (ReLU of a negative) for every point below z_(j) and on for z_(j) and every point above it, so
// A_ij = ReLU(z_(i) − b_j) is lower triangular with a positive diagonal, hence invertible.
//
// Thresholds sit at midpoints, which makes the smallest diagonal entry (half the smallest gap) as
// large as it can be. The first has no left neighbour; it goes half an average gap below z_(1),
// so that A's first column is on the scale of the others.
//
// If two neighbouring projections leave no float64 strictly between them (they are equal, or
// adjacent floats, whose midpoint rounds onto one end), thresholds returns k > 0 such that
// projections k-1 and k collide; otherwise k = 0.
func thresholds(zs []float64) (b []float64, k int) {
	n := len(zs)
	b = make([]float64, n)
	h := 1 + math.Abs(zs[0]) // a single point: any threshold below it will do
	if n > 1 {
		h = (zs[n-1] - zs[0]) / float64(2*(n-1))
	}
	b[0] = zs[0] - h
	if !(b[0] < zs[0]) { // h below half an ulp of z_(1)
		b[0] = math.Nextafter(zs[0], math.Inf(-1))
	}
	for k := 1; k < n; k++ {
		b[k] = zs[k-1] + (zs[k]-zs[k-1])/2
		if !(zs[k-1] < b[k] && b[k] < zs[k]) {
			return nil, k
		}
	}
	return b, 0
}

// collision explains why points i and j cannot be separated along the drawn direction.
func collision(x []float32, d, i, j int) error {
	i, j = min(i, j), max(i, j)
	if slices.Equal(x[i*d:(i+1)*d], x[j*d:(j+1)*d]) {
		return fmt.Errorf("theory: points %d and %d are identical; Theorem 1 needs distinct points", i, j)
	}
	return fmt.Errorf("theory: points %d and %d project to (nearly) the same value along the random direction; another seed will separate them", i, j)
}

// forwardSolve overwrites the n×k row-major right-hand sides r with the solution of A W = R, where
// A_ij = zs_i − b_j for j ≤ i and 0 above the diagonal. Row i of A involves only the unknowns of
// rows 0..i, which are already known by the time row i is reached: that is forward substitution.
//
// Done entry by entry it would cost n²/2 multiply-adds per column (5·10⁸ at n = 10,000 and
// K = 10: several seconds in a browser); A's structure makes it O(n·K). Every row of A is the previous one shifted:
// A_ij − A_(i−1)j = zs_i − zs_(i−1) for every j < i. So the known part of row i,
//
//	G_i = Σ_(j<i) (zs_i − b_j) w_j = Σ_(j<i) (zs_(i−1) − b_j) w_j + (zs_i − zs_(i−1)) Σ_(j<i) w_j
//	    = r_(i−1) + (zs_i − zs_(i−1)) S_i,
//
// is the previous row's right-hand side (row i−1 is satisfied) plus the gap times S_i, the sum of
// the weights found so far; then w_i = (r_i − G_i) / (zs_i − b_i). This is the network's own
// reading: S_i is the slope of the piecewise linear function it computes just below zs_i.
func forwardSolve(zs, b, r []float64, k int) {
	slope, prev := make([]float64, k), make([]float64, k)
	for i, zi := range zs {
		ri := r[i*k : (i+1)*k]
		aii := zi - b[i]
		dz := 0.0
		if i > 0 {
			dz = zi - zs[i-1]
		}
		for c, y := range ri {
			g := 0.0
			if i > 0 {
				g = prev[c] + dz*slope[c]
			}
			prev[c] = y
			ri[c] = (y - g) / aii
			slope[c] += ri[c]
		}
	}
}

// backSolve overwrites r with the solution of Aᵀ y = r (one right-hand side): the transpose is
// upper triangular, so it is solved from the last row up, in O(n) by the same shift as
// forwardSolve's, along columns: H_j = Σ_(i>j) (zs_i − b_j) y_i = r_(j+1) + (b_(j+1) − b_j) P_(j+1),
// where P_(j+1) = Σ_(i>j) y_i.
func backSolve(zs, b, r []float64) {
	n := len(zs)
	var sum, prev float64 // P_(j+1), and the right-hand side of row j+1
	for j := n - 1; j >= 0; j-- {
		h := 0.0
		if j < n-1 {
			h = prev + (b[j+1]-b[j])*sum
		}
		prev = r[j]
		r[j] = (r[j] - h) / (zs[j] - b[j])
		sum += r[j]
	}
}

// condA returns κ₁(A) = ‖A‖₁·‖A⁻¹‖₁. Every entry of A is non-negative and column j holds
// zs_i − b_j for i ≥ j, which shrinks as j grows, so the first column has the largest sum. The
// inverse is never formed: its norm is estimated from a few triangular solves (see normInv1).
func condA(zs, b []float64) float64 {
	var norm float64
	for _, zi := range zs {
		norm += zi - b[0]
	}
	inv := normInv1(len(zs),
		func(v []float64) { forwardSolve(zs, b, v, 1) },
		func(v []float64) { backSolve(zs, b, v) })
	return norm * inv
}

// Picture is what the theorem1 figure draws of c, built on points with these labels: the
// sorted projections coloured by label, the interleaved thresholds, and the matrix A as
// block means (figure.Picture), all from Sorted and Bias in O(n) time.
func (c *Construction) Picture(labels []int) figure.Picture {
	_, k := c.Out.Dims()
	sorted := make([]int, len(c.Order))
	for r, i := range c.Order {
		sorted[r] = labels[i]
	}
	return figure.NewPicture(c.Sorted, c.Bias, sorted, k)
}

// Scores writes the K class scores of the point x (length d) into dst, reusing its storage if it
// is large enough, and returns it.
//
// Only the units whose threshold lies below z = <a, x> are active, and the thresholds are sorted,
// so the sum stops at the first inactive unit: O(d + n·K) at worst, less for points low along a.
func (c *Construction) Scores(dst []float64, x []float32) []float64 {
	d := len(c.Dir)
	if len(x) != d {
		panic(fmt.Sprintf("theory: point of dimension %d given to a construction of dimension %d", len(x), d))
	}
	_, k := c.Out.Dims()
	dst = grow(dst, k)
	clear(dst)
	z := dot(c.Dir, x)
	for j, bj := range c.Bias {
		if bj >= z {
			break
		}
		r := z - bj
		for cl, wjc := range c.w[j*k : (j+1)*k] {
			dst[cl] += r * wjc
		}
	}
	return dst
}

// Predict returns the class with the largest score for the point x (length d).
func (c *Construction) Predict(x []float32) int {
	return argmax(c.Scores(nil, x))
}

// Accuracy returns the fraction of the points in x (flat row-major, dimension d) whose predicted
// class equals their label; 0 if there are none. A label outside the classes counts as a miss.
func (c *Construction) Accuracy(x []float32, d int, labels []int) float64 {
	n := checkEval(x, d, len(c.Dir), labels)
	if n == 0 {
		return 0
	}
	var s []float64
	hits := 0
	for i, l := range labels {
		s = c.Scores(s, x[i*d:(i+1)*d])
		if argmax(s) == l {
			hits++
		}
	}
	return float64(hits) / float64(n)
}

// dot returns <a, x> accumulated in float64, so that projections of float32 images keep the
// precision the thresholds need.
func dot(a []float64, x []float32) float64 {
	var s float64
	for i, v := range x {
		s += a[i] * float64(v)
	}
	return s
}
