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
	"genlab/app/lab"
	"genlab/app/message"
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
	page    *pageBridge
	workers *workerPool

	mu    sync.Mutex
	queue []event

	lab        *lab.Lab
	awaiting   []bool // worker i was sent a Setup and has not answered Ready yet
	wantPlay   bool   // the page asked to play; forwarded once every run is ready
	speed      int
	readySent  bool
	setup      message.Envelope // the Setup the lab was built from
	early      bool             // built from the canvas's address, before the page's own Setup
	dirty      bool             // the page has not been told the latest numbers
	lastReport time.Time

	painter canvas.Painter
	scene   canvas.Scene
	frame   *image.RGBA
	shot    *image.RGBA // the exported picture (see export)
	img     *ebiten.Image
	repaint bool      // paint at the next frame: the size or the pointer changed
	fresh   bool      // new numbers arrived: paint when repaintEvery has passed
	painted time.Time // when the scene was last painted
	hoverX  int
	hoverY  int
	width   int
	height  int
}

func newGame() *game {
	g := &game{speed: message.DefaultSpeed, hoverX: -1, hoverY: -1}
	g.page = newPageBridge(func(e message.Envelope) { g.push(event{fromPage: true, msg: e}) })
	g.workers = newWorkerPool(func(i int, e message.Envelope, snap []byte) {
		g.push(event{worker: i, msg: e, snap: snap})
	})
	return g
}

// start says hello to the page, or, opened on its own, sets up the default lesson.
func (g *game) start() {
	if g.page.standalone() {
		g.push(event{fromPage: true, msg: message.Envelope{Kind: message.Setup, Runs: defaultRuns}})
		g.push(event{fromPage: true, msg: message.Envelope{Kind: message.Play}})
		return
	}
	g.page.post(message.Envelope{Kind: message.Hello})
	if e, ok := setupInAddress(); ok {
		g.command(e)
		g.early = g.lab != nil
	}
}

// setupInAddress reads the Setup that the page puts in the canvas's address
// (canvas.html#<the Setup's JSON>), so that the workers build the runs while Ebitengine
// starts and before the page, whose thread the canvas shares, answers Hello (cold, the
// first epoch came 3.3–3.6 s after navigation instead of 4.1 in BenchmarkFirstEpoch).
// The page's own Setup remains the word that counts
// (see command); this only starts the work early.
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
		if e.fromPage {
			g.command(e.msg)
		} else {
			g.report(e.worker, e.msg, e.snap)
		}
	}
	g.followPointer()
	if g.lab != nil && g.readySent && g.dirty && time.Since(g.lastReport) >= 150*time.Millisecond {
		g.lab.Playing = g.lab.Playing && g.lab.Busy()
		g.page.post(g.lab.Report(message.Metrics))
		g.dirty, g.lastReport = false, time.Now()
	}
	return nil
}

// command applies a message of the page.
func (g *game) command(e message.Envelope) {
	switch e.Kind {
	case message.Setup:
		if g.early && g.lab != nil && e.Query == g.setup.Query && e.Runs == g.setup.Runs {
			// The page confirms the runs the canvas started from its address.
			g.early = false
			g.announceReady()
			return
		}
		g.early, g.setup = false, e
		l, err := lab.New(e.Query, e.Runs)
		if err != nil {
			g.page.post(message.Envelope{Kind: message.Problem, Error: err.Error()})
			return
		}
		g.lab, g.readySent, g.wantPlay = l, false, false
		g.awaiting = make([]bool, len(l.Runs))
		for i := range g.awaiting {
			g.awaiting[i] = true
		}
		// The workers build their runs while the canvas makes the images it shows.
		g.workers.setup(l.Queries())
		g.workers.broadcast(message.Envelope{Kind: message.Speed, Speed: g.speed})
		l.MakeImages()
		g.scene.Runs = g.scene.Runs[:0]
		for i := range l.Runs {
			r := &l.Runs[i]
			g.scene.Runs = append(g.scene.Runs, canvas.Run{
				Title: r.Title, Classes: r.Config.Classes, Images: &r.Images, Snap: &r.Snap,
				Params: r.Stats.Params, MaxEpochs: r.Config.Epochs,
			})
		}
		g.repaint = true
	case message.Play, message.Pause, message.Step, message.Reset:
		if g.lab == nil {
			return
		}
		g.lab.Playing = e.Kind == message.Play
		g.wantPlay = g.lab.Playing
		if g.lab.AllReady() {
			g.workers.broadcast(e)
		}
		g.dirty = true
	case message.Speed:
		g.speed = e.Speed
		if g.lab != nil {
			g.workers.broadcast(e)
		}
	case message.Export:
		g.export(e.Format)
	default:
		warn("canvas: ignored a " + string(e.Kind) + " message from the page")
	}
}

// report applies a message of worker w about run e.Run.
func (g *game) report(w int, e message.Envelope, snap []byte) {
	if e.Kind == message.Hello {
		g.workers.listening(w)
		return
	}
	i := e.Run
	if g.lab == nil || i >= len(g.lab.Runs) {
		return
	}
	e.Run = 0 // the page knows nothing of workers
	switch e.Kind {
	case message.Problem:
		g.page.post(e)
		return
	case message.Ready:
		g.awaiting[i] = false
	case message.Metrics:
		if g.awaiting[i] {
			return // about the run before the last Setup
		}
	default:
		warn("canvas: ignored a " + string(e.Kind) + " message from a worker")
		return
	}
	if err := g.lab.Receive(i, e, snap); err != nil {
		warn("canvas: ignored a report: " + err.Error())
		return
	}
	g.scene.Runs[i].Params = g.lab.Runs[i].Stats.Params
	g.fresh, g.dirty = true, true
	g.announceReady()
}

// announceReady tells the page, once, that every run is built: after the page's own
// Setup only, since the page waits for the Ready that answers it.
func (g *game) announceReady() {
	if g.readySent || g.early || g.lab == nil || !g.lab.AllReady() {
		return
	}
	g.readySent = true
	g.page.post(g.lab.Report(message.Ready))
	if g.wantPlay {
		g.workers.broadcast(message.Envelope{Kind: message.Play})
	}
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
	g.scene.HoverX, g.scene.HoverY = g.hoverX, g.hoverY
	g.scene.Playing = g.lab != nil && g.lab.Playing
	g.scene.Density = ebiten.Monitor().DeviceScaleFactor()
	g.painter.Paint(g.frame, &g.scene)
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
	if g.lab == nil {
		warn("canvas: nothing to export before the runs are built")
		return
	}
	switch format {
	case message.FormatCSV:
		blob := js.Global().Get("Blob").New(
			js.ValueOf([]any{g.lab.CurvesCSV()}),
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
		scene := g.scene
		scene.HoverX, scene.HoverY = -1, -1
		scene.Playing = g.lab.Playing
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
