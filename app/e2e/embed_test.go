//go:build e2e

package e2e

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// The embed view, the parent API, shared links and bad links (issue: share and embed).
//
// Small experiments (train=200) keep the epochs short; what is checked does not depend
// on the size.

// TestEmbedShowsOnlyItsControls: ?view=embed&controls=play,reset is the canvas and those
// two buttons, no header, no other control; it fits a 320 px wide frame; it does not
// play until asked; Play trains.
func TestEmbedShowsOnlyItsControls(t *testing.T) {
	bctx := newBrowser(t)
	p := newTab(t, bctx, testTimeout)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(320, 480)); err != nil {
		t.Fatal(err)
	}
	p.open(labURL("view=embed&controls=play,reset&" + quickRuns))
	p.waitEmbedReady("Play")

	if got := evalJS[[]string](p, buttonsJS); strings.Join(got, "|") != "Play|Reset" {
		t.Errorf("the embed's buttons are %q, want Play and Reset only", got)
	}
	absent := map[string]string{
		"the page's header":   "h1",
		"the speed slider":    `input[type="range"]`,
		"the readouts":        "[data-metric]",
		"the settings":        "input, select",
		"the lesson buttons":  ".presets",
		"the panels' toggles": ".panel-bar",
	}
	for what, sel := range absent {
		if evalJS[bool](p, fmt.Sprintf(`document.querySelector(%q) !== null`, sel)) {
			t.Errorf("the embed shows %s (%s)", what, sel)
		}
	}
	if !evalJS[bool](p, `document.querySelector("iframe#canvas-frame") !== null`) {
		t.Fatal("the embed has no canvas frame")
	}
	// It fits 320 px: nothing wider than the viewport, the canvas as wide as it can be
	// and taller than wide (the canvas stacks its runs there), the buttons in view.
	geom := evalJS[map[string]float64](p, `(() => {
		const f = document.querySelector("#canvas-frame").getBoundingClientRect();
		const b = [...document.querySelectorAll("button")].map(b => b.getBoundingClientRect());
		return {scroll: document.documentElement.scrollWidth, fw: f.width, fh: f.height,
			right: Math.max(...b.map(r => r.right)), bottom: Math.max(...b.map(r => r.bottom))};
	})()`)
	t.Logf("at 320×480: canvas %.0f×%.0f, buttons to x=%.0f y=%.0f", geom["fw"], geom["fh"], geom["right"], geom["bottom"])
	if geom["scroll"] > 320 || geom["fw"] < 290 || geom["fh"] < 300 || geom["right"] > 320 || geom["bottom"] > 480 {
		t.Errorf("the embed does not fit 320×480: %v", geom)
	}
	time.Sleep(2 * time.Second) // nothing to wait for: it must not start by itself
	if evalJS[bool](p, pressedJS("Play")) {
		t.Error("the embed plays without autoplay=1")
	}
	p.press("Play")
	p.waitUntil("Play to show as pressed", trainTimeout, pressedJS("Play")+" || !("+buttonEnabledJS("Play")+")")
	p.press("Reset")
	p.waitUntil("Reset to pause", trainTimeout, "!("+pressedJS("Play")+")")
}

// TestEmbedAutoplays: with autoplay=1 the lesson trains without anyone pressing anything.
func TestEmbedAutoplays(t *testing.T) {
	p := openLab(t, "view=embed&controls=pause,readouts&autoplay=1&"+quickRuns)
	p.waitUntil("both runs to reach epoch 1 by themselves", loadTimeout+trainTimeout, `m(0, "epoch") >= 1 && m(1, "epoch") >= 1`)
	if got := evalJS[[]string](p, buttonsJS); strings.Join(got, "|") != "Pause" {
		t.Errorf("buttons %q, want Pause only", got)
	}
}

