package trainer

import (
	"fmt"
	"net/url"
	"strconv"
	"time"

	"genlab/app/message"
	"genlab/sim"
)

// Host trains the runs a worker is given, in turns: the canvas starts one worker per core
// it can spare, and gives each its share of the runs (see relay.Pool in app/relay). Every
// message it handles or posts is about one run, named by Envelope.Run.
//
// It posts Ready{Run} once it has built a run, and Images{Run} with the run's training
// images right after (message.AppendImages), then Metrics{Run} with the run's snapshot
// bytes (message.AppendSnapshot) after every command, at every epoch's end and every
// reportEvery while the run trains; a bad Setup or command is a Problem{Run}. The bytes
// passed to post are reused by the next post.
type Host struct {
	now  func() time.Time
	post func(e message.Envelope, snapshot []byte)
	runs []*hosted // by run index; nil for the runs of other workers
	buf  []byte
}

// hosted is one run of a Host.
type hosted struct {
	tr       *Trainer
	snap     sim.Snapshot
	lastPost time.Time

	// look is the training example the page inspects, -1 for none: every report of the
	// run then carries its probabilities (probs, reused), computed with the weights of the
	// moment between two steps (sim.Run.Probs), so that the inspector follows training.
	look  int
	probs []float64
}

// reportEvery is how often a run reports while it trains, besides every epoch's end.
const reportEvery = 200 * time.Millisecond

// NewHost returns a host with no runs; now is the clock (time.Now), post sends a
// message (and a snapshot's bytes, or nil) to the canvas.
func NewHost(now func() time.Time, post func(e message.Envelope, snapshot []byte)) *Host {
	return &Host{now: now, post: post}
}

// Handle applies a message of the canvas: Setup builds run e.Run (replacing any run of
// that index), the commands go to run e.Run. It returns an error for a message it
// ignores (the worker logs it); a Setup or command that fails is posted as a Problem.
//
// A Setup of the very run the host already holds, untouched (see Prebuild), is not built
// again: building is deterministic, so the host only answers Ready.
func (h *Host) Handle(e message.Envelope) error {
	switch e.Kind {
	case message.Setup:
		if e.Run >= len(h.runs) || h.runs[e.Run] == nil || !h.runs[e.Run].tr.Untouched(e.Query) {
			if err := h.build(e.Run, e.Query); err != nil {
				h.post(message.Envelope{Kind: message.Problem, Run: e.Run, Error: err.Error()}, nil)
				return nil
			}
		}
		h.report(e.Run, message.Ready)
		h.postImages(e.Run)
	case message.Play, message.Pause, message.Step, message.Reset, message.Speed:
		if e.Run >= len(h.runs) || h.runs[e.Run] == nil {
			return fmt.Errorf("%s for run %d, which this worker was not given", e.Kind, e.Run)
		}
		if err := h.runs[e.Run].tr.Handle(e); err != nil {
			h.post(message.Envelope{Kind: message.Problem, Run: e.Run, Error: err.Error()}, nil)
			return nil
		}
		h.report(e.Run, message.Metrics)
	case message.Inspect:
		// The canvas asks for an example's probabilities (Look), or for none (nil). The
		// answer is the run's next report, sent at once.
		if e.Run >= len(h.runs) || h.runs[e.Run] == nil {
			return fmt.Errorf("%s for run %d, which this worker was not given", e.Kind, e.Run)
		}
		r := h.runs[e.Run]
		r.look = -1
		if e.Look != nil && e.Look.Example < r.tr.Run().Train().Len() {
			r.look = e.Look.Example
		}
		h.report(e.Run, message.Metrics)
	default:
		return fmt.Errorf("a %s message is not for a worker", e.Kind)
	}
	return nil
}

// build builds run i from query, replacing any run of that index.
func (h *Host) build(i int, query string) error {
	tr, err := New(query, h.now)
	if err != nil {
		return err
	}
	for len(h.runs) <= i {
		h.runs = append(h.runs, nil)
	}
	h.runs[i] = &hosted{tr: tr, look: -1}
	return nil
}

// Prebuild builds, before the canvas asks, this worker's share of the runs of setup: the
// page's Setup (base settings and variants, as the canvas got it in its address) for a
// pool of workers workers, of which this is worker number worker (it trains the runs i
// with i mod workers = worker; see relay.Pool). It posts nothing: when the canvas's own
// Setup of each run arrives, Handle finds the run built and only answers Ready. A guess
// that turns out wrong (the page changed its mind) costs only the time it took.
//
// Why: the canvas's thread is busy for a second or more while it starts (Ebitengine, its
// own images); a worker that waits for the canvas's Setup builds its runs only after.
func (h *Host) Prebuild(setup message.Envelope, worker, workers int) error {
	if setup.Kind != message.Setup || workers < 1 || worker < 0 || worker >= workers {
		return fmt.Errorf("prebuild: worker %d of %d, %s message", worker, workers, setup.Kind)
	}
	base, err := sim.ParseQuery(setup.Query)
	if err != nil {
		return fmt.Errorf("prebuild: %w", err)
	}
	cfgs := setup.Runs.Configs(base)
	for i := worker; i < len(cfgs); i += workers {
		if err := h.build(i, cfgs[i].Encode()); err != nil {
			return fmt.Errorf("prebuild: %w", err)
		}
	}
	return nil
}

