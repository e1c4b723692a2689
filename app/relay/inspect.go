package relay

import (
	"fmt"
	"time"

	"genlab/app/message"
)

// The inspector (see message/inspect.go): the hub remembers the one training example the
// student inspects, asks that run's worker for its probabilities, and tells the page
// everything the inspector shows: at once when the example changes, then with the run's
// numbers as it trains. It is the hub's and not the page's to fill in, because the
// canvas holds the run's images and snapshot, the very ones the wall is painted from, so
// that the inspector and the wall never disagree.

// inspection is the example being inspected.
type inspection struct {
	on           bool
	run, example int
	probs        []float64 // from the worker, for this example; empty until it answers
	due          bool      // the page has not seen the latest
	last         time.Time // when the page was last told
}

// Inspecting returns the run and example being inspected, ok false when none: the canvas
// frames its tile on the wall.
func (h *Hub) Inspecting() (run, example int, ok bool) {
	return h.look.run, h.look.example, h.look.on && h.Bench != nil
}

// Inspect opens the inspector on example of run, as a click on its tile does, or moves
// it there; a run or example that does not exist is an error.
func (h *Hub) Inspect(run, example int) error {
	if h.Bench == nil || h.Study != nil || run < 0 || run >= len(h.Bench.Lanes) {
		return fmt.Errorf("inspect run %d: no such run", run)
	}
	if n := h.Bench.Lanes[run].Config.TrainingExamples(); example < 0 || example >= n {
		return fmt.Errorf("inspect example %d of a run of %d", example, n)
	}
	if h.look.on && h.look.run != run {
		h.pool.Send(h.look.run, message.Envelope{Kind: message.Inspect})
	}
	h.look = inspection{on: true, run: run, example: example, probs: h.look.probs[:0], due: true}
	h.pool.Send(run, message.Envelope{Kind: message.Inspect, Look: &message.Look{Run: run, Example: example}})
	h.postLook(time.Time{})
	h.rebuilt = true // the wall frames the inspected tile
	return nil
}

// CloseInspector stops inspecting; the worker stops computing probabilities.
func (h *Hub) CloseInspector() {
	if h.look.on && h.Bench != nil && h.Study == nil {
		h.pool.Send(h.look.run, message.Envelope{Kind: message.Inspect})
	}
	h.look.on, h.look.due = false, false
	h.rebuilt = true
}

// inspectCommand applies the page's Inspect: a Look opens or moves the inspector, none
// closes it.
func (h *Hub) inspectCommand(e message.Envelope) error {
	if e.Look == nil {
		h.CloseInspector()
		return nil
	}
	return h.Inspect(e.Look.Run, e.Look.Example)
}

// lookReport takes the probabilities a worker's report of run carries, if they are of
// the example inspected, and notes that the page has news either way.
func (h *Hub) lookReport(run int, l *message.Look) {
	if !h.look.on || h.look.run != run {
		return
	}
	if l != nil && l.Example == h.look.example {
		h.look.probs = append(h.look.probs[:0], l.Probs...)
	}
	h.look.due = true
}

// postLook tells the page what is inspected, if it has news and was last told at least
// MetricsEvery before now (zero now: at once).
func (h *Hub) postLook(now time.Time) {
	if !h.look.on || !h.look.due || h.Bench == nil || !now.IsZero() && now.Sub(h.look.last) < MetricsEvery {
		return
	}
	lane := &h.Bench.Lanes[h.look.run]
	if lane.Images.Len() == 0 {
		return // the worker has not sent them yet: the Images report posts it
	}
	im, snap, i := &lane.Images, &lane.Snap, h.look.example
	if i >= im.Len() {
		return
	}
	l := &message.Look{
		Run: h.look.run, Example: i, Examples: im.Len(), Classes: lane.Config.Classes,
		Side: im.Side, Given: im.Labels[i], True: im.Labels[i], Pred: -1, Epoch: snap.Epoch,
	}
	if i < len(im.True) {
		l.True = im.True[i]
	}
	l.Pixels = make([]byte, im.Side*im.Side)
	for k, v := range im.At(i) {
		l.Pixels[k] = byte(min(max(v, 0), 1)*255 + 0.5)
	}
	if i < len(snap.Pred) && snap.Epoch > 0 {
		l.Pred = int(snap.Pred[i])
	}
	if i < len(snap.Fitted) {
		l.Fitted, l.FirstFit = snap.Fitted[i], int(min(int(snap.FirstFit[i]), snap.Epoch))
	}
	if len(h.look.probs) == l.Classes {
		l.Probs = h.look.probs
	}
	h.page.Post(message.Envelope{Kind: message.Inspected, Look: l})
	h.look.due, h.look.last = false, now
}
