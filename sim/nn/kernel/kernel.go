package kernel

import (
	"fmt"
	"unsafe"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// SIMD reports whether the WebAssembly SIMD kernels run; if not, the pure-Go path does.
func SIMD() bool { return simd }

// Gemm computes c = a·b + beta·c for row-major matrices, where a is m×k (or k×m when
// transA), b is k×n and c is m×n; beta is 0 (c is overwritten) or 1 (c is added to).
//
// Every element of c is accumulated in increasing k, one rounded product at a time, and
// a zero element of a contributes nothing (not even 0·b): gonum's order, which is also
// the kernel's. The form a·bᵀ is missing on purpose: it would sum dot products, which
// gonum's amd64 assembly does in four SIMD lanes, so native and browser runs would
// round differently; callers transpose b instead (see Transpose).
func Gemm(transA bool, m, n, k int, a, b []float32, beta float32, c []float32) {
	if m < 0 || n < 0 || k < 0 || len(a) < m*k || len(b) < k*n || len(c) < m*n {
		panic(fmt.Sprintf("kernel: Gemm %d×%d×%d with slices of %d, %d, %d", m, n, k, len(a), len(b), len(c)))
	}
	switch beta {
	case 0:
		clear(c[:m*n])
	case 1:
	default:
		panic("kernel: Gemm with beta other than 0 or 1")
	}
	if m == 0 || n == 0 || k == 0 {
		return
	}
	if simd {
		ars, acs := k, 1
		if transA {
			ars, acs = 1, m
		}
		simdGemm(int32(m), int32(n), int32(k), ptr(a), int32(ars), int32(acs), ptr(b), int32(n), ptr(c), int32(n))
		return
	}
	goGemm(transA, m, n, k, a, b, c)
}

// goGemm is Gemm in Go, with beta = 1, on gonum's Sgemm. It calls Sgemm on the concrete
// type, not through blas32's interface, so that the linker keeps Sgemm alone rather than
// all of BLAS; and it hands gonum tiles small enough that gonum stays on its serial
// kernel, whose order is the one documented above: gonum's parallel path starts
// goroutines, which allocate, and a training step must not allocate.
func goGemm(transA bool, m, n, k int, a, b, c []float32) {
	const tileM, tileN = 64, 192 // blocks(64)*blocks(192) = 3 < gonum's parallel threshold of 4
	tA, lda := blas.NoTrans, k
	if transA {
		tA, lda = blas.Trans, m
	}
	for i0 := 0; i0 < m; i0 += tileM {
		mi := min(tileM, m-i0)
		var aSub []float32
		if transA {
			aSub = a[i0:]
		} else {
			aSub = a[i0*lda:]
		}
		for j0 := 0; j0 < n; j0 += tileN {
			nj := min(tileN, n-j0)
			gonum.Implementation{}.Sgemm(tA, blas.NoTrans, mi, nj, k, 1,
				aSub, lda, b[j0:], n, 1, c[i0*n+j0:], n)
		}
	}
}

// Transpose writes the cols×rows transpose of the rows×cols matrix src into dst.
func Transpose(dst, src []float32, rows, cols int) {
	if rows < 0 || cols < 0 || len(src) < rows*cols || len(dst) < rows*cols {
		panic(fmt.Sprintf("kernel: Transpose %d×%d with slices of %d, %d", rows, cols, len(dst), len(src)))
	}
	if rows == 0 || cols == 0 {
		return
	}
	if simd {
		simdTranspose(ptr(dst), ptr(src), int32(rows), int32(cols))
		return
	}
	goTranspose(dst, src, rows, cols)
}

func goTranspose(dst, src []float32, rows, cols int) {
	for i := range rows {
		for j, v := range src[i*cols : (i+1)*cols] {
			dst[j*rows+i] = v
		}
	}
}

// SumColumns adds the column sums of the rows×cols matrix src to dst: dst[j] += src[i,j]
// for each row i in turn (a layer's bias gradient, summed over the batch).
func SumColumns(dst, src []float32, rows, cols int) {
	if rows < 0 || cols < 0 || len(src) < rows*cols || len(dst) < cols {
		panic(fmt.Sprintf("kernel: SumColumns %d×%d with slices of %d, %d", rows, cols, len(dst), len(src)))
	}
	if rows == 0 || cols == 0 {
		return
	}
	if simd {
		simdSumColumns(ptr(dst), ptr(src), int32(rows), int32(cols))
		return
	}
	goSumColumns(dst, src, rows, cols)
}

func goSumColumns(dst, src []float32, rows, cols int) {
	dst = dst[:cols]
	for i := range rows {
		for j, v := range src[i*cols : (i+1)*cols] {
			dst[j] += v
		}
	}
}

// ReLU writes y[i] = max(x[i], 0) for every i of y.
func ReLU(y, x []float32) {
	x = x[:len(y)]
	if len(y) == 0 {
		return
	}
	if simd {
		simdReLU(ptr(y), ptr(x), int32(len(y)))
		return
	}
	goReLU(y, x)
}

func goReLU(y, x []float32) {
	for i, v := range x[:len(y)] {
		y[i] = max(v, 0)
	}
}

// ReLUGrad writes the gradient of ReLU: dx[i] = dy[i] where the output y[i] > 0, else 0.
func ReLUGrad(dx, dy, y []float32) {
	dy, y = dy[:len(dx)], y[:len(dx)]
	if len(dx) == 0 {
		return
	}
	if simd {
		simdReLUGrad(ptr(dx), ptr(dy), ptr(y), int32(len(dx)))
		return
	}
	goReLUGrad(dx, dy, y)
}

func goReLUGrad(dx, dy, y []float32) {
	dy = dy[:len(dx)]
	for i, v := range y[:len(dx)] {
		if v > 0 {
			dx[i] = dy[i]
		} else {
			dx[i] = 0
		}
	}
}

// SGD applies one step of SGD with momentum mu, learning rate eta and weight decay
// lambda to the values w with momentum buffer v and gradient g, in PyTorch's form:
// v ← μ·v + g + λ·w, then w ← w − η·v.
func SGD(w, v, g []float32, eta, mu, lambda float32) {
	v, g = v[:len(w)], g[:len(w)]
	if len(w) == 0 {
		return
	}
	if simd {
		simdSGD(ptr(w), ptr(v), ptr(g), int32(len(w)), eta, mu, lambda)
		return
	}
	goSGD(w, v, g, eta, mu, lambda)
}

func goSGD(w, v, g []float32, eta, mu, lambda float32) {
	v = v[:len(w)]
	for i, gi := range g[:len(w)] {
		v[i] = mu*v[i] + gi + lambda*w[i]
		w[i] -= eta * v[i]
	}
}

// ptr is the address of s's first element, for a kernel; s is not empty.
func ptr(s []float32) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(s)) }

