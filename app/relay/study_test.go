package relay

import (
	"testing"

	"genlab/app/compute"
	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/figure"
)

// A figure made on the workers: Ready at once with its trials counted, then, once
// played, every trial trained on a free worker and its summary taken, the very one the
// run computes natively, so the browser's figure is the command line's.
func TestHubMakesAFigure(t *testing.T) {
	h := newHarness(t, 2)
	setup := message.Envelope{Kind: message.Setup, Query: "train=64&test=32&width=16&side=8&epochs=6", Figure: &message.FigureSetup{Kind: "sweep", Levels: 3}}
	h.hub.Command(setup)
	if h.page.count(message.Ready) != 1 || h.hub.Study == nil {
		t.Fatalf("page heard %+v, want Ready", h.page.got)
	}
	if p := h.page.got[len(h.page.got)-1].Progress; p == nil || p.Total != 3 || p.Done != 0 {
		t.Fatalf("Ready's progress %+v, want 0 of 3", p)
	}
	h.hub.Command(message.Envelope{Kind: message.Play})
	h.train()
	last := h.page.got[len(h.page.got)-1]
	if last.Kind != message.Metrics || last.Progress == nil || last.Progress.Done != 3 || last.Playing {
		t.Fatalf("last report %+v, want Metrics of 3 trials done, not playing", last)
	}
	if v := h.hub.Scene.Figure; v == nil || v.Done != 3 || v.Total != 3 || v.State != "done" || len(v.Plots) != 2 || len(v.Plots[0].Series[0].Points) != 3 {
		t.Errorf("the canvas's figure %+v, want the sweep done, its 3 points in 2 charts", v)
	}
	f := h.hub.Study.Figure
	for i, tr := range f.Trials {
		r, err := sim.NewRun(tr.Config)
		if err != nil {
			t.Fatal(err)
		}
		r.RunToEnd()
		got, done := f.Result(i)
		want := r.Summary()
		if !done || message.Encode(message.Envelope{Kind: message.Metrics, Stats: []message.RunStats{{Summary: &got.Summary}}}) !=
			message.Encode(message.Envelope{Kind: message.Metrics, Stats: []message.RunStats{{Summary: &want}}}) {
			t.Errorf("trial %s: summary %+v, want %+v", tr.Key, got.Summary, want)
		}
		if len(got.History) != len(r.History()) {
			t.Errorf("trial %s: %d epochs of history, want %d", tr.Key, len(got.History), len(r.History()))
		}
	}
	cells := map[string]bool{}
	for _, c := range last.Progress.Cells {
		cells[c.Key+" "+c.Metric] = true
	}
	for _, want := range []string{"p=0 test-error", "p=0.5 steps-to-fit", "p=1 train-acc"} {
		if !cells[want] {
			t.Errorf("the page's cells lack %s: %+v", want, last.Progress.Cells)
		}
	}
}

// Pause stops the trials where they are and hands out no more; Play goes on; Reset
// starts the figure over; a Setup of runs side by side pauses the figure's workers.
func TestHubPausesAFigure(t *testing.T) {
	h := newHarness(t, 1)
	h.hub.Command(message.Envelope{Kind: message.Setup, Query: quick, Figure: &message.FigureSetup{Kind: "table1"}})
	h.hub.Command(message.Envelope{Kind: message.Play})
	h.deliver()
	// One worker: one trial at a time.
	if got := h.hub.Study.schedule.Running(); len(got) != 1 || got[0] != 0 {
		t.Fatalf("running %v, want trial 0 on the one worker", got)
	}
	h.hub.Command(message.Envelope{Kind: message.Pause})
	if got := h.hub.Scene.Figure.State; got != "paused" {
		t.Errorf("state %q after a pause, want paused", got)
	}
	h.train() // nothing trains while paused
	if done, _ := h.hub.Study.schedule.Progress(); done != 0 || h.lanes[0].host.Busy() {
		t.Fatalf("%d trials done, worker busy %v while paused", done, h.lanes[0].host.Busy())
	}
	h.hub.Command(message.Envelope{Kind: message.Play})
	for range 200 {
		if done, _ := h.hub.Study.schedule.Progress(); done >= 2 {
			break
		}
		h.lanes[0].host.Turn(50e6)
		h.deliver()
	}
	if done, _ := h.hub.Study.schedule.Progress(); done < 2 {
		t.Fatalf("%d trials done after playing on, want at least 2", done)
	}
	h.hub.Command(message.Envelope{Kind: message.Reset})
	if done, total := h.hub.Study.schedule.Progress(); done != 0 || total != 2*len(figure.Regularizers()) || h.hub.Study.Slots.Playing {
		t.Errorf("after Reset: %d of %d done, playing %v; want 0 of %d, paused", done, total, h.hub.Study.Slots.Playing, 2*len(figure.Regularizers()))
	}
	h.hub.Command(message.Envelope{Kind: message.Play})
	h.deliver()
	h.hub.Command(message.Envelope{Kind: message.Setup, Query: quick, Runs: sim.DefaultVariants()})
	if h.hub.Study != nil || h.hub.Bench == nil || h.hub.Scene.Figure != nil {
		t.Fatal("a Setup of runs did not replace the figure")
	}
	h.deliver()
	if h.lanes[0].host.Busy() {
		t.Error("the worker still trains after a Setup of runs, before Play")
	}
}

func TestHubRefusesAComputedFigure(t *testing.T) {
	h := newHarness(t, 1)
	h.hub.Command(message.Envelope{Kind: message.Setup, Query: quick, Figure: &message.FigureSetup{Kind: "theorem1"}})
	if h.page.count(message.Problem) != 1 || h.hub.Study != nil {
		t.Errorf("page heard %v, want a Problem and no study", h.page.kinds())
	}
}

