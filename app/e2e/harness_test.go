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
//	go test -tags e2e -artifacts ./app/e2e/  # keeps the screenshots, in _artifacts/
//
// Every file has the build tag e2e, so a plain go test ./... skips the package: it needs
// the built site and Debian's chromium (apt-get install -y chromium).
//
// This file is the harness: one kind of server (serve), one way to open a page (a tab of
// a fresh browser, then page.open), one way to wait (poll, and waitUntil on top of it for
// a condition in the page), the screenshots in the test's artifact directory, and the
// watch on every request a browser makes. page_test.go holds what the tests read and do
// on the site's pages; the other files hold the tests.
package e2e

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/chromedp/cdproto"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/cdp/jsonv2"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/remote"

	"genlab/app/site"
)

// chromiumPath is Debian's Chromium, the browser the tests and the CI install.
const chromiumPath = "/usr/bin/chromium"

// Timeouts. Training runs in the browser at roughly one or two epochs a second per run,
// and this machine may be loaded by other work, so every wait is generous: a wait
// returns as soon as its condition holds, so a long timeout costs nothing when all is well.
const (
	loadTimeout  = 90 * time.Second  // from navigation to the runs built (three wasm binaries to compile)
	trainTimeout = 120 * time.Second // for a few epochs of training
	testTimeout  = 5 * time.Minute   // for a whole test
	// benchTimeout bounds one benchmark's page: memorizing random labels takes tens of
	// epochs' worth of seconds on a loaded machine.
	benchTimeout = 10 * time.Minute
	// pollInterval is how often poll tries its condition: often enough to see what a
	// page shows for a moment (TestDivergedRun watches for a NaN).
	pollInterval = 50 * time.Millisecond
)

var (
	publicDir string  // the absolute path of public/
	lab       *server // public/ served at /, for every test that needs no server of its own
)

func TestMain(m *testing.M) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "public"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	var missing []string
	for _, f := range site.Files() {
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
	lab, err = newServer(dir, serving{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	code := m.Run()
	lab.Close()
	os.Exit(code)
}

// labURL returns the address of the lab on the shared server, with query ("" for the
// default view).
func labURL(query string) string {
	if query == "" {
		return lab.at("")
	}
	return lab.at("?" + query)
}

// ---------------------------------------------------------------------------- servers

// serving says how a server serves its folder. The zero value serves it at /, as a
// static file server does (with WebAssembly's type), with the browser's HTTP cache off
// (the service worker still caches, as it does for students).
type serving struct {
	base       string      // the path to serve the folder under, e.g. /courses/ml/lab/; "" for /
	cache      bool        // no Cache-Control header, as a plain static server sends
	compressed bool        // the .br and .gz copies to the browsers that accept them: make serve's handler
	header     http.Header // more headers for every answer
	hidden     []string    // files of the folder answered 404, e.g. web/kernels.wasm
	host       string      // the address to listen on; "" for 127.0.0.1
}

// A server serves a folder over HTTP and records what it could not serve. Every path
// outside its base answers 404, so that a URL of the site written from the root shows
// up among the failures.
type server struct {
	*httptest.Server
	base string

	mu       sync.Mutex
	served   int
	failures []string // "404 GET /app.js"
}

// serve starts a server of dir, configured by cfg; it is closed when tb ends.
func serve(tb testing.TB, dir string, cfg serving) *server {
	tb.Helper()
	s, err := newServer(dir, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Close)
	return s
}

// newServer starts a server of dir, configured by cfg.
func newServer(dir string, cfg serving) (*server, error) {
	s := &server{base: cmp.Or(cfg.base, "/")}
	var files http.Handler
	if cfg.compressed {
		files = site.Handler(dir, "/")
	} else {
		plain := http.FileServer(http.Dir(dir))
		files = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, ".wasm") {
				w.Header().Set("Content-Type", "application/wasm")
			}
			if !cfg.cache {
				w.Header().Set("Cache-Control", "no-cache")
			}
			plain.ServeHTTP(w, r)
		})
	}
	if s.base != "/" {
		files = http.StripPrefix(strings.TrimSuffix(s.base, "/"), files)
	}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		name, inside := strings.CutPrefix(r.URL.Path, s.base)
		if inside && !slices.Contains(cfg.hidden, name) {
			for k, v := range cfg.header {
				rec.Header()[k] = v
			}
			files.ServeHTTP(rec, r)
		} else {
			http.NotFound(rec, r)
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		s.served++
		if rec.status >= 400 {
			s.failures = append(s.failures, fmt.Sprintf("%d %s %s", rec.status, r.Method, r.URL.Path))
		}
	}))
	if cfg.host != "" {
		ln, err := net.Listen("tcp", net.JoinHostPort(cfg.host, "0"))
		if err != nil {
			return nil, err
		}
		s.Listener.Close()
		s.Listener = ln
	}
	s.Start()
	return s, nil
}

