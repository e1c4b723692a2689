//go:build e2e

package e2e

// Nothing leaves the origin: no CDN, no web font, no analytics, no remote icon. The
// offline, sub-path and layout tests watch every request their browser makes, in two
// ways, and end by asserting that each went to the site's own origin:
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

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// netWatch records the requests of one browser (see the file's comment).
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
	c := append([]string(nil), s...)
	sort.Strings(c)
	n := 0
	for i := range c {
		if i == 0 || c[i] != c[i-1] {
			n++
		}
	}
	return n
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

// TestNothingLeavesTheOrigin: the default view loads, trains a few epochs, and every
// request of the browser meanwhile goes to the site's own origin; no CSP violation.
// (The offline, sub-path and layout tests watch their browsers the same way.)
func TestNothingLeavesTheOrigin(t *testing.T) {
	bctx := newBrowser(t)
	w := watchBrowser(t, bctx, siteURL)
	p := newTab(t, bctx, testTimeout)
	w.watchTab(p)
	p.open("")
	p.waitReady()
	p.press("Play")
	p.waitUntil("both runs to finish epoch 2", trainTimeout, `m(0, "epoch") >= 2 && m(1, "epoch") >= 2`)
	checkWebGL2(p)
	checkNoCSPViolation(p)
	w.check()
}

// TestWatchSeesWhatLeaves checks the checks: on the lab page, a request to another origin
// is refused by the Content-Security-Policy and reported on the console; on a page with
// no policy, the same request is seen, both as a DevTools event and on the network.
func TestWatchSeesWhatLeaves(t *testing.T) {
	const elsewhere = "http://203.0.113.7/pixel.png" // TEST-NET-3: nobody answers there
	bctx := newBrowser(t)
	w := watchBrowser(t, bctx, siteURL)
	p := newTab(t, bctx, testTimeout)
	w.watchTab(p)
	p.open("")
	p.waitReady()
	evalJS[bool](p, `(() => { new Image().src = "`+elsewhere+`"; return true; })()`)
	if err := eventually(loadTimeout, func() bool {
		for _, l := range p.consoleLines() {
			if strings.Contains(l, "CSP violation: img-src blocked "+elsewhere) {
				return true
			}
		}
		return false
	}); err != nil {
		t.Errorf("the lab's policy did not refuse %s (or the reporter did not say so): console %q", elsewhere, p.consoleLines())
	}
	// The attempt is a DevTools event (with a blocked reason), but nothing reached the network.
	if fd, fn := w.foreign(); !slices.Contains(fd, elsewhere) || len(fn) > 0 {
		t.Errorf("the refused request: DevTools events %q (want it there), network %q (want nothing)", fd, fn)
	}

	if err := chromedp.Do(p.ctx, chromedp.Navigate(`data:text/html,<img src="`+elsewhere+`">`)); err != nil {
		t.Fatal(err)
	}
	if err := eventually(loadTimeout, func() bool {
		fd, fn := w.foreign()
		return slices.Contains(fd, elsewhere) && slices.Contains(fn, elsewhere)
	}); err != nil {
		fd, fn := w.foreign()
		t.Errorf("a request to %s from a page with no policy was not seen: DevTools %q, network %q", elsewhere, fd, fn)
	}
}

// eventually polls cond every 100 ms until it holds, or fails after timeout.
func eventually(timeout time.Duration, cond func() bool) error {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return fmt.Errorf("not after %v", timeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil
}
