package screen

import (
	"bytes"
	"image"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"genlab/app/canvas"
	"genlab/app/message"
	"genlab/app/relay"
	"genlab/app/trainer"
	"genlab/sim"
)

const quick = "train=64&test=32&width=16&side=8&epochs=3"

// page records what the loop tells the page.
type page struct{ got []message.Envelope }

func (p *page) Post(e message.Envelope) { p.got = append(p.got, e) }

func (p *page) kinds() []message.Kind {
	var k []message.Kind
	for _, e := range p.got {
		k = append(k, e.Kind)
	}
	return k
}

// lane is an in-process worker: it records what the pool posts to it and, when it has a
// host, trains with it; the host's reports come back through the inbox, as the browser
// delivers a Web Worker's messages to the canvas's callbacks: later, at the next Update.
type lane struct {
	got  []message.Envelope
	host *trainer.Host
}

func (w *lane) Post(text string) {
	e, err := message.Decode(text)
	if err != nil {
		panic(err)
	}
	w.got = append(w.got, e)
	if w.host != nil {
		if err := w.host.Handle(e); err != nil {
			panic(err)
		}
	}
}

// clock is a fake clock that moves only when told.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// harness is a loop with its inbox, page, workers, clock and console.
type harness struct {
	t     *testing.T
	in    Inbox
	page  page
	lanes []*lane
	clock clock
	warns []string
	loop  *Loop
}

// newHarness returns a loop over workers in-process workers; with train, they build and
// train the runs, and say Hello at once; without, they only listen.
func newHarness(t *testing.T, workers int, train bool) *harness {
	h := &harness{t: t, clock: clock{time.Unix(1e9, 0)}}
	pool := relay.NewPool(workers, func(i int) relay.Worker {
		w := &lane{}
		if train {
			w.host = trainer.NewHost(h.clock.now, func(e message.Envelope, snap []byte) {
				h.in.FromWorker(i, e, bytes.Clone(snap))
			})
			h.in.FromWorker(i, message.Envelope{Kind: message.Hello}, nil)
		}
		h.lanes = append(h.lanes, w)
		return w
	})
	h.loop = NewLoop(&h.in, relay.NewHub(&h.page, pool), h.clock.now, func(s string) { h.warns = append(h.warns, s) })
	return h
}

// ready sets up two quick runs at the canvas size of 640×400 CSS pixels, and updates
// until they are built and their images made, then paints once.
func (h *harness) ready() {
	h.t.Helper()
	h.loop.Layout(640, 400, 1)
	h.in.FromPage(message.Envelope{Kind: message.Setup, Query: quick, Runs: sim.DefaultVariants()})
	for range 20 {
		h.update(-1, -1)
		if l := h.loop.hub.Bench; l != nil && l.AllReady() && h.loop.hub.Scene.Cards[1].Images.Len() == 64 {
			if h.loop.Frame() == nil {
				h.t.Fatal("no frame for the new runs")
			}
			for range 3 { // and the numbers the page heard with them
				if h.loop.Frame() == nil {
					return
				}
			}
			h.t.Fatal("the canvas keeps painting with nothing new")
		}
	}
	h.t.Fatal("the runs were not ready after 20 ticks")
}

// click is a tick with a click at x, y; it fails the test on a file.
func (h *harness) click(x, y int) {
	h.t.Helper()
	h.in.Click(x, y)
	if files := h.loop.Update(); len(files) != 0 {
		h.t.Fatalf("Update returned %d files, none asked for", len(files))
	}
}

// update is a tick with the pointer moved to x, y; it fails the test on a file.
func (h *harness) update(x, y int) {
	h.t.Helper()
	h.in.Pointer(x, y)
	if files := h.loop.Update(); len(files) != 0 {
		h.t.Fatalf("Update returned %d files, none asked for", len(files))
	}
}

// news has worker 0 report new numbers of run 0 (a Pause answers with Metrics).
func (h *harness) news() {
	if err := h.lanes[0].host.Handle(message.Envelope{Kind: message.Pause, Run: 0}); err != nil {
		h.t.Fatal(err)
	}
}