// TestEmbedTalksToItsCoursePage: a course page on another origin frames the lesson. The
// lesson posts ready, progress (every epoch) and fitted events to it, only to it; it
// obeys play, pause and reset from it, and ignores commands of the wrong shape. Once
// with the origin from the Referer, once with parent= for a page that sends none.
func TestEmbedTalksToItsCoursePage(t *testing.T) {
	bctx := newBrowser(t)
	for _, mode := range []string{"referrer", "parent="} {
		t.Run(mode, func(t *testing.T) {
			src := labURL("view=embed&controls=play,reset&" + quickRuns)
			var course *server
			if mode == "parent=" {
				// A course page that sends no Referer, as some course platforms do.
				course = serve(t, courseDir, serving{header: http.Header{"Referrer-Policy": {"no-referrer"}}})
				src += "&parent=" + url.QueryEscape(course.URL)
			} else {
				course = serve(t, courseDir, serving{})
			}
			p := newTab(t, bctx, testTimeout)
			p.open(course.at("course.html?src=" + url.QueryEscape(src)))
			if evalJS[string](p, "location.origin") == lab.URL {
				t.Fatal("the course page is on the lesson's origin")
			}
			p.waitEvent("the lesson's ready event", loadTimeout, 0, `d.type === "ready"`)
			ready := p.received()[0]
			if ready.Origin != lab.URL || ready.Data.Source != "genlab" || ready.Data.V != 1 || ready.Data.Type != "ready" ||
				ready.Data.Playing || len(ready.Data.Runs) != 2 || ready.Data.Runs[0].Name != "labels=true" ||
				ready.Data.Runs[1].Name != "labels=random" || ready.Data.Runs[1].Title != "Random labels" ||
				ready.Data.Runs[0].Epoch != 0 || ready.Data.Runs[0].Examples != 200 || ready.Data.Runs[0].State != "running" {
				t.Fatalf("first event %+v, want ready from %s with the two runs at epoch 0", ready, lab.URL)
			}

			// Wrong shapes first: none may start the runs.
			wrong := []string{
				`"play"`,
				`{type: "play"}`,
				`{v: 1, kind: "play"}`,
				`{source: "genlab", v: 2, type: "play"}`,
				`{source: "genlab", v: "1", type: "play"}`,
				`{source: "genlab", v: 1, type: "step"}`,
				`{source: "genlab", v: 1, type: "PLAY"}`,
				`{source: "genlab", v: 1, type: "play", extra: true}`,
				`{source: "other", v: 1, type: "play"}`,
				`JSON.stringify({source: "genlab", v: 1, type: "play"}) + "x"`,
				`[{source: "genlab", v: 1, type: "play"}]`,
				`(() => { const o = {source: "genlab", v: 1, type: "play"}; o.self = o; return o; })()`,
			}
			for _, w := range wrong {
				evalJS[any](p, "window.send("+w+")")
			}
			before := len(p.received())
			time.Sleep(3 * time.Second) // nothing to wait for: the point is that nothing happens
			for _, e := range p.received()[before:] {
				if e.Data.Playing || e.Data.Runs[0].Epoch > 0 || e.Data.Runs[1].Epoch > 0 {
					t.Fatalf("a command of the wrong shape was obeyed: %+v", e)
				}
			}
			// And each was logged (the lesson's frame shares this tab's process: its
			// console comes through).
			if err := poll(10*time.Second, func() bool {
				return strings.Count(strings.Join(p.consoleLines(), "\n"), "ignored a message from the course page") >= len(wrong)
			}); err != nil {
				t.Errorf("the lesson did not log each ignored command: console %q", p.consoleLines())
			}

			// Play: progress on every epoch, until both runs passed epoch 2.
			n := len(p.received())
			evalJS[any](p, `window.send({source: "genlab", v: 1, type: "play"})`)
			p.waitEvent("progress past epoch 2 while playing", trainTimeout, n,
				`d.type === "progress" && d.playing && d.runs.every(r => r.epoch >= 2 || r.state !== "running")`)
			// The epochs only go forward. (The
			// canvas reports at most every 150 ms, so a run faster than that may be
			// reported every other epoch: see the parent API's documentation.)
			var epochs [][2]int
			for _, e := range p.received()[n:] {
				if e.Data.Type == "progress" && e.Data.Playing {
					epochs = append(epochs, [2]int{e.Data.Runs[0].Epoch, e.Data.Runs[1].Epoch})
				}
			}
			for i := 1; i < len(epochs); i++ {
				if epochs[i][0] < epochs[i-1][0] || epochs[i][1] < epochs[i-1][1] {
					t.Errorf("progress went back: %v", epochs)
					break
				}
			}
			t.Logf("progress while playing: %v", epochs)

			// Pause: the epochs stop.
			n = len(p.received())
			evalJS[any](p, `window.send({source: "genlab", v: 1, type: "pause"})`)
			p.waitEvent("a progress event saying it paused", trainTimeout, n, `d.type === "progress" && !d.playing`)
			paused := p.quietEpochs()
			time.Sleep(3 * time.Second)
			if now := p.quietEpochs(); now != paused {
				t.Errorf("the epochs moved while paused: %v, then %v", paused, now)
			}

			// Reset: back to epoch 0, paused.
			n = len(p.received())
			evalJS[any](p, `window.send(JSON.stringify({source: "genlab", v: 1, type: "reset"}))`) // JSON text works too
			p.waitEvent("a progress event at epoch 0 after reset", trainTimeout, n,
				`d.type === "progress" && !d.playing && d.runs.every(r => r.epoch === 0 && r.fitted === 0)`)

			// Play until a run fits: a fitted event names it.
			n = len(p.received())
			evalJS[any](p, `window.send({source: "genlab", v: 1, type: "play"})`)
			p.waitEvent("a fitted event", trainTimeout, n, `d.type === "fitted"`)
			for _, e := range p.received()[n:] {
				if e.Data.Type != "fitted" {
					continue
				}
				if e.Data.Run == nil || *e.Data.Run < 0 || *e.Data.Run > 1 {
					t.Fatalf("fitted event without a run index: %+v", e)
				}
				r := e.Data.Runs[*e.Data.Run]
				if r.EpochsToFit < 1 || r.Fitted != r.Examples {
					t.Errorf("fitted event for run %d, which has %d of %d fitted, epochs_to_fit %d", *e.Data.Run, r.Fitted, r.Examples, r.EpochsToFit)
				}
				t.Logf("run %d (%s) fitted at epoch %d", *e.Data.Run, r.Name, r.EpochsToFit)
				break
			}

			// Everything received came from the lesson's origin, in the documented shape.
			for _, e := range p.received() {
				d := e.Data
				if e.Origin != lab.URL || d.Source != "genlab" || d.V != 1 || len(d.Runs) != 2 ||
					(d.Type != "ready" && d.Type != "progress" && d.Type != "fitted") || (d.Type == "fitted") != (d.Run != nil) {
					t.Fatalf("event of the wrong shape: %+v", e)
				}
				for _, r := range d.Runs {
					if r.TrainAcc < 0 || r.TrainAcc > 1 || r.TestAcc < 0 || r.TestAcc > 1 || r.Fitted > r.Examples || r.State == "" {
						t.Fatalf("run of the wrong shape: %+v", r)
					}
				}
			}
			evalJS[any](p, `window.send({source: "genlab", v: 1, type: "pause"})`)
		})
	}
}

