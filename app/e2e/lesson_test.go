//go:build e2e

package e2e

import (
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// tabTo presses Tab until the focused element's name (focusedNameJS) is name, as a
// student without a mouse would, and fails after max presses.
func (p *page) tabTo(name string, max int) {
	p.tb.Helper()
	for range max {
		if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			p.tb.Fatal(err)
		}
		if evalJS[string](p, focusedNameJS) == name {
			return
		}
	}
	p.tb.Fatalf("%d presses of Tab never reached %q\npage: %s", max, name, p.state())
}

// key presses one key on the focused element.
func (p *page) key(k string) {
	p.tb.Helper()
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(k)); err != nil {
		p.tb.Fatal(err)
	}
}

// TestLessonByKeyboard completes lesson 1 with the keyboard alone (Tab, Space, Enter): the
// link opens at its step, the prediction is made before anything can be played and is
// kept in the address, the runs are played to their end, and the outcome is shown next to
// the prediction, which a reload of the address still shows.
func TestLessonByKeyboard(t *testing.T) {
	p := openLab(t, "lesson=1&step=1")
	p.waitUntil("lesson 1 at its question", loadTimeout,
		`document.querySelector('.lesson[data-lesson="1"][data-step="1"]') !== null && document.querySelector('input[type=radio]') !== null`)
	if evalJS[bool](p, `[...document.querySelectorAll("button")].some(b => b.textContent.trim() === "Play")`) {
		t.Error("Play is offered before the prediction is locked in")
	}

	// Step 1: Tab into the choices, Space to choose the focused one, Enter on the button.
	p.tabTo("Yes: it fits every training image", 40)
	p.key(" ")
	p.waitUntil("the first choice checked, and the button to lock it in enabled", loadTimeout,
		`document.querySelector('#guess-all').checked && `+buttonEnabledJS("Lock in my prediction and run"))
	p.tabTo("Lock in my prediction and run", 10)
	p.key(kb.Enter)
	p.waitUntil("step 2 with the prediction kept", loadTimeout,
		`document.querySelector('.lesson[data-step="2"] [data-prediction="all"]') !== null && `+
			`location.search.includes("guess=all") && location.search.includes("step=2")`)

	// Step 2: play the runs to their end, by keyboard.
	p.waitReady()
	p.tabTo("Play", 60)
	p.key(kb.Enter)
	p.waitUntil("the runs to stop and the outcome to be known", 3*trainTimeout, buttonEnabledJS("See the outcome"))
	// A screen reader heard it too: the page's polite live region said so when the runs
	// stopped.
	p.waitUntil("the live region to say the random labels were fitted", loadTimeout,
		`(() => { const n = document.getElementById("progress-news"); return n && n.getAttribute("aria-live") === "polite" && /Random labels: every training image fitted/.test(n.textContent); })()`)
	p.tabTo("See the outcome", 120)
	p.key(kb.Enter)

	// Step 3: the outcome next to the prediction.
	p.waitUntil("the outcome next to the prediction", loadTimeout,
		`document.querySelector('.lesson[data-step="3"] [data-prediction="all"]') !== null && `+
			`document.querySelector('.lesson[data-step="3"] [data-outcome]') !== null && location.search.includes("step=3")`)
	text := evalJS[string](p, `document.querySelector(".lesson").innerText`)
	outcome := evalJS[string](p, `document.querySelector("[data-outcome]").dataset.outcome`)
	t.Logf("lesson 1 outcome %q:\n%s", outcome, text)
	for _, want := range []string{"You predicted: Yes: it fits every training image.", "Measured: Random labels", "That is:", "Backed by claim S1"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the lesson:\n%s", want, text)
		}
	}
	if outcome != "all" || !strings.Contains(text, "matches what the runs measured") {
		t.Errorf("at the defaults random labels are memorized (S1): outcome %q\n%s", outcome, text)
	}

	// The address replays the lesson at its step, prediction included.
	link := evalJS[string](p, `location.search`)
	p.open(labURL(strings.TrimPrefix(link, "?")))
	p.waitUntil("the shared link at step 3 with its prediction", loadTimeout,
		`document.querySelector('.lesson[data-lesson="1"][data-step="3"] [data-prediction="all"]') !== null`)
}