// Im2Col copies, for n images of h×w positions and c channels (channels last), every
// position's 3×3 neighbourhood into a row of cols: row (e·h + y)·w + x holds the 9·c
// values at (y+ky−1, x+kx−1) for ky, kx in 0..2, in that order, with zeros outside the
// image (a 3×3 convolution with stride 1 and padding 1 is then one matrix product).
func Im2Col(cols, x []float32, n, h, w, c int) {
	if n < 0 || h < 0 || w < 0 || c < 0 || len(x) < n*h*w*c || len(cols) < n*h*w*9*c {
		panic(fmt.Sprintf("kernel: Im2Col of %d images %d×%d×%d with slices of %d, %d", n, h, w, c, len(cols), len(x)))
	}
	if n*h*w*c == 0 {
		return
	}
	if simd {
		simdIm2Col(ptr(cols), ptr(x), int32(n), int32(h), int32(w), int32(c))
		return
	}
	goIm2Col(cols, x, n, h, w, c)
}

func goIm2Col(cols, x []float32, n, h, w, c int) {
	k := 9 * c
	size := h * w * c
	for e := range n {
		img := x[e*size : (e+1)*size]
		for py := range h {
			for px := range w {
				row := cols[((e*h+py)*w+px)*k:][:k]
				for ky := range 3 {
					for kx := range 3 {
						dst := row[(ky*3+kx)*c:][:c]
						sy, sx := py+ky-1, px+kx-1
						if sy < 0 || sy >= h || sx < 0 || sx >= w {
							clear(dst)
							continue
						}
						copy(dst, img[(sy*w+sx)*c:])
					}
				}
			}
		}
	}
}

