//go:build e2e

// Package e2e drives the built site (public/, written by make build) in a real headless
// Chromium, as a student would use it: the go-app page, the Ebitengine canvas in its
// <iframe>, and the training workers the canvas starts. It reads the page through the
// readouts' data-run/data-metric/data-value attributes and finds controls by their
// accessible role and name (what a screen reader announces), so that the tests break
// when the page stops being usable, not when its markup moves.
//
//	make test-browser                        # builds, then go test -tags e2e ./app/e2e/
//	make bench-browser                       # the browser benchmarks
//	go test -count=5 -tags e2e ./app/e2e/    # the suite, five times (flakiness check)
//
// Every file has the build tag e2e, so a plain go test ./... skips the package: it needs
// the built site and Debian's chromium (apt-get install -y chromium).
package e2e

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// chromiumPath is Debian's Chromium, the browser the tests and the CI install.
const chromiumPath = "/usr/bin/chromium"

// builtFiles are the files of public/ that make build writes and the site cannot work
// without (the sources beside them, canvas.html and web/worker.js, are checked too).
var builtFiles = []string{
	"index.html", "app.js", "app-worker.js", "wasm_exec.js", "canvas.html",
	"web/app.wasm", "web/canvas.wasm", "web/worker.wasm", "web/kernels.wasm", "web/wasm_exec.js",
	"web/worker.js", "web/canvas.js",
}

var (
	publicDir string // the absolute path of public/
	siteURL   string // where the test server serves it, without a trailing slash
)

// Timeouts. Training runs in the browser at roughly one or two epochs a second per run,
// and this machine may be loaded by other work, so every wait is generous: a wait
// returns as soon as its condition holds, so a long timeout costs nothing when all is well.
const (
	loadTimeout  = 90 * time.Second  // from navigation to the runs built (three wasm binaries to compile)
	trainTimeout = 120 * time.Second // for a few epochs of training
	testTimeout  = 5 * time.Minute   // for a whole test
)

func TestMain(m *testing.M) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "public"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	var missing []string
	for _, f := range builtFiles {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(os.Stderr, "e2e: the site is not built: %s missing in %s: run make build first\n",
			strings.Join(missing, ", "), dir)
		os.Exit(1)
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: these tests drive Debian's Chromium, and %s is missing: "+
			"install it with `apt-get install -y chromium` (as root), or run `make need-chromium`\n", chromiumPath)
		os.Exit(1)
	}
	publicDir = dir
	srv := httptest.NewServer(siteHandler(dir))
	siteURL = srv.URL
	code := m.Run()
	srv.Close()
	os.Exit(code)
}

// siteHandler serves public/ as any static file server would, with no caching by the
// browser's HTTP cache (the service worker still caches, as it does for students).
func siteHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			w.Header().Set("Content-Type", "application/wasm")
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

// newBrowser starts a headless Chromium with a fresh profile for tb and returns its
// first tab's context. The browser is closed, and its profile removed, when tb ends.
// extra options come after the usual ones (transfer_test.go's adds a DevTools port).
func newBrowser(tb testing.TB, extra ...chromedp.ExecAllocatorOption) context.Context {
	tb.Helper()
	profile := tb.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
		// Ebitengine needs WebGL2: SwiftShader gives it to a machine without a GPU.
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		// A tab must keep its frames and timers running although nobody looks at it.
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
	}
	opts = append(opts, extra...)
	actx, stopAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, stopBrowser := chromedp.NewContext(actx)
	tb.Cleanup(func() {
		stopBrowser()
		stopAlloc() // waits for the browser process
		// Its helper processes can still write in the profile for a moment; remove it
		// here, retrying, so that TempDir's own removal finds nothing left.
		for range 50 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	if err := chromedp.Do(bctx); err != nil { // starts the browser, with no timeout
		tb.Fatalf("starting %s: %v", chromiumPath, err)
	}
	return bctx
}

// page is one tab showing the lab, with everything its console said.
type page struct {
	tb  testing.TB
	ctx context.Context

	mu      sync.Mutex
	console []chromedp.ConsoleMessage
}

// openLab starts a browser, opens the lab at query ("" for the default view) and
// waits until the canvas reported its runs built. Its context ends with tb's timeout.
func openLab(tb testing.TB, query string) *page {
	tb.Helper()
	p := startLab(tb, query)
	p.waitReady()
	return p
}

// startLab starts a browser and navigates to the lab without waiting for the canvas.
func startLab(tb testing.TB, query string) *page {
	tb.Helper()
	return openTab(tb, newBrowser(tb), query, testTimeout)
}

// openTab opens a new tab of the browser bctx on the lab at query, without waiting for
// the canvas. The tab is closed when tb ends, and its context ends after timeout.
func openTab(tb testing.TB, bctx context.Context, query string, timeout time.Duration) *page {
	tb.Helper()
	p := newTab(tb, bctx, timeout)
	p.open(query)
	return p
}

// newTab opens a blank tab of the browser bctx, which records its console and, if tb
// fails, logs what it showed. It is closed when tb ends; its context ends after timeout.
func newTab(tb testing.TB, bctx context.Context, timeout time.Duration) *page {
	tb.Helper()
	tab, closeTab := chromedp.NewContext(bctx)
	tb.Cleanup(closeTab)
	if err := chromedp.Do(tab); err != nil { // opens the tab, with no timeout
		tb.Fatalf("opening a tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tab, timeout)
	tb.Cleanup(cancel)
	p := &page{tb: tb, ctx: ctx}
	p.listenConsole()
	tb.Cleanup(func() {
		if tb.Failed() {
			p.dumpOnFailure()
		}
	})
	return p
}

// open navigates the tab to the lab at query ("" for the default view).
func (p *page) open(query string) {
	p.tb.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(p.url(query))); err != nil {
		p.tb.Fatalf("opening %s: %v", p.url(query), err)
	}
}

// url returns the address of the lab with query ("" for the default view).
func (p *page) url(query string) string {
	if query == "" {
		return siteURL + "/"
	}
	return siteURL + "/?" + query
}

// listenConsole records every console message of the tab (the page's and, since the
// canvas iframe has the page's origin and so its process and target, the canvas's).
func (p *page) listenConsole() {
	msgs := chromedp.Console(p.ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			p.mu.Lock()
			p.console = append(p.console, m)
			p.mu.Unlock()
		}
	}()
}

// consoleLines returns the console messages so far, as "type: text".
func (p *page) consoleLines() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	lines := make([]string, len(p.console))
	for i, m := range p.console {
		lines[i] = m.String()
	}
	return lines
}