// at returns the address of rel ("" for the page, "?seed=7" for a link) on the site.
func (s *server) at(rel string) string { return s.URL + s.base + rel }

// checkServed asserts that the server could serve everything it was asked for.
func (s *server) checkServed(tb testing.TB) {
	tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.failures) > 0 {
		tb.Errorf("the server could not serve %d of %d requests: %q", len(s.failures), s.served, s.failures)
	}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// networkAddress returns an IPv4 address of this machine other than loopback, or "".
func networkAddress() string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return ""
	}
	for _, a := range addrs {
		if ip, ok := a.(*net.IPNet); ok && ip.IP.To4() != nil && !ip.IP.IsLoopback() && !ip.IP.IsLinkLocalUnicast() {
			return ip.IP.String()
		}
	}
	return ""
}

// copySite copies public/ into a new temporary folder and returns it.
func copySite(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	err := filepath.WalkDir(publicDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(publicDir, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}

func readText(tb testing.TB, dir, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func writeText(tb testing.TB, dir, name, s string) {
	tb.Helper()
	file := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// ------------------------------------------------------------------- browsers and tabs

// newBrowser starts a headless Chromium with a fresh profile for tb and returns its
// first tab's context. The browser is closed, and its profile removed, when tb ends.
// extra options come after the usual ones (the transfer benchmark's gets the browser's
// DevTools address).
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

// page is one tab of a browser, with everything its console said.
type page struct {
	tb  testing.TB
	ctx context.Context

	mu      sync.Mutex
	console []chromedp.ConsoleMessage
}

// newDownloadingBrowser starts a browser, as newBrowser does, whose downloads go to tb's
// artifact directory, which it returns (see waitFile).
func newDownloadingBrowser(tb testing.TB) (context.Context, string) {
	tb.Helper()
	bctx := newBrowser(tb)
	dir := tb.ArtifactDir()
	if _, err := chromedp.CallBrowser(bctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
	}); err != nil {
		tb.Fatalf("setting the download folder: %v", err)
	}
	return bctx, dir
}

// newTab opens a blank tab of the browser bctx, which records its console and, if tb
// fails, logs what it showed and saves a screenshot of it. It is closed when tb ends;
// its context ends after timeout. (A test that watches or sizes the tab does so before
// it opens a page.)
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

// openLab starts a browser and opens the lab at query ("" for the default view) in a
// tab whose context ends with the test's timeout. It does not wait for the canvas: see
// waitReady.
func openLab(tb testing.TB, query string) *page {
	tb.Helper()
	p := newTab(tb, newBrowser(tb), testTimeout)
	p.open(labURL(query))
	return p
}

// open navigates the tab to the address u.
func (p *page) open(u string) {
	p.tb.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(u)); err != nil {
		p.tb.Fatalf("opening %s: %v", u, err)
	}
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
		p.tb.Logf("screenshot: %s", saveArtifact(p.tb, "failure.jpg", shot))
	}
}

// saveArtifact writes data into the file name of tb's artifact directory, which go test
// -artifacts keeps (in _artifacts/) and otherwise removes, and returns its path.
func saveArtifact(tb testing.TB, name string, data []byte) string {
	tb.Helper()
	file := filepath.Join(tb.ArtifactDir(), name)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		tb.Errorf("saving %s: %v", name, err)
	}
	return file
}

