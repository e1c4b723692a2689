//go:build e2e

package e2e

import (
	"image"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"genlab/app/canvas"
	labpkg "genlab/app/lab"
	"genlab/sim"
)

// frameBox is where the canvas's iframe is on the page, in CSS pixels, its inner size
// and the device's density.
type frameBox struct {
	Left, Top, Width, Height, Density float64
}

// tileOf finds, in the default lesson's layout at the size and density of box (its walls
// zoomed as Scene.Zoom, 0 for whole), a point well inside a tile of run's wall (its
// neighbours one device pixel away in every direction on the same tile), and the
// training example of that tile. It paints the
// lesson natively, with the same images and runs the canvas builds from the same
// settings (app/lab, as the canvas's hub does), so that the point is where the student
// would see the tile.
func tileOf(t *testing.T, box frameBox, run, zoom int) (x, y float64, example int) {
	t.Helper()
	p, w, h := lessonPainter(t, box, zoom)
	for py := 1; py < h-1; py++ {
		for px := 1; px < w-1; px++ {
			r, ex, ok := p.TileAt(px, py)
			if !ok || r != run {
				continue
			}
			same := true
			for _, d := range []image.Point{{-1, -1}, {1, -1}, {-1, 1}, {1, 1}} {
				if r2, ex2, ok := p.TileAt(px+d.X, py+d.Y); !ok || r2 != run || ex2 != ex {
					same = false
				}
			}
			if same {
				return box.Left + float64(px)/box.Density, box.Top + float64(py)/box.Density, ex
			}
		}
	}
	t.Fatalf("no tile of run %d in a %d×%d canvas", run, w, h)
	return 0, 0, 0
}

// inspected is what the inspector shows, read off its data attributes.
type inspected struct {
	Open               bool
	Run, Example       int
	True, Given, Probs int // Probs: how many
	Sum                float64
	Focused            bool
}

const inspectedJS = `(() => {
	const s = document.getElementById("inspector");
	if (!s || s.hidden) return {Open: false};
	const n = sel => +s.querySelector(sel).getAttribute(sel.slice(1, -1));
	const probs = [...s.querySelectorAll("[data-prob]")].map(e => +e.dataset.prob);
	return {Open: true, Run: +s.dataset.run, Example: +s.dataset.example,
		True: n("[data-true]"), Given: n("[data-given]"),
		Probs: probs.length, Sum: probs.reduce((a, b) => a + b, 0),
		Focused: document.activeElement === s};
})()`

// TestInspector clicks a tile of the default lesson's random-labels run, as a student
// would, and checks the inspector against the data the command line builds from the same
// seed: the example under the pointer, its true class and its given (random) label, and
// probabilities that sum to 1. Then the keyboard: the right arrow goes to the next image,
// whose labels are checked too, and Escape closes.
func TestInspector(t *testing.T) {
	p := openLab(t, "")
	p.waitReady()
	p.press("Play")

	box := evalJS[frameBox](p, frameBoxJS)
	x, y, want := tileOf(t, box, 1, 0)
	clickAt(t, p, x, y)
	p.waitUntil("the inspector, with the network's probabilities", loadTimeout,
		`(() => { const s = document.getElementById("inspector"); return s && !s.hidden && s.querySelectorAll("[data-prob]").length === 10; })()`)

	cfgs := sim.DefaultVariants().Configs(sim.Default())
	run, err := sim.NewRun(cfgs[1])
	if err != nil {
		t.Fatal(err)
	}
	data := run.Train()
	check := func(got inspected, example int) {
		t.Helper()
		if !got.Open || got.Run != 1 || got.Example != example {
			t.Fatalf("the inspector shows %+v, want run 1, example %d", got, example)
		}
		if got.True != data.True[example] || got.Given != data.Labels[example] {
			t.Errorf("example %d: true class %d, given label %d; the data of the same seed says %d, %d",
				example, got.True, got.Given, data.True[example], data.Labels[example])
		}
		if got.Probs != 10 || math.Abs(got.Sum-1) > 1e-6 {
			t.Errorf("example %d: %d probabilities summing to %v", example, got.Probs, got.Sum)
		}
	}
	got := evalJS[inspected](p, inspectedJS)
	check(got, want)
	if !got.Focused {
		t.Error("the inspector did not take the focus")
	}
	corrupted := 0
	for i := range data.Len() {
		if data.Corrupted(i) {
			corrupted++
		}
	}
	if corrupted < data.Len()/2 {
		t.Fatalf("the random-labels run has %d wrong labels of %d: not the run meant", corrupted, data.Len())
	}

	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	next := want + 1
	p.waitUntil("the next image", loadTimeout,
		`(() => { const s = document.getElementById("inspector"); return s && +s.dataset.example === `+strconv.Itoa(next)+` && s.querySelectorAll("[data-prob]").length === 10; })()`)
	check(evalJS[inspected](p, inspectedJS), next)

	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	p.waitUntil("the inspector to close", loadTimeout,
		`(() => { const s = document.getElementById("inspector"); return !s || s.hidden; })()`)

	// A tap opens it too: a phone has no mouse. (Closing gave the focus back, which may
	// have scrolled the page: the tile is found again.)
	x, y, _ = tileOf(t, evalJS[frameBox](p, frameBoxJS), 1, 0)
	tapAt(t, p, x, y)
	p.waitUntil("the inspector, opened by a tap", loadTimeout,
		`(() => { const s = document.getElementById("inspector"); return s && !s.hidden && +s.dataset.example === `+strconv.Itoa(want)+` && s.querySelectorAll("[data-prob]").length === 10; })()`)
	check(evalJS[inspected](p, inspectedJS), want)
	checkNoCSPViolation(p)
}

