package theory

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Interpolant is the minimum-norm solution of the kernel interpolation problem K α = Y, where
// K_ij = k(x_i, x_j) over the training points and Y holds one-hot labels. It predicts
//
//	score_c(x) = Σ_i α_ic · k(x, x_i)
//
// and, when Interpolates is true, reproduces every training label's one-hot row exactly.
type Interpolant struct {
	Kernel       Kernel     // the kernel, with Gamma resolved
	Alpha        *mat.Dense // α: n×K coefficients of the training points
	Norm         float64    // RKHS norm sqrt(trace(αᵀ K α)); for the linear kernel, ‖Xᵀα‖_F
	Interpolates bool       // K was solved exactly: the fit to the training targets is exact up to rounding
	Residual     float64    // max |K α − Y| over the training set
	Rank         int        // numerical rank of K (n when Interpolates)
	// Cond is the condition number of K: for the RBF kernel a 1-norm estimate if Cholesky
	// succeeded, else the 2-norm one; for the linear kernel (σ_max/σ_min)² from X's singular
	// values, and +Inf when n > d, since K then has n − d zero eigenvalues.
	Cond float64
	// TrainAcc is the share of the training points whose largest fitted score, (Kα)_i, is
	// their own label's: 1 whenever Interpolates.
	TrainAcc float64

	d     int
	x     []float64 // training points, n×d row-major, for kernel evaluations at prediction time
	alpha []float64 // Alpha's storage, stride K
	w     []float64 // linear kernel only: W = Xᵀα, d×K, so a prediction costs O(d·K), not O(n·d)
}

// Interpolate solves K α = Y for the n training points x (flat row-major, dimension d) and their
// labels (each in 0..classes-1), with no regularization at all: the fitted function passes
// through every training target. This is the paper's Section 5 experiment.
//
// K is symmetric positive semi-definite, and "exactly" means to working precision: K counts as
// singular when its condition number reaches 1/(n·ε), ε the float64 epsilon, that is when an
// eigenvalue falls below n·ε times the largest. Then no exact interpolant need exist, and
// Interpolate returns, without an error, the minimum-norm least-squares solution α = K⁺Y, with
// those eigenvalues treated as zero: Interpolates is false, Rank says how many directions were
// kept, and Residual how far the fit is from the targets.
//
// The RBF kernel's K is solved by Cholesky, and when that fails or K is singular, by an SVD of
// K: time O(n²·d + n³) and memory O(n²), so the caller should keep n to a few thousand (1,500
// points take about half a second natively and a few seconds in a browser's WebAssembly, most
// of it the factorization).
//
// The linear kernel never forms K = XXᵀ: its rank is at most d, so with more points than
// dimensions it is always singular, and an SVD of the n×n K would cost 100 times the rest
// (18 s at n = 1,500). Instead Interpolate takes the thin SVD of X = U Σ Vᵀ itself, O(n·d²):
// then K = U Σ² Uᵀ, its eigenvalues are the σ_i², α = U Σ⁻² Uᵀ Y, and the weights of the linear
// model are W = Xᵀα = V Σ⁻¹ Uᵀ Y = X⁺Y, the least-squares linear model of smallest Frobenius
// norm, which is again where gradient descent from zero goes. It interpolates exactly when X has
// rank n, which needs n ≤ d.
func Interpolate(x []float32, d int, labels []int, classes int, k Kernel) (*Interpolant, error) {
	n, err := checkData(x, d, labels, classes)
	if err != nil {
		return nil, err
	}
	if k, err = k.resolve(x, d); err != nil {
		return nil, err
	}

	xs := make([]float64, len(x))
	for i, v := range x {
		xs[i] = float64(v)
	}
	y := mat.NewDense(n, classes, nil)
	for i, l := range labels {
		y.Set(i, l, 1)
	}

	ip := &Interpolant{Kernel: k, d: d, x: xs}
	var fit *mat.Dense // the fitted training scores, Kα
	if k.Kind == LinearKernel {
		fit, err = ip.solveLinear(mat.NewDense(n, d, xs), y)
	} else {
		fit, err = ip.solveGram(rbfGram(xs, d, k.Gamma), y)
	}
	if err != nil {
		return nil, err
	}
	ip.alpha = ip.Alpha.RawMatrix().Data

	hits := 0
	for i, l := range labels {
		if argmax(fit.RawRowView(i)) == l {
			hits++
		}
	}
	ip.TrainAcc = float64(hits) / float64(n)
	return ip, nil
}

