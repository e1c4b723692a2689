package relay

import (
	"fmt"
	"strconv"
	"time"

	"genlab/app/canvas"
	"genlab/app/lab"
	"genlab/app/message"
)

// Page is where the hub's messages for the page go.
type Page interface {
	Post(message.Envelope)
}

// MetricsEvery is the least time between two Metrics to the page: workers report five
// times a second each, and the page only needs to keep its readouts current. It is also
// the canvas's beat: the canvas repaints new numbers when the page hears them (see
// Hub.Tick and package app/screen). Each frame in which the page or the canvas changes
// costs the browser a composite of the whole window, which without a GPU (software
// WebGL) takes longer than a frame: four such frames a second keep the numbers live
// and leave most frames on time.
const MetricsEvery = 250 * time.Millisecond

// Hub applies the page's commands and the workers' reports to the bench. Its methods are
// called from one goroutine (the canvas's game loop).
type Hub struct {
	page Page
	pool *Pool

	// Bench is the experiment of the last good Setup of runs side by side, and Study that
	// of a Setup of a figure; the other is nil (both before a good Setup).
	Bench *lab.Bench
	Study *Study

	// StartTheory starts the theory worker, which computes the figures that need no
	// training (theorem1, kernel); its reports come to Report as worker TheoryWorker.
	// Nil: this canvas makes trained figures only.
	StartTheory func() Worker
	theory      *pooled // started at the first computed figure
	// Scene is what the canvas paints of the bench; the canvas sets its pointer, density
	// and Playing fields before painting.
	Scene canvas.Scene

	setup      message.Envelope // the Setup the bench was built from
	early      bool             // built from the canvas's address, before the page's own Setup
	awaiting   []bool           // run i was handed to its worker and has not answered Ready
	wantPlay   bool             // the page asked to play; forwarded once every run is ready
	readySent  bool
	speed      int
	dirty      bool // the page has not heard the latest numbers
	lastReport time.Time

	look inspection // the training example the student inspects (inspect.go)

	rebuilt bool // the scene has new runs or images: paint at once
}

// NewHub returns a hub that talks to page and trains on pool.
func NewHub(page Page, pool *Pool) *Hub {
	return &Hub{page: page, pool: pool, speed: message.DefaultSpeed}
}

// Start begins: it says Hello to the page, and, given the Setup in the canvas's address
// (addressed is false when there is none), builds its runs at once, so that the workers
// build them while Ebitengine starts and before the page — whose thread the canvas
// shares — answers Hello. The page's own Setup remains the word that counts: when it is
// the same, it only confirms; otherwise the runs are built again from it.
func (h *Hub) Start(addressed message.Envelope, ok bool) {
	h.page.Post(message.Envelope{Kind: message.Hello})
	if ok && addressed.Figure == nil { // a figure has nothing to build ahead
		h.Command(addressed)
		h.early = h.Bench != nil
	}
}

// Command applies a message of the page, and returns an error for one that is not a
// command the hub takes (the canvas logs it; Export is the canvas's own business).
func (h *Hub) Command(e message.Envelope) error {
	if e.Kind == message.Zoom {
		// A view of the walls: it concerns neither the workers nor a figure, and outlives
		// Setups (the page keeps it in its link).
		h.Scene.Zoom, h.rebuilt = e.Zoom, true
		return nil
	}
	if h.Study != nil && e.Kind != message.Setup {
		return h.studyCommand(e)
	}
	switch e.Kind {
	case message.Setup:
		if e.Figure != nil {
			h.setupStudy(e)
			return nil
		}
		if h.Study != nil {
			for _, w := range h.Study.Pause() {
				h.sendTrained(w, message.Envelope{Kind: message.Pause})
			}
			h.Study, h.Scene.Figure = nil, nil
		}
		if h.early && h.Bench != nil && e.Query == h.setup.Query && e.Runs.Equal(h.setup.Runs) {
			h.early = false
			h.announceReady()
			return nil
		}
		h.early, h.setup = false, e
		b, err := lab.New(e.Query, e.Runs)
		if err != nil {
			h.page.Post(message.Envelope{Kind: message.Problem, Error: err.Error()})
			return nil
		}
		h.Bench, h.readySent, h.wantPlay = b, false, false
		h.look.on = false // the page closes its inspector on a new Setup
		h.awaiting = make([]bool, len(b.Lanes))
		for i := range h.awaiting {
			h.awaiting[i] = true
		}
		h.pool.Setup(b.Queries())
		h.pool.Broadcast(message.Envelope{Kind: message.Speed, Speed: h.speed})
		h.Scene.Cards = h.Scene.Cards[:0]
		for i := range b.Lanes {
			r := &b.Lanes[i]
			h.Scene.Cards = append(h.Scene.Cards, canvas.Card{
				Title: r.Title, Classes: r.Config.Classes, Images: &r.Images, Snap: &r.Snap,
				Params: r.Stats.Params, MaxEpochs: r.Config.Epochs,
			})
		}
		h.rebuilt = true
	case message.Play, message.Pause, message.Step, message.Reset:
		if h.Bench == nil {
			return nil // nothing to play yet: the page's buttons wait for Ready anyway
		}
		h.Bench.Playing = e.Kind == message.Play
		h.wantPlay = h.Bench.Playing
		if h.Bench.AllReady() {
			h.pool.Broadcast(e)
		}
		h.dirty = true
	case message.Speed:
		h.speed = e.Speed
		if h.Bench != nil {
			h.pool.Broadcast(e)
		}
	case message.Inspect:
		return h.inspectCommand(e)
	default:
		return fmt.Errorf("ignored a %s message from the page", e.Kind)
	}
	return nil
}