func TestAddressedSetup(t *testing.T) {
	setup := message.Envelope{Kind: message.Setup, Query: "seed=2&train=64", Runs: sim.DefaultVariants()}
	tests := []struct {
		name    string
		hash    string
		want    message.Envelope
		wantOK  bool
		wantErr bool
	}{
		{"none", "", message.Envelope{}, false, false},
		{"empty", "#", message.Envelope{}, false, false},
		{"the page's", "#" + url.PathEscape(message.Encode(setup)), setup, true, false},
		{"bad escape", "#%zz", message.Envelope{}, false, true},
		{"not a message", "#garbage", message.Envelope{}, false, true},
		{"not a setup", "#" + url.PathEscape(message.Encode(message.Envelope{Kind: message.Play})), message.Envelope{}, false, true},
	}
	for _, tt := range tests {
		got, ok, err := AddressedSetup(tt.hash)
		if got.Kind != tt.want.Kind || got.Query != tt.want.Query || !got.Runs.Equal(tt.want.Runs) || ok != tt.wantOK || (err != nil) != tt.wantErr {
			t.Errorf("%s: AddressedSetup(%q) = %+v, %v, %v; want %+v, %v, error %v", tt.name, tt.hash, got, ok, err, tt.want, tt.wantOK, tt.wantErr)
		}
	}
}

// Start: in the page's frame, Hello and the runs of the address at once; alone, the
// default lesson queued for the first Update, playing, with nothing posted to no page.
func TestStart(t *testing.T) {
	addressed := "#" + url.PathEscape(message.Encode(message.Envelope{Kind: message.Setup, Query: quick, Runs: sim.DefaultVariants()}))
	tests := []struct {
		name        string
		hash        string
		alone       bool
		wantPage    []message.Kind
		wantEarly   bool     // the lab exists before the first Update
		wantRuns    []string // the lab's variants after the first Update
		wantPlaying bool
		wantWarn    string
	}{
		{"framed, no setup in the address", "", false, []message.Kind{message.Hello}, false, nil, false, ""},
		{"framed, the page's setup in the address", addressed, false, []message.Kind{message.Hello}, true, []string{"labels=true", "labels=random"}, false, ""},
		{"framed, a bad address", "#%7B", false, []message.Kind{message.Hello}, false, nil, false, "canvas: ignored the setup in its address"},
		{"alone", "", true, nil, false, []string{"labels=true", "labels=random"}, true, ""},
		{"alone, whatever the address", addressed, true, nil, false, []string{"labels=true", "labels=random"}, true, ""},
	}
	for _, tt := range tests {
		h := newHarness(t, 2, false)
		h.loop.Start(tt.hash, tt.alone)
		if early := h.loop.hub.Bench != nil; early != tt.wantEarly {
			t.Errorf("%s: lab before the first Update: %v, want %v", tt.name, early, tt.wantEarly)
		}
		h.update(-1, -1)
		if got := h.page.kinds(); !slices.Equal(got, tt.wantPage) {
			t.Errorf("%s: the page heard %v, want %v", tt.name, got, tt.wantPage)
		}
		var runs []string
		playing := false
		if l := h.loop.hub.Bench; l != nil {
			for _, r := range l.Lanes {
				runs = append(runs, r.Variant.String())
			}
			playing = l.Playing
		}
		if !slices.Equal(runs, tt.wantRuns) || playing != tt.wantPlaying {
			t.Errorf("%s: runs %q, playing %v; want %q, %v", tt.name, runs, playing, tt.wantRuns, tt.wantPlaying)
		}
		if got := strings.Join(h.warns, "\n"); tt.wantWarn == "" && got != "" || !strings.Contains(got, tt.wantWarn) {
			t.Errorf("%s: warnings %q, want %q", tt.name, got, tt.wantWarn)
		}
	}
	// Alone, the workers are given the default lesson's runs (they take them after Hello).
	h := newHarness(t, 2, false)
	h.loop.Start("", true)
	h.update(-1, -1)
	h.in.FromWorker(0, message.Envelope{Kind: message.Hello}, nil)
	h.update(-1, -1)
	if len(h.lanes[0].got) == 0 || h.lanes[0].got[0].Kind != message.Setup || h.lanes[0].got[0].Query != h.loop.hub.Bench.Queries()[0] {
		t.Errorf("alone, worker 0 got %+v, want the Setup of the default lesson's first run", h.lanes[0].got)
	}
}

