//go:build e2e

package e2e

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// lockedHidesJS lists what a locked lesson must not show: everything that changes the
// experiment.
const lockedHidesJS = `[
	["the settings", "#settings-title"], ["the runs editor", "#runs"], ["the presets", ".presets"],
	["the figures", ".figures"], ["the panel toggles", ".panel-bar"], ["the share panel", "#share"],
	["the other lessons", ".lesson-nav"],
].filter(([, sel]) => document.querySelector(sel) !== null).map(([name]) => name)`

// TestTeacherLock: the share panel of a lesson writes a locked link, with the keyboard;
// opened, the locked lesson shows the prediction and then Play, hides every way to change
// the experiment, says it is locked and links to the same lesson unlocked, and axe-core
// finds no serious violation on it.
func TestTeacherLock(t *testing.T) {
	p := openLab(t, "lesson=1&panels=readouts,share")
	p.waitUntil("the share panel's lock", loadTimeout, `document.getElementById("share-lock") !== null`)
	if err := chromedp.Do(p.ctx, chromedp.Focus("the lock", byRole("checkbox", "Lock this lesson for students")), chromedp.KeyEvent(" ")); err != nil {
		t.Fatalf("ticking the lock: %v", err)
	}
	p.waitUntil("the link and the HTML to be locked", loadTimeout,
		`document.getElementById("share-link").value.includes("lock=1") && document.getElementById("share-snippet").value.includes("lesson=1&amp;lock=1")`)
	link := evalJS[string](p, `document.getElementById("share-link").value`)
	if want := lab.URL + "/?lesson=1&lock=1"; link != want {
		t.Errorf("locked link %q, want %q", link, want)
	}
	if snippet := evalJS[string](p, `document.getElementById("share-snippet").value`); !strings.Contains(snippet, "?view=embed&amp;lesson=1&amp;lock=1&amp;controls=play,pause,reset") {
		t.Errorf("locked snippet %s", snippet)
	}

	p.open(link)
	p.waitUntil("the locked lesson at its question", loadTimeout,
		`document.getElementById("lock-note") !== null && document.querySelector('.lesson[data-lesson="1"][data-step="1"] input[type=radio]') !== null`)
	if hidden := evalJS[[]string](p, lockedHidesJS); len(hidden) > 0 {
		t.Errorf("a locked lesson shows %q", hidden)
	}
	note := evalJS[map[string]string](p, `(() => { const n = document.getElementById("lock-note"), a = n.querySelector("a");
		return {text: n.innerText, href: a.href, target: a.target}; })()`)
	if !strings.Contains(note["text"], "Locked by your teacher's link") || note["href"] != lab.URL+"/?lesson=1" || note["target"] != "_blank" {
		t.Errorf("the lock's notice: %q", note)
	}

	// axe-core finds no serious or critical violation on the locked lesson (see a11y_test.go).
	src, err := os.ReadFile(axeFile)
	if err != nil {
		t.Fatalf("reading axe-core (%v): install it with npm ci --prefix app/e2e, as make test-browser does", err)
	}
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](string(src)+"\n;typeof axe === 'object'")); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	for _, v := range evalJS[[]axeViolation](p, axeRunJS) {
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("the locked lesson: %s (%s) on %d elements: %s", v.ID, v.Impact, len(v.Nodes), v.Help)
		}
	}

	// The prediction, then Play.
	p.tabTo("Yes: it fits every training image", 40)
	p.key(" ")
	p.press("Lock in my prediction and run")
	p.waitUntil("step 2, locked, with Play", loadTimeout,
		`document.querySelector('.lesson[data-step="2"] [data-prediction="all"]') !== null && `+buttonEnabledJS("Play")+
			` && location.search.includes("lock=1")`)
	if hidden := evalJS[[]string](p, lockedHidesJS); len(hidden) > 0 {
		t.Errorf("at step 2, a locked lesson shows %q", hidden)
	}
	if n := evalJS[int](p, `document.querySelectorAll("#readouts-title").length`); n != 1 {
		t.Error("a locked lesson shows no numbers")
	}
	p.tabTo("Play", 60)
	p.key(kb.Enter)
	p.waitUntil("the runs to play", trainTimeout, pressedJS("Play"))
}