// screenshots captures the page a screen at a time, from its top down (or only its
// first screen), into the test's artifact directory as PNG files named prefix-00.png,
// prefix-01.png…, and returns their paths. (A single capture beyond the viewport
// repeats parts of the page under mobile emulation.)
func (p *page) screenshots(prefix string, firstOnly bool) []string {
	p.tb.Helper()
	height := evalJS[int](p, `document.documentElement.scrollHeight`)
	screen := evalJS[int](p, `window.innerHeight`)
	var files []string
	for i, y := 0, 0; y < height && i < 40; i, y = i+1, y+screen {
		// Scroll, and wait for a frame drawn there.
		evalJS[int](p, fmt.Sprintf(`new Promise((resolve) => { window.scrollTo(0, %d); requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY))); })`, y))
		shot, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			p.tb.Fatal(err)
		}
		files = append(files, saveArtifact(p.tb, fmt.Sprintf("%s-%02d.png", prefix, i), shot))
		if firstOnly {
			break
		}
	}
	evalJS[int](p, `(window.scrollTo(0, 0), 0)`)
	return files
}

// evalJS evaluates a JavaScript expression in the page (awaiting a promise) and decodes
// its value; a failure ends the test.
func evalJS[T any](p *page, expr string) T {
	p.tb.Helper()
	v, err := evaluate[T](p, expr)
	if err != nil {
		p.tb.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// evaluate is evalJS that returns the error.
func evaluate[T any](p *page, expr string) (T, error) {
	return chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// ------------------------------------------------------------------------------ waiting

// poll calls cond every pollInterval until it returns true, or returns an error once
// timeout has passed without. Every wait of the tests is made of it.
func poll(timeout time.Duration, cond func() bool) error {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return fmt.Errorf("not after %v", timeout)
		}
		time.Sleep(pollInterval)
	}
	return nil
}

// waitUntil polls cond, a JavaScript boolean expression in which m(run, metric) reads a
// readout's data-value (undefined while absent), until it holds; after timeout it ends
// the test, saying what it waited for.
func (p *page) waitUntil(what string, timeout time.Duration, cond string) {
	p.tb.Helper()
	expr := "((m) => !!(" + cond + "))(" + readoutJS + ")"
	if err := p.pollJS(timeout, expr); err != nil {
		p.tb.Fatalf("waited %v for %s: %v\npage: %s", timeout, what, err, p.state())
	}
}

// pollJS polls expr, a JavaScript expression, until its value is true, and returns an
// error after timeout, or as soon as evaluating it fails (it threw: the condition is
// wrong, not yet false).
func (p *page) pollJS(timeout time.Duration, expr string) error {
	var evalErr error
	err := poll(timeout, func() bool {
		ok, err := evaluate[bool](p, expr)
		evalErr = err
		return err != nil || ok
	})
	if evalErr != nil {
		return fmt.Errorf("evaluating %s: %w", expr, evalErr)
	}
	return err
}

// steady waits until read has returned the same value for a second and returns it: what
// a page shows once the reports already on their way when it paused have arrived. After
// trainTimeout it ends the test.
func steady[T comparable](p *page, what string, read func() T) T {
	p.tb.Helper()
	last, since := read(), time.Now()
	if err := poll(trainTimeout, func() bool {
		if now := read(); now != last {
			last, since = now, time.Now()
		}
		return time.Since(since) >= time.Second
	}); err != nil {
		p.tb.Fatalf("%s never stopped moving (%v); page: %s", what, err, p.state())
	}
	return last
}

// waitFile waits until dir holds a complete download called name, and returns its bytes.
func waitFile(tb testing.TB, dir, name string) []byte {
	tb.Helper()
	path := filepath.Join(dir, name)
	var b []byte
	err := poll(trainTimeout, func() bool {
		if _, err := os.Stat(path + ".crdownload"); err == nil {
			return false
		}
		var err error
		b, err = os.ReadFile(path)
		return err == nil && len(b) > 0
	})
	if err != nil {
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		tb.Fatalf("no download %s after %v; the folder holds %q", name, trainTimeout, names)
	}
	return b
}

// -------------------------------------------------------------- watching the requests

// Nothing leaves the origin: no CDN, no web font, no analytics, no remote icon. The
// offline, sub-path and layout tests watch every request their browser makes, in two
// ways, and end by asserting that each went to the site's own origin (netWatch):
//
//   - the DevTools network events of the tab (Network.requestWillBeSent): everything the
//     page and the canvas iframe ask for (same origin, so the same target), including
//     the training workers' scripts and what the service worker answers from its cache;
//   - the requests that reach the network, from any part of the browser: the service
//     worker's downloads, the training workers' importScripts and fetch, the browser's
//     own: the browser-wide Fetch domain pauses each one (Fetch.requestPaused), the test
//     writes it down and lets it go on. A worker's own DevTools events are only sent once
//     a client has attached to it, after its first requests, so this is how they are seen.
//
// Each also checks that the console reports no Content-Security-Policy violation: a
// listener added to every frame before its scripts run prints each
// securitypolicyviolation event, besides the browser's own report.
//
// The first-visit benchmark counts the bytes of every response, in every target of the
// browser, workers included (transferRecorder).

// netWatch records the requests of one browser.
type netWatch struct {
	tb     testing.TB
	origin string // the site's origin, e.g. http://127.0.0.1:41127

	mu       sync.Mutex
	devtools []string // URLs of the tabs' Network.requestWillBeSent events
	network  []string // URLs of the browser's Fetch.requestPaused events
	failed   []string // "404 URL" of the tabs' Network.responseReceived events
}

// watchBrowser starts recording every request of the browser bctx that reaches the
// network; siteURL is any address of the site, whose origin is the only one allowed.
// Call it before the browser opens the site.
func watchBrowser(tb testing.TB, bctx context.Context, siteURL string) *netWatch {
	tb.Helper()
	u, err := url.Parse(siteURL)
	if err != nil {
		tb.Fatal(err)
	}
	w := &netWatch{tb: tb, origin: u.Scheme + "://" + u.Host}
	paused := chromedp.BrowserEvents(bctx, fetch.RequestPaused)
	if _, err := chromedp.CallBrowser(bctx, fetch.Enable, fetch.EnableParams{}); err != nil {
		tb.Fatalf("enabling the browser's Fetch domain: %v", err)
	}
	go func() {
		for e, err := range paused {
			if err != nil {
				return
			}
			w.mu.Lock()
			w.network = append(w.network, e.Request.URL)
			w.mu.Unlock()
			// Let it go on: the test only looks. (When the browser is closing, this fails.)
			_, _ = chromedp.CallBrowser(bctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: e.RequestID})
		}
	}()
	return w
}

