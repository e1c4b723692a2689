package nn

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
)

// gemm computes c = a·b + beta·c for row-major matrices, where a is m×k (or k×m when
// transA), b is k×n (or n×k when transB) and c is m×n.
//
// It hands blas32 tiles small enough that gonum stays on its serial kernel: gonum's
// parallel path starts goroutines, which allocate, and a training step must not allocate.
// On two cores the serial kernel loses little, and under WebAssembly there is one thread anyway.
func gemm(transA, transB bool, m, n, k int, a, b []float32, beta float32, c []float32) {
	const tileM, tileN = 64, 192 // blocks(64)*blocks(192) = 3 < gonum's parallel threshold of 4
	tA, tB := blas.NoTrans, blas.NoTrans
	lda, ldb := k, n
	if transA {
		tA, lda = blas.Trans, m
	}
	if transB {
		tB, ldb = blas.Trans, k
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
			var bSub []float32
			if transB {
				bSub = b[j0*ldb:]
			} else {
				bSub = b[j0:]
			}
			blas32.Implementation().Sgemm(tA, tB, mi, nj, k, 1,
				aSub, lda, bSub, ldb, beta, c[i0*n+j0:], n)
		}
	}
}
