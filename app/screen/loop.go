package screen

import (
	"fmt"
	"image"
	"net/url"
	"time"

	"genlab/app/canvas"
	"genlab/app/message"
	"genlab/app/relay"
	"genlab/sim"
)

// CalmRepaintEvery spaces out the repaints that new numbers cause for a reader who asked
// the system for less motion (prefers-reduced-motion: see Loop.Calm): the wall and the
// curves then move in steps two seconds apart, like slides, rather than at every
// relay.MetricsEvery. The pointer and the size still repaint at once, so the canvas
// still answers the hand.
const CalmRepaintEvery = 2 * time.Second

// Loop is the canvas's game loop, without Ebitengine: the binary calls Update at every
// tick, Layout when Ebitengine asks for the size, and Frame when it draws. It applies the
// events of its Inbox to a relay.Hub, follows the pointer, decides when the scene must be
// painted again, and answers the page's Export. Its methods, but for the Inbox's, are
// called from the game loop's goroutine only.
type Loop struct {
	in   *Inbox
	hub  *relay.Hub
	now  func() time.Time
	warn func(string)

	queue []event // the events being applied, reused (see Inbox.take)
	files []File  // what Update returns, reused

	painter canvas.Painter
	frame   *image.RGBA // the scene as painted on screen; nil before Layout
	shot    *image.RGBA // the exported picture (see export)
	density float64     // canvas pixels per CSS pixel
	hoverX  int         // the pointer, in canvas pixels; -1, -1 when off the canvas
	hoverY  int
	repaint bool      // paint at the next frame: the runs, the size or the pointer changed
	told    bool      // the hub told the page new numbers at this tick: due at the next frame
	due     bool      // new numbers to paint, which the page shows by now
	painted time.Time // when the scene was last painted

	// Calm spaces new numbers' repaints CalmRepaintEvery apart, for a reader who prefers
	// reduced motion. The binary sets it from the browser's media query before Start.
	Calm bool
}

// NewLoop returns a loop that applies the events of in to hub, reads the time from now
// (time.Now), and logs what it ignores with warn (the browser's console).
func NewLoop(in *Inbox, hub *relay.Hub, now func() time.Time, warn func(string)) *Loop {
	if in == nil || hub == nil || now == nil || warn == nil {
		panic("screen: NewLoop needs an inbox, a hub, a clock and a warn")
	}
	return &Loop{in: in, hub: hub, now: now, warn: warn, hoverX: -1, hoverY: -1}
}

// Start begins, once, before the first Update. hash is the canvas's own location.hash;
// alone says whether the canvas was opened on its own, with no page around it.
//
// In the page's <iframe>, it says Hello to the page and builds the runs of the Setup in
// its address, if any (see relay.Hub.Start, and AddressedSetup for the format). Alone, it
// queues the default lesson's Setup and Play, as a page would send them.
func (l *Loop) Start(hash string, alone bool) {
	if alone {
		l.in.FromPage(message.Envelope{Kind: message.Setup, Runs: sim.DefaultVariants()})
		l.in.FromPage(message.Envelope{Kind: message.Play})
		return
	}
	setup, ok, err := AddressedSetup(hash)
	if err != nil {
		l.warn("canvas: ignored the setup in its address: " + err.Error())
	}
	l.hub.Start(setup, ok)
}

// AddressedSetup reads the Setup that the page puts in the canvas's address,
// canvas.html#<the Setup's JSON, path-escaped>, from hash (location.hash, with its "#").
// ok is false when there is none; a hash that is not a Setup is an error.
func AddressedSetup(hash string) (setup message.Envelope, ok bool, err error) {
	if len(hash) < 2 {
		return message.Envelope{}, false, nil
	}
	text, err := url.PathUnescape(hash[1:])
	if err != nil {
		return message.Envelope{}, false, err
	}
	e, err := message.Decode(text)
	if err != nil {
		return message.Envelope{}, false, err
	}
	if e.Kind != message.Setup {
		return message.Envelope{}, false, fmt.Errorf("a %s message, not a setup", e.Kind)
	}
	return e, true, nil
}

