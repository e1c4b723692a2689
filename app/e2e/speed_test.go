//go:build e2e

package e2e

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// The speed benchmarks compare the core with TensorFlow.js in the browser on the
// reference workload W1 (wasm/w1bench/w1.go): an MLP 256-256-256-10 trained with SGD
// and momentum at batch 32, on one thread. They need TensorFlow.js, which only they use:
//
//	npm ci --prefix app/e2e          # make bench-browser does it
//	go test -tags e2e -run '^$' -bench Speed -benchtime 1x ./app/e2e/
//
// (go test keeps only the first 10 lines a benchmark logs: each logs fewer.)
//
// The engines run in one page of one browser and take turns (core, pure Go, TF.js, and
// again), so that a change of the machine's load falls on all of them alike; each figure
// is the median of the rounds.
const (
	speedRounds = 3
	speedWarmUp = 2 * time.Second // of training per engine before the rounds (JIT tiers, first steps)
	speedWindow = 3 * time.Second // of training per engine per round
	gemmWindow  = time.Second     // of matrix products per engine per round, shared by the shapes
)

// speedEngines are the engines of the speed page, in the order of their turns.
func speedEngines() []speedEngine {
	return []speedEngine{
		{name: "core", wantSIMD: true},    // the core with the SIMD kernels, as the site runs it
		{name: "purego", wantSIMD: false}, // the core without them (a browser without wasm SIMD)
		{name: "tfjs", wantSIMD: true},    // TensorFlow.js 4.22.0, wasm backend, SIMD build
	}
}

// BenchmarkSpeedW1 reports the examples per second that each engine trains W1 at, and
// how the core compares with TensorFlow.js (core/tfjs above 1: the core is faster).
func BenchmarkSpeedW1(b *testing.B) {
	engines := speedEngines()
	p := openSpeedPage(b)
	for _, e := range engines {
		about := p.startEngine(e)
		r := p.train(e, speedWarmUp.Milliseconds())
		b.Logf("%s: %s; warm-up %.0f examples/s", e.name, about, float64(r.Examples)/r.Seconds)
	}
	rates := make([][]float64, len(engines))
	for range b.N {
		for round := range speedRounds {
			line := fmt.Sprintf("round %d, examples/s (last loss):", round+1)
			for i, e := range engines {
				r := p.train(e, speedWindow.Milliseconds())
				if r.Leaked != 0 {
					b.Fatalf("%s leaked %d tensors in round %d: it would slow down as it runs", e.name, r.Leaked, round+1)
				}
				rates[i] = append(rates[i], float64(r.Examples)/r.Seconds)
				line += fmt.Sprintf(" %s %.0f (%.3f)", e.name, rates[i][len(rates[i])-1], r.Loss)
			}
			b.Log(line)
		}
	}
	core, pure, tfjs := median(rates[0]), median(rates[1]), median(rates[2])
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(core, "core-examples/s")
	b.ReportMetric(pure, "purego-examples/s")
	b.ReportMetric(tfjs, "tfjs-examples/s")
	b.ReportMetric(core/tfjs, "core/tfjs")
	b.ReportMetric(pure/tfjs, "purego/tfjs")
	b.Logf("W1, medians of %d rounds: core (SIMD) %.0f, core (pure Go) %.0f, TensorFlow.js (wasm SIMD) %.0f examples/s; core/tfjs %.2f, purego/tfjs %.2f",
		speedRounds, core, pure, tfjs, core/tfjs, pure/tfjs)
}

// BenchmarkSpeedGemm reports the core's matrix products on W1's shapes (kernel.Gemm) in
// GFLOP/s, with the SIMD kernels and on the pure-Go path (metrics ending in -purego);
// 2·m·n·k flops a product.
func BenchmarkSpeedGemm(b *testing.B) {
	engines := speedEngines()[:2] // the core's two paths; TensorFlow.js has no such call
	p := openSpeedPage(b)
	for _, e := range engines {
		b.Logf("%s: %s", e.name, p.startEngine(e))
		p.gemm(e, gemmWindow.Milliseconds()/3) // warm-up
	}
	gflops := map[string][]float64{} // by metric
	var metrics []string             // in the order of the first round
	for range b.N {
		for range speedRounds {
			for _, e := range engines {
				for _, g := range p.gemm(e, gemmWindow.Milliseconds()) {
					m := "GFLOP/s-" + g.Shape
					if e.name != "core" {
						m += "-" + e.name
					}
					if !slices.Contains(metrics, m) {
						metrics = append(metrics, m)
					}
					gflops[m] = append(gflops[m], g.GFLOPS)
				}
			}
		}
	}
	b.ReportMetric(0, "ns/op")
	for _, m := range metrics {
		b.ReportMetric(median(gflops[m]), m)
		b.Logf("%-30s median %6.2f of %.2f", m, median(gflops[m]), gflops[m])
	}
}
