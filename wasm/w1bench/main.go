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

import (
	"math/rand/v2"
	"os"
	"syscall/js"
	"time"

	"genlab/app/speed"
	"genlab/sim/nn/kernel"
)

func main() {
	name := "genlabW1"
	if len(os.Args) > 1 {
		name = os.Args[1]
	}
	// One seed, as everywhere in the lab: every instance trains the same network on the
	// same data, so the two paths do the same work.
	rng := rand.New(rand.NewPCG(1, 1))
	w := speed.NewW1(rng)
	api := js.Global().Get("Object").New()
	api.Set("simd", kernel.SIMD())
	api.Set("run", js.FuncOf(func(_ js.Value, args []js.Value) any {
		examples, elapsed := w.Train(milliseconds(args[0]))
		return map[string]any{
			"examples": examples,
			"seconds":  elapsed.Seconds(),
			"loss":     w.Loss,
			"simd":     kernel.SIMD(),
		}
	}))
	api.Set("gemm", js.FuncOf(func(_ js.Value, args []js.Value) any {
		shapes := speed.W1Gemms()
		each := milliseconds(args[0]) / time.Duration(len(shapes))
		out := make([]any, len(shapes))
		for i, s := range shapes {
			out[i] = map[string]any{"shape": s.Name(), "gflops": s.GFLOPS(each, rng)}
		}
		return out
	}))
	js.Global().Set(name, api)
	select {} // serve calls until the page goes away
}

func milliseconds(v js.Value) time.Duration {
	return time.Duration(v.Float() * float64(time.Millisecond))
}
