package relay

import (
	"math"
	"testing"

	"genlab/app/message"
	"genlab/sim"
)

// lastLook returns the last Inspected the page heard.
func (p *page) lastLook() *message.Look {
	for i := len(p.got) - 1; i >= 0; i-- {
		if p.got[i].Kind == message.Inspected {
			return p.got[i].Look
		}
	}
	return nil
}

// The page's Inspect of an example of the random-labels run: the page hears at once the
// image and labels of that example (the same data as sim builds natively from the same
// settings), the worker computes its probabilities, and they reach the page as training
// goes on; a bad Inspect is refused, and closing stops the worker's work.
func TestHubInspects(t *testing.T) {
	h := newHarness(t, 2)
	h.hub.Start(message.Envelope{}, false)
	must(t, h.hub.Command(message.Envelope{Kind: message.Setup, Query: quick, Runs: sim.DefaultVariants()}))
	h.deliver()
	h.hub.Tick(h.clock)

	base, err := sim.ParseQuery(quick)
	must(t, err)
	run, err := sim.NewRun(sim.DefaultVariants().Configs(base)[1])
	must(t, err)
	want := run.Train()

	const ex = 5
	must(t, h.hub.Command(message.Envelope{Kind: message.Inspect, Look: &message.Look{Run: 1, Example: ex}}))
	l := h.page.lastLook()
	if l == nil || l.Run != 1 || l.Example != ex || l.Examples != want.Len() {
		t.Fatalf("Inspected %+v, want run 1, example %d of %d", l, ex, want.Len())
	}
	if l.Given != want.Labels[ex] || l.True != want.True[ex] || l.Pred != -1 || l.Side != want.Side {
		t.Errorf("Inspected given %d, true %d, pred %d, side %d; want %d, %d, -1, %d",
			l.Given, l.True, l.Pred, l.Side, want.Labels[ex], want.True[ex], want.Side)
	}
	for k, v := range want.At(ex) {
		if b := byte(min(max(v, 0), 1)*255 + 0.5); l.Pixels[k] != b {
			t.Fatalf("pixel %d = %d, want %d", k, l.Pixels[k], b)
		}
	}
	if _, err := message.Decode(message.Encode(message.Envelope{Kind: message.Inspected, Look: l})); err != nil {
		t.Errorf("the Inspected does not decode: %v", err)
	}
	if r, e, ok := h.hub.Inspecting(); !ok || r != 1 || e != ex {
		t.Errorf("Inspecting() = %d, %d, %v", r, e, ok)
	}

	must(t, h.hub.Command(message.Envelope{Kind: message.Play}))
	h.train()
	l = h.page.lastLook()
	if len(l.Probs) != l.Classes || l.Epoch != 3 {
		t.Fatalf("after training: %+v", l)
	}
	sum, best := 0.0, 0
	for k, p := range l.Probs {
		sum += p
		if p > l.Probs[best] {
			best = k
		}
	}
	if math.Abs(sum-1) > 1e-9 || best != l.Pred {
		t.Errorf("probabilities %v (sum %v), most likely %d, predicted %d", l.Probs, sum, best, l.Pred)
	}

	for _, bad := range []message.Look{{Run: 2}, {Run: 1, Example: want.Len()}} {
		if err := h.hub.Command(message.Envelope{Kind: message.Inspect, Look: &bad}); err == nil {
			t.Errorf("Inspect %+v taken", bad)
		}
	}
	must(t, h.hub.Command(message.Envelope{Kind: message.Inspect}))
	if _, _, ok := h.hub.Inspecting(); ok {
		t.Error("still inspecting after closing")
	}
	n := h.page.count(message.Inspected)
	must(t, h.hub.Command(message.Envelope{Kind: message.Reset}))
	for _, r := range h.lanes[1].outbox { // the worker's answers to Reset, not yet delivered
		if r.e.Look != nil {
			t.Error("the worker still computes probabilities after closing")
		}
	}
	h.train()
	if h.page.count(message.Inspected) != n {
		t.Error("the page still hears of the example after closing")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// The page's Zoom sets the scene's zoom at once, before a Setup as after it, and during a
// figure too; it sends the workers nothing.
func TestHubZooms(t *testing.T) {
	h := newHarness(t, 1)
	h.hub.Start(message.Envelope{}, false)
	must(t, h.hub.Command(message.Envelope{Kind: message.Zoom, Zoom: 3}))
	if h.hub.Scene.Zoom != 3 {
		t.Fatalf("zoom %d before a Setup, want 3", h.hub.Scene.Zoom)
	}
	must(t, h.hub.Command(message.Envelope{Kind: message.Setup, Query: quick, Runs: sim.DefaultVariants()}))
	h.deliver()
	h.hub.News()
	must(t, h.hub.Command(message.Envelope{Kind: message.Zoom}))
	if rebuilt := h.hub.News(); h.hub.Scene.Zoom != 0 || !rebuilt {
		t.Errorf("zoom %d, repaint %v after Zoom 0; want 0, true", h.hub.Scene.Zoom, rebuilt)
	}
}
