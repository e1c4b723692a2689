//go:build e2e

package e2e

// Accessibility: axe-core, the engine of the usual accessibility checkers, run on the
// lab's views at a phone's, a tablet's and a desktop's width. axe-core is installed by
// npm into node_modules (app/e2e/package-lock.json; make test-browser runs npm ci) and
// injected from disk by the test: nothing comes from a CDN, and the site itself ships
// none of it.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeFile is axe-core's browser build, as npm installs it.
var axeFile = filepath.Join("node_modules", "axe-core", "axe.min.js")

// a11yWidths are the widths checked: a phone's, a tablet's and a desktop's.
var a11yWidths = []int64{375, 768, 1280}

// axeViolation is one rule that failed, as axe.run reports it.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Impact         string `json:"impact"`
		Target         []any  `json:"target"` // a selector, or a list of them for shadow DOM
		HTML           string `json:"html"`
		FailureSummary string `json:"failureSummary"`
	} `json:"nodes"`
}

// axeRunJS runs axe on the whole page and returns its violations. The canvas iframe is
// left out (iframes: false): it holds only Ebitengine's canvas, and axe would have to be
// injected into it too; the iframe element itself (its title) is checked in the page.
const axeRunJS = `axe.run(document, {resultTypes: ['violations'], iframes: false}).then(r => r.violations)`

// TestAccessibility: axe-core finds no serious or critical violation on the default
// view, a figure's view, the view with every panel open, three runs side by side, a run
// fitted, runs diverged, an embedded lesson and a link with a mistake, at 375, 768 and
// 1280 px; on a phone Play is on the first screen; three runs' numbers fit their column
// at 768 and 1280 px. Every violation found (minor ones too) is saved as JSON, in the
// test's artifact directory (axe-violations.json).
func TestAccessibility(t *testing.T) {
	src, err := os.ReadFile(axeFile)
	if err != nil {
		t.Fatalf("reading axe-core (%v): install it with npm ci --prefix app/e2e, as make test-browser does", err)
	}
	views := []struct {
		name, query string
		ready       func(p *page)
	}{
		{"default", "", (*page).waitReady},
		{"figure", "figure=table1", func(p *page) {
			p.waitUntil("the figure's table and Play", loadTimeout,
				`document.getElementById("figure-progress") && `+buttonEnabledJS("Play"))
		}},
		{"panels", "panels=readouts,share,settings", (*page).waitReady},
		// After an epoch, for the numbers to be as wide as they get (1117 of 1500,
		// 0.12 (SIMD)), since this view also checks that the table fits its column.
		{"three-runs", "runs=labels=true;labels=random;labels=corrupt,p=0.5", func(p *page) {
			p.waitReady()
			p.press("Step")
			p.waitUntil("an epoch of the three runs", trainTimeout, `m(0, "epoch") == 1 && m(1, "epoch") == 1 && m(2, "epoch") == 1`)
		}},
		// The states that colour the page: a run fitted (its green badge), runs
		// diverged (red badges and the alert), a link with a mistake (the notice).
		{"fitted", quickRuns + "&autoplay=1", func(p *page) {
			p.waitUntil("the true-labels run to fit", 3*trainTimeout, `m(0, "state") === "fitted"`)
		}},
		{"diverged", "lr=10&momentum=0.99&autoplay=1", func(p *page) {
			p.waitUntil("both runs to diverge", trainTimeout, `m(0, "state") === "diverged" && m(1, "state") === "diverged"`)
		}},
		// A lesson embedded in a course page, with every control it can show.
		{"embed", "view=embed&controls=play,pause,step,reset,speed,presets,settings,readouts&" + quickRuns, func(p *page) {
			p.waitEmbedReady("Play")
		}},
		// A lesson at its question, and at its outcome next to the prediction (lesson 2:
		// two runs to their end, with the green or red line of the match).
		{"lesson-question", "lesson=1&step=1", func(p *page) {
			p.waitUntil("lesson 1 at its question", loadTimeout, `document.querySelector('.lesson[data-step="1"] input[type=radio]') !== null`)
		}},
		{"lesson-outcome", "lesson=2&step=3&guess=factor&autoplay=1", func(p *page) {
			p.waitUntil("lesson 2's outcome", 3*trainTimeout, `document.querySelector('.lesson[data-step="3"] [data-outcome]') !== null`)
		}},
		{"bad-link", "lr=fast", func(p *page) {
			p.waitReady()
			p.waitUntil("the notice about the link", loadTimeout, `document.querySelector(".notice") !== null`)
		}},
	}
	bctx := newBrowser(t)
	all := map[string][]axeViolation{}
	for _, v := range views {
		t.Run(v.name, func(t *testing.T) {
			p := newTab(t, bctx, testTimeout)
			p.open(labURL(v.query))
			v.ready(p)
			// Injected as the file's text, by DevTools (which the page's
			// Content-Security-Policy does not govern), into the page's main world.
			if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](string(src)+"\n;typeof axe === 'object'")); err != nil {
				t.Fatalf("injecting axe-core: %v", err)
			}
			for _, w := range a11yWidths {
				// A phone's width with its touch screen and scale; the others a
				// desktop browser's window.
				opts := []chromedp.EmulateViewportOption{}
				if w < 500 {
					opts = append(opts, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)
				}
				if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(w, 800, opts...)); err != nil {
					t.Fatal(err)
				}
				// Two frames, for the layout at the new width to be drawn.
				evalJS[bool](p, `new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))`)
				if w == 375 {
					// At a lesson's question Play is hidden until the prediction is
					// made: the button that makes it must be on the first screen.
					first := "Play"
					if v.name == "lesson-question" {
						first = "Lock in my prediction and run"
					}
					checkOnFirstScreen(p, v.name, first)
				}
				if v.name == "three-runs" && w >= 768 {
					checkTableFits(p, v.name, w)
				}
				if v.name == "default" && w == 375 {
					checkFocusNotUnderBar(p)
				}
				found := evalJS[[]axeViolation](p, axeRunJS)
				all[fmt.Sprintf("%s/%d", v.name, w)] = found
				for _, f := range found {
					if f.Impact != "serious" && f.Impact != "critical" {
						continue
					}
					var b strings.Builder
					fmt.Fprintf(&b, "%s at %d px: %s (%s) on %d elements: %s", v.name, w, f.ID, f.Impact, len(f.Nodes), f.Help)
					for _, n := range f.Nodes {
						fmt.Fprintf(&b, "\n    %v: %s", n.Target, strings.ReplaceAll(n.FailureSummary, "\n", " / "))
					}
					t.Error(b.String())
				}
			}
		})
	}
	js, _ := json.MarshalIndent(all, "", "  ")
	t.Logf("every violation, serious or not: %s", saveArtifact(t, "axe-violations.json", js))
}