// ParseName reads what a worker's name says to prebuild (see Prebuild): the canvas
// starts its workers with the name "worker=I&workers=N&setup=<the page's Setup as JSON>",
// query-escaped (the name, not the address, because a service worker answering for
// worker.js gives the worker the address of its cached copy, without query or hash).
// ok is false for a worker without a name (one started later, for a larger lab); a name
// that cannot be read is an error.
func ParseName(name string) (setup message.Envelope, worker, workers int, ok bool, err error) {
	if name == "" {
		return message.Envelope{}, 0, 0, false, nil
	}
	q, err := url.ParseQuery(name)
	if err == nil {
		worker, err = strconv.Atoi(q.Get("worker"))
	}
	if err == nil {
		workers, err = strconv.Atoi(q.Get("workers"))
	}
	if err == nil {
		setup, err = message.Decode(q.Get("setup"))
	}
	if err != nil {
		return message.Envelope{}, 0, 0, false, fmt.Errorf("worker name %q: %w", name, err)
	}
	return setup, worker, workers, true, nil
}

// PrebuildNamed prebuilds what a worker's name asks for (see ParseName and Prebuild):
// nothing for a worker without a name.
func (h *Host) PrebuildNamed(name string) error {
	setup, worker, workers, ok, err := ParseName(name)
	if err != nil || !ok {
		return err
	}
	return h.Prebuild(setup, worker, workers)
}

// turnSlice is how long a worker trains before it comes up for air to receive commands.
const turnSlice = 50 * time.Millisecond

// Serve is a worker's life: it applies the canvas's messages from inbox as they come and
// trains the busy runs in turns between them, sleeping (at least a millisecond, so that
// the browser's event loop can deliver the next message) for as long as the runs' speed
// asks. It returns once inbox is closed and no run has training left; warn gets the
// messages it ignores.
func (h *Host) Serve(inbox <-chan message.Envelope, warn func(string)) {
	handle := func(e message.Envelope) {
		if err := h.Handle(e); err != nil {
			warn("ignored a message: " + err.Error())
		}
	}
	for {
		if !h.Busy() {
			e, ok := <-inbox // nothing to do: sleep until told
			if !ok {
				return
			}
			handle(e)
		}
		for len(inbox) > 0 {
			handle(<-inbox)
		}
		if h.Busy() {
			time.Sleep(max(h.Turn(turnSlice), time.Millisecond))
		}
	}
}

// Busy reports whether any run has training to do.
func (h *Host) Busy() bool {
	for _, r := range h.runs {
		if r != nil && r.tr.Busy() {
			return true
		}
	}
	return false
}

// Turn trains every busy run for its share of slice, reports what is due, and returns
// how long to wait before the next turn (0: at once) at the runs' speeds.
func (h *Host) Turn(slice time.Duration) (wait time.Duration) {
	busy := 0
	for _, r := range h.runs {
		if r != nil && r.tr.Busy() {
			busy++
		}
	}
	if busy == 0 {
		return 0
	}
	wait = -1
	for i, r := range h.runs {
		if r == nil || !r.tr.Busy() {
			continue
		}
		ended := r.tr.Work(slice / time.Duration(busy))
		if ended || !r.tr.Busy() || h.now().Sub(r.lastPost) >= reportEvery {
			h.report(i, message.Metrics)
		}
		if r.tr.Busy() && (wait < 0 || r.tr.Wait() < wait) {
			wait = r.tr.Wait()
		}
	}
	return max(wait, 0)
}

// postImages posts run i's training images (message.Images), which the canvas shows: it
// gets them with every Ready, since a Setup gives it new runs without images.
func (h *Host) postImages(i int) {
	h.buf = message.AppendImages(h.buf[:0], h.runs[i].tr.Run().Train())
	h.post(message.Envelope{Kind: message.Images, Run: i}, h.buf)
}

// report posts run i's numbers and its snapshot.
func (h *Host) report(i int, kind message.Kind) {
	r := h.runs[i]
	r.tr.Snapshot(&r.snap)
	h.buf = message.AppendSnapshot(h.buf[:0], &r.snap)
	e := message.Envelope{Kind: kind, Run: i, Playing: r.tr.Busy(), Stats: []message.RunStats{r.tr.Stats()}}
	if r.look >= 0 && kind == message.Metrics {
		r.probs = r.tr.Run().Probs(r.look, r.probs)
		e.Look = &message.Look{Run: i, Example: r.look, Classes: len(r.probs), Probs: r.probs}
	}
	h.post(e, h.buf)
	r.lastPost = h.now()
}
