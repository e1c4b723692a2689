//go:build !wasm

package kernel

import "unsafe"

// simd is false natively: the kernels are WebAssembly. Go's path runs, with gonum's
// assembly for the products.
const simd = false

// The kernels' signatures, so that kernel.go compiles everywhere; with simd false
// constant, the compiler drops every call to them.

func simdGemm(m, n, k int32, a unsafe.Pointer, ars, acs int32, b unsafe.Pointer, ldb int32, c unsafe.Pointer, ldc int32) {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
func simdTranspose(dst, src unsafe.Pointer, rows, cols int32) {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
func simdSumColumns(dst, src unsafe.Pointer, rows, cols int32) {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
func simdReLU(y, x unsafe.Pointer, n int32) { panic("kernel: no SIMD kernels outside WebAssembly") }
func simdReLUGrad(dx, dy, y unsafe.Pointer, n int32) {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
func simdSGD(w, v, g unsafe.Pointer, n int32, eta, mu, lambda float32) {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
func simdIm2Col(cols, x unsafe.Pointer, n, h, w, c int32) {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
func simdMaxPool(y, arg, x unsafe.Pointer, n, h, w, c int32) {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
func simdCol2Im(dx, cols unsafe.Pointer, n, h, w, c int32) {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
func simdBatchNormStats(mean, variance, x unsafe.Pointer, rows, channels int32) {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
func simdBatchNormNormalize(y, xhat, x, mean, invStd, gamma, beta unsafe.Pointer, rows, channels int32) {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
func simdBatchNormSums(sumDy, sumDyXhat, dy, xhat unsafe.Pointer, rows, channels int32) {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
func simdBatchNormInputGrad(dx, dy, xhat, gamma, invStd, sumDy, sumDyXhat unsafe.Pointer, inv float32, rows, channels int32) {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
func simdMaxPoolGrad(dx, dy, arg unsafe.Pointer, ndy, nx int32) int32 {
	panic("kernel: no SIMD kernels outside WebAssembly")
}
