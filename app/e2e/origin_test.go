//go:build e2e

package e2e

// Nothing leaves the origin: no CDN, no web font, no analytics, no remote icon. The
// offline, sub-path and layout tests watch their browsers' requests the same way (see
// netWatch in harness_test.go).

import (
	"slices"
	"strings"
	"testing"
)

// TestNothingLeavesTheOrigin: the default view loads, trains a few epochs, and every
// request of the browser meanwhile goes to the site's own origin; no CSP violation.
// (The offline, sub-path and layout tests watch their browsers the same way.)
func TestNothingLeavesTheOrigin(t *testing.T) {
	bctx := newBrowser(t)
	w := watchBrowser(t, bctx, lab.URL)
	p := newTab(t, bctx, testTimeout)
	w.watchTab(p)
	p.open(labURL(""))
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
	w := watchBrowser(t, bctx, lab.URL)
	p := newTab(t, bctx, testTimeout)
	w.watchTab(p)
	p.open(labURL(""))
	p.waitReady()
	evalJS[bool](p, `(() => { new Image().src = "`+elsewhere+`"; return true; })()`)
	if err := poll(loadTimeout, func() bool {
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

	p.open(`data:text/html,<img src="` + elsewhere + `">`)
	if err := poll(loadTimeout, func() bool {
		fd, fn := w.foreign()
		return slices.Contains(fd, elsewhere) && slices.Contains(fn, elsewhere)
	}); err != nil {
		fd, fn := w.foreign()
		t.Errorf("a request to %s from a page with no policy was not seen: DevTools %q, network %q", elsewhere, fd, fn)
	}
}