// dumpOnFailure logs what the page showed and said, and saves a screenshot.
func (p *page) dumpOnFailure() {
	// The test's context may have ended; the tab lives until the browser is closed.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(p.ctx), 10*time.Second)
	defer cancel()
	p.tb.Logf("page state: %s", p.stateIn(ctx))
	lines := p.consoleLines()
	if len(lines) > 40 {
		lines = append(lines[:20:20], append([]string{fmt.Sprintf("… %d more …", len(lines)-40)}, lines[len(lines)-20:]...)...)
	}
	p.tb.Logf("console:\n  %s", strings.Join(lines, "\n  "))
	if shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(90)); err == nil {
		name := filepath.Join(os.TempDir(), "genlab-e2e-"+strings.NewReplacer("/", "_", " ", "_").Replace(p.tb.Name())+".jpg")
		if os.WriteFile(name, shot, 0o644) == nil {
			p.tb.Logf("screenshot: %s", name)
		}
	}
}

// evalJS evaluates a JavaScript expression in the page and decodes its value; a failure
// ends the test.
func evalJS[T any](p *page, expr string) T {
	p.tb.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.tb.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

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

// waitUntil polls cond, a JavaScript boolean expression in which m(run, metric) reads a
// readout's data-value (undefined while absent), until it holds or timeout passes.
func (p *page) waitUntil(what string, timeout time.Duration, cond string) {
	p.tb.Helper()
	if err := p.poll(timeout, cond); err != nil {
		p.tb.Fatalf("waited %v for %s: %v\npage: %s", timeout, what, err, p.state())
	}
}

// poll is waitUntil that returns the error instead of ending the test.
func (p *page) poll(timeout time.Duration, cond string) error {
	expr := "((m) => !!(" + cond + "))(" + readoutJS + ")"
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](expr,
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
	return err
}

// waitReady waits until the canvas built the runs: both runs show epoch 0 and Play is enabled.
func (p *page) waitReady() {
	p.tb.Helper()
	p.waitUntil("the runs to be built (epoch readouts of runs 0 and 1, Play enabled)", loadTimeout,
		`m(0, "epoch") !== undefined && m(1, "epoch") !== undefined && `+buttonEnabledJS("Play"))
}

// buttonEnabledJS is a JavaScript expression: the button named name exists and is enabled.
func buttonEnabledJS(name string) string {
	return `[...document.querySelectorAll("button")].some(b => b.textContent.trim() === ` + strconv.Quote(name) + ` && !b.disabled)`
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
	for {
		disabled, err := chromedp.Run(ctx, chromedp.JavascriptAttribute[bool](label, "disabled", byRole("button", name)))
		if err == nil && !disabled {
			break
		}
		if ctx.Err() != nil {
			p.tb.Fatalf("%s never became enabled (%v)\npage: %s", label, err, p.state())
		}
		time.Sleep(50 * time.Millisecond)
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

// canvasFrame captures what the canvas shows, from inside the canvas iframe. Ebitengine
// draws with WebGL without preserving its drawing buffer, which the browser clears once
// it has shown a frame: the pixels can only be read in a requestAnimationFrame callback,
// after Ebitengine's own callback of the same frame has drawn. A callback registered now
// runs after Ebitengine's (registered during the previous frame), so it reads the frame
// being drawn. To be safe from a frame in which Ebitengine drew nothing, it reads several
// consecutive frames and returns the one with the most colors.
func (p *page) canvasFrame() image.Image {
	p.tb.Helper()
	// A screenshot of the iframe is what the student sees. (Reading the WebGL canvas with
	// toDataURL is not: the canvas repaints a few times a second and draws nothing in the
	// frames between, whose buffer the browser has already cleared, though the screen
	// keeps showing the last picture.)
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