// rbfGram returns the RBF kernel matrix of the n points xs (n×d), computed a block of rows at
// a time against the rows before them: K_ij = exp(−γ‖x_i − x_j‖²).
func rbfGram(xs []float64, d int, gamma float64) *mat.SymDense {
	n := len(xs) / d
	const block = 64
	g := mat.NewSymDense(n, nil)
	raw := g.RawSymmetric() // the upper triangle, row-major: K_ij at Data[i·n + j], i ≤ j
	buf := make([]float64, block*n)
	for i0 := 0; i0 < n; i0 += block {
		i1 := min(i0+block, n)
		dst := buf[:(i1-i0)*i1]
		sqDist(dst, xs[i0*d:i1*d], xs[:i1*d], d)
		for i := i0; i < i1; i++ {
			for j, s := range dst[(i-i0)*i1 : (i-i0)*i1+i+1] {
				raw.Data[j*n+i] = math.Exp(-gamma * s)
			}
		}
	}
	return g
}

// solveGram sets α = K⁺Y for the kernel matrix gram and the one-hot targets y, with the
// measures of the solve, and returns the fitted training scores Kα.
func (ip *Interpolant) solveGram(gram *mat.SymDense, y *mat.Dense) (*mat.Dense, error) {
	n, classes := y.Dims()
	alpha := mat.NewDense(n, classes, nil)
	tol := float64(n) * 0x1p-52
	var chol mat.Cholesky
	if chol.Factorize(gram) && chol.Cond() < 1/tol {
		if err := chol.SolveTo(alpha, y); err == nil {
			ip.Interpolates, ip.Rank, ip.Cond = true, n, chol.Cond()
		}
	}
	if !ip.Interpolates {
		var svd mat.SVD
		if !svd.Factorize(gram, mat.SVDThin) {
			return nil, fmt.Errorf("theory: the SVD of the %d×%d kernel matrix did not converge", n, n)
		}
		ip.Rank = svd.Rank(tol)
		svd.SolveTo(alpha, y, ip.Rank)
		ip.Interpolates, ip.Cond = ip.Rank == n, svd.Cond()
	}
	ip.Alpha = alpha

	// One product gives both the training residual and the norm: trace(αᵀKα) = Σ α ∘ (Kα).
	var ka mat.Dense
	ka.Mul(gram, alpha)
	var sq float64
	for i := range n {
		for c := range classes {
			v := ka.At(i, c)
			ip.Residual = max(ip.Residual, math.Abs(v-y.At(i, c)))
			sq += alpha.At(i, c) * v
		}
	}
	ip.Norm = math.Sqrt(max(sq, 0)) // rounding can push an exact zero just below
	return &ka, nil
}

// solveLinear sets α = (XXᵀ)⁺Y and W = X⁺Y from the thin SVD of the n×d data matrix x, with
// the measures of the solve (see Interpolate), and returns the fitted training scores XW = Kα.
func (ip *Interpolant) solveLinear(x, y *mat.Dense) (*mat.Dense, error) {
	n, d := x.Dims()
	_, classes := y.Dims()
	var svd mat.SVD
	if !svd.Factorize(x, mat.SVDThin) {
		return nil, fmt.Errorf("theory: the SVD of the %d×%d data matrix did not converge", n, d)
	}
	sigma := svd.Values(nil) // min(n, d) of them, largest first
	// K's eigenvalues are the σ_i², and n − d zeros more when n > d: keep those above n·ε
	// times the largest, the rule that solveGram applies to K itself.
	tol := float64(n) * 0x1p-52
	for _, s := range sigma {
		if s*s <= tol*sigma[0]*sigma[0] {
			break
		}
		ip.Rank++
	}
	ip.Interpolates = ip.Rank == n
	ip.Cond = math.Inf(1)
	if n <= d && sigma[n-1] > 0 {
		ip.Cond = (sigma[0] / sigma[n-1]) * (sigma[0] / sigma[n-1])
	}

	alpha, w := mat.NewDense(n, classes, nil), mat.NewDense(d, classes, nil)
	if r := ip.Rank; r > 0 {
		var u, v, uty mat.Dense
		svd.UTo(&u)
		svd.VTo(&v)
		ur, vr := u.Slice(0, n, 0, r), v.Slice(0, d, 0, r)
		uty.Mul(ur.T(), y) // r×K
		// α = U_r Σ_r⁻² U_rᵀ Y and W = V_r Σ_r⁻¹ U_rᵀ Y: scale UᵀY's rows, then map back.
		scaled := mat.NewDense(r, classes, nil)
		for i := range r {
			for c := range classes {
				scaled.Set(i, c, uty.At(i, c)/(sigma[i]*sigma[i]))
			}
		}
		alpha.Mul(ur, scaled)
		for i := range r {
			for c := range classes {
				scaled.Set(i, c, uty.At(i, c)/sigma[i])
			}
		}
		w.Mul(vr, scaled)
	}
	ip.Alpha, ip.w = alpha, w.RawMatrix().Data

	var fit mat.Dense
	fit.Mul(x, w)
	for i := range n {
		for c := range classes {
			ip.Residual = max(ip.Residual, math.Abs(fit.At(i, c)-y.At(i, c)))
		}
	}
	ip.Norm = mat.Norm(w, 2) // Frobenius: sqrt(trace(WᵀW)) = sqrt(trace(αᵀKα))
	return &fit, nil
}

