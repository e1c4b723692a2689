//go:build e2e

package e2e

// What the tests read and do on the site's pages: the lab (its readouts, its controls
// by role and name, its canvas), a course page that embeds a lesson, the service
// worker's cache, and the speed benchmarks' page. The harness (servers, browsers, tabs,
// waiting) is harness_test.go.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"genlab/app/site"
)

// quickRuns are settings that make the default comparison train fast.
const quickRuns = "train=200&test=200"

// ---------------------------------------------------------------------- the readouts

// readoutJS reads one readout's raw value, or undefined while it is not shown.
const readoutJS = `(run, metric) => {
	const e = document.querySelector('[data-run="' + run + '"][data-metric="' + metric + '"]');
	return e ? e.dataset.value : undefined;
}`

// readouts returns every readout of the page, keyed "run/metric", e.g. "0/epoch".
func (p *page) readouts() map[string]string {
	p.tb.Helper()
	return evalJS[map[string]string](p, readoutsJS)
}

const readoutsJS = `(() => {
	const out = {};
	for (const e of document.querySelectorAll('[data-run][data-metric]')) {
		if (e.dataset.value !== undefined) out[e.dataset.run + '/' + e.dataset.metric] = e.dataset.value;
	}
	return out;
})()`

// number returns readout run/metric as a number; a missing or unreadable one ends the test.
func (p *page) number(run int, metric string) float64 {
	p.tb.Helper()
	return p.numberIn(p.readouts(), run, metric)
}

// numberIn returns readout run/metric of r, a result of readouts, as a number.
func (p *page) numberIn(r map[string]string, run int, metric string) float64 {
	p.tb.Helper()
	key := strconv.Itoa(run) + "/" + metric
	v, ok := r[key]
	if !ok {
		p.tb.Fatalf("readout %s is not shown; page: %s", key, p.state())
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		p.tb.Fatalf("readout %s has data-value %q, not a number", key, v)
	}
	return f
}

// epochs returns the epoch readouts of runs 0 and 1.
func (p *page) epochs() [2]int {
	p.tb.Helper()
	return p.epochsIn(p.readouts())
}

// epochsIn returns the epoch readouts of runs 0 and 1 in r, a result of readouts.
func (p *page) epochsIn(r map[string]string) [2]int {
	p.tb.Helper()
	return [2]int{int(p.numberIn(r, 0, "epoch")), int(p.numberIn(r, 1, "epoch"))}
}

// steadyEpochs waits until the epoch readouts have not moved for a second (a report
// already on its way when the runs paused may still arrive) and returns them.
func (p *page) steadyEpochs() [2]int {
	p.tb.Helper()
	return steady(p, "the epochs", p.epochs)
}

// fittedOf returns the text of run's fitted cell, e.g. "Fitted: 0 of 300".
func (p *page) fittedOf(run int) string {
	p.tb.Helper()
	return evalJS[string](p, fmt.Sprintf(`(() => { const e = document.querySelector('[data-run="%d"][data-metric="fitted"]'); return e ? e.parentElement.textContent : ""; })()`, run))
}

// weights returns the trainable parameter count the header of run shows ("8,554 weights"),
// or -1 while it shows none.
func (p *page) weights(run int) int {
	p.tb.Helper()
	text := evalJS[string](p, fmt.Sprintf(`(() => {
		const e = document.querySelector('th[data-run="%d"] .run-params');
		return e ? e.textContent : "";
	})()`, run))
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, text)
	n, err := strconv.Atoi(digits)
	if err != nil {
		return -1
	}
	return n
}

// state describes what the page shows, for failure messages.
func (p *page) state() string {
	return p.stateIn(p.ctx)
}

