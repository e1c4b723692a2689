package relay

import (
	"slices"
	"testing"
	"time"

	"genlab/app/message"
	"genlab/app/trainer"
	"genlab/sim"
)

const quick = "train=64&test=32&width=16&side=8&epochs=3"

// page records what the hub tells the page.
type page struct{ got []message.Envelope }

func (p *page) Post(e message.Envelope) { p.got = append(p.got, e) }

func (p *page) kinds() []message.Kind {
	var k []message.Kind
	for _, e := range p.got {
		k = append(k, e.Kind)
	}
	return k
}

func (p *page) count(kind message.Kind) int {
	n := 0
	for _, e := range p.got {
		if e.Kind == kind {
			n++
		}
	}
	return n
}

// inbox records what the pool posts to one worker.
type inbox struct{ got []message.Envelope }

func (w *inbox) Post(text string) {
	e, err := message.Decode(text)
	if err != nil {
		panic(err)
	}
	w.got = append(w.got, e)
}

// A worker's messages wait for its Hello, then go in order; run i goes to worker i mod size.
func TestPoolQueuesUntilHello(t *testing.T) {
	var workers []*inbox
	p := NewPool(2, func(i int) Worker {
		if i != len(workers) {
			t.Fatalf("started worker %d after %d workers", i, len(workers))
		}
		workers = append(workers, &inbox{})
		return workers[i]
	})
	if len(workers) != 2 {
		t.Fatalf("started %d workers at once, want 2", len(workers))
	}
	p.Setup([]string{"a=1", "a=2", "a=3"})
	p.Broadcast(message.Envelope{Kind: message.Play})
	if len(workers[0].got)+len(workers[1].got) != 0 {
		t.Fatal("posted before Hello")
	}
	p.Listening(1)
	p.Listening(0)
	p.Listening(7) // a worker it never started: ignored
	type sent struct {
		kind message.Kind
		run  int
	}
	summary := func(w *inbox) []sent {
		var s []sent
		for _, e := range w.got {
			s = append(s, sent{e.Kind, e.Run})
		}
		return s
	}
	want0 := []sent{{message.Setup, 0}, {message.Setup, 2}, {message.Play, 0}, {message.Play, 2}}
	want1 := []sent{{message.Setup, 1}, {message.Play, 1}}
	if got := summary(workers[0]); !slices.Equal(got, want0) {
		t.Errorf("worker 0 got %v, want %v", got, want0)
	}
	if got := summary(workers[1]); !slices.Equal(got, want1) {
		t.Errorf("worker 1 got %v, want %v", got, want1)
	}
	// A smaller lab pauses the runs it drops.
	p.Setup([]string{"a=4"})
	if got := summary(workers[1]); !slices.Equal(got[len(got)-1:], []sent{{message.Pause, 1}}) {
		t.Errorf("worker 1 got %v, want a final Pause of run 1", got)
	}
	if got := summary(workers[0]); !slices.Equal(got[len(got)-2:], []sent{{message.Pause, 2}, {message.Setup, 0}}) {
		t.Errorf("worker 0 got %v, want Pause of run 2 then Setup of run 0", got)
	}
}

func TestPoolSize(t *testing.T) {
	tests := []struct{ size, want, started int }{
		{-1, 1, 1}, {0, 1, 1}, {1, 1, 1}, {2, 2, 2}, {3, 3, 2}, {100, message.MaxRuns, 2},
	}
	for _, tt := range tests {
		p := NewPool(tt.size, func(int) Worker { return &inbox{} })
		if p.Size() != tt.want || p.Started() != tt.started {
			t.Errorf("NewPool(%d): size %d, started %d; want %d, %d", tt.size, p.Size(), p.Started(), tt.want, tt.started)
		}
	}
	// Workers beyond the eager ones start when a run needs them.
	p := NewPool(3, func(int) Worker { return &inbox{} })
	p.Setup([]string{"a=1", "a=2", "a=3"})
	if p.Started() != 3 {
		t.Errorf("started %d workers for 3 runs, want 3", p.Started())
	}
}