// Update applies what the page and the workers posted, in the order they posted it, and
// only then: the browser's callbacks never touch the lab.
func TestUpdateAppliesTheInboxInOrder(t *testing.T) {
	setup := message.Envelope{Kind: message.Setup, Query: quick, Runs: sim.DefaultVariants()}
	csv := message.Envelope{Kind: message.Export, Format: message.FormatCSV}
	png := message.Envelope{Kind: message.Export, Format: message.FormatPNG}
	figureSetup := message.Envelope{Kind: message.Setup, Query: quick, Figure: &message.FigureSetup{Kind: "sweep"}}
	type post struct {
		fromPage bool
		worker   int
		e        message.Envelope
		snap     []byte
	}
	page := func(e message.Envelope) post { return post{fromPage: true, e: e} }
	badReady := post{worker: 0, e: message.Envelope{Kind: message.Ready, Run: 0, Stats: []message.RunStats{{}}}, snap: []byte{1, 2, 3}}
	tests := []struct {
		name      string
		layout    bool // Layout before the Update, so that there is a frame to export
		posts     []post
		wantFiles []string // the formats of the files returned
		wantPage  []message.Kind
		wantWarn  string // a piece of the one warning, or "" for none
	}{
		{"export before the setup", true, []post{page(csv), page(setup)}, nil, nil, "canvas: nothing to export before the runs are built"},
		{"export after the setup", true, []post{page(setup), page(csv)}, []string{"csv"}, nil, ""},
		{"a figure's numbers", true, []post{page(figureSetup), page(csv)}, []string{"csv"}, []message.Kind{message.Ready}, ""},
		{"both files", true, []post{page(setup), page(png), page(csv)}, []string{"png", "csv"}, nil, ""},
		{"a picture before any size", false, []post{page(setup), page(png)}, nil, nil, "canvas: nothing painted yet to export"},
		{"a page's message that is no command", false, []post{page(message.Envelope{Kind: message.Hello})}, nil, nil, "canvas: ignored a hello message from the page"},
		{"a bad setup", false, []post{page(message.Envelope{Kind: message.Setup, Query: "train=-5"})}, nil, []message.Kind{message.Problem}, ""},
		{"a report that does not fit the lab", false, []post{page(setup), badReady}, nil, nil, "canvas: ignored a report"},
		{"a report before any lab", false, []post{badReady, page(setup)}, nil, nil, ""},
	}
	for _, tt := range tests {
		h := newHarness(t, 2, false)
		if tt.layout {
			h.loop.Layout(640, 400, 1)
		}
		for _, p := range tt.posts {
			if p.fromPage {
				h.in.FromPage(p.e)
			} else {
				h.in.FromWorker(p.worker, p.e, p.snap)
			}
		}
		if h.loop.hub.Bench != nil || len(h.page.got) != 0 || len(h.warns) != 0 {
			t.Fatalf("%s: applied before Update", tt.name)
		}
		var formats []string
		for _, f := range h.loop.Update() {
			formats = append(formats, f.Format)
			switch f.Format {
			case message.FormatCSV:
				if h.loop.hub.Study != nil {
					// No trial done yet: the header alone.
					if f.Text != "figure,key,seed,metric,value\n" {
						t.Errorf("%s: CSV %q, want the figure's header", tt.name, f.Text)
					}
				} else if want := h.loop.hub.Bench.CurvesCSV(); f.Text != want || !strings.HasPrefix(f.Text, "run,name,epoch,") {
					t.Errorf("%s: CSV %q, want the lab's curves %q", tt.name, f.Text, want)
				}
			case message.FormatPNG:
				if f.Image == nil || f.Image.Rect != image.Rect(0, 0, 640, 400) {
					t.Errorf("%s: a picture of %v, want 640×400", tt.name, f.Image)
				}
			}
		}
		if !slices.Equal(formats, tt.wantFiles) {
			t.Errorf("%s: files %q, want %q", tt.name, formats, tt.wantFiles)
		}
		if got := h.page.kinds(); !slices.Equal(got, tt.wantPage) {
			t.Errorf("%s: the page heard %v, want %v", tt.name, got, tt.wantPage)
		}
		switch {
		case tt.wantWarn == "" && len(h.warns) != 0:
			t.Errorf("%s: warned %q, want nothing", tt.name, h.warns)
		case tt.wantWarn != "" && (len(h.warns) != 1 || !strings.HasPrefix(h.warns[0], tt.wantWarn)):
			t.Errorf("%s: warned %q, want one warning %q", tt.name, h.warns, tt.wantWarn)
		}
		if files := h.loop.Update(); len(files) != 0 {
			t.Errorf("%s: the files came again at the next Update", tt.name)
		}
	}
}