// Update is one tick of the game loop. It applies the queued events in order (the
// page's messages, the workers' reports, the pointer's moves and clicks), and lets the
// hub tell the page the latest numbers.
//
// It returns the files the page's Exports asked for, which the caller posts to the page;
// the slice and the pictures in it are reused by the next Update.
func (l *Loop) Update() []File {
	l.files = l.files[:0]
	l.queue = l.in.take(l.queue)
	for _, e := range l.queue {
		switch {
		case e.pointer == pointerMoved:
			l.point(e.x, e.y)
		case e.pointer == pointerClicked:
			l.click(e.x, e.y)
		case e.fromPage && e.msg.Kind == message.Export:
			l.export(e.msg.Format)
		case e.fromPage:
			if err := l.hub.Command(e.msg); err != nil {
				l.warn("canvas: " + err.Error())
			}
		default:
			if err := l.hub.Report(e.worker, e.msg, e.snap); err != nil {
				l.warn("canvas: ignored a report: " + err.Error())
			}
		}
	}
	clear(l.queue) // the snapshots' bytes belong to the lab now, or to nobody
	l.repaint = l.hub.News() || l.repaint
	l.told = l.hub.Tick(l.now()) || l.told
	return l.files
}

// click is a click or a tap at (x, y), in canvas pixels: on a tile of a memory wall it
// opens the page's inspector on that training example (relay.Hub.Inspect); elsewhere it
// does nothing, so that a stray click does not close what the student is reading (the
// inspector has its own Close and Escape). The tile is found in the frame last painted,
// the one the student saw.
func (l *Loop) click(x, y int) {
	if run, example, ok := l.painter.TileAt(x, y); ok {
		if err := l.hub.Inspect(run, example); err != nil {
			l.warn("canvas: " + err.Error())
		}
		l.repaint = true
	}
}

// point follows the pointer: a move over the canvas, or off it, changes the tooltip.
func (l *Loop) point(x, y int) {
	if l.frame == nil || !(image.Point{x, y}).In(l.frame.Rect) {
		x, y = -1, -1
	}
	if x != l.hoverX || y != l.hoverY {
		l.hoverX, l.hoverY = x, y
		l.repaint = true
	}
}

// Layout takes the canvas's size in CSS pixels (Ebitengine's outside size) and the
// device's density (pixels per CSS pixel), and returns the size to paint, in device
// pixels, so that text and tiles are crisp on high-density screens. A new size or
// density is painted at the next Frame.
func (l *Loop) Layout(width, height int, density float64) (int, int) {
	w, h := max(1, int(float64(width)*density)), max(1, int(float64(height)*density))
	if l.frame == nil || l.frame.Rect.Dx() != w || l.frame.Rect.Dy() != h || density != l.density {
		l.frame = image.NewRGBA(image.Rect(0, 0, w, h))
		l.density = density
		l.repaint = true
	}
	return w, h
}

// Frame returns the scene freshly painted, at the size of the last Layout, when it must
// be shown again (see "When to paint" in the package's doc), or nil when the screen may
// keep its last frame. The image is reused by the next Frame.
func (l *Loop) Frame() *image.RGBA {
	if l.frame == nil {
		return nil
	}
	now := l.now()
	if l.told && !l.repaint {
		// The page applies the numbers after this frame, in the browser's next one: the
		// canvas waits for that frame too, so that both change in a single composite.
		l.told, l.due = false, true
		return nil
	}
	if !l.repaint && !(l.due && (!l.Calm || now.Sub(l.painted) >= CalmRepaintEvery)) {
		return nil
	}
	l.paint(l.frame, l.hoverX, l.hoverY)
	l.repaint, l.told, l.due, l.painted = false, false, false, now
	return l.frame
}

// paint paints the hub's scene into dst, with the pointer at x, y (-1, -1: none).
func (l *Loop) paint(dst *image.RGBA, x, y int) {
	scene := &l.hub.Scene
	scene.HoverX, scene.HoverY = x, y
	scene.Playing = l.hub.Bench != nil && l.hub.Bench.Playing
	scene.Density = l.density
	scene.InspectedRun, scene.InspectedExample, scene.Inspecting = l.hub.Inspecting()
	l.painter.Paint(dst, scene)
}
