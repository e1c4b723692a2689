package theory

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// toySet is 10 classes of 64-pixel "images": a fixed random prototype per class plus Gaussian
// noise, with 500 training and 500 test points. Noise of 2.5 against prototypes of unit variance
// keeps the classes apart but not trivially so.
func toySet() (xtr []float32, ltr []int, xte []float32, lte []int) {
	const d, k, sigma = 64, 10, 2.5
	rng := newRand(20)
	protos := make([][]float32, k)
	for c := range protos {
		protos[c] = gaussian(rng, 1, d)
	}
	xtr, ltr = clusters(rng, protos, 500, sigma)
	xte, lte = clusters(rng, protos, 500, sigma)
	return
}

// TestInterpolateRBF is the paper's Section 5 finding in miniature: unregularized kernel
// interpolation fits true and random labels alike, generalizes only on the true ones, and needs a
// larger norm for the random ones.
func TestInterpolateRBF(t *testing.T) {
	const d, k = 64, 10
	xtr, ltr, xte, lte := toySet()
	random := uniformLabels(newRand(21), len(ltr), k)

	truth, err := Interpolate(xtr, d, ltr, k, Kernel{Kind: RBFKernel})
	if err != nil {
		t.Fatal(err)
	}
	noise, err := Interpolate(xtr, d, random, k, Kernel{Kind: RBFKernel})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		ip     *Interpolant
		labels []int
	}{{"true", truth, ltr}, {"random", noise, random}} {
		if !tc.ip.Interpolates || tc.ip.Rank != len(ltr) {
			t.Errorf("%s labels: Interpolates = %v, rank %d; want an exact solve of full rank %d", tc.name, tc.ip.Interpolates, tc.ip.Rank, len(ltr))
		}
		if tc.ip.Residual > 1e-8 {
			t.Errorf("%s labels: residual %g, want < 1e-8", tc.name, tc.ip.Residual)
		}
		if got := tc.ip.Accuracy(xtr, d, tc.labels); got != 1 {
			t.Errorf("%s labels: training accuracy %v, want 1", tc.name, got)
		}
	}
	if truth.Kernel.Gamma <= 0 || truth.Kernel.Gamma != noise.Kernel.Gamma {
		t.Errorf("resolved gammas %v and %v, want the same positive value", truth.Kernel.Gamma, noise.Kernel.Gamma)
	}

	accTrue := truth.Accuracy(xte, d, lte)
	if accTrue < 0.6 {
		t.Errorf("test accuracy with true labels = %.3f, want > 0.6", accTrue)
	}
	// The paper scores the random-label model on the true test labels; labels drawn afresh for the
	// test set are the purely binomial control.
	accNoise := noise.Accuracy(xte, d, lte)
	accFresh := noise.Accuracy(xte, d, uniformLabels(newRand(22), len(lte), k))
	tol := binomialTol(0.1, len(lte))
	for _, acc := range []float64{accNoise, accFresh} {
		if math.Abs(acc-0.1) > tol {
			t.Errorf("test accuracy with random labels = %.3f, want chance 0.1 ± %.3f", acc, tol)
		}
	}
	if !(noise.Norm > truth.Norm) {
		t.Errorf("norm with random labels %.4g, with true labels %.4g: want random > true", noise.Norm, truth.Norm)
	}
	t.Logf("γ %.4g; true labels: test %.3f, norm %.4g, cond %.3g; random labels: test %.3f (fresh %.3f), norm %.4g, cond %.3g",
		truth.Kernel.Gamma, accTrue, truth.Norm, truth.Cond, accNoise, accFresh, noise.Norm, noise.Cond)
}

// frobXtAlpha returns ‖Xᵀα‖_F computed from scratch.
func frobXtAlpha(x []float32, d int, alpha *mat.Dense) float64 {
	n, _ := alpha.Dims()
	xs := make([]float64, len(x))
	for i, v := range x {
		xs[i] = float64(v)
	}
	var w mat.Dense
	w.Mul(mat.NewDense(n, d, xs).T(), alpha)
	return mat.Norm(&w, 2)
}