// cspReporter prints every Content-Security-Policy violation of a frame to its console.
const cspReporter = `(() => {
	const report = (e) => console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "(inline)") + " in " + e.documentURI);
	(self.document || self).addEventListener("securitypolicyviolation", report, true);
})();`

// watchTab records the DevTools network events of the tab p, and makes every frame it
// opens from now on report Content-Security-Policy violations to the console. Call it
// before p navigates.
func (w *netWatch) watchTab(p *page) {
	w.tb.Helper()
	err := chromedp.Listen(p.ctx, func(ev any) {
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			w.mu.Lock()
			w.devtools = append(w.devtools, e.Request.URL)
			w.mu.Unlock()
		case *network.EventResponseReceived:
			if e.Response.Status >= 400 {
				w.mu.Lock()
				w.failed = append(w.failed, fmt.Sprintf("%d %s", e.Response.Status, e.Response.URL))
				w.mu.Unlock()
			}
		}
	})
	if err != nil {
		w.tb.Fatalf("listening to the tab's network events: %v", err)
	}
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument,
		cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: cspReporter}); err != nil {
		w.tb.Fatalf("adding the CSP reporter: %v", err)
	}
}

// counts returns how many requests were seen so far, in DevTools events and on the network.
func (w *netWatch) counts() (devtools, network int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.devtools), len(w.network)
}

// sameOrigin reports whether a request to raw stays on the site's origin. data: URLs
// fetch nothing; blob: URLs carry the origin that made them.
func (w *netWatch) sameOrigin(raw string) bool {
	switch {
	case strings.HasPrefix(raw, "data:"):
		return true
	case strings.HasPrefix(raw, "blob:"):
		raw = strings.TrimPrefix(raw, "blob:")
	}
	u, err := url.Parse(raw)
	return err == nil && u.Scheme+"://"+u.Host == w.origin
}

// foreign returns the requests seen so far that left the site's origin: those of the
// tab's DevTools events, and those that reached the network.
func (w *netWatch) foreign() (devtools, network []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, u := range w.devtools {
		if !w.sameOrigin(u) {
			devtools = append(devtools, u)
		}
	}
	for _, u := range w.network {
		if !w.sameOrigin(u) {
			network = append(network, u)
		}
	}
	return devtools, network
}