// checkOnFirstScreen: on a phone, the button named (Play, or what a lesson asks before
// it) shows on the page's first screen, without scrolling (the canvas alone is taller
// than the screen: see .transport in style.css).
func checkOnFirstScreen(p *page, view, button string) {
	p.tb.Helper()
	r := evalJS[map[string]float64](p, `((name) => {
		window.scrollTo(0, 0);
		const b = [...document.querySelectorAll("button")].find(b => b.textContent.trim() === name);
		if (!b) return {top: -1, bottom: -1, screen: innerHeight};
		const r = b.getBoundingClientRect();
		return {top: r.top, bottom: r.bottom, screen: innerHeight};
	})(`+strconv.Quote(button)+`)`)
	if r["top"] < 0 || r["bottom"] > r["screen"] {
		p.tb.Errorf("%s at 375 px: %s is at %.0f–%.0f px, not on the first screen (0–%.0f)", view, button, r["top"], r["bottom"], r["screen"])
	}
}

// checkTableFits: the numbers table fits its column, beside the canvas or under it,
// without scrolling sideways. (On a phone a table of three or four runs may scroll, in a
// region the keyboard can scroll too: see scrollRegion in app/ui.)
func checkTableFits(p *page, view string, w int64) {
	p.tb.Helper()
	r := evalJS[map[string]float64](p, `(() => {
		const s = document.querySelector(".readouts .table-scroll");
		return s ? {content: s.scrollWidth, column: s.clientWidth} : {content: -1, column: -1};
	})()`)
	if r["content"] < 0 {
		p.tb.Errorf("%s at %d px: no numbers table", view, w)
	} else if r["content"] > r["column"] {
		p.tb.Errorf("%s at %d px: the numbers table is %.0f px wide in a column of %.0f", view, w, r["content"], r["column"])
	}
}

