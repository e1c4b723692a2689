//go:build js && wasm

package main

import (
	"image"
	"net/url"
	"sync"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"genlab/app/canvas"
	"genlab/app/message"
	"genlab/app/relay"
	"genlab/sim"
)

// event is something that happened outside the game loop: a command from the page or a
// report from a worker. JavaScript callbacks queue events; Update applies them, so the
// lab is only ever touched from the game loop.
type event struct {
	fromPage bool
	worker   int // which worker reported (fromPage false); the run is msg.Run
	msg      message.Envelope
	snap     []byte
}

type game struct {
	page *pageBridge
	hub  *relay.Hub

	mu    sync.Mutex
	queue []event

	painter canvas.Painter
	frame   *image.RGBA
	shot    *image.RGBA // the exported picture (see export)
	img     *ebiten.Image
	repaint bool      // paint at the next frame: the runs, the size or the pointer changed
	fresh   bool      // new numbers arrived: paint when repaintEvery has passed
	painted time.Time // when the scene was last painted
	hoverX  int
	hoverY  int
	width   int
	height  int
}

func newGame() *game {
	g := &game{hoverX: -1, hoverY: -1}
	g.page = newPageBridge(func(e message.Envelope) { g.push(event{fromPage: true, msg: e}) })
	pool := newWorkerPool(func(i int, e message.Envelope, snap []byte) {
		g.push(event{worker: i, msg: e, snap: snap})
	})
	g.hub = relay.NewHub(g.page, pool)
	return g
}

// start says hello to the page, or, opened on its own, sets up the default lesson.
func (g *game) start() {
	if g.page.standalone() {
		g.push(event{fromPage: true, msg: message.Envelope{Kind: message.Setup, Runs: sim.DefaultVariants()}})
		g.push(event{fromPage: true, msg: message.Envelope{Kind: message.Play}})
		return
	}
	g.hub.Start(setupInAddress())
}

// setupInAddress reads the Setup that the page puts in the canvas's address
// (canvas.html#<the Setup's JSON>): see relay.Hub.Start.
func setupInAddress() (message.Envelope, bool) {
	hash := js.Global().Get("location").Get("hash").String()
	if len(hash) < 2 {
		return message.Envelope{}, false
	}
	text, err := url.PathUnescape(hash[1:])
	if err != nil {
		warn("canvas: ignored the setup in its address: " + err.Error())
		return message.Envelope{}, false
	}
	e, err := message.Decode(text)
	if err != nil || e.Kind != message.Setup {
		warn("canvas: ignored the setup in its address: not a setup message")
		return message.Envelope{}, false
	}
	return e, true
}

func (g *game) push(e event) {
	g.mu.Lock()
	g.queue = append(g.queue, e)
	g.mu.Unlock()
}

// Update applies the queued events, follows the pointer and tells the page the news.
func (g *game) Update() error {
	g.mu.Lock()
	queue := g.queue
	g.queue = nil
	g.mu.Unlock()
	for _, e := range queue {
		switch {
		case e.fromPage && e.msg.Kind == message.Export:
			g.export(e.msg.Format)
		case e.fromPage:
			if err := g.hub.Command(e.msg); err != nil {
				warn("canvas: " + err.Error())
			}
		default:
			if err := g.hub.Report(e.worker, e.msg, e.snap); err != nil {
				warn("canvas: ignored a report: " + err.Error())
			}
		}
	}
	g.hub.Idle()
	rebuilt, fresh := g.hub.News()
	g.repaint, g.fresh = g.repaint || rebuilt, g.fresh || fresh
	g.followPointer()
	g.hub.Tick(time.Now())
	return nil
}

// followPointer tracks the mouse or the last touch, for the tile tooltip.
func (g *game) followPointer() {
	x, y := ebiten.CursorPosition()
	for _, id := range ebiten.AppendTouchIDs(nil) {
		x, y = ebiten.TouchPosition(id)
	}
	if x < 0 || y < 0 || x >= g.width || y >= g.height {
		x, y = -1, -1
	}
	if x != g.hoverX || y != g.hoverY {
		g.hoverX, g.hoverY = x, y
		g.repaint = true
	}
}