// check asserts that every request seen went to the site's origin, and that some were
// seen at all (so the watch really watched); it logs the counts.
func (w *netWatch) check() {
	w.tb.Helper()
	devtools, network := w.counts()
	if devtools == 0 {
		w.tb.Error("no DevTools network event was seen: the watch is broken")
	}
	if network == 0 {
		w.tb.Error("no request reached the network: the watch is broken")
	}
	fd, fn := w.foreign()
	if len(fd) > 0 {
		w.tb.Errorf("%d of %d DevTools network events went to another origin than %s: %q", len(fd), devtools, w.origin, fd)
	}
	if len(fn) > 0 {
		w.tb.Errorf("%d of %d network requests went to another origin than %s: %q", len(fn), network, w.origin, fn)
	}
	w.mu.Lock()
	if len(w.failed) > 0 {
		w.tb.Errorf("%d requests failed: %q", len(w.failed), w.failed)
	}
	w.tb.Logf("requests: %d DevTools events (%d distinct URLs), %d reached the network (%d distinct); all to %s",
		devtools, distinct(w.devtools), network, distinct(w.network), w.origin)
	w.mu.Unlock()
}

// distinct returns the number of distinct strings in s.
func distinct(s []string) int {
	c := slices.Clone(s)
	slices.Sort(c)
	return len(slices.Compact(c))
}

// checkNoCSPViolation asserts that the console of p reported no Content-Security-Policy
// violation, from our reporter or from the browser.
func checkNoCSPViolation(p *page) {
	p.tb.Helper()
	for _, line := range p.consoleLines() {
		l := strings.ToLower(line)
		if strings.Contains(l, "csp violation") || strings.Contains(l, "content security policy") ||
			strings.Contains(l, "content-security-policy") {
			p.tb.Errorf("the console reports a Content-Security-Policy violation: %s", line)
		}
	}
}

// A transferRecorder records the network responses of every target of a browser, on a
// DevTools connection of its own. chromedp attaches to the tabs it opens and drops the
// messages of every other target (the workers a page starts), so the recorder attaches
// to them itself: it asks the browser to attach it to every target (Target.setAutoAttach
// on the browser, which covers tabs and service workers, and on each tab, which covers
// its dedicated workers and out-of-process frames), with each new target paused before it
// runs (waitForDebuggerOnStart), and lets it run once the Network domain is enabled in
// it. (A flat session per target: each message carries its session's ID.)
type transferRecorder struct {
	conn *remote.Conn
	ctx  context.Context // ends with the benchmark
	site string          // the site's address: only its requests are recorded

	nextID  atomic.Int64
	mu      sync.Mutex
	replies map[int64]chan *cdproto.Message // by command ID, until answered

	watched   map[target.ID]bool          // the targets whose Network domain is on
	kinds     map[target.SessionID]string // of each session's target
	responses map[requestKey]*response
	last      time.Time // of the last network event
	problems  []string  // targets that could not be watched
}

// requestKey identifies a request: request IDs are unique within a target's session.
type requestKey struct {
	session target.SessionID
	id      network.RequestID
}

// A response is what the recorder saw of one request.
type response struct {
	target   string // the type of the target that made it: page, worker, service_worker
	url      string
	accept   string // the Accept-Encoding the browser sent
	status   int64
	encoding string  // the response's Content-Encoding
	source   string  // where it came from: the network, or a cache
	bytes    float64 // received from the network: encodedDataLength
	done     bool
	failure  string // why it did not finish
}

// watchedTypes are the types of the targets that load the site's files. The browser has
// others (its own pages, "browser_ui"): they are let run, and not watched.
var watchedTypes = []string{"page", "iframe", "worker", "shared_worker", "service_worker"}

// recordTransfers connects to the browser at wsURL and records from now on, until tb
// ends, the requests to the site at the address site.
func recordTransfers(tb testing.TB, wsURL, site string) *transferRecorder {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	tb.Cleanup(cancel)
	conn, err := remote.DialContext(ctx, wsURL)
	if err != nil {
		tb.Fatalf("connecting to the browser at %s: %v", wsURL, err)
	}
	tb.Cleanup(func() { conn.Close() })
	r := &transferRecorder{
		conn: conn, ctx: ctx, site: site,
		replies:   map[int64]chan *cdproto.Message{},
		watched:   map[target.ID]bool{},
		kinds:     map[target.SessionID]string{},
		responses: map[requestKey]*response{},
	}
	go r.read()
	if err := call(r, "", target.SetAutoAttach, autoAttach()); err != nil {
		tb.Fatalf("attaching to the browser's targets: %v", err)
	}
	return r
}