// checkFocusNotUnderBar: on a phone, where the transport stays at the bottom of the
// screen, every control that Tab moves the focus to above it, down to the transport
// (the lessons, the figures), is scrolled into view above the bar, not hidden under it.
func checkFocusNotUnderBar(p *page) {
	p.tb.Helper()
	evalJS[int](p, `(window.scrollTo(0, 0), document.activeElement.blur(), 0)`)
	for range 40 {
		if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			p.tb.Fatal(err)
		}
		r := evalJS[map[string]any](p, `(() => {
			const e = document.activeElement, bar = document.querySelector(".lab .transport-dock");
			return {name: (e.getAttribute("aria-label") || e.textContent || e.tagName).trim().slice(0, 40),
				bottom: e.getBoundingClientRect().bottom, barTop: bar.getBoundingClientRect().top, inBar: bar.contains(e)};
		})()`)
		if r["inBar"] == true {
			break
		}
		if r["bottom"].(float64) > r["barTop"].(float64)+0.5 {
			p.tb.Errorf("at 375 px, %q has the focus under the transport bar (its bottom at %.0f px, the bar's top at %.0f)",
				r["name"], r["bottom"], r["barTop"])
		}
	}
	evalJS[int](p, `(window.scrollTo(0, 0), document.activeElement.blur(), 0)`)
}

// TestCanvasInWordsAndReducedMotion opens the lab as a reader who asked the system for
// less motion (prefers-reduced-motion: reduce, emulated before the page loads). The
// canvas's iframe has a name and, as its accessible description, the canvas in words,
// which say where the runs stand and follow the training. While the runs train, the
// canvas repaints its numbers at most every 2 s (screen.CalmRepaintEvery), instead of
// four times a second, and nothing on the page is animated by CSS.
func TestCanvasInWordsAndReducedMotion(t *testing.T) {
	p := newTab(t, newBrowser(t), testTimeout)
	if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
	}); err != nil {
		t.Fatal(err)
	}
	p.open(labURL("speed=3"))
	p.waitReady()
	p.waitUntil("the canvas in words", loadTimeout,
		`/Random labels: not trained yet/.test(document.getElementById("canvas-words").textContent)`)
	name, description := canvasFrameAX(p)
	if !strings.HasPrefix(name, "Live training canvas") || !strings.Contains(description, "memory wall") ||
		!strings.Contains(description, "True labels: not trained yet") {
		t.Errorf("the canvas iframe is named %q and described %q", name, description)
	}
	if !evalJS[bool](p, `document.getElementById("canvas-frame").contentWindow.matchMedia("(prefers-reduced-motion: reduce)").matches`) {
		t.Fatal("the canvas does not see prefers-reduced-motion: reduce")
	}
	if moving := evalJS[[]string](p, `[...document.querySelectorAll("*")].filter((e) => {
			const s = getComputedStyle(e);
			return s.animationName !== "none" || s.transitionDuration.split(",").some((d) => parseFloat(d) > 0);
		}).map((e) => e.tagName + "." + e.className).slice(0, 5)`); len(moving) > 0 {
		t.Errorf("animated with reduced motion: %v", moving)
	}

	// The canvas's repaints, seen in screenshots of its iframe taken one after the other
	// for 6 s of training: a repaint happened between a shot and the one before it when
	// they differ by a thousandth of their pixels at least (a few pixels at the canvas's
	// edge blink by themselves: a text cursor of Ebitengine's). Two repaints seen are at most (the shot after the second) − (the shot
	// before the first) apart, which must leave room for 2 s. The runs train at speed 3
	// (64 steps a second, an epoch about every 0.75 s): the numbers change all the time,
	// and the machine is free enough for a shot every few tenths of a second, so that
	// repaints four times a second could not pass.
	p.press("Play")
	shoot := canvasShooter(p)
	start := time.Now()
	prev, prevAt := shoot(), time.Duration(0)
	var repaints [][2]time.Duration // the shots before and after each repaint seen
	shots := 0
	for time.Since(start) < 6*time.Second {
		shot, at := shoot(), time.Since(start)
		if c, total := pixelsChanged(prev, shot); c*1000 >= total {
			repaints = append(repaints, [2]time.Duration{prevAt, at})
		}
		prev, prevAt = shot, at
		shots++
	}
	t.Logf("%d shots in 6 s; repaints seen between shots at %v", shots, repaints)
	if len(repaints) < 2 {
		t.Fatalf("only %d repaints in 6 s of training: the canvas did not move", len(repaints))
	}
	for i := 1; i < len(repaints); i++ {
		// A frame's worth of slack: the repaint waits for the frame after the 2 s.
		if most := repaints[i][1] - repaints[i-1][0]; most < 2*time.Second-50*time.Millisecond {
			t.Errorf("repaints %d and %d were at most %v apart (between shots %v and %v): want 2 s", i-1, i, most, repaints[i-1], repaints[i])
		}
	}

	// While the words wait for their next turn: every control the keyboard reaches shows
	// where the focus is.
	checkFocusVisible(p)

	// The words follow the training, at their calm rate (at most 15 s apart).
	p.waitUntil("the words to tell an epoch of the random labels", loadTimeout,
		`/Random labels: epoch [1-9]/.test(document.getElementById("canvas-words").textContent)`)
	if _, description = canvasFrameAX(p); !strings.Contains(description, "training images fitted") {
		t.Errorf("the canvas iframe's description after training: %q", description)
	}
}

