//go:build e2e

package e2e

import (
	"bytes"
	"encoding/csv"
	"image"
	"image/png"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The corruption sweep (Fig. 1b, 1c) opened by its link fills in as its runs end: the
// table shows test error rising with p and every level fitted, and the same link opened
// again gives the very same numbers.
func TestFigureSweepByLink(t *testing.T) {
	const link = "figure=sweep&levels=3&panels=readouts,share"
	bctx, dir := newDownloadingBrowser(t)
	p := newTab(t, bctx, testTimeout)
	p.open(labURL(link))
	p.waitUntil("the figure's table and Play", loadTimeout,
		`document.getElementById("figure-progress") && `+buttonEnabledJS("Play"))
	if evalJS[bool](p, buttonEnabledJS("Step")) || evalJS[bool](p, `!!document.getElementById("speed")`) {
		t.Error("Step or the speed offered for a figure, whose runs train to their end at full speed")
	}
	p.press("Play")
	p.waitFigureDone(3 * trainTimeout)
	first := p.figureCells()
	num := func(key string) float64 {
		v, err := strconv.ParseFloat(first[key], 64)
		if err != nil {
			t.Fatalf("cell %s = %q: %v (cells %v)", key, first[key], err, first)
		}
		return v
	}
	if e0, e5, e1 := num("p=0 test-error"), num("p=0.5 test-error"), num("p=1 test-error"); !(e0 < e5 && e5 < e1) {
		t.Errorf("test error %.3f, %.3f, %.3f at p = 0, 0.5, 1: want it rising with p", e0, e5, e1)
	}
	for _, key := range []string{"p=0", "p=0.5", "p=1"} {
		if num(key+" train-acc") != 1 || num(key+" steps-to-fit") <= 0 {
			t.Errorf("%s: train accuracy %s, steps to fit %s: want every level fitted", key, first[key+" train-acc"], first[key+" steps-to-fit"])
		}
	}
	if got := evalJS[string](p, `location.search`); got != "?"+link {
		t.Errorf("the address bar says %q, want ?%s", got, link)
	}

	// Its CSV holds the very numbers of the table, one line per run and metric.
	p.press("Download the figure's numbers (CSV)")
	rows, err := csv.NewReader(bytes.NewReader(waitFile(t, dir, "generalization-lab-sweep.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+3*4 || strings.Join(rows[0], ",") != "figure,key,seed,metric,value" {
		t.Fatalf("CSV %q: want a header and 12 lines", rows)
	}
	for _, row := range rows[1:] {
		if row[0] != "sweep" || row[2] != "1" || row[4] != first[row[1]+" "+row[3]] {
			t.Errorf("CSV line %q; the table says %s", row, first[row[1]+" "+row[3]])
		}
	}
	// And its picture is the canvas's.
	p.press("Download canvas (PNG)")
	img, err := png.Decode(bytes.NewReader(waitFile(t, dir, "generalization-lab-sweep.png")))
	if err != nil {
		t.Fatal(err)
	}
	checkNotBlank(t, "the sweep's PNG", img)

	p.open(labURL(link)) // anew: a new canvas, new workers, the same link
	p.waitUntil("the figure's table and Play again", loadTimeout,
		`document.getElementById("figure-progress") && document.getElementById("figure-progress").value === 0 && `+buttonEnabledJS("Play"))
	p.press("Play")
	p.waitFigureDone(3 * trainTimeout)
	if second := p.figureCells(); len(second) != len(first) {
		t.Errorf("replayed: %d cells, first %d", len(second), len(first))
	} else {
		for k, v := range first {
			if second[k] != v {
				t.Errorf("replayed: %s = %s, first %s", k, second[k], v)
			}
		}
	}
}

// Pause stops a figure's runs where they are (no run ends while paused); Play resumes
// them, and Table 1 at the defaults, filled in, shows the claims of its rows (sim/claims
// S6, S8, S10 on seed 1, the defaults' seed); Reset cancels it: the table empties and
// nothing trains until Play.
func TestFigureTable1(t *testing.T) {
	p := openLab(t, "figure=table1")
	p.waitUntil("the figure's table and Play", loadTimeout,
		`document.getElementById("figure-progress") && `+buttonEnabledJS("Play"))
	p.press("Play")
	p.waitUntil("a first run of Table 1 done", trainTimeout, `document.getElementById("figure-progress").value >= 1`)
	p.press("Pause")
	p.waitUntil("the pause to show", loadTimeout, pressedJS("Pause"))
	done := evalJS[int](p, `document.getElementById("figure-progress").value`)
	// The run under way is the second of Table 1 (no regularizer, random labels: about
	// 22 epochs, three seconds here): unpaused, it would end well within these 8 seconds.
	time.Sleep(8 * time.Second)
	if now := evalJS[int](p, `document.getElementById("figure-progress").value`); now != done {
		t.Errorf("%d runs done at the pause, %d eight seconds later", done, now)
	}

	p.press("Play")
	p.waitFigureDone(4 * time.Minute) // BenchmarkFigure: about a minute on a quiet machine
	checkTable1(t, p.figureCells())

	p.press("Reset")
	p.waitUntil("the figure to start over", loadTimeout,
		`document.getElementById("figure-progress").value === 0 && document.querySelector(".figure-empty") !== null`)
	time.Sleep(2 * time.Second)
	if n := len(p.figureCells()); n != 0 {
		t.Errorf("%d numbers after Reset, before Play", n)
	}

	// The figure's button pressed again brings the runs side by side back; another
	// figure's button shows that figure.
	p.press("Regularizers (Tables 1, 2)")
	p.waitReady()
	if got := evalJS[string](p, `location.search`); got != "" {
		t.Errorf("back to the runs, the address says %q, want none", got)
	}
	p.press("Label corruption (Fig. 1b, 1c)")
	p.waitUntil("the sweep's table", loadTimeout,
		`document.getElementById("figure-table-title") && document.getElementById("figure-table-title").textContent.startsWith("Label corruption") && `+buttonEnabledJS("Play"))
}

// checkTable1 asserts what the claims say of Table 1's rows at the defaults: with no
// regularizer, and with weight decay, dropout or batch norm alone, random labels are
// memorized and test at chance (S1, S8); random shifts, alone or with the others, leave
// them far from memorized but above chance (S6, S10a); early stopping stops them within
// a few epochs, before they are memorized (S10b).
func checkTable1(t *testing.T, c map[string]string) {
	t.Helper()
	num := func(key, metric string) float64 {
		v, err := strconv.ParseFloat(c[key+"/random "+metric], 64)
		if err != nil {
			t.Fatalf("%s/random %s: %q is not a number", key, metric, c[key+"/random "+metric])
		}
		return v
	}
	for _, key := range []string{"none", "wd", "dropout", "bn"} {
		if acc, test := num(key, "train-acc"), num(key, "test-acc"); acc != 1 || math.Abs(test-0.1) > 0.04 {
			t.Errorf("%s, random labels: train %.3f, test %.3f; want 1 and chance (0.1 ± 0.04)", key, acc, test)
		}
	}
	for _, key := range []string{"aug", "wd+dropout+aug"} {
		if acc := num(key, "train-acc"); acc < 0.15 || acc == 1 {
			t.Errorf("%s, random labels: train %.3f; want above chance (>= 0.15) and not memorized in the budget", key, acc)
		}
	}
	if acc, epochs := num("early-stop", "train-acc"), num("early-stop", "epochs"); acc >= 0.5 || epochs > 15 {
		t.Errorf("early stopping, random labels: train %.3f after %v epochs; want under 0.5 within 15", acc, epochs)
	}
}

// The computed figures, in the theory worker the canvas starts for them: Theorem 1's
// network fits true and random labels alike with no training and n·K + n + d weights,
// at the defaults (1,500 images), and the canvas draws its construction (the matrix A's
// heat map, whose darkest purple nothing else on the canvas has); the kernel figure, at
// the defaults, has the RBF kernel's minimum-norm interpolant fit everything with the
// larger norm on random labels, test error rising with p for both kernels, and the
// linear kernel fitting exactly only while n ≤ d, which the table says.
func TestFigureComputed(t *testing.T) {
	p := openLab(t, "figure=theorem1")
	p.waitUntil("the figure's table and Play", loadTimeout,
		`document.getElementById("figure-progress") && `+buttonEnabledJS("Play"))
	if n := darkPurple(p.canvasFrame()); n != 0 {
		t.Errorf("%d pixels of A's heat map before anything was computed", n)
	}
	p.press("Play")
	start := time.Now()
	p.waitFigureDone(trainTimeout)
	t.Logf("Theorem 1 at the defaults: both constructions %.1f s after Play", time.Since(start).Seconds())
	const n, d, k = 1500, 12 * 12, 10 // sim.Default's training images, pixels, classes
	c := p.figureCells()
	for _, key := range []string{"labels=true", "labels=random"} {
		if c[key+" weights-one"] != strconv.Itoa(2*n+d) {
			t.Errorf("Theorem 1 on %s: %s weights for one output, want 2n+d = %d", key, c[key+" weights-one"], 2*n+d)
		}
		if c[key+" train-acc"] != "1" || c[key+" weights"] != strconv.Itoa(n*k+n+d) {
			t.Errorf("Theorem 1 on %s: train accuracy %s with %s weights, want 1 with %d", key, c[key+" train-acc"], c[key+" weights"], n*k+n+d)
		}
	}
	// The canvas repaints once the last answer is in: wait for a frame with both heat maps.
	var frame image.Image
	if err := poll(loadTimeout, func() bool { frame = p.canvasFrame(); return darkPurple(frame) >= 200 }); err != nil {
		t.Errorf("the canvas shows %d pixels of A's heat map, want at least 200: %v", darkPurple(frame), err)
	}
	var shot bytes.Buffer
	if err := png.Encode(&shot, frame); err == nil {
		t.Logf("the canvas: %s", saveArtifact(t, "theorem1-canvas.png", shot.Bytes()))
	}

	// The kernel figure at the defaults: 1,500 images of 144 pixels, p at 6 levels, and
	// true and random labels on 93, 187, 375 and 750 images. What it asserts, sim/theory's
	// TestKernelFigureAcrossSeeds (sim/theory) checks on seeds 1–10.
	p.open(labURL("figure=kernel"))
	p.waitUntil("the figure's table and Play", loadTimeout,
		`document.getElementById("figure-progress") && document.getElementById("figure-progress").value === 0 && `+buttonEnabledJS("Play"))
	start = time.Now()
	p.press("Play")
	p.waitFigureDone(trainTimeout)
	t.Logf("the kernel figure at the defaults: done %.1f s after Play", time.Since(start).Seconds())
	c = p.figureCells()
	num := func(key, metric string) float64 {
		v, err := strconv.ParseFloat(c[key+" "+metric], 64)
		if err != nil {
			t.Fatalf("%s %s %q: %v (cells %v)", key, metric, c[key+" "+metric], err, c)
		}
		return v
	}
	if num("rbf/p=1", "norm") <= num("rbf/p=0", "norm") {
		t.Errorf("RBF: norm %v on random labels, %v on true ones: want random larger", num("rbf/p=1", "norm"), num("rbf/p=0", "norm"))
	}
	levels := []string{"p=0", "p=0.2", "p=0.4", "p=0.6", "p=0.8", "p=1"}
	for _, k := range []string{"linear", "rbf"} {
		for i, l := range levels[1:] {
			if before, now := num(k+"/"+levels[i], "test-acc"), num(k+"/"+l, "test-acc"); now >= before {
				t.Errorf("%s kernel: test accuracy %v at %s, %v at %s: want test error rising with p", k, now, l, before, levels[i])
			}
		}
	}
	for _, tc := range []struct {
		key  string
		fits string
		text string // the cell's words, where they say why
	}{
		{"rbf/p=0", "1", ""}, {"rbf/p=1", "1", ""}, {"rbf/random/n=93", "1", ""},
		{"linear/true/n=93", "1", "yes"}, {"linear/random/n=93", "1", "yes"},
		{"linear/true/n=187", "0", "no:\u00a0n\u00a0>\u00a0d"}, {"linear/random/n=750", "0", "no:\u00a0n\u00a0>\u00a0d"},
		{"linear/p=0", "0", "no:\u00a0n\u00a0>\u00a0d"}, {"linear/p=1", "0", "no:\u00a0n\u00a0>\u00a0d"},
	} {
		if got := c[tc.key+" interpolates"]; got != tc.fits {
			t.Errorf("%s: fits exactly %q, want %q", tc.key, got, tc.fits)
		}
		if tc.text == "" {
			continue
		}
		if got := evalJS[string](p, `document.querySelector('[data-figure="kernel"][data-key="`+tc.key+`"][data-metric="interpolates"]').textContent`); got != tc.text {
			t.Errorf("%s: the table says %q, want %q", tc.key, got, tc.text)
		}
	}
}

// A figure embedded in a course page, as the share panel writes it: it starts by itself
// and its table fills in.
func TestFigureEmbedded(t *testing.T) {
	p := openLab(t, "view=embed&figure=sweep&levels=2&controls=play,readouts&autoplay=1")
	p.waitFigureDone(loadTimeout + trainTimeout)
	c := p.figureCells()
	if c["p=0 train-acc"] != "1" || c["p=1 test-error"] == "" {
		t.Errorf("the embedded sweep's numbers: %v", c)
	}
	if evalJS[bool](p, `!!document.querySelector("header, .presets")`) {
		t.Error("the embed shows the full page's header or lessons")
	}
}

// darkPurple counts the pixels of img near the darkest colour of Theorem 1's heat map of A
// (app/canvas's heatColor(255), 0x3b0f70), each channel within 24 of 255: the blocks far
// below its diagonal.
func darkPurple(img image.Image) int {
	n := 0
	b := img.Bounds()
	near := func(a uint32, c int) bool { return max(int(a>>8)-c, c-int(a>>8)) <= 24 }
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r, 0x3b) && near(g, 0x0f) && near(bl, 0x70) {
				n++
			}
		}
	}
	return n
}