func (p *page) stateIn(ctx context.Context) string {
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const t = sel => { const e = document.querySelector(sel); return e ? e.textContent.trim() : "(none)"; };
		const r = {};
		for (const e of document.querySelectorAll('[data-run][data-metric]')) r[e.dataset.run + '/' + e.dataset.metric] = e.dataset.value;
		return JSON.stringify({
			url: location.pathname + location.search,
			transport: t(".transport-state"),
			canvas: t(".canvas-status"),
			notices: t(".notices"),
			diverged: t(".diverged"),
			readouts: r,
		});
	})()`))
	if err != nil {
		return "(cannot read the page: " + err.Error() + ")"
	}
	return s
}

// ---------------------------------------------------------------------- the controls

// buttonsJS lists the page's buttons by their text, in order.
const buttonsJS = `[...document.querySelectorAll("button")].map(b => b.textContent.trim())`

// buttonEnabledJS is a JavaScript expression: the button named name exists and is enabled.
func buttonEnabledJS(name string) string {
	return `[...document.querySelectorAll("button")].some(b => b.textContent.trim() === ` + strconv.Quote(name) + ` && !b.disabled)`
}

// pressedJS is a JavaScript expression: the toggle button named name shows as pressed.
func pressedJS(name string) string {
	return `[...document.querySelectorAll("button")].some(b => b.textContent.trim() === ` + strconv.Quote(name) + ` && b.getAttribute("aria-pressed") === "true")`
}

// waitReady waits until the canvas built the runs: both runs show epoch 0 and Play is enabled.
func (p *page) waitReady() {
	p.tb.Helper()
	p.waitUntil("the runs to be built (epoch readouts of runs 0 and 1, Play enabled)", loadTimeout,
		`m(0, "epoch") !== undefined && m(1, "epoch") !== undefined && `+buttonEnabledJS("Play"))
}

// waitEmbedReady waits until the runs are built, by the buttons: an embed may show no
// readouts at all.
func (p *page) waitEmbedReady(button string) {
	p.tb.Helper()
	p.waitUntil("the embedded lesson's runs to be built ("+button+" enabled)", loadTimeout, buttonEnabledJS(button))
}

// byRole is a query option that finds elements by their accessible role and name, as
// assistive technology sees them (Accessibility.queryAXTree): a button by its label,
// a number box by the text of its <label>.
func byRole(role, name string) chromedp.QueryOption {
	return chromedp.ByFunc(func(ctx context.Context, t *chromedp.Target, n *chromedp.Node) ([]cdp.NodeID, error) {
		n.RLock()
		root := n.NodeID
		n.RUnlock()
		res, err := cdp.Call(ctx, t, accessibility.QueryAXTree, accessibility.QueryAXTreeParams{
			NodeID: root, AccessibleName: name, Role: role,
		})
		if err != nil {
			return nil, err
		}
		var backend []cdp.BackendNodeID
		for _, ax := range res.Nodes {
			if !ax.Ignored && ax.BackendDOMNodeID != 0 {
				backend = append(backend, ax.BackendDOMNodeID)
			}
		}
		if len(backend) == 0 {
			return nil, nil
		}
		ids, err := cdp.Call(ctx, t, dom.PushNodesByBackendIDsToFrontend, dom.PushNodesByBackendIDsToFrontendParams{BackendNodeIDs: backend})
		if err != nil {
			return nil, err
		}
		return ids.NodeIDs, nil
	})
}

// press clicks the button whose accessible name is name, with the mouse, once it is
// enabled. (Click's own wait is for visibility: a NodeEnabled option given to Click is
// replaced by its NodeVisible, and a click on a disabled button does nothing at all. So
// the button's live disabled property is polled first.)
func (p *page) press(name string) {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, loadTimeout)
	defer cancel()
	label := "button " + strconv.Quote(name)
	var err error
	if poll(loadTimeout, func() bool {
		var disabled bool
		disabled, err = chromedp.Run(ctx, chromedp.JavascriptAttribute[bool](label, "disabled", byRole("button", name)))
		return err == nil && !disabled
	}) != nil {
		p.tb.Fatalf("%s never became enabled (%v)\npage: %s", label, err, p.state())
	}
	if err := chromedp.Do(ctx, chromedp.Click(label, byRole("button", name))); err != nil {
		p.tb.Fatalf("pressing %s: %v\npage: %s", label, err, p.state())
	}
}

// setField types value into the number box whose label is label, replacing what it
// holds, and presses Enter, as a student would.
func (p *page) setField(label, value string) {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, loadTimeout)
	defer cancel()
	what := "field " + strconv.Quote(label)
	err := chromedp.Do(ctx,
		chromedp.ScrollIntoView(what, byRole("spinbutton", label)),
		chromedp.Click(what, byRole("spinbutton", label)),
		chromedp.Focus(what, byRole("spinbutton", label)),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)), // select what it holds
		chromedp.KeyEvent(value+kb.Enter),
	)
	if err != nil {
		p.tb.Fatalf("setting %s to %s: %v\npage: %s", what, value, err, p.state())
	}
}

// fieldValue returns the value shown by the number box whose label is label.
func (p *page) fieldValue(label string) string {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, loadTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Value("field "+strconv.Quote(label), byRole("spinbutton", label)))
	if err != nil {
		p.tb.Fatalf("reading field %q: %v", label, err)
	}
	return v
}

// trainsOneEpoch presses Play and waits until both runs finished an epoch.
func (p *page) trainsOneEpoch() {
	p.tb.Helper()
	p.press("Play")
	p.waitUntil("both runs to finish epoch 1", trainTimeout, `m(0, "epoch") >= 1 && m(1, "epoch") >= 1`)
}

// stepReadouts presses Step until both runs completed epochs epochs (or stopped), and
// returns the raw train and test accuracies of both runs after each epoch.
func (p *page) stepReadouts(epochs int) []string {
	p.tb.Helper()
	return p.stepEpochs(epochs, func(r map[string]string, run int, k string) string {
		return fmt.Sprintf("epoch %s run %d: train %s test %s", r[k+"epoch"], run, r[k+"train-acc"], r[k+"test-acc"])
	})
}

// stepLosses steps epochs epochs and returns, after each, both runs' losses and
// accuracies as the page holds them (full precision: the readouts' data-value).
func (p *page) stepLosses(epochs int) []string {
	p.tb.Helper()
	return p.stepEpochs(epochs, func(r map[string]string, run int, k string) string {
		return fmt.Sprintf("epoch %s run %d: train loss %s acc %s, test loss %s acc %s",
			r[k+"epoch"], run, r[k+"train-loss"], r[k+"train-acc"], r[k+"test-loss"], r[k+"test-acc"])
	})
}

// stepEpochs presses Step epochs times, waits each time for both runs to finish the
// epoch, and returns what line makes of each run's readouts after each epoch (k is the
// run's key prefix in the readouts, "0/" or "1/").
func (p *page) stepEpochs(epochs int, line func(r map[string]string, run int, k string) string) []string {
	p.tb.Helper()
	var out []string
	for e := 1; e <= epochs; e++ {
		p.press("Step")
		p.waitUntil(fmt.Sprintf("Step to train epoch %d", e), trainTimeout, fmt.Sprintf(
			`(m(0, "epoch") >= %d || m(0, "state") !== "running") && (m(1, "epoch") >= %d || m(1, "state") !== "running") && %s`,
			e, e, pressedJS("Pause")))
		p.steadyEpochs()
		r := p.readouts()
		for run := range 2 {
			out = append(out, line(r, run, strconv.Itoa(run)+"/"))
		}
	}
	return out
}

// ------------------------------------------------------------------------ the canvas

// canvasFrame captures what the canvas shows: a screenshot of its iframe, which is what
// the student sees. (Reading the WebGL canvas with toDataURL is not: Ebitengine draws
// without preserving its drawing buffer, the canvas repaints a few times a second and
// draws nothing in the frames between, whose buffer the browser has already cleared,
// though the screen keeps showing the last picture.)
func (p *page) canvasFrame() image.Image {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, loadTimeout)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("iframe")))
	if err != nil {
		p.tb.Fatalf("screenshot of the canvas iframe: %v; page: %s", err, p.state())
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		p.tb.Fatalf("canvas screenshot: %v", err)
	}
	return img
}

// checkNotBlank fails unless img has a variety of colors over a real part of its area.
func checkNotBlank(tb testing.TB, what string, img image.Image) {
	tb.Helper()
	b := img.Bounds()
	if b.Dx() < 100 || b.Dy() < 100 {
		tb.Errorf("%s is %v: too small to show anything", what, b.Size())
		return
	}
	counts := map[[4]uint32]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			counts[[4]uint32{r >> 8, g >> 8, bl >> 8, a >> 8}]++
		}
	}
	most := 0
	for _, n := range counts {
		most = max(most, n)
	}
	total := b.Dx() * b.Dy()
	other := total - most
	if len(counts) < 16 || other*50 < total {
		tb.Errorf("%s is blank: %d colors, %d of %d pixels differ from the commonest", what, len(counts), other, total)
	}
}

// pixelsChanged counts the pixels that differ between a and b (of the same size).
func pixelsChanged(a, b image.Image) (changed, total int) {
	r := a.Bounds()
	if r != b.Bounds() {
		return r.Dx() * r.Dy(), r.Dx() * r.Dy()
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				changed++
			}
		}
	}
	return changed, r.Dx() * r.Dy()
}

// far reports whether two 16-bit colour channels differ by more than 8 of 255.
func far(a, b uint32) bool {
	if a > b {
		a, b = b, a
	}
	return b-a > 8*257
}

// checkWebGL2 asserts that Ebitengine drew with WebGL2 in the canvas iframe: the
// Content-Security-Policy left it what it needs.
func checkWebGL2(p *page) {
	p.tb.Helper()
	ok := evalJS[bool](p, `(() => {
		const f = document.querySelector("iframe");
		const c = f && f.contentDocument && f.contentDocument.querySelector("canvas");
		return !!(c && c.getContext("webgl2"));
	})()`)
	if !ok {
		p.tb.Errorf("the canvas iframe has no WebGL2 canvas; page: %s", p.state())
	}
}

// canvasWarnings returns the console warnings of the canvas about the page's messages,
// one a line.
func canvasWarnings(lines []string) string {
	var out []string
	for _, l := range lines {
		if strings.HasPrefix(l, "warning: canvas: ignored") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// frameTimes collects the requestAnimationFrame timestamps of the canvas iframe for ms
// milliseconds and returns the times between frames, sorted.
func (p *page) frameTimes(ms int) []float64 {
	p.tb.Helper()
	stamps := evalJS[[]float64](p, `new Promise((resolve) => {
		const w = document.querySelector("iframe").contentWindow;
		const stamps = [];
		const tick = (t) => {
			stamps.push(t);
			if (t - stamps[0] < `+strconv.Itoa(ms)+`) w.requestAnimationFrame(tick); else resolve(stamps);
		};
		w.requestAnimationFrame(tick);
	})`)
	if len(stamps) < 3 {
		p.tb.Fatalf("only %d frames in %d ms", len(stamps), ms)
	}
	dts := make([]float64, len(stamps)-1)
	for i := range dts {
		dts[i] = stamps[i+1] - stamps[i]
	}
	sort.Float64s(dts)
	return dts
}

// ------------------------------------------------------------------- a course page

// courseDir is a course page (course.html) that frames the lesson at its ?src= and keeps
// what the lesson posts it in window.received; window.send posts the lesson a command.
const courseDir = "testdata/course"

// lessonEvent is one event of the parent API as the course page received it.
type lessonEvent struct {
	Origin string `json:"origin"`
	Data   struct {
		Source  string `json:"source"`
		V       int    `json:"v"`
		Type    string `json:"type"`
		Playing bool   `json:"playing"`
		Run     *int   `json:"run"`
		Runs    []struct {
			Name        string  `json:"name"`
			Title       string  `json:"title"`
			Epoch       int     `json:"epoch"`
			TrainAcc    float64 `json:"train_acc"`
			TestAcc     float64 `json:"test_acc"`
			Fitted      int     `json:"fitted"`
			Examples    int     `json:"examples"`
			EpochsToFit int     `json:"epochs_to_fit"`
			State       string  `json:"state"`
		} `json:"runs"`
	} `json:"data"`
}

// received returns what the course page has received so far.
func (p *page) received() []lessonEvent {
	p.tb.Helper()
	raw := evalJS[string](p, `JSON.stringify(window.received || [])`)
	var evs []lessonEvent
	if err := json.Unmarshal([]byte(raw), &evs); err != nil {
		p.tb.Fatalf("window.received is not a list of events: %v: %.300s", err, raw)
	}
	return evs
}

// waitEvent waits until the course page received an event that cond (JavaScript, on the
// event's data as d) holds for, after the first `after` events.
func (p *page) waitEvent(what string, timeout time.Duration, after int, cond string) {
	p.tb.Helper()
	expr := fmt.Sprintf(`(window.received || []).slice(%d).some(({data: d}) => %s)`, after, cond)
	if err := p.pollJS(timeout, expr); err != nil {
		evs := p.received()
		if len(evs) > 5 {
			evs = evs[len(evs)-5:]
		}
		p.tb.Fatalf("waited %v for %s: %v; last events: %+v", timeout, what, err, evs)
	}
}

// quietEpochs waits until the course page has received nothing for a second and returns
// the epochs of the last event.
func (p *page) quietEpochs() [2]int {
	p.tb.Helper()
	steady(p, "what the lesson reports", func() int { return len(p.received()) })
	evs := p.received()
	e := evs[len(evs)-1].Data
	return [2]int{e.Runs[0].Epoch, e.Runs[1].Epoch}
}

// ------------------------------------------------------------- the service worker

// offlineState is what the page can tell about its service worker.
type offlineState struct {
	Active     bool     `json:"active"`     // a service worker is activated for the page
	Scope      string   `json:"scope"`      // its scope
	Controlled bool     `json:"controlled"` // it controls the page
	Caches     []string `json:"caches"`     // the site's caches
	URLs       []string `json:"urls"`       // what the one cache holds
}

const offlineStateJS = `(async () => {
	const out = {active: false, scope: "", controlled: !!navigator.serviceWorker.controller, caches: [], urls: []};
	const reg = await navigator.serviceWorker.getRegistration();
	if (!reg || !reg.active || reg.active.state !== "activated") return out;
	out.active = true;
	out.scope = reg.scope;
	const prefix = "genlab " + new URL(reg.scope).pathname + " ";
	out.caches = (await caches.keys()).filter((k) => k.startsWith(prefix));
	if (out.caches.length === 1) {
		out.urls = (await (await caches.open(out.caches[0])).keys()).map((r) => r.url);
	}
	return out;
})()`

// waitCached waits until the service worker of the site at scope is activated and its
// cache holds every file of the site (package app/site's CachedFiles: it caches all of
// them before it activates).
func waitCached(p *page, scope string) offlineState {
	p.tb.Helper()
	var want []string
	for _, f := range site.CachedFiles() {
		want = append(want, scope+strings.TrimPrefix(f, "./"))
	}
	sort.Strings(want)
	var st offlineState
	err := poll(loadTimeout, func() bool {
		st = evalJS[offlineState](p, offlineStateJS)
		got := slices.Clone(st.URLs)
		sort.Strings(got)
		return st.Active && st.Scope == scope && slices.Equal(got, want)
	})
	if err != nil {
		p.tb.Fatalf("waited %v for the service worker of %s to cache %d files: %v; it reports %+v", loadTimeout, scope, len(want), err, st)
	}
	return st
}

// -------------------------------------------------------------------- the speed page

// speedEngine is one engine of the speed page (see testdata/speed/speed.js).
type speedEngine struct {
	name     string // as speed.js calls it, and the prefix of its metrics
	wantSIMD bool   // whether it must run WebAssembly SIMD code
}

// openSpeedPage serves the speed page (testdata/speed) and opens it in a new browser.
// Its engines are not started yet (see startEngine).
//
// The page's folder is a temporary one, with what it loads beside it: the benchmark's
// binary (wasm/w1bench), Go's wasm_exec.js, the site's loader.js and kernels.wasm, and
// TensorFlow.js under tfjs/, a link to node_modules, where npm installed it. Nothing
// comes from anywhere else.
func openSpeedPage(tb testing.TB) *page {
	tb.Helper()
	dir := tb.TempDir()
	goroot := buildW1Bench(tb, filepath.Join(dir, "w1bench.wasm"))
	files := []struct{ name, src, fix string }{
		{"speed.html", filepath.Join("testdata", "speed", "speed.html"), "it is a source of app/e2e"},
		{"speed.js", filepath.Join("testdata", "speed", "speed.js"), "it is a source of app/e2e"},
		{"wasm_exec.js", filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"), "it comes with Go"},
		{"loader.js", filepath.Join(publicDir, "web", "loader.js"), "make build copies it from app/site/static"},
		{"kernels.wasm", filepath.Join(publicDir, "web", "kernels.wasm"), "run make build first"},
	}
	for _, f := range files {
		data, err := os.ReadFile(f.src)
		if err != nil {
			tb.Fatalf("the speed page needs %s: %v (%s)", f.name, err, f.fix)
		}
		writeText(tb, dir, f.name, string(data))
	}
	tfjs, err := filepath.Abs(filepath.Join("node_modules", "@tensorflow"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range []string{"tfjs-core/dist/tf-core.min.js", "tfjs-backend-wasm/dist/tf-backend-wasm.min.js",
		"tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm"} {
		if _, err := os.Stat(filepath.Join(tfjs, filepath.FromSlash(f))); err != nil {
			tb.Fatalf("TensorFlow.js is not installed (%v): run npm ci --prefix app/e2e (make bench-browser does)", err)
		}
	}
	if err := os.Symlink(tfjs, filepath.Join(dir, "tfjs")); err != nil {
		tb.Fatal(err)
	}
	srv := serve(tb, dir, serving{})
	p := newTab(tb, newBrowser(tb), benchTimeout)
	p.open(srv.at("speed.html"))
	return p
}

// buildW1Bench builds wasm/w1bench into out as make build builds the site's binaries,
// with the go command that runs the test (go test puts its GOROOT/bin first in PATH), and
// returns that toolchain's GOROOT: the binary must run with its wasm_exec.js.
func buildW1Bench(tb testing.TB, out string) (goroot string) {
	tb.Helper()
	env, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		tb.Fatalf("go env GOROOT: %v", err)
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s", "-o", out, "./wasm/w1bench")
	cmd.Dir = filepath.Dir(publicDir) // the module's root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("building wasm/w1bench: %v\n%s", err, msg)
	}
	return strings.TrimSpace(string(env))
}

// startEngine starts e in the page, checks that it runs the path it must and returns
// what it is, e.g. "TensorFlow.js 4.22.0, backend wasm, tfjs-backend-wasm-simd.wasm, 1 thread".
func (p *page) startEngine(e speedEngine) string {
	p.tb.Helper()
	info := evalJS[struct {
		SIMD  bool   `json:"simd"`
		About string `json:"about"`
	}](p, fmt.Sprintf("speed.start(%q)", e.name))
	if info.SIMD != e.wantSIMD {
		p.tb.Fatalf("%s runs with simd=%v, want %v: %s (the console says why)", e.name, info.SIMD, e.wantSIMD, info.About)
	}
	return info.About
}

// speedRun is what speed.run returns: examples trained in seconds, the last batch's
// mean loss, and how many tensors TensorFlow.js leaked (0 for the core).
type speedRun struct {
	Examples int     `json:"examples"`
	Seconds  float64 `json:"seconds"`
	Loss     float64 `json:"loss"`
	Leaked   int     `json:"leaked"`
}

// train trains engine e for about ms milliseconds and returns what it did. (W1 memorizes
// its random labels as it trains: the loss falls from about ln 10 ≈ 2.3 towards 0, and
// the faster an engine, the sooner.)
func (p *page) train(e speedEngine, ms int64) speedRun {
	p.tb.Helper()
	r := evalJS[speedRun](p, fmt.Sprintf("speed.run(%q, %d)", e.name, ms))
	if r.Examples <= 0 || r.Seconds <= 0 {
		p.tb.Fatalf("%s trained nothing: %+v", e.name, r)
	}
	return r
}

// gemmSpeed is one shape's figure from speed.gemm.
type gemmSpeed struct {
	Shape  string  `json:"shape"` // e.g. fwd-32x256x256 (m×n×k)
	GFLOPS float64 `json:"gflops"`
}

// gemm times the matrix products of engine e for about ms milliseconds in all.
func (p *page) gemm(e speedEngine, ms int64) []gemmSpeed {
	p.tb.Helper()
	return evalJS[[]gemmSpeed](p, fmt.Sprintf("speed.gemm(%q, %d)", e.name, ms))
}

// ----------------------------------------------------------------------- the figures

func mb(n int) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }

// quantile returns the q-quantile of sorted (nearest rank).
func quantile(sorted []float64, q float64) float64 {
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// median returns the median of xs (of one sample, the sample).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	sort.Float64s(s)
	return quantile(s, 0.5)
}

// figureCells returns the cells of the figure table, keyed "key metric" (e.g.
// "p=0.5 test-error"), with their raw values ("" for a time to fit never reached).
func (p *page) figureCells() map[string]string {
	p.tb.Helper()
	return evalJS[map[string]string](p, `(() => {
	const out = {};
	for (const e of document.querySelectorAll('[data-figure][data-key][data-metric]')) {
		out[e.dataset.key + ' ' + e.dataset.metric] = e.dataset.value;
	}
	return out;
})()`)
}

// waitFigureDone waits until the figure's table says every run is done.
func (p *page) waitFigureDone(timeout time.Duration) {
	p.tb.Helper()
	p.waitUntil("every run of the figure to be done", timeout,
		`(() => { const b = document.getElementById("figure-progress"); return b && b.max > 0 && b.value === b.max && /All \d+ runs done/.test(document.getElementById("figure-status").textContent); })()`)
}
