//go:build e2e

package e2e

import (
	"testing"
	"time"
)

// BenchmarkFigure measures how long the paper's figures take to make in the browser at
// the defaults, from Play to the table saying every run is done: the corruption sweep
// (Fig. 1b/1c, six levels) and Table 1 (seven regularizers on true and random labels);
// and Theorem 1's constructions at the most images a link may ask for, 10,000, which the
// theory worker computes.
// The workers are as many as the page can spare cores (one on a machine of two), each
// training one run at a time at full speed. The figures' targets: the sweep in 20 s,
// Table 1 in 90 s, on this two-core machine.
func BenchmarkFigure(b *testing.B) {
	for _, fig := range []struct{ name, link string }{
		{"sweep", "figure=sweep"},
		{"table1", "figure=table1"},
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