// Col2Im is Im2Col's adjoint, the input gradient of a 3×3 convolution: it sets dx, n
// images of h×w positions and c channels, to the sum over every row of cols of the 9·c
// values added back onto the positions Im2Col copied them from (values Im2Col filled with
// zeros, outside the image, are dropped). Each element of dx adds its terms in the order
// of the rows of cols, then ky, then kx.
func Col2Im(dx, cols []float32, n, h, w, c int) {
	if n < 0 || h < 0 || w < 0 || c < 0 || len(dx) < n*h*w*c || len(cols) < n*h*w*9*c {
		panic(fmt.Sprintf("kernel: Col2Im of %d images %d×%d×%d with slices of %d, %d", n, h, w, c, len(dx), len(cols)))
	}
	if n*h*w*c == 0 {
		return
	}
	if simd {
		simdCol2Im(ptr(dx), ptr(cols), int32(n), int32(h), int32(w), int32(c))
		return
	}
	goCol2Im(dx, cols, n, h, w, c)
}

func goCol2Im(dx, cols []float32, n, h, w, c int) {
	k := 9 * c
	size := h * w * c
	clear(dx[:n*size])
	for e := range n {
		img := dx[e*size : (e+1)*size]
		for py := range h {
			for px := range w {
				row := cols[((e*h+py)*w+px)*k:][:k]
				for ky := range 3 {
					for kx := range 3 {
						sy, sx := py+ky-1, px+kx-1
						if sy < 0 || sy >= h || sx < 0 || sx >= w {
							continue
						}
						src := row[(ky*3+kx)*c:][:c]
						dst := img[(sy*w+sx)*c:][:c]
						for i, g := range src {
							dst[i] += g
						}
					}
				}
			}
		}
	}
}

// MaxPool writes into y the largest value of every 2×2 block of each channel of n
// images of h×w positions and c channels (channels last, stride 2; an odd last row or
// column is dropped), and into arg the index in x of the value it kept: the block's
// first value, replaced by each later one (right, below, below right) that is strictly
// greater.
func MaxPool(y []float32, arg []int32, x []float32, n, h, w, c int) {
	out := n * (h / 2) * (w / 2) * c
	if n < 0 || h < 0 || w < 0 || c < 0 || len(x) < n*h*w*c || len(y) < out || len(arg) < out {
		panic(fmt.Sprintf("kernel: MaxPool of %d images %d×%d×%d with slices of %d, %d, %d", n, h, w, c, len(y), len(arg), len(x)))
	}
	if out == 0 {
		return
	}
	if simd {
		simdMaxPool(ptr(y), unsafe.Pointer(unsafe.SliceData(arg)), ptr(x), int32(n), int32(h), int32(w), int32(c))
		return
	}
	goMaxPool(y, arg, x, n, h, w, c)
}

func goMaxPool(y []float32, arg []int32, x []float32, n, h, w, c int) {
	oh, ow := h/2, w/2
	inSize, outSize := h*w*c, oh*ow*c
	for e := range n {
		for oy := range oh {
			for ox := range ow {
				for ch := range c {
					o := e*outSize + (oy*ow+ox)*c + ch
					best := int32(e*inSize + ((2*oy)*w+2*ox)*c + ch)
					for _, d := range [3][2]int{{0, 1}, {1, 0}, {1, 1}} {
						i := int32(e*inSize + ((2*oy+d[0])*w+2*ox+d[1])*c + ch)
						if x[i] > x[best] {
							best = i
						}
					}
					arg[o] = best
					y[o] = x[best]
				}
			}
		}
	}
}

// MaxPoolGrad is MaxPool's backward pass: it sets dx to zero, then adds each gradient
// dy[o] to the input that won output o, dx[arg[o]] += dy[o], in increasing o. It panics
// if an index of arg is outside dx.
func MaxPoolGrad(dx, dy []float32, arg []int32) {
	if len(arg) < len(dy) {
		panic(fmt.Sprintf("kernel: MaxPoolGrad of %d gradients with %d indices", len(dy), len(arg)))
	}
	if simd && len(dy) > 0 && len(dx) > 0 {
		if simdMaxPoolGrad(ptr(dx), ptr(dy), unsafe.Pointer(unsafe.SliceData(arg)), int32(len(dy)), int32(len(dx))) != 0 {
			panic(fmt.Sprintf("kernel: MaxPoolGrad with an index outside the %d inputs", len(dx)))
		}
		return
	}
	goMaxPoolGrad(dx, dy, arg)
}

func goMaxPoolGrad(dx, dy []float32, arg []int32) {
	clear(dx)
	for o, g := range dy {
		dx[arg[o]] += g
	}
}