// TheoryWorker is the index under which the theory worker reports (see StartTheory).
const TheoryWorker = -1

// Report applies a message of worker w about run e.Run, and returns an error for a
// report that does not fit (the canvas logs it).
func (h *Hub) Report(w int, e message.Envelope, snap []byte) error {
	if w == TheoryWorker {
		return h.theoryReport(e)
	}
	if e.Kind == message.Hello {
		h.pool.Listening(w)
		return nil
	}
	if h.Study != nil {
		return h.studyReport(e, snap)
	}
	i := e.Run
	if h.Bench == nil || i < 0 || i >= len(h.Bench.Lanes) {
		return nil // about the runs of an earlier bench
	}
	e.Run = 0 // the page knows nothing of workers
	switch e.Kind {
	case message.Problem:
		h.page.Post(e)
		return nil
	case message.Ready:
		h.awaiting[i] = false
	case message.Metrics:
		if h.awaiting[i] {
			return nil // about the run before the last Setup
		}
		h.lookReport(i, e.Look)
		e.Look = nil
	case message.Images:
		if h.awaiting[i] {
			return nil // of the run before the last Setup
		}
		if err := h.Bench.SetImages(i, snap); err != nil {
			return err
		}
		h.rebuilt = true
		h.postLook(time.Time{}) // an inspector opened before they came
		return nil
	}
	if err := h.Bench.Receive(i, e, snap); err != nil {
		return err
	}
	h.Scene.Cards[i].Params = h.Bench.Lanes[i].Stats.Params
	h.dirty = true
	h.announceReady()
	return nil
}

// Tick tells the page the bench's latest numbers, if it has not heard them and the last
// Metrics is at least MetricsEvery old at now. It reports whether it told the page: the
// canvas then shows the same numbers (see package app/screen).
func (h *Hub) Tick(now time.Time) (told bool) {
	if h.Study != nil && h.dirty && now.Sub(h.lastReport) >= MetricsEvery {
		h.page.Post(message.Envelope{Kind: message.Metrics, Playing: h.Study.Slots.Playing, Progress: h.Study.Progress()})
		h.dirty, h.lastReport = false, now
		return true
	}
	if h.Bench == nil || !h.readySent || !h.dirty || now.Sub(h.lastReport) < MetricsEvery {
		return false
	}
	h.Bench.Playing = h.Bench.Playing && h.Bench.Busy()
	h.page.Post(h.Bench.Report(message.Metrics))
	h.dirty, h.lastReport = false, now
	h.postLook(now)
	return true
}

// News reports, and forgets, whether the scene got new runs, images, a zoom or a figure
// since the last call: the canvas paints those at once. New numbers wait for Tick.
func (h *Hub) News() (rebuilt bool) {
	rebuilt, h.rebuilt = h.rebuilt, false
	return rebuilt
}

// announceReady tells the page, once, that every run is built: after the page's own
// Setup only, since the page waits for the Ready that answers it.
func (h *Hub) announceReady() {
	if h.readySent || h.early || h.Bench == nil || !h.Bench.AllReady() {
		return
	}
	h.readySent = true
	h.page.Post(h.Bench.Report(message.Ready))
	if h.wantPlay {
		h.pool.Broadcast(message.Envelope{Kind: message.Play})
	}
}

// setupStudy lays out the figure of a Setup, pausing whatever the workers trained before.
// A figure needs nothing built before it can start, so the page hears Ready at once.
func (h *Hub) setupStudy(e message.Envelope) {
	slots := h.pool.Size()
	if k, _, err := e.Figure.Options(); err == nil && !k.Trained() {
		if h.StartTheory == nil {
			h.page.Post(message.Envelope{Kind: message.Problem, Error: "the " + k.String() + " figure is computed, and this canvas has no theory worker"})
			return
		}
		slots = 1 // the theory worker computes one trial at a time
	}
	st, err := NewStudy(e, slots)
	if err != nil {
		h.page.Post(message.Envelope{Kind: message.Problem, Error: err.Error()})
		return
	}
	if h.Study != nil {
		if h.Study.Computing() {
			h.stopTheory()
		}
		for _, w := range h.Study.Pause() {
			h.sendTrained(w, message.Envelope{Kind: message.Pause})
		}
	}
	h.pool.Setup(nil) // pauses the runs of an earlier bench
	h.Bench, h.Study, h.setup, h.early = nil, st, e, false
	h.Scene.Cards = h.Scene.Cards[:0]
	h.Scene.Figure = &canvas.FigureView{Kind: st.Figure.Kind, Title: st.Figure.Kind.Title()}
	h.showFigure()
	h.rebuilt, h.readySent, h.wantPlay = true, true, false
	h.page.Post(message.Envelope{Kind: message.Ready, Progress: st.Progress()})
}