// TestSharedLinkReplays: a link with settings, opened twice (the second time through
// the share panel's link), replays the same runs: identical train and test accuracies,
// epoch by epoch.
func TestSharedLinkReplays(t *testing.T) {
	const query = "seed=11&width=64&lr=0.03&" + quickRuns + "&runs=labels=true%3Blabels=corrupt,p=0.5&panels=readouts,share"
	bctx := newBrowser(t)
	first := newTab(t, bctx, testTimeout)
	first.open(labURL(query))
	first.waitReady()
	link := evalJS[string](first, `document.getElementById("share-link").value`)
	if !strings.HasPrefix(link, lab.URL+"/?") {
		t.Fatalf("the share panel's link is %q, want an absolute link to %s", link, lab.URL)
	}
	for _, want := range []string{"seed=11", "width=64", "lr=0.03", "train=200", "runs=labels=true", "panels=readouts,share"} {
		if !strings.Contains(link, want) {
			t.Errorf("the share link %q lacks %s", link, want)
		}
	}
	a := first.stepReadouts(2)
	chromedp.Cancel(first.ctx) // close the tab: one training lesson at a time

	second := newTab(t, bctx, testTimeout)
	second.open(link)
	second.waitReady()
	b := second.stepReadouts(2)
	t.Logf("first opening:\n  %s", strings.Join(a, "\n  "))
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("the link did not replay the runs:\nfirst  %q\nsecond %q", a, b)
	}
}

