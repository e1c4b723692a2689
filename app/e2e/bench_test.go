//go:build e2e

package e2e

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"genlab/sim"
)

// The browser benchmarks measure the built site in Chromium and report what they
// measure with b.ReportMetric; their ns/op (the time the harness took) means nothing and
// is hidden. Run them once each:
//
//	go test -tags e2e -run '^$' -bench . -benchtime 1x ./app/e2e/
//
// They share the machine with whatever else runs on it: note its load (uptime) with the
// figures.

// BenchmarkFrameTime measures the canvas's frame times while both default runs train:
// the requestAnimationFrame timestamps of the canvas iframe over 5 seconds, from the end
// of the first epoch (when the WebAssembly has warmed up), while neither run has stopped.
// For comparison it also measures 3 seconds with the runs built but paused (idle).
//
// The default lesson memorizes its random labels in about two seconds, too soon to
// measure anything, so the runs keep training after they fit (stopfitted=0): the load
// is the default lesson's, for as long as the measurement needs.
func BenchmarkFrameTime(b *testing.B) {
	var p50, p95, worst, fps, idle []float64
	for range b.N {
		bctx := newBrowser(b)
		p := newTab(b, bctx, benchTimeout)
		p.open(labURL("stopfitted=0"))
		p.waitReady()
		dts := p.frameTimes(3000)
		idle = append(idle, quantile(dts, 0.5))
		p.press("Play")
		p.waitUntil("both runs to finish epoch 1", trainTimeout, `m(0, "epoch") >= 1 && m(1, "epoch") >= 1`)
		at := p.epochs()
		dts = p.frameTimes(5000)
		r := p.readouts()
		if r["0/state"] != "running" || r["1/state"] != "running" {
			b.Logf("a run stopped during the measurement: %v", r)
		}
		p50 = append(p50, quantile(dts, 0.5))
		p95 = append(p95, quantile(dts, 0.95))
		worst = append(worst, dts[len(dts)-1])
		var sum float64
		for _, dt := range dts {
			sum += dt
		}
		fps = append(fps, float64(len(dts))/(sum/1000))
		b.Logf("idle: median %.1f ms; training: %d frames, median %.1f ms, p95 %.1f ms, worst %.1f ms; epochs %v then %v",
			idle[len(idle)-1], len(dts), p50[len(p50)-1], p95[len(p95)-1], worst[len(worst)-1], at, p.epochs())
		chromedp.Cancel(bctx) // its runs would go on training through the next sample
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(median(p50), "ms/frame-p50")
	b.ReportMetric(median(p95), "ms/frame-p95")
	b.ReportMetric(median(worst), "ms/frame-max")
	b.ReportMetric(median(fps), "frames/s")
	b.ReportMetric(median(idle), "ms/frame-p50-idle")
}

// BenchmarkFirstEpoch measures, on localhost, the seconds from navigation to the first
// finished epoch (a readout of epoch 1), pressing Play as soon as it is enabled: cold,
// on a first visit (fresh browser profile), and warm, on a second visit in the same
// browser (the service worker and the compiled WebAssembly cached).
//
// The moments are the page's own (firstEpochMarks, on the clock of performance.now,
// which starts at navigation): polling them from here would add the polls' latency.
func BenchmarkFirstEpoch(b *testing.B) {
	var coldReady, cold, warmReady, warm []float64
	for range b.N {
		bctx := newBrowser(b)
		for _, visit := range []string{"cold", "warm"} {
			// A new tab, Play pressed as soon as it is enabled.
			p := newTab(b, bctx, benchTimeout)
			if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument,
				cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: firstEpochMarks}); err != nil {
				b.Fatal(err)
			}
			p.open(labURL(""))
			p.press("Play") // waits until it is enabled, then clicks
			p.waitUntil("the first epoch", trainTimeout, `window.firstEpochMarks.epoch !== undefined`)
			marks := evalJS[map[string]float64](p, `window.firstEpochMarks`)
			ready, epoch := marks["play"]/1000, marks["epoch"]/1000
			chromedp.Cancel(p.ctx) // closes the tab
			b.Logf("%s: Play enabled after %.2f s, first epoch after %.2f s", visit, ready, epoch)
			if visit == "cold" {
				coldReady, cold = append(coldReady, ready), append(cold, epoch)
			} else {
				warmReady, warm = append(warmReady, ready), append(warm, epoch)
			}
		}
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(median(coldReady), "s-ready-cold")
	b.ReportMetric(median(cold), "s-first-epoch-cold")
	b.ReportMetric(median(warmReady), "s-ready-warm")
	b.ReportMetric(median(warm), "s-first-epoch-warm")
}