// Layout uses device pixels, so text and tiles are crisp on high-density screens.
func (g *game) Layout(outsideWidth, outsideHeight int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	w, h := max(1, int(float64(outsideWidth)*s)), max(1, int(float64(outsideHeight)*s))
	if w != g.width || h != g.height {
		g.width, g.height = w, h
		g.frame = image.NewRGBA(image.Rect(0, 0, w, h))
		g.img = ebiten.NewImage(w, h)
		g.repaint = true
	}
	return w, h
}

// repaintEvery spaces out the repaints that new numbers cause. A full software paint
// and its upload cost several milliseconds, more than a frame when two workers share the
// cores, and workers report five times a second each: painting on every report would
// make most frames late. The pointer and the size still repaint at once.
const repaintEvery = 250 * time.Millisecond

// Draw paints the scene when it changed; the screen keeps the last frame otherwise.
func (g *game) Draw(screen *ebiten.Image) {
	if g.frame == nil || !(g.repaint || g.fresh && time.Since(g.painted) >= repaintEvery) {
		return
	}
	scene := &g.hub.Scene
	scene.HoverX, scene.HoverY = g.hoverX, g.hoverY
	scene.Playing = g.hub.Bench != nil && g.hub.Bench.Playing
	scene.Density = ebiten.Monitor().DeviceScaleFactor()
	g.painter.Paint(g.frame, scene)
	g.img.WritePixels(g.frame.Pix)
	screen.DrawImage(g.img, nil)
	g.repaint, g.fresh, g.painted = false, false, time.Now()
}

// export answers the page's Export with a File: the curves as CSV, or the canvas as PNG.
// The file travels as a Blob beside the message (see package message), made here with the
// browser's own Blob and PNG encoder, so nothing big crosses the JSON and the game loop
// only pays for a copy of the frame.
//
// The PNG is painted afresh, without the tile tooltip, into a buffer of its own: the
// frame on screen may show the tooltip of wherever the pointer last was, and the exported
// picture should be the lesson, not the pointer.
func (g *game) export(format string) {
	l := g.hub.Bench
	if l == nil {
		warn("canvas: nothing to export before the runs are built")
		return
	}
	switch format {
	case message.FormatCSV:
		blob := js.Global().Get("Blob").New(
			js.ValueOf([]any{l.CurvesCSV()}),
			js.ValueOf(map[string]any{"type": message.FileType(format)}))
		g.postFile(format, blob)
	case message.FormatPNG:
		if g.frame == nil {
			warn("canvas: nothing painted yet to export")
			return
		}
		b := g.frame.Rect
		if g.shot == nil || g.shot.Rect != b {
			g.shot = image.NewRGBA(b)
		}
		scene := g.hub.Scene
		scene.HoverX, scene.HoverY = -1, -1
		scene.Playing = l.Playing
		scene.Density = ebiten.Monitor().DeviceScaleFactor()
		g.painter.Paint(g.shot, &scene)
		g.repaint = true // the painter's layout is shared; paint the screen again next frame

		pix := js.Global().Get("Uint8ClampedArray").New(len(g.shot.Pix))
		js.CopyBytesToJS(pix, g.shot.Pix)
		doc := js.Global().Get("document")
		c := doc.Call("createElement", "canvas")
		c.Set("width", b.Dx())
		c.Set("height", b.Dy())
		c.Call("getContext", "2d").Call("putImageData", js.Global().Get("ImageData").New(pix, b.Dx(), b.Dy()), 0, 0)
		var done js.Func
		done = js.FuncOf(func(_ js.Value, args []js.Value) any {
			defer done.Release()
			if len(args) == 0 || args[0].IsNull() {
				warn("canvas: the browser could not encode the canvas as PNG")
				return nil
			}
			g.postFile(format, args[0])
			return nil
		})
		c.Call("toBlob", done, message.FileType(format))
	}
}

// postFile sends the page a File message with its Blob, to the page's origin only.
func (g *game) postFile(format string, blob js.Value) {
	if g.page.standalone() {
		return
	}
	msg := message.Encode(message.Envelope{Kind: message.File, Format: format})
	g.page.parent.Call("postMessage", js.ValueOf(map[string]any{"msg": msg, "blob": blob}), g.page.origin)
}