func TestInterpolateLinearUnderdetermined(t *testing.T) {
	const n, d, k = 40, 64, 3
	rng := newRand(30)
	x := gaussian(rng, n, d)
	labels := uniformLabels(rng, n, k)
	ip, err := Interpolate(x, d, labels, k, Kernel{Kind: LinearKernel})
	if err != nil {
		t.Fatal(err)
	}
	if !ip.Interpolates || ip.Rank != n || ip.Residual > 1e-10 {
		t.Errorf("Interpolates = %v, rank %d, residual %g; want true, %d, < 1e-10", ip.Interpolates, ip.Rank, ip.Residual, n)
	}
	if got := ip.Accuracy(x, d, labels); got != 1 {
		t.Errorf("training accuracy %v, want 1", got)
	}
	want := frobXtAlpha(x, d, ip.Alpha)
	if math.Abs(ip.Norm-want) > 1e-10*want {
		t.Errorf("Norm = %.12g, want ‖Xᵀα‖_F = %.12g", ip.Norm, want)
	}
	if got := mat.Norm(ip.LinearWeights(), 2); math.Abs(got-want) > 1e-10*want {
		t.Errorf("‖LinearWeights‖_F = %.12g, want %.12g", got, want)
	}
	t.Logf("n %d < d %d: residual %.2g, norm %.4g, cond %.3g", n, d, ip.Residual, ip.Norm, ip.Cond)
}

// TestInterpolateLinearOverdetermined: with more points than dimensions XXᵀ has rank d, no exact
// interpolant need exist, and Interpolate must say so and return the least-squares fit.
func TestInterpolateLinearOverdetermined(t *testing.T) {
	const n, d, k = 200, 32, 4
	rng := newRand(31)
	x := gaussian(rng, n, d)
	labels := uniformLabels(rng, n, k)
	ip, err := Interpolate(x, d, labels, k, Kernel{Kind: LinearKernel})
	if err != nil {
		t.Fatal(err)
	}
	if ip.Interpolates || ip.Rank != d {
		t.Errorf("Interpolates = %v, rank %d; want false, %d", ip.Interpolates, ip.Rank, d)
	}
	if ip.Residual < 0.1 {
		t.Errorf("residual %g: random labels on %d points cannot be fitted in %d dimensions", ip.Residual, n, d)
	}
	// W = Xᵀα must be the least-squares solution, the one the normal equations XᵀX W = XᵀY give
	// (XᵀX is invertible when n > d).
	xs := make([]float64, len(x))
	for i, v := range x {
		xs[i] = float64(v)
	}
	xm := mat.NewDense(n, d, xs)
	y := mat.NewDense(n, k, nil)
	for i, l := range labels {
		y.Set(i, l, 1)
	}
	var xtx, xty, want mat.Dense
	xtx.Mul(xm.T(), xm)
	xty.Mul(xm.T(), y)
	if err := want.Solve(&xtx, &xty); err != nil {
		t.Fatal(err)
	}
	got := ip.LinearWeights()
	if !mat.EqualApprox(got, &want, 1e-8) {
		t.Errorf("W = Xᵀα differs from the least-squares solution by %g", maxAbsDiff(got, &want))
	}
	if f := frobXtAlpha(x, d, ip.Alpha); math.Abs(ip.Norm-f) > 1e-8*f {
		t.Errorf("Norm = %.10g, want ‖Xᵀα‖_F = %.10g", ip.Norm, f)
	}
	t.Logf("n %d > d %d: rank %d, residual %.3f, norm %.4g, train accuracy %.3f",
		n, d, ip.Rank, ip.Residual, ip.Norm, ip.Accuracy(x, d, labels))
}

func maxAbsDiff(a, b mat.Matrix) float64 {
	var d mat.Dense
	d.Sub(a, b)
	return max(mat.Max(&d), -mat.Min(&d))
}