// autoAttach asks to be attached to every new target, paused until it is told to run.
func autoAttach() target.SetAutoAttachParams {
	yes := true
	return target.SetAutoAttachParams{AutoAttach: true, WaitForDebuggerOnStart: true, Flatten: &yes}
}

// call sends the command cmd to a session ("" for the browser) and waits for its reply.
func call[P, R any](r *transferRecorder, session target.SessionID, cmd cdp.Command[P, R], params P) error {
	raw, err := jsonv2.Marshal(params, chromedp.DefaultMarshalOptions)
	if err != nil {
		return err
	}
	id := r.nextID.Add(1)
	reply := make(chan *cdproto.Message, 1)
	r.mu.Lock()
	r.replies[id] = reply
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		delete(r.replies, id)
		r.mu.Unlock()
	}()
	msg := &cdproto.Message{ID: id, SessionID: session, Method: cdproto.MethodType(cmd.Method), Params: raw}
	if err := r.conn.Write(r.ctx, msg); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(r.ctx, 30*time.Second)
	defer cancel()
	select {
	case m := <-reply:
		if m.Error != nil {
			return fmt.Errorf("%s: %w", cmd.Method, m.Error)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", cmd.Method, ctx.Err())
	}
}

// read reads the browser's messages until the connection closes: it hands replies to
// their commands and events to handle.
func (r *transferRecorder) read() {
	for {
		msg := new(cdproto.Message)
		if err := r.conn.Read(r.ctx, msg); err != nil {
			return
		}
		if msg.ID != 0 {
			r.mu.Lock()
			reply := r.replies[msg.ID]
			r.mu.Unlock()
			if reply != nil {
				reply <- msg
			}
			continue
		}
		ev, err := cdproto.UnmarshalMessage(msg, chromedp.DefaultUnmarshalOptions)
		if err != nil {
			continue // an event cdproto does not know, of no interest here
		}
		r.handle(msg.SessionID, ev)
	}
}

// handle records an event of a session ("" for the browser). It runs on the reading
// goroutine, so it never waits for a reply.
func (r *transferRecorder) handle(session target.SessionID, ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	key := func(id network.RequestID) requestKey { return requestKey{session, id} }
	switch e := ev.(type) {
	case *target.EventAttachedToTarget:
		r.kinds[e.SessionID] = e.TargetInfo.Type
		first := !r.watched[e.TargetInfo.TargetID] // a target can be attached twice: by the browser and by its tab
		r.watched[e.TargetInfo.TargetID] = true
		go r.watch(e.SessionID, e.TargetInfo, first, e.WaitingForDebugger)
		return
	case *network.EventRequestWillBeSent:
		if !strings.HasPrefix(e.Request.URL, r.site) {
			return
		}
		if e.RedirectResponse != nil {
			return // a redirect keeps its request ID; its response is not counted
		}
		r.responses[key(e.RequestID)] = &response{target: r.kinds[session], url: e.Request.URL, source: "-"}
	case *network.EventRequestWillBeSentExtraInfo:
		if res := r.responses[key(e.RequestID)]; res != nil {
			res.accept = header(e.Headers, "Accept-Encoding")
		}
	case *network.EventResponseReceived:
		if res := r.responses[key(e.RequestID)]; res != nil {
			res.status = e.Response.Status
			res.encoding = header(e.Response.Headers, "Content-Encoding")
			switch {
			case e.Response.FromServiceWorker:
				res.source = "service worker"
			case e.Response.FromDiskCache:
				res.source = "HTTP cache"
			default:
				res.source = "network"
			}
		}
	case *network.EventLoadingFinished:
		if res := r.responses[key(e.RequestID)]; res != nil {
			res.bytes, res.done = e.EncodedDataLength, true
		}
	case *network.EventLoadingFailed:
		if res := r.responses[key(e.RequestID)]; res != nil {
			res.failure, res.done = e.ErrorText, true
		}
	default:
		return
	}
	r.last = time.Now()
}

