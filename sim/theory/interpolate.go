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
	Cond         float64    // condition number of K (1-norm estimate if Cholesky succeeded, else 2-norm)

	d     int
	x     []float64 // training points, n×d row-major, for kernel evaluations at prediction time
	alpha []float64 // Alpha's storage, stride K
	w     []float64 // linear kernel only: W = Xᵀα, d×K, so a prediction costs O(d·K), not O(n·d)
}

// Interpolate solves K α = Y for the n training points x (flat row-major, dimension d) and their
// labels (each in 0..classes-1), with no regularization at all: the fitted function passes
// through every training target. This is the paper's Section 5 experiment.
//
// K is symmetric positive semi-definite. When it is numerically positive definite (its condition
// number below 1/(n·ε), ε the float64 epsilon), Interpolate solves it by Cholesky and sets
// Interpolates. Otherwise K is singular to working precision — always so for the linear kernel
// with more points than dimensions (rank K ≤ d), or with repeated points — and no exact
// interpolant need exist. Interpolate then returns, without an error, the minimum-norm
// least-squares solution α = K⁺Y, computed by SVD with singular values below n·ε·σ_max treated as
// zero: Interpolates is false, Rank says how many directions were kept, and Residual how far the
// fit is from the targets. For the linear kernel that α gives W = Xᵀα = X⁺Y, the least-squares
// linear model of smallest Frobenius norm, which is again where gradient descent from zero goes.
//
// Time is O(n²·d + n³) and memory O(n²): the caller should keep n to a few thousand.
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
	gram := mat.NewSymDense(n, nil)
	for i := range n {
		for j := range i + 1 {
			gram.SetSym(i, j, k.eval(xs[i*d:(i+1)*d], x[j*d:(j+1)*d]))
		}
	}
	y := mat.NewDense(n, classes, nil)
	for i, l := range labels {
		y.Set(i, l, 1)
	}

	ip := &Interpolant{Kernel: k, d: d, x: xs}
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
	ip.alpha = alpha.RawMatrix().Data

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

	if k.Kind == LinearKernel {
		var w mat.Dense
		w.Mul(mat.NewDense(n, d, xs).T(), alpha)
		ip.w = w.RawMatrix().Data
	}
	return ip, nil
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
	var s []float64
	hits := 0
	for i, l := range labels {
		s = ip.Scores(s, x[i*d:(i+1)*d])
		if argmax(s) == l {
			hits++
		}
	}
	return float64(hits) / float64(n)
}
