//go:build e2e

package e2e

// Offline: after one visit, the site loads and trains with the network cut. The test
// serves public/ from a server of its own, waits until the service worker is active and
// has cached every file of the site, really stops the server, and reloads.

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"genlab/app/site"
)

// TestOffline: one visit, then the server stops; the page reloads from the service
// worker's cache, the canvas and its training workers start, and Play trains. A shared
// link with a query string, and the same through index.html, load offline too.
func TestOffline(t *testing.T) {
	srv := serve(t, publicDir, serving{})
	bctx := newBrowser(t)
	w := watchBrowser(t, bctx, srv.URL)
	p := newTab(t, bctx, testTimeout)
	w.watchTab(p)

	p.open(srv.at(""))
	p.waitReady()
	st := waitCached(p, srv.at(""))
	t.Logf("online: the service worker of %s cached %d files in %q", st.Scope, len(st.URLs), st.Caches)
	srv.checkServed(t)
	devtoolsOnline, networkOnline := w.counts()

	// Cut the network: stop the server, and make sure nothing answers there any more.
	srv.CloseClientConnections()
	srv.Close()
	client := &http.Client{Timeout: 5 * time.Second}
	if res, err := client.Get(srv.at("")); err == nil {
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
		p.open(srv.at(link))
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

// TestUpdateReachesStudents: a student visits; the teacher puts a new build in the
// folder (another version; here, a copy of the site with a changed style sheet and the
// version it gives); the student's next visit installs it in the background, and the
// visit after shows it. The folder (a copy of public/) is served as a plain static
// server would, with no Cache-Control header.
func TestUpdateReachesStudents(t *testing.T) {
	dir := copySite(t)
	version := regexp.MustCompile(`const version = "([0-9a-f]+)";`).FindStringSubmatch(readText(t, dir, "app-worker.js"))
	if version == nil {
		t.Fatal("public/app-worker.js has no version")
	}
	const newVersion = "0123456789abcdef0123"
	srv := serve(t, dir, serving{cache: true})

	bctx := newBrowser(t)
	w := watchBrowser(t, bctx, srv.URL)
	p := newTab(t, bctx, testTimeout)
	w.watchTab(p)
	build := `getComputedStyle(document.documentElement).getPropertyValue("--genlab-build").trim()`

	p.open(srv.at(""))
	p.waitReady()
	if st := waitCached(p, srv.at("")); st.Caches[0] != "genlab / "+version[1] {
		t.Fatalf("the first visit cached %q, want version %s", st.Caches, version[1])
	}

	// The new build: its style sheet, then app.js, and last the service worker, whose
	// change is what the browser looks for.
	writeText(t, dir, "web/style.css", readText(t, dir, "web/style.css")+"\n:root { --genlab-build: \"new\"; }\n")
	for _, name := range []string{"app.js", "app-worker.js"} {
		writeText(t, dir, name, strings.ReplaceAll(readText(t, dir, name), version[1], newVersion))
	}
	// The next visit comes from the cache (the old build) and finds the new one.
	p.open(srv.at(""))
	p.waitReady()
	if b := evalJS[string](p, build); b != "" {
		t.Errorf("the visit after the update shows build %q already: it should come from the cache", b)
	}
	var st offlineState
	if err := poll(loadTimeout, func() bool {
		st = evalJS[offlineState](p, offlineStateJS)
		return slices.Equal(st.Caches, []string{"genlab / " + newVersion}) && len(st.URLs) == len(site.CachedFiles())
	}); err != nil {
		t.Fatalf("the new version was not installed in the background: %+v", st)
	}
	// The visit after that shows it.
	p.open(srv.at(""))
	p.waitReady()
	if b := evalJS[string](p, build); b != `"new"` {
		t.Errorf("the second visit after the update shows build %q, want the new one", b)
	}
	p.trainsOneEpoch()
	checkNoCSPViolation(p)
	w.check()
}