// TestAddressFollowsTheUI: changes made in the page show in the address bar, replacing
// the history entry rather than adding one.
func TestAddressFollowsTheUI(t *testing.T) {
	p := openLab(t, quickRuns)
	p.waitReady()
	entries := evalJS[int](p, "history.length")
	p.setField("Width", "48")
	p.waitUntil("the address to hold width=48", loadTimeout, `location.search.includes("width=48")`)
	p.press("Share & export") // a panel toggle
	p.waitUntil("the address to hold the panels", loadTimeout, `location.search.includes("panels=readouts,share,settings")`)
	evalJS[any](p, `(() => { const s = document.getElementById("speed"); s.value = "2"; s.dispatchEvent(new Event("input", {bubbles: true})); })()`)
	p.waitUntil("the address to hold the speed", loadTimeout, `location.search.includes("speed=2")`)
	p.press("Shuffled pixels")
	p.waitUntil("the address to name the lesson", loadTimeout, `location.search.includes("preset=shuffled-pixels")`)
	if got := evalJS[int](p, "history.length"); got != entries {
		t.Errorf("history grew from %d to %d entries: the address must be replaced, not pushed", entries, got)
	}
	q := evalJS[string](p, "location.search")
	if q != "?preset=shuffled-pixels&speed=2&panels=readouts,share,settings" {
		t.Errorf("address %q", q)
	}
}