// layoutFitsJS measures the page's width against the screen's (the layout viewport's,
// which a phone widens to the page when the page is wider) and every table's against the
// box it scrolls in.
const layoutFitsJS = `({page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth,
	tables: [...document.querySelectorAll(".table-scroll")].map(s => [s.closest("section").querySelector("h2").textContent, s.scrollWidth, s.clientWidth])})`

// checkLayoutFits fails when the page scrolls sideways or a table is wider than its box.
func checkLayoutFits(p *page, view string) {
	p.tb.Helper()
	r := evalJS[map[string]any](p, layoutFitsJS)
	if r["page"].(float64) > r["screen"].(float64) {
		p.tb.Errorf("%s at 375 px: the page is %v px wide on a screen of %v", view, r["page"], r["screen"])
	}
	tables := r["tables"].([]any)
	if len(tables) == 0 {
		p.tb.Errorf("%s: no table", view)
	}
	for _, t := range tables {
		t := t.([]any)
		if t[1].(float64) > t[2].(float64) {
			p.tb.Errorf("%s at 375 px: the table %q is %v px wide in a box of %v", view, t[0], t[1], t[2])
		}
	}
}

// TestPhoneLayout: at 375 px, four runs' numbers fit the page without scrolling sideways,
// and so does the table of a figure with five measures (Theorem 1), filled in.
func TestPhoneLayout(t *testing.T) {
	bctx := newBrowser(t)
	p := newTab(t, bctx, testTimeout)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(375, 812, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	p.open(labURL("runs=labels=true;labels=random;labels=corrupt,p=0.5;inputs=shuffled"))
	p.waitUntil("four runs built", loadTimeout, `m(3, "epoch") !== undefined && `+buttonEnabledJS("Step"))
	// After an epoch, for the numbers to be as wide as they get (1117 of 1500, 0.090 (SIMD)).
	p.press("Step")
	p.waitUntil("an epoch of the four runs", trainTimeout, `[0, 1, 2, 3].every(r => m(r, "epoch") == 1)`)
	checkLayoutFits(p, "four runs")

	// Play and every run's key numbers are on the first screen, the numbers as the
	// table says them.
	evalJS[int](p, `(window.scrollTo(0, 0), 0)`)
	key := evalJS[[]string](p, `(() => {
		const onScreen = e => { const r = e.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; };
		const play = [...document.querySelectorAll(".transport button")].find(b => b.textContent.trim() === "Play");
		if (!play || !onScreen(play)) return ["Play is not on the first screen"];
		return [0, 1, 2, 3].map(r => {
			const item = document.querySelector('.key-numbers [data-run="' + r + '"]');
			if (!item || !onScreen(item)) return "run " + r + ": no key numbers on the first screen";
			const shown = item.querySelector('[data-key="train-acc"]').textContent + " " + item.querySelector('[data-key="test-acc"]').textContent;
			const table = ["train-acc", "test-acc"].map(k => document.querySelector('.readout-table [data-run="' + r + '"][data-metric="' + k + '"]').textContent.trim()).join(" ");
			return shown === table ? "" : "run " + r + ": key numbers " + shown + ", the table " + table;
		}).filter(Boolean);
	})()`)
	for _, problem := range key {
		t.Error("at 375 px: " + problem)
	}

	p.open(labURL("figure=theorem1&autoplay=1"))
	p.waitUntil("Theorem 1's runs done", trainTimeout, `/All \d+ runs done/.test((document.getElementById("figure-status") || {}).textContent)`)
	checkLayoutFits(p, "Theorem 1")
}
