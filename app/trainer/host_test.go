package trainer

import (
	"testing"
	"time"

	"genlab/app/message"
)

// posted records what a Host posts.
type posted struct{ msgs []message.Envelope }

func (p *posted) post(e message.Envelope, snap []byte) {
	if (e.Kind == message.Ready || e.Kind == message.Metrics) != (snap != nil) {
		panic("a report without its snapshot, or a snapshot without a report")
	}
	p.msgs = append(p.msgs, e)
}

func (p *posted) last(kind message.Kind, run int) (message.Envelope, bool) {
	for i := len(p.msgs) - 1; i >= 0; i-- {
		if e := p.msgs[i]; e.Kind == kind && e.Run == run {
			return e, true
		}
	}
	return message.Envelope{}, false
}

// A host trains the runs it was given in turns, each reporting under its own index.
func TestHostTrainsItsRunsInTurns(t *testing.T) {
	clock := &fakeClock{tick: time.Millisecond}
	var out posted
	h := NewHost(clock.now, out.post)
	for _, run := range []int{1, 3} { // another worker has runs 0 and 2
		must(t, h.Handle(message.Envelope{Kind: message.Setup, Query: quick, Run: run}))
		if _, ok := out.last(message.Ready, run); !ok {
			t.Fatalf("no Ready for run %d", run)
		}
	}
	if h.Busy() {
		t.Fatal("busy before Play")
	}
	for _, run := range []int{1, 3} {
		must(t, h.Handle(message.Envelope{Kind: message.Play, Run: run}))
	}
	for range 1000 {
		if !h.Busy() {
			break
		}
		h.Turn(50 * time.Millisecond)
	}
	for _, run := range []int{1, 3} {
		e, ok := out.last(message.Metrics, run)
		if !ok || len(e.Stats) != 1 || e.Stats[0].Epoch != 5 || e.Playing {
			t.Errorf("run %d's last report %+v, want 5 epochs, not playing", run, e)
		}
	}
}

func TestHostRejects(t *testing.T) {
	var out posted
	h := NewHost(time.Now, out.post)
	if err := h.Handle(message.Envelope{Kind: message.Play, Run: 2}); err == nil {
		t.Error("Play for a run it was not given accepted")
	}
	if err := h.Handle(message.Envelope{Kind: message.Hello}); err == nil {
		t.Error("Hello accepted")
	}
	must(t, h.Handle(message.Envelope{Kind: message.Setup, Query: "side=40", Run: 1}))
	if e, ok := out.last(message.Problem, 1); !ok || e.Error == "" {
		t.Errorf("a bad Setup posted %+v, want a Problem about run 1", out.msgs)
	}
}