// frameBoxJS scrolls the canvas's iframe into view and says where it is.
const frameBoxJS = `(() => {
	const f = document.getElementById("canvas-frame");
	f.scrollIntoView({block: "center"});
	const r = f.getBoundingClientRect();
	return {Left: r.left + f.clientLeft, Top: r.top + f.clientTop, Width: f.clientWidth, Height: f.clientHeight,
		Density: f.contentWindow.devicePixelRatio};
})()`

// clickAt clicks at (x, y) on the page: move, then press and release a tick apart: the
// canvas reads the mouse 30 times a second, and a click between two ticks would be missed.
func clickAt(t *testing.T, p *page, x, y float64) {
	t.Helper()
	for _, ev := range []input.DispatchMouseEventType{input.DispatchMouseEventTypeMouseMoved, input.DispatchMouseEventTypeMousePressed, input.DispatchMouseEventTypeMouseReleased} {
		if err := chromedp.Do(p.ctx, chromedp.MouseEvent(ev, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1))); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond)
	}
}

// tapAt touches the page at (x, y) and lifts the finger a tick later, on a screen that
// says it has touch.
func tapAt(t *testing.T, p *page, x, y float64) {
	t.Helper()
	if _, err := chromedp.Call(p.ctx, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 1}); err != nil {
		t.Fatal(err)
	}
	for _, ev := range []input.DispatchTouchEventType{input.DispatchTouchEventTypeTouchStart, input.DispatchTouchEventTypeTouchEnd} {
		var points []*input.TouchPoint
		if ev == input.DispatchTouchEventTypeTouchStart {
			points = []*input.TouchPoint{{X: x, Y: y}}
		}
		if _, err := chromedp.Call(p.ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: ev, TouchPoints: points}); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond)
	}
}

// lessonPainter paints the default lesson at epoch 0 natively, at the size and density of
// box and with its walls zoomed as Scene.Zoom, and returns the painter (for its TileAt)
// and the size painted, in device pixels.
func lessonPainter(t *testing.T, box frameBox, zoom int) (p *canvas.Painter, w, h int) {
	t.Helper()
	b, err := labpkg.New(sim.Default().Encode(), sim.DefaultVariants())
	if err != nil {
		t.Fatal(err)
	}
	var scene canvas.Scene
	scene.Density, scene.Zoom = box.Density, zoom
	for i := range b.Lanes {
		l := &b.Lanes[i]
		l.Images = sim.TrainingImages(l.Config)
		r, err := sim.NewRun(l.Config)
		if err != nil {
			t.Fatal(err)
		}
		r.Snapshot(&l.Snap)
		scene.Cards = append(scene.Cards, canvas.Card{Title: l.Title, Classes: l.Config.Classes,
			Images: &l.Images, Snap: &l.Snap, Params: r.Summary().Params, MaxEpochs: l.Config.Epochs})
	}
	w, h = int(box.Width*box.Density), int(box.Height*box.Density)
	p = new(canvas.Painter)
	p.Paint(image.NewRGBA(image.Rect(0, 0, w, h)), &scene)
	return p, w, h
}
