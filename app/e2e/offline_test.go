//go:build e2e

package e2e

// Offline: after one visit, the site loads and trains with the network cut. The test
// serves public/ from a server of its own, waits until the service worker is active and
// has cached every file it lists, really stops the server, and reloads.

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// siteServer serves public/ under base ("/" or a sub-path such as "/courses/ml/lab/"),
// as a static file server would, and records what it could not serve.
type siteServer struct {
	*httptest.Server
	base string

	mu       sync.Mutex
	served   int
	failures []string // "404 GET /app.js"
}

// serveSite starts a server of public/ under base; it is closed when tb ends. Every
// other path answers 404, so that a URL of the site written from the root shows up
// among the failures.
func serveSite(tb testing.TB, base string) *siteServer {
	tb.Helper()
	s := &siteServer{base: base}
	files := siteHandler(publicDir)
	if base != "/" {
		files = http.StripPrefix(strings.TrimSuffix(base, "/"), files)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		if strings.HasPrefix(r.URL.Path, base) {
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
	tb.Cleanup(s.Close)
	return s
}

// at returns the address of rel ("" for the page, "?seed=7" for a link) on the site.
func (s *siteServer) at(rel string) string { return s.URL + s.base + rel }

// checkServed asserts that the server could serve everything it was asked for.
func (s *siteServer) checkServed(tb testing.TB) {
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

// cachedList returns the files the built service worker caches (its const files),
// relative to its scope.
func cachedList(tb testing.TB) []string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(publicDir, "app-worker.js"))
	if err != nil {
		tb.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^const files = (\[.*?\]);`).FindSubmatch(b)
	if m == nil {
		tb.Fatal("public/app-worker.js has no `const files = [...];`: was it written by go run ./wasm/ui -generate?")
	}
	var files []string
	if err := json.Unmarshal(m[1], &files); err != nil {
		tb.Fatalf("public/app-worker.js's files: %v", err)
	}
	// What the site cannot work without offline; the complete list is checked by the
	// generator's own tests (app/site).
	for _, want := range []string{"./", "app.js", "wasm_exec.js", "web/app.wasm", "canvas.html", "web/canvas.js",
		"web/canvas.wasm", "web/worker.js", "web/wasm_exec.js", "web/worker.wasm", "web/style.css"} {
		if !slices.Contains(files, want) {
			tb.Errorf("the service worker does not cache %s", want)
		}
	}
	return files
}

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
// cache holds every file it lists (it caches all of them before it activates).
func waitCached(p *page, scope string) offlineState {
	p.tb.Helper()
	files := cachedList(p.tb)
	want := make([]string, len(files))
	for i, f := range files {
		want[i] = scope + strings.TrimPrefix(f, "./")
	}
	sort.Strings(want)
	var st offlineState
	err := eventually(loadTimeout, func() bool {
		st = evalJS[offlineState](p, offlineStateJS)
		got := append([]string(nil), st.URLs...)
		sort.Strings(got)
		return st.Active && st.Scope == scope && slices.Equal(got, want)
	})
	if err != nil {
		p.tb.Fatalf("waited %v for the service worker of %s to cache %d files: %v; it reports %+v", loadTimeout, scope, len(want), err, st)
	}
	return st
}

// navigate loads url in the tab.
func (p *page) navigate(url string) {
	p.tb.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(url)); err != nil {
		p.tb.Fatalf("opening %s: %v", url, err)
	}
}

// trainsOneEpoch presses Play and waits until both runs finished an epoch.
func (p *page) trainsOneEpoch() {
	p.tb.Helper()
	p.press("Play")
	p.waitUntil("both runs to finish epoch 1", trainTimeout, `m(0, "epoch") >= 1 && m(1, "epoch") >= 1`)
}

// fittedOf returns the text of run's fitted cell, e.g. "Fitted: 0 of 300".
func (p *page) fittedOf(run int) string {
	p.tb.Helper()
	return evalJS[string](p, fmt.Sprintf(`(() => { const e = document.querySelector('[data-run="%d"][data-metric="fitted"]'); return e ? e.parentElement.textContent : ""; })()`, run))
}

// TestOffline: one visit, then the server stops; the page reloads from the service
// worker's cache, the canvas and its training workers start, and Play trains. A shared
// link with a query string, and the same through index.html, load offline too.
func TestOffline(t *testing.T) {
	site := serveSite(t, "/")
	bctx := newBrowser(t)
	w := watchBrowser(t, bctx, site.URL)
	p := newTab(t, bctx, testTimeout)
	w.watchTab(p)

	p.navigate(site.at(""))
	p.waitReady()
	st := waitCached(p, site.at(""))
	t.Logf("online: the service worker of %s cached %d files in %q", st.Scope, len(st.URLs), st.Caches)
	site.checkServed(t)
	devtoolsOnline, networkOnline := w.counts()

	// Cut the network: stop the server, and make sure nothing answers there any more.
	site.CloseClientConnections()
	site.Close()
	client := &http.Client{Timeout: 5 * time.Second}
	if res, err := client.Get(site.at("")); err == nil {
		res.Body.Close()
		t.Fatalf("the server still answers after Close: %s", res.Status)
	}

	if err := chromedp.Do(p.ctx, chromedp.Reload()); err != nil {
		t.Fatalf("reloading offline: %v", err)
	}
	p.waitReady()
	if st := evalJS[offlineState](p, offlineStateJS); !st.Controlled {
		t.Errorf("offline, the page is not controlled by the service worker: %+v", st)
	}
	p.trainsOneEpoch()
	checkWebGL2(p)
	t.Logf("offline: reloaded, trained to epochs %v", p.epochs())

	// A shared link, offline: the page is the cached one, the link's settings apply.
	for _, link := range []string{"?train=300&seed=7", "index.html?train=200&seed=7"} {
		p.navigate(site.at(link))
		p.waitReady()
		want := "of " + regexp.MustCompile(`train=(\d+)`).FindStringSubmatch(link)[1]
		if got := p.fittedOf(0); !strings.Contains(got, want) {
			t.Errorf("offline link %s: run 0's fitted cell reads %q, want it to count %s training images", link, got, want)
		}
		if search := evalJS[string](p, `location.search`); search != "?"+strings.SplitN(link, "?", 2)[1] {
			t.Errorf("offline link %s: the page's query string is %q", link, search)
		}
	}
	p.trainsOneEpoch()

	devtools, network := w.counts()
	t.Logf("DevTools events: %d online, %d offline; requests that reached the network: %d online, %d offline",
		devtoolsOnline, devtools-devtoolsOnline, networkOnline, network-networkOnline)
	checkNoCSPViolation(p)
	w.check()
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

// TestUpdateReachesStudents: a student visits; the teacher puts a new build in the
// folder (another version; here, a copy of the site with a changed style sheet and the
// version it gives); the student's next visit installs it in the background, and the
// visit after shows it. The folder is served as a plain static server would, with no
// Cache-Control header.
func TestUpdateReachesStudents(t *testing.T) {
	oldDir, newDir := publicDir, copySite(t)
	version := regexp.MustCompile(`const version = "([0-9a-f]+)";`).FindStringSubmatch(readText(t, oldDir, "app-worker.js"))
	if version == nil {
		t.Fatal("public/app-worker.js has no version")
	}
	const newVersion = "0123456789abcdef0123"
	for _, name := range []string{"app-worker.js", "app.js"} {
		writeText(t, newDir, name, strings.ReplaceAll(readText(t, newDir, name), version[1], newVersion))
	}
	writeText(t, newDir, "web/style.css", readText(t, newDir, "web/style.css")+"\n:root { --genlab-build: \"new\"; }\n")

	var mu sync.Mutex
	dir := oldDir
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		d := dir
		mu.Unlock()
		http.FileServer(http.Dir(d)).ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	bctx := newBrowser(t)
	w := watchBrowser(t, bctx, srv.URL)
	p := newTab(t, bctx, testTimeout)
	w.watchTab(p)
	build := `getComputedStyle(document.documentElement).getPropertyValue("--genlab-build").trim()`

	p.navigate(srv.URL + "/")
	p.waitReady()
	if st := waitCached(p, srv.URL+"/"); st.Caches[0] != "genlab / "+version[1] {
		t.Fatalf("the first visit cached %q, want version %s", st.Caches, version[1])
	}

	mu.Lock()
	dir = newDir
	mu.Unlock()
	// The next visit comes from the cache (the old build) and finds the new one.
	p.navigate(srv.URL + "/")
	p.waitReady()
	if b := evalJS[string](p, build); b != "" {
		t.Errorf("the visit after the update shows build %q already: it should come from the cache", b)
	}
	var st offlineState
	if err := eventually(loadTimeout, func() bool {
		st = evalJS[offlineState](p, offlineStateJS)
		return slices.Equal(st.Caches, []string{"genlab / " + newVersion}) && len(st.URLs) == len(cachedList(t))
	}); err != nil {
		t.Fatalf("the new version was not installed in the background: %+v", st)
	}
	// The visit after that shows it.
	p.navigate(srv.URL + "/")
	p.waitReady()
	if b := evalJS[string](p, build); b != `"new"` {
		t.Errorf("the second visit after the update shows build %q, want the new one", b)
	}
	p.trainsOneEpoch()
	checkNoCSPViolation(p)
	w.check()
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
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(s), 0o644); err != nil {
		tb.Fatal(err)
	}
}