// TestSGDFindsMinimumNorm runs plain SGD on the squared loss of a linear model and checks the
// package doc's claim: started from zero it converges to the minimum-norm interpolant Xᵀα;
// started elsewhere it interpolates too, but with a larger norm.
func TestSGDFindsMinimumNorm(t *testing.T) {
	const n, d, k = 20, 64, 3
	rng := newRand(40)
	x := gaussian(rng, n, d)
	labels := uniformLabels(rng, n, k)
	ip, err := Interpolate(x, d, labels, k, Kernel{Kind: LinearKernel})
	if err != nil {
		t.Fatal(err)
	}
	minNorm := ip.LinearWeights()

	sgd := func(w []float64) []float64 {
		var lr float64 // half the largest stable step for one example
		for i := range n {
			var s float64
			for _, v := range x[i*d : (i+1)*d] {
				s += float64(v) * float64(v)
			}
			lr = max(lr, s)
		}
		lr = 1 / lr
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		r := make([]float64, k)
		for range 3000 {
			rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, i := range order {
				xi := x[i*d : (i+1)*d]
				clear(r)
				for p, v := range xi {
					for c := range k {
						r[c] += float64(v) * w[p*k+c]
					}
				}
				r[labels[i]]--
				for p, v := range xi {
					for c := range k {
						w[p*k+c] -= lr * float64(v) * r[c]
					}
				}
			}
		}
		return w
	}
	fromZero := mat.NewDense(d, k, sgd(make([]float64, d*k)))
	if diff := maxAbsDiff(fromZero, minNorm); diff > 1e-6 {
		t.Errorf("SGD from zero ends %g away from the minimum-norm interpolant", diff)
	}
	w0 := make([]float64, d*k)
	for i := range w0 {
		w0[i] = 0.1 * rng.NormFloat64()
	}
	fromW0 := mat.NewDense(d, k, sgd(w0))
	var xw mat.Dense
	xs := make([]float64, len(x))
	for i, v := range x {
		xs[i] = float64(v)
	}
	xw.Mul(mat.NewDense(n, d, xs), fromW0)
	for i, l := range labels {
		for c := range k {
			want := 0.0
			if c == l {
				want = 1
			}
			if math.Abs(xw.At(i, c)-want) > 1e-6 {
				t.Fatalf("SGD from a random start does not interpolate: output %d,%d = %g", i, c, xw.At(i, c))
			}
		}
	}
	nz, n0 := mat.Norm(fromZero, 2), mat.Norm(fromW0, 2)
	if !(n0 > nz*(1+1e-3)) || math.Abs(nz-ip.Norm) > 1e-6*ip.Norm {
		t.Errorf("‖W‖_F: from zero %.6g, from a random start %.6g, interpolant %.6g; want zero = interpolant < random",
			nz, n0, ip.Norm)
	}
	t.Logf("‖W‖_F: SGD from zero %.6g, min-norm interpolant %.6g, SGD from a random start %.6g", nz, ip.Norm, n0)
}

// TestInterpolateRepeatedPoints: a point given twice with two labels makes K singular and the
// targets inconsistent; the fallback must flag it and split the difference.
func TestInterpolateRepeatedPoints(t *testing.T) {
	x := []float32{0, 0, 1, 0, 0, 1, 1, 0}
	labels := []int{0, 1, 1, 0}
	ip, err := Interpolate(x, 2, labels, 2, Kernel{Kind: RBFKernel, Gamma: 1})
	if err != nil {
		t.Fatal(err)
	}
	if ip.Interpolates || ip.Rank != 3 {
		t.Errorf("Interpolates = %v, rank %d; want false, 3", ip.Interpolates, ip.Rank)
	}
	// The least-squares fit at the repeated point is the average of its two one-hot targets.
	s := ip.Scores(nil, []float32{1, 0}) // points 1 and 3
	if math.Abs(s[0]-0.5) > 1e-9 || math.Abs(s[1]-0.5) > 1e-9 || math.Abs(ip.Residual-0.5) > 1e-9 {
		t.Errorf("scores at the repeated point %v, residual %g; want [0.5 0.5], 0.5", s, ip.Residual)
	}
}