// checkFocusVisible presses Tab through the page, from its top until the focus leaves
// it, and fails for every control focused without a visible focus: an outline of 2 px
// or more, as :focus-visible draws it.
func checkFocusVisible(p *page) {
	p.tb.Helper()
	evalJS[int](p, `(window.scrollTo(0, 0), document.activeElement.blur(), 0)`)
	seen := map[string]bool{}
	for range 120 {
		if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			p.tb.Fatal(err)
		}
		r := evalJS[map[string]any](p, `(() => {
			const e = document.activeElement;
			if (!e || e === document.body) return {done: true};
			const s = getComputedStyle(e);
			return {name: e.tagName + " " + (e.getAttribute("aria-label") || e.textContent || e.id).trim().slice(0, 40),
				visible: e.matches(":focus-visible") && s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2};
		})()`)
		if r["done"] == true {
			break
		}
		name, _ := r["name"].(string)
		if seen[name] {
			continue
		}
		seen[name] = true
		if r["visible"] != true {
			p.tb.Errorf("%s has the keyboard's focus without a visible outline", name)
		}
	}
	if len(seen) < 15 {
		p.tb.Errorf("Tab reached only %d controls: %v", len(seen), seen)
	}
	p.tb.Logf("Tab focused %d controls", len(seen))
}

// canvasShooter returns a function that takes a quick shot of the canvas iframe, at half
// its size: a tenth of a second or so where page.canvasFrame's full screenshot takes
// most of one.
func canvasShooter(p *page) func() image.Image {
	p.tb.Helper()
	r := evalJS[map[string]float64](p, `(() => { const f = document.getElementById("canvas-frame");
		f.scrollIntoView({block: "nearest"}); const r = f.getBoundingClientRect();
		return {x: r.x, y: r.y, w: r.width, h: r.height}; })()`)
	// The frame's edge is left out: its border, redrawn as the page composites, differs
	// by a column of pixels from shot to shot (found at the left edge: 239 pixels, a
	// quarter of a percent of a shot) though the canvas has not changed.
	const edge = 4 // CSS pixels
	clip := &cdppage.Viewport{X: r["x"] + edge, Y: r["y"] + edge, Width: r["w"] - 2*edge, Height: r["h"] - 2*edge, Scale: 0.5}
	fast := true
	return func() image.Image {
		res, err := chromedp.Call(p.ctx, cdppage.CaptureScreenshot, cdppage.CaptureScreenshotParams{Clip: clip, OptimizeForSpeed: &fast})
		if err != nil {
			p.tb.Fatalf("a shot of the canvas: %v", err)
		}
		img, err := png.Decode(bytes.NewReader(res.Data))
		if err != nil {
			p.tb.Fatalf("a shot of the canvas: %v", err)
		}
		return img
	}
}

// canvasFrameAX returns the canvas iframe's accessible name and description, as the
// browser computes them for assistive technology.
func canvasFrameAX(p *page) (name, description string) {
	p.tb.Helper()
	ids, err := chromedp.Run(p.ctx, chromedp.QueryNodeIDs(chromedp.CSS("#canvas-frame")))
	if err != nil || len(ids) == 0 {
		p.tb.Fatalf("the canvas iframe: %v", err)
	}
	no := false
	res, err := chromedp.Call(p.ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{NodeID: ids[0], FetchRelatives: &no})
	if err != nil || len(res.Nodes) == 0 {
		p.tb.Fatalf("the canvas iframe's accessibility node: %v", err)
	}
	text := func(v *accessibility.Value) string {
		if v == nil {
			return ""
		}
		var s string
		if err := json.Unmarshal(v.Value, &s); err != nil {
			return string(v.Value)
		}
		return s
	}
	return text(res.Nodes[0].Name), text(res.Nodes[0].Description)
}