// LinearWeights returns W = Xᵀα, the d×K weights of the linear model the interpolant is (column
// c is the template image of class c), or nil for a non-linear kernel. It is a copy.
func (ip *Interpolant) LinearWeights() *mat.Dense {
	if ip.w == nil {
		return nil
	}
	_, k := ip.Alpha.Dims()
	return mat.NewDense(ip.d, k, append([]float64(nil), ip.w...))
}

// Scores writes the K class scores of the point x (length d) into dst, reusing its storage if it
// is large enough, and returns it.
func (ip *Interpolant) Scores(dst []float64, x []float32) []float64 {
	if len(x) != ip.d {
		panic(fmt.Sprintf("theory: point of dimension %d given to an interpolant of dimension %d", len(x), ip.d))
	}
	n, k := ip.Alpha.Dims()
	dst = grow(dst, k)
	clear(dst)
	if ip.w != nil {
		for i, v := range x {
			for c, w := range ip.w[i*k : (i+1)*k] {
				dst[c] += float64(v) * w
			}
		}
		return dst
	}
	for i := range n {
		kv := ip.Kernel.eval(ip.x[i*ip.d:(i+1)*ip.d], x)
		for c, a := range ip.alpha[i*k : (i+1)*k] {
			dst[c] += kv * a
		}
	}
	return dst
}

// Predict returns the class with the largest score for the point x (length d).
func (ip *Interpolant) Predict(x []float32) int {
	return argmax(ip.Scores(nil, x))
}

// Accuracy returns the fraction of the points in x (flat row-major, dimension d) whose predicted
// class equals their label; 0 if there are none. A label outside the classes counts as a miss.
func (ip *Interpolant) Accuracy(x []float32, d int, labels []int) float64 {
	n := checkEval(x, d, ip.d, labels)
	if n == 0 {
		return 0
	}
	hits := 0
	if ip.w != nil {
		var s []float64
		for i, l := range labels {
			s = ip.Scores(s, x[i*d:(i+1)*d])
			if argmax(s) == l {
				hits++
			}
		}
		return float64(hits) / float64(n)
	}
	// A kernel scores a block of points at once: their distances to every training point
	// come out of sqDist four at a time. The sums are Scores' own, in the same order.
	const block = 64
	train, k := ip.Alpha.Dims()
	xs := make([]float64, block*d)
	dist := make([]float64, block*train)
	s := make([]float64, k)
	for i0 := 0; i0 < n; i0 += block {
		i1 := min(i0+block, n)
		for i, v := range x[i0*d : i1*d] {
			xs[i] = float64(v)
		}
		sqDist(dist, xs[:(i1-i0)*d], ip.x, d)
		for i := i0; i < i1; i++ {
			clear(s)
			for j, dj := range dist[(i-i0)*train : (i-i0+1)*train] {
				kv := math.Exp(-ip.Kernel.Gamma * dj)
				for c, a := range ip.alpha[j*k : (j+1)*k] {
					s[c] += kv * a
				}
			}
			if argmax(s) == labels[i] {
				hits++
			}
		}
	}
	return float64(hits) / float64(n)
}
