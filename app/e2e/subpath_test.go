//go:build e2e

package e2e

// The site works anywhere: the same public/ folder served under a sub-path, as a course
// site would host it, and the page at any width from a 375 px phone to a wide desktop.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// subPath is where TestSubPath serves the site.
const subPath = "/courses/ml/lab/"

// TestSubPath: public/, served under /courses/ml/lab/ (and nothing at the root), loads,
// finds its style and icons, trains, and its service worker's scope is the sub-path;
// after the server stops, the page reloads there from the cache and trains again.
func TestSubPath(t *testing.T) {
	srv := serve(t, publicDir, serving{base: subPath})
	bctx := newBrowser(t)
	w := watchBrowser(t, bctx, srv.URL)
	p := newTab(t, bctx, testTimeout)
	w.watchTab(p)

	p.open(srv.at(""))
	p.waitReady()
	p.trainsOneEpoch()
	checkWebGL2(p)

	// The style and the brand icon (which go-app resolves at run time) come from the sub-path.
	loaded := evalJS[map[string]any](p, `(() => {
		const icon = document.querySelector(".brand-icon");
		const frame = document.querySelector("iframe");
		return {
			icon: icon ? icon.currentSrc : "",
			iconLoaded: !!(icon && icon.complete && icon.naturalWidth > 0),
			styled: getComputedStyle(document.body).backgroundColor,
			frame: frame && frame.contentWindow ? frame.contentWindow.location.href : "",
			path: location.pathname,
		};
	})()`)
	if loaded["icon"] != srv.at("web/icon.svg") || loaded["iconLoaded"] != true {
		t.Errorf("the brand icon is %v (loaded: %v), want %s", loaded["icon"], loaded["iconLoaded"], srv.at("web/icon.svg"))
	}
	if loaded["styled"] != "rgb(246, 247, 249)" {
		t.Errorf("the page's background is %v: web/style.css did not apply", loaded["styled"])
	}
	if frame, _, _ := strings.Cut(fmt.Sprint(loaded["frame"]), "#"); frame != srv.at("canvas.html") {
		t.Errorf("the canvas iframe shows %v, want %s", loaded["frame"], srv.at("canvas.html"))
	}
	if loaded["path"] != subPath {
		t.Errorf("the page's path became %v", loaded["path"])
	}

	st := waitCached(p, srv.at(""))
	if st.Scope != srv.at("") {
		t.Errorf("the service worker's scope is %s, want the sub-path %s", st.Scope, srv.at(""))
	}
	t.Logf("the service worker of %s cached %d files in %q", st.Scope, len(st.URLs), st.Caches)
	srv.checkServed(t) // nothing was asked from the root: every URL is relative

	srv.CloseClientConnections()
	srv.Close()
	p.open(srv.at("?seed=3"))
	p.waitReady()
	p.trainsOneEpoch()

	checkNoCSPViolation(p)
	w.check()
}

// controlsJS lists the controls of the page that a student cannot reach: outside the
// page's width (beyond the left edge, or past the right one, where the page cannot be
// scrolled to: it must not scroll sideways at all), or not shown unless they sit in a
// collapsed section whose summary is shown. A control in a container that scrolls
// sideways by itself is reachable when it lies within that container's scroll width.
const controlsJS = `(() => {
	const W = document.documentElement.clientWidth;
	const out = {width: W, scrollWidth: document.documentElement.scrollWidth, controls: 0, collapsed: 0, scrolled: 0, unreachable: []};
	const name = (e) => {
		const label = (e.getAttribute("aria-label") || e.textContent || e.value || e.id || e.name || "").trim().replace(/\s+/g, " ").slice(0, 40);
		return e.tagName.toLowerCase() + (e.type ? "[" + e.type + "]" : "") + " " + JSON.stringify(label);
	};
	const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
	const scroller = (e) => {
		for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
			const o = getComputedStyle(a).overflowX;
			if (o === "auto" || o === "scroll") return a;
		}
		return null;
	};
	for (const e of document.querySelectorAll("button, input, select, textarea, a[href], summary, iframe, [tabindex]")) {
		if (e.type === "hidden" || e.classList.contains("skip-link") || e.closest(".visually-hidden")) continue;
		if (!shown(e)) {
			const d = e.closest("details:not([open])");
			const s = d && d.querySelector(":scope > summary");
			if (s && s !== e && shown(s)) { out.collapsed++; continue; }
			out.unreachable.push(name(e) + ": not shown");
			continue;
		}
		out.controls++;
		const r = e.getBoundingClientRect();
		if (r.left >= -0.5 && r.right <= W + 0.5) continue;
		const box = scroller(e);
		if (box) {
			const b = box.getBoundingClientRect();
			const x = r.left - b.left + box.scrollLeft;
			if (x >= -0.5 && x + r.width <= box.scrollWidth + 0.5 && b.left >= -0.5 && b.right <= W + 0.5) { out.scrolled++; continue; }
		}
		out.unreachable.push(name(e) + " spans x " + Math.round(r.left) + ".." + Math.round(r.right) + " of " + W);
	}
	return out;
})()`