func TestInterpolateGamma(t *testing.T) {
	x := []float32{1, 3, 5, 7} // mean 4, variance 5
	for _, tc := range []struct {
		k    Kernel
		want float64
	}{
		{Kernel{Kind: RBFKernel}, 1.0 / (2 * 5)},
		{Kernel{Kind: RBFKernel, Gamma: 0.25}, 0.25},
		{Kernel{Kind: LinearKernel, Gamma: 3}, 3}, // ignored, kept as given
	} {
		ip, err := Interpolate(x, 2, []int{0, 1}, 2, tc.k)
		if err != nil {
			t.Fatal(err)
		}
		if got := ip.Kernel.Gamma; math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("%+v: gamma = %v, want %v", tc.k, got, tc.want)
		}
	}
	// Constant pixels: any gamma is as good as another, but it must be finite.
	ip, err := Interpolate([]float32{2, 2, 2, 2}, 2, []int{0, 0}, 1, Kernel{Kind: RBFKernel})
	if err != nil || math.IsInf(ip.Kernel.Gamma, 0) || ip.Kernel.Gamma <= 0 {
		t.Errorf("constant data: gamma %v, error %v; want a finite positive gamma", ip.Kernel.Gamma, err)
	}
}

func TestInterpolateErrors(t *testing.T) {
	x := gaussian(newRand(50), 3, 2)
	for _, tc := range []struct {
		name   string
		x      []float32
		d      int
		labels []int
		k      Kernel
		want   string
	}{
		{"empty", nil, 2, nil, Kernel{}, "no training points"},
		{"dimension", x, 4, []int{0, 1, 0}, Kernel{}, "not a whole number of points of dimension 4"},
		{"labels", x, 2, []int{0, 1}, Kernel{}, "2 labels for 3 points"},
		{"label range", x, 2, []int{0, 5, 0}, Kernel{}, "label 5 of point 1 is outside 0..2"},
		{"negative gamma", x, 2, []int{0, 1, 0}, Kernel{Kind: RBFKernel, Gamma: -1}, "RBF gamma -1"},
		{"nan gamma", x, 2, []int{0, 1, 0}, Kernel{Kind: RBFKernel, Gamma: math.NaN()}, "RBF gamma NaN"},
		{"kind", x, 2, []int{0, 1, 0}, Kernel{Kind: 7}, "unknown kernel KernelKind(7)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Interpolate(tc.x, tc.d, tc.labels, 3, tc.k)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestKernelKindText(t *testing.T) {
	for _, tc := range []struct {
		text string
		kind KernelKind
	}{{"linear", LinearKernel}, {"rbf", RBFKernel}} {
		var got KernelKind
		if err := got.UnmarshalText([]byte(tc.text)); err != nil || got != tc.kind {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", tc.text, got, err, tc.kind)
		}
		b, err := tc.kind.MarshalText()
		if err != nil || string(b) != tc.text || tc.kind.String() != tc.text {
			t.Errorf("MarshalText(%v) = %q, %v; want %q", tc.kind, b, err, tc.text)
		}
	}
	var k KernelKind
	if err := k.UnmarshalText([]byte("poly")); err == nil || !strings.Contains(err.Error(), `"poly"`) {
		t.Errorf("UnmarshalText(poly) error = %v, want one naming it", err)
	}
	if _, err := KernelKind(9).MarshalText(); err == nil {
		t.Error("MarshalText(KernelKind(9)) succeeded, want an error")
	}
}

// TestInterpolateLinearMatchesGram checks the linear kernel's solve through the thin SVD of X
// against the general path on K = XXᵀ itself (Cholesky, else an n×n SVD), which it replaces
// because the n×n SVD costs 18 s at the lab's 1,500 points: the same α, W, norm, residual,
// rank and verdict, on both sides of n = d, and on data of lower rank than both.
func TestInterpolateLinearMatchesGram(t *testing.T) {
	for _, tc := range []struct {
		name     string
		n, d, k  int
		repeated int // the last points repeat the first ones, lowering the rank of X
		rank     int
	}{
		{"n < d", 40, 64, 3, 0, 40},
		{"n = d", 16, 16, 4, 0, 16},
		{"n > d", 200, 32, 4, 0, 32},
		{"n ≫ d", 300, 8, 10, 0, 8},
		{"one point", 1, 5, 2, 0, 1},
		{"repeated points, n < d", 20, 64, 3, 5, 15},
		{"repeated points, n > d", 60, 16, 3, 50, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := newRand(uint64(32 + tc.n + tc.d))
			x := gaussian(rng, tc.n, tc.d)
			distinct := tc.n - tc.repeated
			for i := distinct; i < tc.n; i++ {
				copy(x[i*tc.d:(i+1)*tc.d], x[(i-distinct)*tc.d:])
			}
			labels := uniformLabels(rng, tc.n, tc.k)
			got, err := Interpolate(x, tc.d, labels, tc.k, Kernel{Kind: LinearKernel})
			if err != nil {
				t.Fatal(err)
			}
			want := gramInterpolate(t, x, tc.d, labels, tc.k)

			if got.Rank != tc.rank || want.Rank != tc.rank || got.Interpolates != want.Interpolates || got.Interpolates != (tc.rank == tc.n) {
				t.Errorf("rank %d, interpolates %v; the n×n path: rank %d, interpolates %v; want rank %d",
					got.Rank, got.Interpolates, want.Rank, want.Interpolates, tc.rank)
			}
			const tol = 1e-8
			for _, m := range []struct {
				what      string
				got, want mat.Matrix
			}{{"α", got.Alpha, want.Alpha}, {"W", got.LinearWeights(), want.LinearWeights()}} {
				if diff, scale := maxAbsDiff(m.got, m.want), max(mat.Max(m.want), -mat.Min(m.want)); diff > tol*scale {
					t.Errorf("%s differs from the n×n path's by %.3g (its largest entry %.3g)", m.what, diff, scale)
				}
			}
			values := []struct {
				what      string
				got, want float64
			}{
				{"norm", got.Norm, want.Norm},
				{"residual", got.Residual, want.Residual},
			}
			// A point repeated with two labels is fitted with tied scores, which rounding
			// breaks either way: only distinct points have one training accuracy.
			if tc.repeated == 0 {
				values = append(values, struct {
					what      string
					got, want float64
				}{"training accuracy", got.TrainAcc, want.TrainAcc})
			}
			for _, v := range values {
				if math.Abs(v.got-v.want) > tol*max(1, math.Abs(v.want)) {
					t.Errorf("%s %.12g, the n×n path's %.12g", v.what, v.got, v.want)
				}
			}
			// K's 2-norm condition number: infinite when n > d, where K has exact zero
			// eigenvalues (an SVD of K finds them only up to rounding).
			switch {
			case tc.n > tc.d:
				if !math.IsInf(got.Cond, 1) {
					t.Errorf("cond %g with n > d, want +Inf", got.Cond)
				}
			case tc.rank == tc.n:
				if c := mat.Cond(gram(x, tc.d), 2); math.Abs(got.Cond-c) > 1e-6*c {
					t.Errorf("cond %.10g, want ‖K‖₂‖K⁻¹‖₂ = %.10g", got.Cond, c)
				}
			default:
				if got.Cond < 1e12 {
					t.Errorf("cond %.4g on data of rank %d < n = %d: want it huge", got.Cond, tc.rank, tc.n)
				}
			}
		})
	}
}

// gramInterpolate is the general path of Interpolate on the linear kernel's matrix K = XXᵀ.
func gramInterpolate(t *testing.T, x []float32, d int, labels []int, classes int) *Interpolant {
	t.Helper()
	n := len(labels)
	xs := make([]float64, len(x))
	for i, v := range x {
		xs[i] = float64(v)
	}
	xm := mat.NewDense(n, d, xs)
	y := mat.NewDense(n, classes, nil)
	for i, l := range labels {
		y.Set(i, l, 1)
	}
	ip := &Interpolant{Kernel: Kernel{Kind: LinearKernel}, d: d, x: xs}
	fit, err := ip.solveGram(gram(x, d), y)
	if err != nil {
		t.Fatal(err)
	}
	var w mat.Dense
	w.Mul(xm.T(), ip.Alpha)
	ip.w, ip.alpha = w.RawMatrix().Data, ip.Alpha.RawMatrix().Data
	hits := 0
	for i, l := range labels {
		if argmax(fit.RawRowView(i)) == l {
			hits++
		}
	}
	ip.TrainAcc = float64(hits) / float64(n)
	return ip
}

// gram returns the linear kernel's matrix XXᵀ of the points x of dimension d.
func gram(x []float32, d int) *mat.SymDense {
	xs := make([]float64, len(x))
	for i, v := range x {
		xs[i] = float64(v)
	}
	var k mat.SymDense
	k.SymOuterK(1, mat.NewDense(len(x)/d, d, xs))
	return &k
}

// TestSqDistSameBits: the distances four at a time are the one-at-a-time sums, bit for bit,
// and so is the RBF kernel matrix built from them, on shapes with odd rows left over.
func TestSqDistSameBits(t *testing.T) {
	for _, tc := range []struct{ p, q, d int }{{1, 1, 3}, {2, 2, 5}, {3, 5, 7}, {64, 33, 16}, {7, 2, 1}} {
		rng := newRand(uint64(70 + tc.p*tc.q))
		a, b := toF64(gaussian(rng, tc.p, tc.d)), toF64(gaussian(rng, tc.q, tc.d))
		got := make([]float64, tc.p*tc.q)
		sqDist(got, a, b, tc.d)
		for i := range tc.p {
			for j := range tc.q {
				if want := dist(a[i*tc.d:(i+1)*tc.d], b[j*tc.d:(j+1)*tc.d]); got[i*tc.q+j] != want {
					t.Errorf("%d×%d points of dimension %d: distance %d,%d = %v, want %v", tc.p, tc.q, tc.d, i, j, got[i*tc.q+j], want)
				}
			}
		}
	}
	const n, d = 131, 9 // more than two blocks of 64 rows, and odd
	x := gaussian(newRand(71), n, d)
	xs, k := toF64(x), Kernel{Kind: RBFKernel, Gamma: 0.3}
	g := rbfGram(xs, d, k.Gamma)
	for i := range n {
		for j := range n {
			if got, want := g.At(i, j), k.eval(xs[i*d:(i+1)*d], x[j*d:(j+1)*d]); got != want {
				t.Fatalf("K_%d,%d = %v, want k(x_%d, x_%d) = %v", i, j, got, i, j, want)
			}
		}
	}
}

// TestAccuracyIsScores: the RBF interpolant's accuracy, scored a block at a time, counts the
// points whose Scores pick their label.
func TestAccuracyIsScores(t *testing.T) {
	xtr, ltr, xte, lte := toySet()
	const d = 64
	ip, err := Interpolate(xtr, d, ltr, 10, Kernel{Kind: RBFKernel})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []int{1, 2, 65, 500} {
		hits := 0
		for i, l := range lte[:m] {
			if ip.Predict(xte[i*d:(i+1)*d]) == l {
				hits++
			}
		}
		if got, want := ip.Accuracy(xte[:m*d], d, lte[:m]), float64(hits)/float64(m); got != want {
			t.Errorf("accuracy on %d points %v, want %v", m, got, want)
		}
	}
	if got := ip.Accuracy(xtr, d, ltr); got != ip.TrainAcc || got != 1 {
		t.Errorf("accuracy on the training set %v, TrainAcc %v: want both 1", got, ip.TrainAcc)
	}
}

func toF64(x []float32) []float64 {
	xs := make([]float64, len(x))
	for i, v := range x {
		xs[i] = float64(v)
	}
	return xs
}
