//go:build wasm

package kernel

import "unsafe"

// simd is whether the loader gave this binary the kernels (app/site/static/web/loader.js).
var simd = available() != 0

// The kernels, implemented in wasm/kernels/kernels.wat; pointers are into Go's memory,
// lengths and strides count float32 elements.

//go:wasmimport kernels available
func available() int32

//go:wasmimport kernels gemm
func simdGemm(m, n, k int32, a unsafe.Pointer, ars, acs int32, b unsafe.Pointer, ldb int32, c unsafe.Pointer, ldc int32)

//go:wasmimport kernels transpose
func simdTranspose(dst, src unsafe.Pointer, rows, cols int32)

//go:wasmimport kernels colsum
func simdSumColumns(dst, src unsafe.Pointer, rows, cols int32)

//go:wasmimport kernels relu
func simdReLU(y, x unsafe.Pointer, n int32)

//go:wasmimport kernels relugrad
func simdReLUGrad(dx, dy, y unsafe.Pointer, n int32)

//go:wasmimport kernels sgd
func simdSGD(w, v, g unsafe.Pointer, n int32, eta, mu, lambda float32)

//go:wasmimport kernels im2col
func simdIm2Col(cols, x unsafe.Pointer, n, h, w, c int32)

//go:wasmimport kernels maxpool
func simdMaxPool(y, arg, x unsafe.Pointer, n, h, w, c int32)

//go:wasmimport kernels col2im
func simdCol2Im(dx, cols unsafe.Pointer, n, h, w, c int32)

//go:wasmimport kernels bnstats
func simdBatchNormStats(mean, variance, x unsafe.Pointer, rows, channels int32)

//go:wasmimport kernels bnnormalize
func simdBatchNormNormalize(y, xhat, x, mean, invStd, gamma, beta unsafe.Pointer, rows, channels int32)

//go:wasmimport kernels bnsums
func simdBatchNormSums(sumDy, sumDyXhat, dy, xhat unsafe.Pointer, rows, channels int32)

//go:wasmimport kernels bninputgrad
func simdBatchNormInputGrad(dx, dy, xhat, gamma, invStd, sumDy, sumDyXhat unsafe.Pointer, inv float32, rows, channels int32)

//go:wasmimport kernels maxpoolgrad
func simdMaxPoolGrad(dx, dy, arg unsafe.Pointer, ndy, nx int32) int32