// lane is an in-process training worker: a trainer.Host whose posts come back to the hub
// the way the browser delivers them, one message at a time, later.
type lane struct {
	host   *trainer.Host
	outbox []report
}

type report struct {
	e    message.Envelope
	snap []byte
}

func (l *lane) Post(text string) {
	e, err := message.Decode(text)
	if err != nil {
		panic(err)
	}
	if err := l.host.Handle(e); err != nil {
		panic(err)
	}
}

// harness is a hub with its page and in-process workers.
type harness struct {
	t     *testing.T
	page  page
	lanes []*lane
	hub   *Hub
	clock time.Time
}

func newHarness(t *testing.T, workers int) *harness {
	h := &harness{t: t, clock: time.Unix(0, 0)}
	pool := NewPool(workers, func(int) Worker {
		l := &lane{}
		l.host = trainer.NewHost(func() time.Time { return h.clock }, func(e message.Envelope, snap []byte) {
			l.outbox = append(l.outbox, report{e, slices.Clone(snap)})
		})
		l.outbox = append(l.outbox, report{e: message.Envelope{Kind: message.Hello}})
		h.lanes = append(h.lanes, l)
		return l
	})
	h.hub = NewHub(&h.page, pool)
	return h
}

// deliver hands the workers' reports to the hub until none is waiting.
func (h *harness) deliver() {
	for more := true; more; {
		more = false
		for i, l := range h.lanes {
			out := l.outbox
			l.outbox = nil
			for _, r := range out {
				more = true
				if err := h.hub.Report(i, r.e, r.snap); err != nil {
					h.t.Fatal(err)
				}
			}
		}
	}
}

// train runs the workers' turns until none is busy, delivering and ticking as the canvas does.
func (h *harness) train() {
	for range 10000 {
		h.deliver()
		busy := false
		for _, l := range h.lanes {
			if l.host.Busy() {
				busy = true
				l.host.Turn(50 * time.Millisecond)
			}
		}
		h.clock = h.clock.Add(50 * time.Millisecond)
		h.deliver()
		h.hub.Tick(h.clock)
		if !busy {
			h.clock = h.clock.Add(MetricsEvery) // the canvas ticks on: the page hears the end
			h.hub.Tick(h.clock)
			return
		}
	}
	h.t.Fatal("still training after 10,000 turns")
}

// The default lesson, from the page's Setup and Play to its end: one Ready once every run
// is built, the Play given before that kept until then, Metrics while it trains, and a
// final word that it stopped.
func TestHubRunsALesson(t *testing.T) {
	h := newHarness(t, 1) // both runs on one worker, in turns
	h.hub.Start(message.Envelope{}, false)
	h.hub.Command(message.Envelope{Kind: message.Setup, Query: quick, Runs: sim.DefaultVariants()})
	h.hub.Command(message.Envelope{Kind: message.Play}) // before the runs are built
	if h.page.count(message.Ready) != 0 {
		t.Fatal("Ready before any worker said Hello")
	}
	if rebuilt := h.hub.News(); !rebuilt || len(h.hub.Scene.Cards) != 2 || h.hub.Scene.Cards[1].Images.Len() != 0 {
		t.Fatalf("scene after Setup: rebuilt %v, %d runs, images made before Ready", rebuilt, len(h.hub.Scene.Cards))
	}
	h.train()
	if got := h.page.kinds(); len(got) < 3 || got[0] != message.Hello || got[1] != message.Ready {
		t.Fatalf("page heard %v, want Hello, Ready, then Metrics", got)
	}
	if n := h.page.count(message.Ready); n != 1 {
		t.Errorf("page heard %d Ready, want 1", n)
	}
	last := h.page.got[len(h.page.got)-1]
	if last.Kind != message.Metrics || last.Playing || len(last.Stats) != 2 {
		t.Fatalf("last report %+v, want Metrics of 2 runs, not playing", last)
	}
	for i, s := range last.Stats {
		if s.Epoch != 3 || s.Stop == sim.Running.String() {
			t.Errorf("run %d ended at epoch %d, stop %q", i, s.Epoch, s.Stop)
		}
	}
	for i, r := range h.hub.Scene.Cards {
		if r.Images.Len() != 64 {
			t.Errorf("run %d shows %d images, want 64", i, r.Images.Len())
		}
	}
	if h.hub.Bench.Playing {
		t.Error("the lab still plays after every run stopped")
	}
}