// watch turns the Network domain on in a new target (unless another session watches it
// already), asks a tab to attach the recorder to the targets it starts, and lets the
// target run.
func (r *transferRecorder) watch(session target.SessionID, info *target.Info, first, waiting bool) {
	var errs []error
	if first && slices.Contains(watchedTypes, info.Type) {
		errs = append(errs, call(r, session, network.Enable, network.EnableParams{}))
		if info.Type == "page" || info.Type == "iframe" {
			errs = append(errs, call(r, session, target.SetAutoAttach, autoAttach()))
		}
	}
	if waiting {
		errs = append(errs, call(r, session, runtime.RunIfWaitingForDebugger, cdp.Empty{}))
	}
	for _, err := range errs {
		if err != nil {
			r.mu.Lock()
			r.problems = append(r.problems, fmt.Sprintf("%s %s: %v", info.Type, info.URL, err))
			r.mu.Unlock()
		}
	}
}

// waitSettled waits until every response begun has finished and the network has been
// quiet for a second, and reports whether that happened before timeout. (A request can
// have no response in its target: a worker's main script is requested in the tab and
// loaded for the worker, whose target does not exist yet.)
func (r *transferRecorder) waitSettled(timeout time.Duration) bool {
	return poll(timeout, func() bool {
		r.mu.Lock()
		defer r.mu.Unlock()
		for _, res := range r.responses {
			if res.status != 0 && !res.done {
				return false
			}
		}
		return time.Since(r.last) > time.Second
	}) == nil
}

// report logs every response, largest first, with the size of its file as built, the
// bytes received by each kind of target, and the Accept-Encoding the browser sent; it
// returns the bytes received in all and the number of responses.
func (r *transferRecorder) report(tb testing.TB) (total float64, n int) {
	tb.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	all := make([]*response, 0, len(r.responses))
	byTarget := map[string]float64{}
	accepts := map[string][]string{}
	for _, res := range r.responses {
		all = append(all, res)
		total += res.bytes
		byTarget[res.target] += res.bytes
		if res.accept != "" && !slices.Contains(accepts[res.accept], res.target) {
			accepts[res.accept] = append(accepts[res.accept], res.target)
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].bytes != all[j].bytes {
			return all[i].bytes > all[j].bytes
		}
		return all[i].url < all[j].url
	})
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "target\tstatus\tfrom\tencoding\treceived\tas built\tURL")
	for _, res := range all {
		status := fmt.Sprint(res.status)
		switch {
		case res.failure != "":
			status = "failed: " + res.failure
		case res.status == 0 && !res.done:
			status = "no response"
		case !res.done:
			status = "unfinished"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.0f\t%s\t%s\n", res.target, status, res.source, cmp.Or(res.encoding, "-"), res.bytes, builtSize(r.site, res.url), res.url)
	}
	tw.Flush()
	var targets, sent []string
	for t, bytes := range byTarget {
		targets = append(targets, fmt.Sprintf("%s %.2f MB", t, bytes/1e6))
	}
	for a, ts := range accepts {
		sent = append(sent, fmt.Sprintf("%q by %v", a, ts))
	}
	sort.Strings(targets)
	sort.Strings(sent)
	tb.Logf("responses:\n%s\nreceived by target: %s\nAccept-Encoding sent: %s", table.String(), strings.Join(targets, ", "), strings.Join(sent, "; "))
	if len(r.problems) > 0 {
		tb.Logf("targets not watched: %q", r.problems)
	}
	return total, len(all)
}

// uncompressedWasm returns the URLs of the .wasm files that came from the network
// without compression.
func (r *transferRecorder) uncompressedWasm() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var urls []string
	for _, res := range r.responses {
		if strings.HasSuffix(res.url, ".wasm") && res.status == http.StatusOK && res.source == "network" && res.encoding == "" {
			urls = append(urls, res.url)
		}
	}
	sort.Strings(urls)
	return urls
}

// builtSize returns the size of the file of public/ that serves url, a URL of the site,
// or "-".
func builtSize(site, url string) string {
	name, ok := strings.CutPrefix(url, site)
	if !ok {
		return "-"
	}
	name, _, _ = strings.Cut(name, "?")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	info, err := os.Stat(filepath.Join(publicDir, filepath.FromSlash(name)))
	if err != nil {
		return "-"
	}
	return fmt.Sprint(info.Size())
}

// header returns the value of the header name in h, whatever the case of its name.
func header(h network.Headers, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return fmt.Sprint(v)
		}
	}
	return ""
}
