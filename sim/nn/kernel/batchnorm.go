package kernel

import (
	"fmt"
	"unsafe"
)

// The arithmetic of a batch-norm layer (sim/nn's BatchNorm) on rows×channels matrices,
// one channel a column: BatchNormStats and BatchNormNormalize are its forward pass,
// BatchNormSums and BatchNormInputGrad its backward pass.

// BatchNormStats writes, for each of the channels columns of the rows×channels matrix
// x, its mean over the rows and its variance around that mean, in float64 (for accuracy
// at float32 inputs): two passes, each summing in increasing row.
func BatchNormStats(mean, variance []float64, x []float32, rows, channels int) {
	if rows < 0 || channels < 0 || len(x) < rows*channels || len(mean) < channels || len(variance) < channels {
		panic(fmt.Sprintf("kernel: BatchNormStats %d×%d with slices of %d, %d, %d", rows, channels, len(mean), len(variance), len(x)))
	}
	if channels == 0 {
		return
	}
	if simd && rows > 0 { // no rows: Go's path, whose means and variances are 0/0, NaN
		simdBatchNormStats(ptr64(mean), ptr64(variance), ptr(x), int32(rows), int32(channels))
		return
	}
	goBatchNormStats(mean, variance, x, rows, channels)
}

func goBatchNormStats(mean, variance []float64, x []float32, rows, channels int) {
	for c := range channels {
		var s float64
		for r := range rows {
			s += float64(x[r*channels+c])
		}
		m := s / float64(rows)
		var v float64
		for r := range rows {
			d := float64(x[r*channels+c]) - m
			v += d * d
		}
		mean[c] = m
		variance[c] = v / float64(rows)
	}
}

// BatchNormNormalize writes, for every row r and channel c, the normalized value
// xhat[r,c] = (x[r,c] − mean[c])·invStd[c] and the layer's output
// y[r,c] = gamma[c]·xhat[r,c] + beta[c].
func BatchNormNormalize(y, xhat, x, mean, invStd, gamma, beta []float32, rows, channels int) {
	size := rows * channels
	if rows < 0 || channels < 0 || len(y) < size || len(xhat) < size || len(x) < size ||
		len(mean) < channels || len(invStd) < channels || len(gamma) < channels || len(beta) < channels {
		panic(fmt.Sprintf("kernel: BatchNormNormalize %d×%d with slices of %d, %d, %d", rows, channels, len(y), len(xhat), len(x)))
	}
	if size == 0 {
		return
	}
	if simd {
		simdBatchNormNormalize(ptr(y), ptr(xhat), ptr(x), ptr(mean), ptr(invStd), ptr(gamma), ptr(beta), int32(rows), int32(channels))
		return
	}
	goBatchNormNormalize(y, xhat, x, mean, invStd, gamma, beta, rows, channels)
}

func goBatchNormNormalize(y, xhat, x, mean, invStd, gamma, beta []float32, rows, channels int) {
	for r := range rows {
		for c := range channels {
			i := r*channels + c
			h := (x[i] - mean[c]) * invStd[c]
			xhat[i] = h
			y[i] = gamma[c]*h + beta[c]
		}
	}
}

// BatchNormSums adds, for every channel c, Σ_r dy[r,c] to sumDy[c] and Σ_r dy[r,c]·xhat[r,c]
// to sumDyXhat[c], in increasing r: the gradients of the shift β and of the scale γ.
func BatchNormSums(sumDy, sumDyXhat, dy, xhat []float32, rows, channels int) {
	size := rows * channels
	if rows < 0 || channels < 0 || len(dy) < size || len(xhat) < size || len(sumDy) < channels || len(sumDyXhat) < channels {
		panic(fmt.Sprintf("kernel: BatchNormSums %d×%d with slices of %d, %d, %d, %d", rows, channels, len(sumDy), len(sumDyXhat), len(dy), len(xhat)))
	}
	if size == 0 {
		return
	}
	if simd {
		simdBatchNormSums(ptr(sumDy), ptr(sumDyXhat), ptr(dy), ptr(xhat), int32(rows), int32(channels))
		return
	}
	goBatchNormSums(sumDy, sumDyXhat, dy, xhat, rows, channels)
}

func goBatchNormSums(sumDy, sumDyXhat, dy, xhat []float32, rows, channels int) {
	for r := range rows {
		for c := range channels {
			i := r*channels + c
			sumDy[c] += dy[i]
			sumDyXhat[c] += dy[i] * xhat[i]
		}
	}
}

// BatchNormInputGrad writes the input gradient of a batch-norm layer in training mode,
// dx = γ/σ · (dy − mean(dy) − x̂·mean(dy·x̂)), where inv = 1/rows turns the sums of
// BatchNormSums into means: for every row r and channel c,
// dx[r,c] = gamma[c]·invStd[c]·(dy[r,c] − sumDy[c]·inv − xhat[r,c]·sumDyXhat[c]·inv).
func BatchNormInputGrad(dx, dy, xhat, gamma, invStd, sumDy, sumDyXhat []float32, inv float32, rows, channels int) {
	size := rows * channels
	if rows < 0 || channels < 0 || len(dx) < size || len(dy) < size || len(xhat) < size ||
		len(gamma) < channels || len(invStd) < channels || len(sumDy) < channels || len(sumDyXhat) < channels {
		panic(fmt.Sprintf("kernel: BatchNormInputGrad %d×%d with slices of %d, %d, %d", rows, channels, len(dx), len(dy), len(xhat)))
	}
	if size == 0 {
		return
	}
	if simd {
		simdBatchNormInputGrad(ptr(dx), ptr(dy), ptr(xhat), ptr(gamma), ptr(invStd), ptr(sumDy), ptr(sumDyXhat), inv, int32(rows), int32(channels))
		return
	}
	goBatchNormInputGrad(dx, dy, xhat, gamma, invStd, sumDy, sumDyXhat, inv, rows, channels)
}

func goBatchNormInputGrad(dx, dy, xhat, gamma, invStd, sumDy, sumDyXhat []float32, inv float32, rows, channels int) {
	for r := range rows {
		for c := range channels {
			i := r*channels + c
			dx[i] = gamma[c] * invStd[c] * (dy[i] - sumDy[c]*inv - xhat[i]*sumDyXhat[c]*inv)
		}
	}
}

// ptr64 is the address of s's first element, for a kernel; s is not empty.
func ptr64(s []float64) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(s)) }
