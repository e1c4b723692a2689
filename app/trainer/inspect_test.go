package trainer

import (
	"math"
	"testing"
	"time"

	"genlab/app/message"
	"genlab/sim"
)

// An Inspect makes every later report of the run carry the example's probabilities, at
// once and as training goes on, and leaves the training itself as it would have been.
func TestHostInspectsAnExample(t *testing.T) {
	train := func(inspect bool) (*posted, sim.Snapshot) {
		clock := &fakeClock{tick: time.Millisecond}
		var out posted
		h := NewHost(clock.now, out.post)
		must(t, h.Handle(message.Envelope{Kind: message.Setup, Query: quick, Run: 1}))
		if inspect {
			must(t, h.Handle(message.Envelope{Kind: message.Inspect, Run: 1, Look: &message.Look{Run: 1, Example: 9}}))
			e, ok := out.last(message.Metrics, 1)
			if !ok || e.Look == nil || e.Look.Example != 9 || len(e.Look.Probs) != 10 {
				t.Fatalf("the answer to Inspect: %+v", e.Look)
			}
		}
		must(t, h.Handle(message.Envelope{Kind: message.Play, Run: 1}))
		for range 1000 {
			if !h.Busy() {
				break
			}
			h.Turn(50 * time.Millisecond)
		}
		var s sim.Snapshot
		h.runs[1].tr.Snapshot(&s)
		return &out, s
	}
	out, looked := train(true)
	_, plain := train(false)
	if looked.Steps != plain.Steps || len(looked.History) != len(plain.History) ||
		looked.History[len(looked.History)-1] != plain.History[len(plain.History)-1] {
		t.Errorf("inspecting changed the training: %+v, want %+v", looked.History, plain.History)
	}
	reports := 0
	for _, e := range out.msgs {
		if e.Kind != message.Metrics {
			continue
		}
		reports++
		if e.Look == nil {
			t.Fatalf("a report without the inspected example")
		}
		sum := 0.0
		for _, p := range e.Look.Probs {
			sum += p
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("probabilities %v sum to %v", e.Look.Probs, sum)
		}
		if _, err := message.Decode(message.Encode(e)); err != nil {
			t.Errorf("the report does not decode: %v", err)
		}
	}
	if reports < 2 {
		t.Errorf("%d reports", reports)
	}
}

// Inspect with no Look stops the probabilities; an Inspect of a run the worker was not
// given is refused.
func TestHostStopsInspecting(t *testing.T) {
	var out posted
	h := NewHost((&fakeClock{tick: time.Millisecond}).now, out.post)
	must(t, h.Handle(message.Envelope{Kind: message.Setup, Query: quick}))
	must(t, h.Handle(message.Envelope{Kind: message.Inspect, Look: &message.Look{Example: 3}}))
	must(t, h.Handle(message.Envelope{Kind: message.Inspect}))
	if e, _ := out.last(message.Metrics, 0); e.Look != nil {
		t.Errorf("still inspecting: %+v", e.Look)
	}
	if err := h.Handle(message.Envelope{Kind: message.Inspect, Run: 2, Look: &message.Look{Run: 2}}); err == nil {
		t.Error("an Inspect of another worker's run was taken")
	}
}
