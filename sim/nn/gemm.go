package nn

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// gemm computes c = a·b + beta·c for row-major matrices, where a is m×k (or k×m when
// transA) and b is k×n, and c is m×n.
//
// Two rules keep it fast, allocation-free and the same bit for bit on every platform:
//
//   - It calls gonum's Sgemm on the concrete type, not through blas32's interface, so
//     that the linker keeps Sgemm alone rather than all of BLAS in every binary.
//   - It hands gonum tiles small enough that gonum stays on its serial kernel: gonum's
//     parallel path starts goroutines, which allocate, and a training step must not
//     allocate. On two cores the serial kernel loses little, and under WebAssembly there
//     is one thread anyway.
//   - It only uses the forms whose kernel is an axpy (y += α·x, element by element, in a
//     fixed order): a·b and aᵀ·b. The form a·bᵀ runs on dot products, which gonum's
//     amd64 assembly sums in four SIMD lanes while WebAssembly sums them in order, so
//     the same run would round differently natively and in the browser. Callers
//     transpose b instead (see transpose).
func gemm(transA bool, m, n, k int, a, b []float32, beta float32, c []float32) {
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
				aSub, lda, b[j0:], n, beta, c[i0*n+j0:], n)
		}
	}
}

// transpose writes the cols×rows transpose of the rows×cols matrix src into dst.
func transpose(dst, src []float32, rows, cols int) {
	for i := range rows {
		for j, v := range src[i*cols : (i+1)*cols] {
			dst[j*rows+i] = v
		}
	}
}
