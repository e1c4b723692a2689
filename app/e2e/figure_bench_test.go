//go:build e2e

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// BenchmarkFigure measures how long the paper's figures take to make in the browser at
// the defaults, from Play to the table saying every run is done: the corruption sweep
// (Fig. 1b/1c, six levels), Table 1 (seven regularizers on true and random labels) and
// the kernel figure (Section 5: 28 minimum-norm interpolants, 12 of them on 1,500
// images); and Theorem 1's constructions at the most images a link may ask for, 10,000.
// The theory worker computes the last two. The training workers are as many as the page
// can spare cores (one on a machine of two), each training one run at a time at full
// speed. The figures' targets: the sweep in 20 s, Table 1 in 90 s, the kernel figure in
// 60 s, on this two-core machine.
func BenchmarkFigure(b *testing.B) {
	for _, fig := range []struct{ name, link string }{
		{"sweep", "figure=sweep"},
		{"table1", "figure=table1"},
		{"kernel", "figure=kernel"},
		{"theorem1-n10000", "figure=theorem1&train=10000"},
	} {
		b.Run(fig.name, func(b *testing.B) {
			var secs []float64
			for range b.N {
				p := newTab(b, newBrowser(b), benchTimeout)
				p.open(labURL(fig.link))
				p.waitUntil("the figure's table and Play", loadTimeout,
					`document.getElementById("figure-progress") && `+buttonEnabledJS("Play"))
				p.press("Play")
				start := time.Now()
				p.waitFigureDone(benchTimeout - time.Minute)
				secs = append(secs, time.Since(start).Seconds())
				b.Logf("%s: every run done %.1f s after Play; %d numbers", fig.name, secs[len(secs)-1], len(p.figureCells()))
			}
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(median(secs), "s-to-done")
		})
	}
}

// BenchmarkPool measures how a figure's runs scale over the pool: the corruption sweep
// made by a pool of one worker and by a pool of two, alternating, the pool's size set by
// overriding navigator.hardwareConcurrency (the pool takes every core but the page's, see
// web/canvas.js). Both make the very same runs, so the ratio of their times is the ratio
// of their throughputs; the target is ≥ 0.8·N for N workers, up to the cores there
// are. On a machine of two cores a pool of two leaves none to the page and the canvas,
// which then take their share of the same two cores: that is what it measures here.
func BenchmarkPool(b *testing.B) {
	secs := map[int][]float64{}
	for range b.N {
		for _, workers := range []int{1, 2} {
			p := newTab(b, newBrowser(b), benchTimeout)
			if _, err := chromedp.Call(p.ctx, emulation.SetHardwareConcurrencyOverride, emulation.SetHardwareConcurrencyOverrideParams{HardwareConcurrency: int64(workers + 1)}); err != nil {
				b.Fatal(err)
			}
			p.open(labURL("figure=sweep"))
			p.waitUntil("the figure's table and Play", loadTimeout,
				`document.getElementById("figure-progress") && `+buttonEnabledJS("Play"))
			if got := evalJS[int](p, `document.querySelector("iframe").contentWindow.genlabPool.size`); got != workers {
				b.Fatalf("the pool has %d workers, want %d", got, workers)
			}
			p.press("Play")
			start := time.Now()
			p.waitFigureDone(benchTimeout - time.Minute)
			secs[workers] = append(secs[workers], time.Since(start).Seconds())
			b.Logf("pool of %d: the sweep done %.1f s after Play", workers, secs[workers][len(secs[workers])-1])
		}
	}
	one, two := median(secs[1]), median(secs[2])
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(one, "s-one-worker")
	b.ReportMetric(two, "s-two-workers")
	b.ReportMetric(one/two, "speedup")
	b.Logf("two workers: %.2f× one worker's throughput (target ≥ 1.6)", one/two)
}