// theorist is an in-process theory worker: app/compute answering the hub's Compute
// messages, its answers delivered later, one at a time, as the browser delivers them.
type theorist struct {
	outbox     []message.Envelope
	terminated bool
}

func (w *theorist) Terminate() { w.terminated = true }

func (w *theorist) Post(text string) {
	e, err := message.Decode(text)
	if err != nil {
		panic(err)
	}
	reply, err := compute.Answer(e)
	if err != nil {
		panic(err)
	}
	w.outbox = append(w.outbox, reply)
}

// A computed figure goes to the theory worker, started at the first such figure and
// given its trials after its Hello, one at a time; the answers fill the figure in.
func TestHubComputesAFigure(t *testing.T) {
	h := newHarness(t, 2)
	var th *theorist
	started := 0
	h.hub.StartTheory = func() Worker {
		started++
		th = &theorist{outbox: []message.Envelope{{Kind: message.Hello}}}
		return th
	}
	h.hub.Command(message.Envelope{Kind: message.Setup, Query: "train=200&test=100", Figure: &message.FigureSetup{Kind: "theorem1"}})
	if started != 0 || h.page.count(message.Ready) != 1 {
		t.Fatalf("theory worker started %d times before Play; page heard %v", started, h.page.kinds())
	}
	h.hub.Command(message.Envelope{Kind: message.Play})
	for range 10 {
		out := th.outbox
		th.outbox = nil
		for _, e := range out {
			if err := h.hub.Report(TheoryWorker, e, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	f := h.hub.Study.Figure
	if f.Done() != 2 || started != 1 {
		t.Fatalf("%d of 2 trials computed, theory worker started %d times", f.Done(), started)
	}
	for _, c := range f.Cells() {
		if c.Metric == figure.TrainAcc && c.Value != 1 {
			t.Errorf("%s: Theorem 1's network fits %.3f of its points, want all", c.Key, c.Value)
		}
	}
	if v := h.hub.Scene.Figure; v.State != "done" || len(v.Cells) == 0 {
		t.Errorf("the canvas's figure %+v, want done with its cells", v)
	}
	// And the canvas draws the construction of each: true labels, then random ones.
	if v := h.hub.Scene.Figure; len(v.Pictures) != 2 || v.Pictures[0].Key != "labels=true" || v.Pictures[1].Key != "labels=random" || v.Pictures[1].N != 200 {
		t.Errorf("the canvas's pictures %d, want true and random labels' constructions of 200 points", len(v.Pictures))
	}
	// An answer about a figure shown before changes nothing.
	h.hub.Command(message.Envelope{Kind: message.Setup, Query: "train=200&test=100", Figure: &message.FigureSetup{Kind: "kernel", Levels: 2}})
	stale := message.Envelope{Kind: message.Computed, Trial: 0, Query: "train=200&test=100", Values: map[string]float64{figure.TrainAcc: 1}}
	h.hub.Command(message.Envelope{Kind: message.Play})
	if err := h.hub.Report(TheoryWorker, stale, nil); err != nil || h.hub.Study.Figure.Done() != 0 {
		t.Errorf("a stale answer counted: %v, %d done", err, h.hub.Study.Figure.Done())
	}
}

// Reset in the middle of a computation stops the theory worker, which would otherwise
// go on solving for minutes on a core; the next Play starts a new one. A reset between
// computations leaves it be.
func TestHubStopsAComputationNoLongerWanted(t *testing.T) {
	h := newHarness(t, 2)
	var workers []*theorist
	h.hub.StartTheory = func() Worker {
		th := &theorist{outbox: []message.Envelope{{Kind: message.Hello}}}
		workers = append(workers, th)
		return th
	}
	deliverHello := func(th *theorist) {
		hello := th.outbox[0]
		th.outbox = th.outbox[1:]
		if err := h.hub.Report(TheoryWorker, hello, nil); err != nil {
			t.Fatal(err)
		}
	}
	h.hub.Command(message.Envelope{Kind: message.Setup, Query: "train=100&test=50", Figure: &message.FigureSetup{Kind: "theorem1"}})
	h.hub.Command(message.Envelope{Kind: message.Play})
	deliverHello(workers[0]) // the first trial is sent, and computed: its answer not yet delivered
	if len(workers[0].outbox) != 1 || workers[0].outbox[0].Kind != message.Computed {
		t.Fatalf("the theory worker's outbox %v, want one Computed", workers[0].outbox)
	}
	h.hub.Command(message.Envelope{Kind: message.Reset})
	if !workers[0].terminated {
		t.Fatal("Reset left the theory worker computing")
	}
	h.hub.Command(message.Envelope{Kind: message.Play})
	if len(workers) != 2 {
		t.Fatalf("Play after Reset started %d theory workers in all, want 2", len(workers))
	}
	deliverHello(workers[1])
	for len(workers[1].outbox) > 0 {
		e := workers[1].outbox[0]
		workers[1].outbox = workers[1].outbox[1:]
		if err := h.hub.Report(TheoryWorker, e, nil); err != nil {
			t.Fatal(err)
		}
	}
	if done := h.hub.Study.Figure.Done(); done != 2 {
		t.Fatalf("%d of 2 trials computed by the new worker", done)
	}
	h.hub.Command(message.Envelope{Kind: message.Reset})
	if workers[1].terminated {
		t.Error("Reset of a figure computed to the end terminated its idle theory worker")
	}
}