// New numbers repaint in the frame after the tick that told the page them (at most every
// relay.MetricsEvery), when the page shows them too; the pointer and the size repaint at
// once; nothing new, nothing painted.
func TestFrameRepaintPolicy(t *testing.T) {
	h := newHarness(t, 1, true)
	h.ready()
	size := func(w, h int) func(*harness) { return func(x *harness) { x.loop.Layout(w, h, 1) } }
	tests := []struct {
		name    string
		do      func(*harness)
		wait    time.Duration // on the clock, before the frame
		tick    bool          // an Update before the frame (Ebitengine draws more often than it ticks)
		x, y    int           // the pointer at the tick
		want    bool          // Frame paints
		wantDim image.Point
	}{
		{"nothing new", nil, 0, true, -1, -1, false, image.Pt(640, 400)},
		{"nothing new, much later", nil, time.Minute, true, -1, -1, false, image.Pt(640, 400)},
		{"new numbers: the page hears them", (*harness).news, 0, true, -1, -1, false, image.Pt(640, 400)},
		{"the frame after: painted", nil, 0, false, -1, -1, true, image.Pt(640, 400)},
		{"and not again", nil, 0, false, -1, -1, false, image.Pt(640, 400)},
		{"new numbers, at once after", (*harness).news, 0, true, -1, -1, false, image.Pt(640, 400)},
		{"the page has not heard them", nil, 0, false, -1, -1, false, image.Pt(640, 400)},
		{"still not", nil, relay.MetricsEvery / 2, true, -1, -1, false, image.Pt(640, 400)},
		{"MetricsEvery after: the page hears them", nil, relay.MetricsEvery / 2, true, -1, -1, false, image.Pt(640, 400)},
		{"the frame after: painted again", nil, 0, true, -1, -1, true, image.Pt(640, 400)},
		{"nothing new since", nil, relay.MetricsEvery, true, -1, -1, false, image.Pt(640, 400)},
		{"the pointer comes in", nil, 0, true, 10, 20, true, image.Pt(640, 400)},
		{"the pointer stays", nil, 0, true, 10, 20, false, image.Pt(640, 400)},
		{"the pointer moves", nil, 0, true, 11, 20, true, image.Pt(640, 400)},
		{"new numbers as the pointer moves: painted at once", (*harness).news, relay.MetricsEvery, true, 12, 20, true, image.Pt(640, 400)},
		{"so not again", nil, 0, false, 12, 20, false, image.Pt(640, 400)},
		{"the pointer leaves", nil, 0, true, -1, -1, true, image.Pt(640, 400)},
		{"the pointer off the canvas is none", nil, 0, true, 640, 5, false, image.Pt(640, 400)},
		{"a new size", size(800, 500), 0, true, -1, -1, true, image.Pt(800, 500)},
		{"the same size", size(800, 500), 0, true, -1, -1, false, image.Pt(800, 500)},
		{"a new density", func(x *harness) { x.loop.Layout(400, 250, 2) }, 0, true, -1, -1, true, image.Pt(800, 500)},
		{"new numbers, MetricsEvery after", (*harness).news, relay.MetricsEvery, true, -1, -1, false, image.Pt(800, 500)},
		{"then painted", nil, 0, false, -1, -1, true, image.Pt(800, 500)},
	}
	for _, tt := range tests {
		if tt.do != nil {
			tt.do(h)
		}
		h.clock.t = h.clock.t.Add(tt.wait)
		if tt.tick {
			h.update(tt.x, tt.y)
		}
		f := h.loop.Frame()
		if got := f != nil; got != tt.want {
			t.Errorf("%s: painted %v, want %v", tt.name, got, tt.want)
		}
		if f != nil && f.Rect.Size() != tt.wantDim {
			t.Errorf("%s: painted %v, want %v", tt.name, f.Rect.Size(), tt.wantDim)
		}
	}
	if len(h.warns) != 0 {
		t.Errorf("warned %q", h.warns)
	}
}

