//go:build js && wasm

// main only wires W1 to JavaScript: doc.go says what the page gets.

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
