//go:build e2e

package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focusedNameJS names the focused element the way a screen reader would, roughly: its
// aria-label, its <label>, or its text.
const focusedNameJS = `(() => {
	const e = document.activeElement;
	if (!e || e === document.body) return "";
	const aria = e.getAttribute("aria-label");
	if (aria) return aria.trim();
	if (e.labels && e.labels.length) return e.labels[0].textContent.trim();
	return (e.textContent || e.value || e.tagName).trim();
})()`

// TestKeyboardReachesEveryControl tabs through the page with the keyboard alone: every
// transport button is reached, and Step, pressed with the Enter key while focused, trains
// exactly one epoch. Colour and the mouse are never needed to drive a lesson.
func TestKeyboardReachesEveryControl(t *testing.T) {
	p := openLab(t, "")
	p.waitReady()
	seen := map[string]bool{}
	stepped := false
	for range 80 {
		if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		name := evalJS[string](p, focusedNameJS)
		seen[name] = true
		if name == "Step" && !stepped {
			stepped = true
			before := p.epochs()
			if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
				t.Fatal(err)
			}
			p.waitUntil("one epoch after Step by keyboard", loadTimeout,
				`[`+strconv.Itoa(before[0]+1)+`, `+strconv.Itoa(before[1]+1)+`].every((want, i) => `+
					`Number(document.querySelector('[data-run="' + i + '"][data-metric="epoch"]')?.dataset.value) === want)`)
		}
	}
	if !stepped {
		t.Error("Tab never reached Step")
	}
	for _, want := range []string{"Play", "Pause", "Step", "Reset"} {
		if !seen[want] {
			t.Errorf("Tab never reached %q; reached %d controls", want, len(seen))
		}
	}
	if len(seen) < 15 {
		t.Errorf("Tab reached only %d distinct controls: %v", len(seen), seen)
	}
}