// TestLessonTellsItsCoursePage embeds lesson 2 at its outcome step with a number
// predicted (×2.5) and autoplay, in a course page of another origin: once the runs have
// stopped, the course page receives one lesson event with the prediction (the number, and
// the choice whose range it is) and the outcome (the measured ratio, and its choice),
// from the lab's origin.
func TestLessonTellsItsCoursePage(t *testing.T) {
	bctx := newBrowser(t)
	course := serve(t, courseDir, serving{})
	src := labURL("view=embed&lesson=2&step=3&guess=2.5&autoplay=1")
	p := newTab(t, bctx, testTimeout)
	p.open(course.at("course.html?src=" + url.QueryEscape(src)))
	p.waitEvent("the lesson's outcome", 3*trainTimeout, 0,
		`d.type === "lesson" && d.lesson.n === 2 && d.lesson.step === 3 && d.lesson.prediction === "factor" && `+
			`d.lesson.prediction_number === 2.5 && typeof d.lesson.measured_number === "number" && `+
			`d.lesson.outcome === "factor" && d.lesson.matched === true && d.lesson.measured.startsWith("True labels took")`)
	time.Sleep(2 * time.Second) // any second event would come with the next report
	raw := evalJS[string](p, `JSON.stringify((window.received || []).filter(e => e.data.type === "lesson").map(e => [e.origin, e.data.lesson]))`)
	if strings.Count(raw, `"n":2`) != 1 || !strings.Contains(raw, lab.URL) {
		t.Errorf("want one lesson event from %s, got %s", lab.URL, raw)
	}
	t.Logf("lesson events: %s", raw)
}

// TestLessonNumberAndFigure: lesson 2's prediction is a number, typed into its labelled
// field (axe-core finds no serious violation there), locked in, kept in the address, and
// shown next to the measured number at the outcome; meanwhile, in another tab, lesson 8 opens from its link at its outcome step
// and reads its figure (Theorem 1's construction, computed in the theory worker).
func TestLessonNumberAndFigure(t *testing.T) {
	start := time.Now()
	bctx := newBrowser(t)
	p := newTab(t, bctx, testTimeout)
	p.open(labURL("lesson=2&step=1"))
	p.waitUntil("lesson 2's number field", loadTimeout, `document.querySelector('.lesson[data-lesson="2"] input#guess-number[type=number]') !== null`)
	if label := evalJS[string](p, `document.querySelector('label[for="guess-number"]').textContent`); label == "" {
		t.Error("the number field has no label")
	}
	// axe-core on the number question: the field, its label and its hint.
	if src, err := os.ReadFile(axeFile); err != nil {
		t.Errorf("reading axe-core (%v): install it with npm ci --prefix app/e2e", err)
	} else if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](string(src)+"\n;typeof axe === 'object'")); err != nil {
		t.Errorf("injecting axe-core: %v", err)
	} else {
		for _, v := range evalJS[[]axeViolation](p, axeRunJS) {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("lesson 2's number question: %s (%s) on %d elements: %s", v.ID, v.Impact, len(v.Nodes), v.Help)
			}
		}
	}
	evalJS[bool](p, `(document.getElementById("guess-number").focus(), true)`)
	p.key("3")
	p.press("Lock in my prediction and run")
	p.waitUntil("step 2 with the number kept", loadTimeout,
		`document.querySelector('.lesson[data-step="2"] [data-prediction-number="3"]') !== null && `+
			`location.search.includes("guess=3") && location.search.includes("step=2")`)
	p.waitReady()
	p.press("Play")

	// Lesson 8, from its link, while lesson 2's runs train.
	q := newTab(t, bctx, testTimeout)
	q.open(labURL("lesson=8&step=3&guess=all&autoplay=1"))
	q.waitUntil("lesson 8's outcome", 3*trainTimeout, `document.querySelector('.lesson[data-lesson="8"][data-step="3"] [data-outcome]') !== null`)
	text := evalJS[string](q, `document.querySelector(".lesson").innerText`)
	t.Logf("lesson 8:\n%s", text)
	for _, want := range []string{"You predicted: Yes: every one of them.", "Measured: With 3,144 weights per output",
		"fitted 100.0% of the random labels", "matches what the runs measured", "Backed by claim S12"} {
		if !strings.Contains(text, want) {
			t.Errorf("lesson 8: no %q in\n%s", want, text)
		}
	}

	p.waitUntil("lesson 2's runs to stop", 3*trainTimeout, buttonEnabledJS("See the outcome"))
	p.press("See the outcome")
	p.waitUntil("the number next to the measured one", loadTimeout,
		`document.querySelector('.lesson[data-step="3"] [data-prediction-number="3"][data-measured-number]') !== null`)
	text = evalJS[string](p, `document.querySelector(".lesson").innerText`)
	t.Logf("lesson 2:\n%s", text)
	if !regexp.MustCompile(`You predicted ×3; measured ×\d+\.\d\.`).MatchString(text) || !strings.Contains(text, "same range as the measurement") {
		t.Errorf("lesson 2 at the defaults (S2: ×1.5 to ×10, here a prediction of ×3): \n%s", text)
	}
	t.Logf("%.1f s", time.Since(start).Seconds())
}