type controlsReport struct {
	Width       int      `json:"width"`
	ScrollWidth int      `json:"scrollWidth"`
	Controls    int      `json:"controls"`
	Collapsed   int      `json:"collapsed"`
	Scrolled    int      `json:"scrolled"`
	Unreachable []string `json:"unreachable"`
}

// TestLayout: at 375×812 (a phone), 768×1024 (a tablet) and 1440×900 (a desktop), the
// page does not scroll sideways and every control is reachable, as the page opens and
// with every collapsible section and panel open. Screenshots are saved in each size's
// artifact directory (go test -artifacts keeps them, in _artifacts/) to look at:
// as-opened-00.png (the first screen) and all-open-NN.png (the whole page, a screen each).
func TestLayout(t *testing.T) {
	for _, size := range []struct {
		w, h   int64
		mobile bool
		scale  float64
	}{{375, 812, true, 2}, {768, 1024, true, 1}, {1440, 900, false, 1}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			bctx := newBrowser(t)
			w := watchBrowser(t, bctx, lab.URL)
			p := newTab(t, bctx, testTimeout)
			w.watchTab(p)
			if _, err := chromedp.Call(p.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
				Width: size.w, Height: size.h, DeviceScaleFactor: size.scale, Mobile: size.mobile,
			}); err != nil {
				t.Fatal(err)
			}
			p.open(labURL(""))
			p.waitReady()
			p.trainsOneEpoch()

			for _, open := range []bool{false, true} {
				state := "as-opened"
				if open {
					state = "all-open"
					// Every section open, and every panel shown (the panel toggles).
					evalJS[int](p, `(() => { const d = document.querySelectorAll("details"); d.forEach((e) => e.open = true); return d.length; })()`)
					evalJS[int](p, `(() => { const b = document.querySelectorAll('[data-panel][aria-pressed="false"]'); b.forEach((e) => e.click()); return b.length; })()`)
					evalJS[bool](p, `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))`)
				}
				r := evalJS[controlsReport](p, controlsJS)
				t.Logf("%s: %d controls shown (%d reached by scrolling a container sideways), %d in collapsed sections; page %d px wide, scrolls to %d",
					state, r.Controls, r.Scrolled, r.Collapsed, r.Width, r.ScrollWidth)
				if r.Width != int(size.w) {
					t.Errorf("%s: the page is laid out %d px wide in a %d px viewport", state, r.Width, size.w)
				}
				if r.ScrollWidth > r.Width {
					t.Errorf("%s: the page scrolls sideways: %d px of content in %d", state, r.ScrollWidth, r.Width)
				}
				if r.Controls < 10 {
					t.Errorf("%s: only %d controls shown", state, r.Controls)
				}
				for _, u := range r.Unreachable {
					t.Errorf("%s: unreachable: %s", state, u)
				}
				// The first screen as it opens; then, everything open, the whole page.
				shots := p.screenshots(state, !open)
				t.Logf("screenshots, a screen each from the top of the page down: %s … %s", shots[0], shots[len(shots)-1])
			}
			checkNoCSPViolation(p)
			w.check()
		})
	}
}