// The two trained figures not checked above, each opened by its link and filled in:
// Fig. 1a, whose five runs are all memorized, random labels testing at chance and
// shuffled pixels leaving the MLP's test accuracy where true labels put it (S1, S5a,
// S4c); and what is learned first at p = 0.4, clean images before noisy ones (S9).
func TestFigureRandomizationsAndMemorization(t *testing.T) {
	p := openLab(t, "figure=randomizations")
	p.waitUntil("the figure's table and Play", loadTimeout,
		`document.getElementById("figure-progress") && `+buttonEnabledJS("Play"))
	p.press("Play")
	p.waitFigureDone(3 * trainTimeout)
	c := p.figureCells()
	num := func(key, metric string) float64 {
		v, err := strconv.ParseFloat(c[key+" "+metric], 64)
		if err != nil {
			t.Fatalf("%s %s: %q is not a number", key, metric, c[key+" "+metric])
		}
		return v
	}
	for _, key := range []string{"labels=true", "labels=random", "inputs=shuffled", "inputs=random", "inputs=gaussian"} {
		if acc := num(key, "train-acc"); acc != 1 {
			t.Errorf("%s: training accuracy %.3f, want every image memorized", key, acc)
		}
	}
	if test := num("labels=random", "test-acc"); math.Abs(test-0.1) > 0.04 {
		t.Errorf("random labels test at %.3f, want chance (0.1 ± 0.04)", test)
	}
	if d := num("inputs=shuffled", "test-acc") - num("labels=true", "test-acc"); math.Abs(d) > 0.03 {
		t.Errorf("shuffled pixels move the MLP's test accuracy by %.3f, want within ±0.03", d)
	}

	p.open(labURL("figure=memorization&p=0.4"))
	p.waitUntil("the figure's table and Play", loadTimeout,
		`document.getElementById("figure-progress") && `+buttonEnabledJS("Play"))
	p.press("Play")
	p.waitFigureDone(3 * trainTimeout)
	c = p.figureCells()
	if clean, noisy := num("p=0.4", "clean-median-fit"), num("p=0.4", "noisy-median-fit"); !(clean < noisy) {
		t.Errorf("median epoch first fitted: clean %v, noisy %v; want clean first", clean, noisy)
	}
}
