//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"genlab/sim"
)

// TestWallZoom presses "Zoom the wall" and Next label with the keyboard, as a student
// would, and checks that the canvas shows label 1's block zoomed: a click where the
// zoomed layout (painted natively from the same seed) has a tile of the random-labels run
// opens the inspector on that tile's example, which is given label 1. On the whole wall
// the same point lies on another tile, so the inspector's example proves the canvas drew
// the zoomed wall. The zoom is in the address, and the toggle is pressed (aria-pressed).
func TestWallZoom(t *testing.T) {
	p := openLab(t, "")
	p.waitReady()

	// Tab to the toggle and press it with the keyboard, then Next label the same way.
	if err := chromedp.Do(p.ctx, chromedp.Focus("the zoom", byRole("button", "Zoom the wall")), chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	p.waitUntil("the zoom's label", loadTimeout,
		`(() => { const b = document.getElementById("wall-zoom"); return b.getAttribute("aria-pressed") === "true" && location.search.includes("zoom=0"); })()`)
	if err := chromedp.Do(p.ctx, chromedp.Focus("next label", byRole("button", "Next label")), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	// The address is written when the action is handled, the label when the page renders
	// next: wait for both.
	p.waitUntil("label 1 in the address and on the page", loadTimeout,
		`location.search.includes("zoom=1") && document.querySelector(".wall-zoom-label").textContent.startsWith("label 1")`)

	box := evalJS[frameBox](p, frameBoxJS)
	x, y, want := tileOf(t, box, 1, 2)
	whole, _, _ := lessonPainter(t, box, 0)
	px, py := int((x-box.Left)*box.Density), int((y-box.Top)*box.Density)
	if run, ex, ok := whole.TileAt(px, py); ok && run == 1 && ex == want {
		t.Fatalf("example %d is at the same place on the whole wall: the click would prove nothing", want)
	}
	r, err := sim.NewRun(sim.DefaultVariants().Configs(sim.Default())[1])
	if err != nil {
		t.Fatal(err)
	}
	if l := r.Train().Labels[want]; l != 1 {
		t.Fatalf("the zoomed layout's tile is example %d of label %d, want label 1", want, l)
	}
	clickAt(t, p, x, y)
	p.waitUntil("the inspector", loadTimeout,
		`(() => { const s = document.getElementById("inspector"); return s && !s.hidden; })()`)
	got := evalJS[inspected](p, inspectedJS)
	if !got.Open || got.Run != 1 || got.Example != want || got.Given != 1 {
		t.Fatalf("the inspector shows %+v, want run 1, example %d, given label 1", got, want)
	}
	checkNoCSPViolation(p)
}

// TestInputStrip opens the shuffled-pixels lesson and checks that its strip shows five
// training images before and five after the permutation, decoded by the browser (12×12
// PNGs made by the page), and that they differ: the page drew what sim made, under the
// site's Content-Security-Policy.
func TestInputStrip(t *testing.T) {
	p := openLab(t, "preset=shuffled-pixels")
	p.waitReady()
	p.waitUntil("the before and after images", loadTimeout, `(() => {
		const s = document.querySelector(".input-strip[data-inputs=shuffled]");
		if (!s || s.hidden) return false;
		const imgs = [...s.querySelectorAll("img")];
		return imgs.length === 10 && imgs.every(i => i.complete && i.naturalWidth === 12 && i.naturalHeight === 12);
	})()`)
	differ := evalJS[bool](p, `(() => {
		const imgs = [...document.querySelectorAll(".input-strip img")];
		return imgs.slice(0, 5).every((b, i) => b.src !== imgs[5 + i].src);
	})()`)
	if !differ {
		t.Error("an image is the same before and after the shuffling")
	}
	checkNoCSPViolation(p)
}
