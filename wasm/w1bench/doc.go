//go:build js && wasm

// Command w1bench is the core's side of the browser speed benchmark (app/e2e/speed_test.go):
// it trains the reference workload W1 (app/speed) on the core, as the lab's workers do,
// so that the benchmark can time it against TensorFlow.js in the same page. main only
// wires W1 to JavaScript.
//
// The page starts it with the site's loader, with or without the SIMD kernels, and gives
// each instance its own global name as its one argument (go.argv = ["w1bench", NAME]),
// so that both paths can run side by side in one page. NAME (default genlabW1) is then
//
//	{
//	  simd: bool,               // whether the SIMD kernels run (kernel.SIMD)
//	  run(ms) -> {examples, seconds, loss, simd},
//	                            // trains W1 for about ms milliseconds: examples trained
//	                            // on, seconds taken, the last batch's mean loss
//	  gemm(ms) -> [{shape, gflops}],
//	                            // times kernel.Gemm for about ms milliseconds on each
//	                            // of W1's matrix products (app/speed)
//	}
//
// Both functions run synchronously, blocking the page while they train, as TensorFlow.js
// does with its WebAssembly backend. Their argument must be a number (a misuse panics,
// which ends the program and says why in the console).
package main