// studyCommand applies Play, Pause and Reset to the study; the other commands have no
// meaning for a figure (Step: a figure's trials run to their end; Speed: at full speed).
func (h *Hub) studyCommand(e message.Envelope) error {
	switch e.Kind {
	case message.Play:
		assign, resume := h.Study.Play()
		for _, w := range resume {
			h.sendTrained(w, message.Envelope{Kind: message.Play})
		}
		h.assign(assign)
	case message.Pause:
		for _, w := range h.Study.Pause() {
			h.sendTrained(w, message.Envelope{Kind: message.Pause})
		}
	case message.Reset:
		h.setupStudy(h.setup)
		return nil
	case message.Step, message.Speed:
		return nil
	default:
		return fmt.Errorf("ignored a %s message from the page", e.Kind)
	}
	h.dirty = true
	h.showFigure()
	return nil
}

// showFigure brings the scene's figure up to date with the study: its charts and cells
// (made here, when something changed, since they allocate), its progress and state.
func (h *Hub) showFigure() {
	st, v := h.Study, h.Scene.Figure
	v.Plots, v.Cells, v.Pictures = st.Figure.Plots(), st.Figure.Cells(), st.Figure.Pictures()
	v.Done = st.Figure.Done()
	v.Total = len(st.Figure.Trials)
	switch {
	case v.Done == v.Total:
		v.State = "done"
	case st.Slots.Playing:
		v.State = "training " + strconv.Itoa(min(v.Done+1, v.Total)) + " of " + strconv.Itoa(v.Total)
	case st.Started():
		v.State = "paused"
	default:
		v.State = "ready: press Play"
	}
	h.rebuilt = true
}

// assign hands trials to their slots' workers, to train at full speed, or to the theory
// worker, to compute.
func (h *Hub) assign(assign []Assignment) {
	for _, a := range assign {
		t := h.Study.Figure.Trials[a.Trial]
		if h.Study.Figure.Kind.Trained() {
			h.pool.Assign(a.Worker, t.Config.Encode())
			continue
		}
		if h.theory == nil {
			h.theory = &pooled{Worker: h.StartTheory()}
		}
		h.theory.send(message.Encode(message.Envelope{Kind: message.Compute, Trial: a.Trial, Query: t.Config.Encode(), Kernel: t.Kernel}))
	}
}

// sendTrained sends e to slot w's training worker, if the study trains (a computation
// cannot be paused: it ends, and its answer counts).
func (h *Hub) sendTrained(w int, e message.Envelope) {
	if h.Study.Figure.Kind.Trained() {
		h.pool.Send(w, e)
	}
}

// A Terminator is a worker that can be stopped in the middle of its work: the theory
// worker, whose one computation (a solve of thousands of equations) cannot be paused.
type Terminator interface{ Terminate() }

// stopTheory stops the theory worker in the middle of a computation no longer wanted (the
// figure reset, or another one shown), so that it does not go on taking a core; the next
// computation starts a new one. A worker that cannot be terminated finishes, and its late
// answer is ignored (Study.Computed).
func (h *Hub) stopTheory() {
	if t, ok := h.theory.Worker.(Terminator); ok {
		t.Terminate()
		h.theory = nil
	}
}

// theoryReport applies a message of the theory worker.
func (h *Hub) theoryReport(e message.Envelope) error {
	switch {
	case h.theory == nil:
		return fmt.Errorf("a %s message from a theory worker never started", e.Kind)
	case e.Kind == message.Hello:
		h.theory.listening()
	case e.Kind == message.Problem:
		h.page.Post(message.Envelope{Kind: message.Problem, Error: e.Error})
	case e.Kind == message.Computed:
		if h.Study == nil {
			return nil // of a figure no longer shown
		}
		assign, result := h.Study.Computed(e)
		h.assign(assign)
		if result {
			h.dirty = true
			h.showFigure()
		}
	default:
		return fmt.Errorf("unexpected %s message from the theory worker", e.Kind)
	}
	return nil
}

// studyReport applies a worker's report about the trial of slot e.Run.
func (h *Hub) studyReport(e message.Envelope, snap []byte) error {
	switch e.Kind {
	case message.Problem:
		e.Run = 0
		h.page.Post(e)
		return nil
	case message.Images:
		return nil // a figure shows no memory wall
	}
	assign, result, err := h.Study.Receive(e.Run, e, snap)
	if err != nil {
		return err
	}
	h.assign(assign)
	if result { // the figure changes only when a trial ends: between, nothing to repaint
		h.dirty = true
		h.showFigure()
	}
	return nil
}