// badLinks are malformed links of every kind, with the parameter the message must name.
var badLinks = []struct{ what, query, param string }{
	{"a bad number", "lr=abc", "lr"},
	{"an unknown name", "bogus=1", "bogus"},
	{"an out-of-range value", "side=40", "side"},
	{"a duplicated key", "width=64&width=128", "width"},
	{"a huge value", "seed=" + strings.Repeat("9", 400), "seed"},
	{"an empty value", "controls=", "controls"},
	{"script-like text", "preset=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "preset"},
	{"an unknown view", "view=popup", "view"},
	{"an out-of-range speed", "speed=99", "speed"},
	{"bad runs", "runs=labels=nope", "runs"},
	{"a bad %-escape", "panels=%ZZ", "panels"},
}

// TestBadLinks: every malformed link opens the page with a visible, dismissable alert
// that names the parameter and the default used instead; the rest of the link applies
// (train=200), and Play trains.
func TestBadLinks(t *testing.T) {
	bctx := newBrowser(t)
	for _, bl := range badLinks {
		t.Run(strings.ReplaceAll(bl.what, " ", "_"), func(t *testing.T) {
			p := newTab(t, bctx, testTimeout)
			p.open(labURL(bl.query + "&" + quickRuns))
			const alertJS = `(document.querySelector('.notices [role="alert"]') || {textContent: ""}).textContent`
			p.waitUntil("the alert", loadTimeout, alertJS+` !== ""`)
			text := evalJS[string](p, alertJS)
			if !strings.Contains(text, "In the link: "+bl.param+" = ") && !strings.Contains(text, `In the link: "`+bl.param) &&
				!strings.Contains(text, "In the link: "+bl.param+": ") {
				t.Errorf("the alert does not name %s: %q", bl.param, text)
			}
			if !strings.Contains(text, "using the default") && !strings.Contains(text, "is ignored") {
				t.Errorf("the alert does not say what is used instead: %q", text)
			}
			if len(text) > 600 {
				t.Errorf("the alert is %d characters long", len(text))
			}
			if evalJS[bool](p, `document.querySelector(".notices script, .notices img") !== null`) {
				t.Fatal("the link's text became markup")
			}
			p.waitReady()
			if got := p.readouts()["0/epoch"]; got != "0" {
				t.Errorf("epoch %q before Play", got)
			}
			if f := evalJS[string](p, `document.querySelector('[data-run="0"][data-metric="fitted"]').parentElement.textContent`); !strings.Contains(f, "of 200") {
				t.Errorf("the rest of the link (train=200) did not apply: fitted reads %q", f)
			}
			p.press("Dismiss")
			p.waitUntil("the alert to go", loadTimeout, `document.querySelector('[role="alert"]') === null`)
			p.press("Play")
			p.waitUntil("Play to train an epoch", trainTimeout, `m(0, "epoch") >= 1 && m(1, "epoch") >= 1`)
			p.press("Pause")
		})
	}
}

// TestSharePanel: the share panel's snippet follows the embed options the teacher
// ticks, its Copy buttons copy (or, where the clipboard refuses, select the text for
// Ctrl+C), and the snippet's lesson is what it says: the chosen buttons, autoplaying.
func TestSharePanel(t *testing.T) {
	bctx := newBrowser(t)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(bctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: lab.URL,
		}); err != nil {
			t.Logf("granting %s: %v (the page then selects the text instead)", name, err)
		}
	}
	p := newTab(t, bctx, testTimeout)
	p.open(labURL("preset=random-labels&speed=4&panels=share"))
	const snippetJS = `(document.getElementById("share-snippet") || {value: ""}).value`
	p.waitUntil("the snippet", loadTimeout, snippetJS+`.startsWith("<iframe ")`)
	snippet := evalJS[string](p, snippetJS)
	want := `<iframe src="` + lab.URL + `/?view=embed&amp;preset=random-labels&amp;speed=4&amp;controls=play,pause,reset" ` +
		`title="Generalization Lab: Random labels" width="100%" height="480"`
	if !strings.HasPrefix(snippet, want) {
		t.Fatalf("snippet\n%s\nwant it to start\n%s", snippet, want)
	}
	if link := evalJS[string](p, `document.getElementById("share-link").value`); link != lab.URL+"/?preset=random-labels&speed=4&panels=share" {
		t.Errorf("link %q", link)
	}

	// Tick Step and autoplay, untick Pause: with the keyboard, as the checkboxes' labels name them.
	for _, name := range []string{"Step", "Pause", "Start training when it opens (autoplay)"} {
		if err := chromedp.Do(p.ctx, chromedp.Focus("checkbox "+name, byRole("checkbox", name)), chromedp.KeyEvent(" ")); err != nil {
			t.Fatalf("toggling %s: %v", name, err)
		}
	}
	p.waitUntil("the snippet to follow the options", loadTimeout, snippetJS+`.includes("controls=play,step,reset&amp;autoplay=1")`)
	snippet = evalJS[string](p, snippetJS)

	// With the clipboard granted, then refused: the text is then selected for Ctrl+C.
	for i, c := range []struct{ button, field, what string }{
		{"Copy HTML", "share-snippet", "HTML"}, {"Copy link", "share-link", "link"}, {"Copy HTML", "share-snippet", "HTML"},
	} {
		if i == 2 {
			if _, err := chromedp.CallBrowser(bctx, browser.SetPermission, browser.SetPermissionParams{
				Permission: &browser.PermissionDescriptor{Name: "clipboard-write"}, Setting: browser.PermissionSettingDenied, Origin: lab.URL,
			}); err != nil {
				t.Fatalf("refusing the clipboard: %v", err)
			}
		}
		p.press(c.button)
		const statusJS = `document.querySelector('.share-panel [role="status"]').textContent`
		done := statusJS + `.includes("the ` + c.what + `")`
		if i == 2 {
			done = statusJS + `.startsWith("Selected")`
		}
		p.waitUntil("the copy to say what it did", loadTimeout, done)
		status := evalJS[string](p, statusJS)
		value := evalJS[string](p, `document.getElementById("`+c.field+`").value`)
		switch {
		case strings.HasPrefix(status, "Copied"):
			if got := evalJS[string](p, `navigator.clipboard.readText()`); got != value {
				t.Errorf("%s put %q on the clipboard, want %q", c.button, got, value)
			}
		case strings.HasPrefix(status, "Selected"):
			sel := evalJS[[]any](p, `(() => { const e = document.activeElement; return [e.id, e.selectionStart, e.selectionEnd]; })()`)
			if sel[0] != c.field || sel[1] != float64(0) || sel[2] != float64(len([]rune(value))) {
				t.Errorf("%s selected %v, want all of %s", c.button, sel, c.field)
			}
		default:
			t.Errorf("after %s the panel says %q", c.button, status)
		}
		t.Logf("%s: %s", c.button, status)
		if i == 2 && !strings.HasPrefix(status, "Selected") {
			t.Errorf("with the clipboard refused, the panel says %q", status)
		}
	}

	// The snippet's lesson: Play, Step and Reset, training by itself.
	start := strings.Index(snippet, `src="`) + len(`src="`)
	src := html.UnescapeString(snippet[start : start+strings.Index(snippet[start:], `"`)])
	chromedp.Cancel(p.ctx)
	lesson := newTab(t, bctx, testTimeout)
	lesson.open(src)
	lesson.waitUntil("the lesson to play by itself", loadTimeout+trainTimeout, pressedJS("Play"))
	if got := evalJS[[]string](lesson, buttonsJS); strings.Join(got, "|") != "Play|Step|Reset" {
		t.Errorf("the snippet's lesson has the buttons %q, want Play, Step and Reset", got)
	}
}