// firstEpochMarks, run in the page before its own scripts, keeps in
// window.firstEpochMarks the milliseconds since navigation at which Play was first
// enabled (play) and a run first showed epoch 1 (epoch).
const firstEpochMarks = `(() => {
	if (window !== window.top) return;
	const marks = window.firstEpochMarks = {};
	const mark = (k) => { if (!(k in marks)) marks[k] = performance.now(); };
	new MutationObserver(() => {
		if ([...document.querySelectorAll("button")].some(b => b.textContent.trim() === "Play" && !b.disabled)) mark("play");
		if ([...document.querySelectorAll('[data-metric="epoch"]')].some(e => +e.dataset.value >= 1)) mark("epoch");
	}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})()`

// BenchmarkMemorizeRandom measures the seconds from pressing Play to the random-labels
// run of the default view having fitted all of its training images; it also
// reports when the true-labels run fitted, and the epochs each took.
func BenchmarkMemorizeRandom(b *testing.B) {
	var random, truth, randomEpochs, trueEpochs []float64
	for range b.N {
		p := newTab(b, newBrowser(b), benchTimeout)
		p.open(labURL(""))
		p.waitReady()
		p.press("Play")
		start := time.Now()
		fittedAt := [2]time.Duration{-1, -1}
		err := poll(benchTimeout-time.Minute, func() bool {
			r := p.readouts()
			for run := range 2 {
				k := strconv.Itoa(run) + "/"
				if fittedAt[run] < 0 && (r[k+"state"] == "fitted" || r[k+"fitted"] == strconv.Itoa(sim.Default().TrainingExamples())) {
					fittedAt[run] = time.Since(start)
				}
				if s := r[k+"state"]; s != "running" && s != "fitted" {
					b.Fatalf("run %d stopped as %s; page: %s", run, s, p.state())
				}
			}
			return fittedAt[1] >= 0
		})
		if err != nil {
			b.Fatalf("random labels not fitted after %v; page: %s", time.Since(start), p.state())
		}
		// The true-labels run fits first (in the paper and here); if not, wait for it.
		p.waitUntil("the true-labels run to fit", benchTimeout-time.Minute, `m(0, "state") === "fitted"`)
		if fittedAt[0] < 0 {
			fittedAt[0] = time.Since(start)
		}
		p.waitUntil("the fitted-at-epoch readouts", trainTimeout, `m(0, "epochs-to-fit") > 0 && m(1, "epochs-to-fit") > 0`)
		random = append(random, fittedAt[1].Seconds())
		truth = append(truth, fittedAt[0].Seconds())
		randomEpochs = append(randomEpochs, p.number(1, "epochs-to-fit"))
		trueEpochs = append(trueEpochs, p.number(0, "epochs-to-fit"))
		b.Logf("true labels fitted after %.1f s (epoch %v), random labels after %.1f s (epoch %v); test accuracy %.3f vs %.3f",
			fittedAt[0].Seconds(), trueEpochs[len(trueEpochs)-1], fittedAt[1].Seconds(), randomEpochs[len(randomEpochs)-1],
			p.number(0, "test-acc"), p.number(1, "test-acc"))
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(median(random), "s-fit-random")
	b.ReportMetric(median(truth), "s-fit-true")
	b.ReportMetric(median(randomEpochs), "epochs-fit-random")
	b.ReportMetric(median(trueEpochs), "epochs-fit-true")
}

// BenchmarkWasmSize reports the size of each WebAssembly binary of the site as served
// raw, gzipped (level 9) and compressed with brotli (quality 11, the brotli command's
// default), which is what a student downloads from a server that compresses.
func BenchmarkWasmSize(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(publicDir, "web", "*.wasm"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no .wasm in %s: run make build first (%v)", filepath.Join(publicDir, "web"), err)
	}
	brotli, brotliErr := exec.LookPath("brotli")
	if brotliErr != nil {
		b.Log("brotli sizes are missing: the brotli command is not installed (apt-get install -y brotli)")
	}
	for _, f := range files {
		b.Run(filepath.Base(f), func(b *testing.B) {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			var gz, br int
			for range b.N {
				var buf bytes.Buffer
				w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
				w.Write(raw)
				w.Close()
				gz = buf.Len()
				if brotliErr == nil {
					out, err := exec.Command(brotli, "-c", "-q", "11", f).Output()
					if err != nil {
						b.Fatalf("brotli %s: %v", f, err)
					}
					br = len(out)
				}
			}
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(float64(len(raw)), "raw-bytes")
			b.ReportMetric(float64(gz), "gzip-bytes")
			if brotliErr == nil {
				b.ReportMetric(float64(br), "br-bytes")
				b.Logf("%s: %s raw, %s gzip -9, %s brotli -q 11", filepath.Base(f), mb(len(raw)), mb(gz), mb(br))
			} else {
				b.Logf("%s: %s raw, %s gzip -9, brotli not installed", filepath.Base(f), mb(len(raw)), mb(gz))
			}
		})
	}
}