// For a reader who prefers reduced motion, new numbers repaint CalmRepaintEvery apart,
// not at every relay.MetricsEvery; the pointer still repaints at once.
func TestFrameRepaintPolicyCalm(t *testing.T) {
	h := newHarness(t, 1, true)
	h.loop.Calm = true
	h.ready()
	steps := []struct {
		name string
		news bool
		wait time.Duration
		x, y int
		want bool
	}{
		{"nothing new, a minute on", false, time.Minute, -1, -1, false},
		{"new numbers, long after the last paint: the page hears them", true, 0, -1, -1, false},
		{"the frame after: painted", false, 0, -1, -1, true},
		{"new numbers, MetricsEvery later", true, relay.MetricsEvery, -1, -1, false},
		{"the frame after: too soon", false, 0, -1, -1, false},
		{"still within CalmRepaintEvery", false, CalmRepaintEvery / 2, -1, -1, false},
		{"the pointer comes in", false, 0, 10, 20, true},
		{"new numbers, then nothing for CalmRepaintEvery", true, CalmRepaintEvery, 10, 20, false},
		{"the frame after: painted", false, 0, 10, 20, true},
	}
	for _, s := range steps {
		if s.news {
			h.news()
		}
		h.clock.t = h.clock.t.Add(s.wait)
		h.update(s.x, s.y)
		if got := h.loop.Frame() != nil; got != s.want {
			t.Errorf("%s: painted %v, want %v", s.name, got, s.want)
		}
	}
}

// The exported picture is the scene as painted without the pointer: the tooltip shown on
// screen is not in it, and the screen shows the tooltip again at the next frame.
func TestExportPaintsWithoutTheTooltip(t *testing.T) {
	h := newHarness(t, 2, true)
	h.ready()
	x, y, found := 0, 0, false
	for p := (image.Point{}); !found && p.Y < 400; p.Y++ {
		for p.X = 0; p.X < 640; p.X++ {
			if _, _, ok := h.loop.painter.TileAt(p.X, p.Y); ok {
				x, y, found = p.X, p.Y, true
				break
			}
		}
	}
	if !found {
		t.Fatal("no tile on the canvas")
	}
	h.update(x, y)
	f := h.loop.Frame()
	if f == nil {
		t.Fatal("the pointer over a tile painted nothing")
	}
	onScreen := bytes.Clone(f.Pix)

	// The same scene, painted without the pointer by a painter of its own.
	scene := h.loop.hub.Scene
	scene.HoverX, scene.HoverY = -1, -1
	var p canvas.Painter
	want := image.NewRGBA(f.Rect)
	p.Paint(want, &scene)
	if bytes.Equal(want.Pix, onScreen) {
		t.Fatal("the tooltip changed nothing on screen: the test would prove nothing")
	}

	h.in.FromPage(message.Envelope{Kind: message.Export, Format: message.FormatPNG})
	h.in.Pointer(x, y)
	files := h.loop.Update()
	if len(files) != 1 || files[0].Format != message.FormatPNG || files[0].Image == nil {
		t.Fatalf("Export returned %+v, want one PNG", files)
	}
	if got := files[0].Image; got.Rect != want.Rect || !bytes.Equal(got.Pix, want.Pix) {
		t.Error("the exported picture is not the scene without the pointer")
	}
	f = h.loop.Frame()
	if f == nil || !bytes.Equal(f.Pix, onScreen) {
		t.Errorf("after the export, the screen was not painted again with the tooltip (painted: %v)", f != nil)
	}
}