// The Setup in the canvas's address starts the runs; the page's identical Setup confirms
// them (no second build) and gets the Ready; a different one rebuilds.
func TestHubStartsFromItsAddress(t *testing.T) {
	h := newHarness(t, 2)
	setup := message.Envelope{Kind: message.Setup, Query: quick, Runs: sim.DefaultVariants()}
	h.hub.Start(setup, true)
	h.deliver()
	built := h.hub.Bench
	if built == nil || !built.AllReady() {
		t.Fatal("the runs of the address were not built")
	}
	if n := h.page.count(message.Ready); n != 0 {
		t.Fatalf("Ready before the page's own Setup")
	}
	h.hub.Command(setup)
	if h.hub.Bench != built || h.page.count(message.Ready) != 1 {
		t.Fatalf("the page's Setup rebuilt the lab or got %d Ready", h.page.count(message.Ready))
	}
	other := setup
	other.Query = quick + "&seed=2"
	h.hub.Command(other)
	if h.hub.Bench == built {
		t.Fatal("a different Setup did not rebuild the lab")
	}
	h.deliver()
	if n := h.page.count(message.Ready); n != 2 {
		t.Errorf("page heard %d Ready, want 2 (one per Setup)", n)
	}
}

func TestHubReportsBadSetup(t *testing.T) {
	h := newHarness(t, 1)
	h.hub.Command(message.Envelope{Kind: message.Setup, Query: "train=-5"})
	if got := h.page.kinds(); !slices.Equal(got, []message.Kind{message.Problem}) || h.page.got[0].Error == "" {
		t.Fatalf("page heard %+v, want one Problem saying why", h.page.got)
	}
	if h.hub.Bench != nil {
		t.Error("a bad Setup built a lab")
	}
	if err := h.hub.Command(message.Envelope{Kind: message.Play}); err != nil { // nothing to play yet
		t.Errorf("Play before a lab: %v", err)
	}
	if n := len(h.page.got); n != 1 {
		t.Errorf("page heard %d messages, want 1", n)
	}
	for _, kind := range []message.Kind{message.Hello, message.Metrics, message.File} {
		if err := h.hub.Command(message.Envelope{Kind: kind}); err == nil {
			t.Errorf("a %s from the page was taken silently", kind)
		}
	}
}

// The page hears the numbers at most every MetricsEvery, and only news; Tick says when
// it told them (the canvas repaints then).
func TestHubTickSpacesMetrics(t *testing.T) {
	h := newHarness(t, 1)
	h.hub.Command(message.Envelope{Kind: message.Setup, Query: quick, Runs: sim.DefaultVariants()})
	h.deliver()
	if h.page.count(message.Ready) != 1 {
		t.Fatal("no Ready")
	}
	news := func() { // one epoch of each run, reported
		h.hub.Command(message.Envelope{Kind: message.Step})
		for h.lanes[0].host.Busy() {
			h.lanes[0].host.Turn(time.Second)
		}
		h.deliver()
	}
	t0 := h.clock
	tests := []struct {
		news bool
		at   time.Duration
		want int // Metrics heard so far
	}{
		{true, 0, 1},
		{true, MetricsEvery / 2, 1},
		{false, MetricsEvery, 2},
		{false, 3 * MetricsEvery, 2}, // nothing new since
		{true, 3 * MetricsEvery, 3},
	}
	for _, tt := range tests {
		if tt.news {
			news()
		}
		before := h.page.count(message.Metrics)
		told := h.hub.Tick(t0.Add(tt.at))
		got := h.page.count(message.Metrics)
		if got != tt.want {
			t.Errorf("news %v, tick at %v: %d Metrics, want %d", tt.news, tt.at, got, tt.want)
		}
		if told != (got > before) {
			t.Errorf("news %v, tick at %v: Tick said told %v, and the page heard %d new Metrics", tt.news, tt.at, told, got-before)
		}
	}
}
