// Package kernel holds the hot loops of training — matrix products, ReLU, the bias
// gradient, the SGD update, the convolution's im2col and col2im, max pooling forward and
// backward, and batch norm's statistics, normalization and gradients — in two
// implementations that give the same bits: plain Go,
// which runs natively and wherever WebAssembly SIMD is missing, and WebAssembly SIMD
// kernels (wasm/kernels/kernels.wat), which the browser runs.
//
// # Why two
//
// Go emits no SIMD instructions for WebAssembly, and gonum's pure-Go Sgemm runs at about
// 1 GFLOP/s there, so in the browser a training step of the default network is some 20×
// slower than the hardware allows. The kernels are a small hand-written WebAssembly
// module with 128-bit SIMD. Go calls them through //go:wasmimport with pointers into its
// own linear memory, which the kernel module imports (app/site/static/web/loader.js, the loader
// of every Go binary of the site, wires the two). Go's garbage collector does not move
// objects, and no Go code runs while a kernel does, so a pointer stays valid for the
// call.
//
// # Same bits
//
// A run must be the same with or without the kernels, natively and in the browser
// (a shared link replays the same run anywhere). Vectorizing across outputs rather than
// along sums keeps every output's order of operations, so each kernel rounds exactly as
// its Go twin does; the tests compare them bit for bit under node on random shapes,
// tails included, and on signed zeros, infinities and NaNs, and the run hashes pinned
// in package sim are the same on both paths (make test-wasm runs them twice).
//
// # Which path runs
//
// SIMD reports whether the kernels run. It is decided once, when the binary starts: the
// loader tells Go whether the kernel module could be compiled. The choice is the only
// package-level state here, and it never changes.
package kernel
