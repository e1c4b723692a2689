package screen

import (
	"sync"

	"genlab/app/message"
)

// Inbox is the queue between the browser's callbacks, which put in it what the page and
// the workers post and what the pointer does, and the game loop, whose Loop.Update takes
// it all out at each tick, in order (a click lands on the scene its earlier messages made).
// It is safe for concurrent use; the zero Inbox is empty and ready.
type Inbox struct {
	mu     sync.Mutex
	events []event
}

// event is something that happened outside the game loop: a command from the page, a
// report from a worker, or the pointer's move or click.
type event struct {
	pointer  pointerAction // none for a message
	x, y     int           // the pointer's, in canvas pixels
	fromPage bool
	worker   int // which worker reported (fromPage false); the run is msg.Run
	msg      message.Envelope
	snap     []byte // a Ready's or Metrics' snapshot bytes, owned by the event
}

// FromPage queues a message of the page.
func (in *Inbox) FromPage(e message.Envelope) {
	in.put(event{fromPage: true, msg: e})
}

// FromWorker queues a message of worker number worker, with the snapshot's bytes of a
// Ready or Metrics (or nil). The inbox keeps snap: the caller must not reuse it.
func (in *Inbox) FromWorker(worker int, e message.Envelope, snap []byte) {
	in.put(event{worker: worker, msg: e, snap: snap})
}

// pointerAction is what the pointer did.
type pointerAction int

const (
	noPointer pointerAction = iota
	pointerMoved
	pointerClicked
)

// Pointer queues where the pointer now is, in canvas pixels; (-1, -1), or anywhere off the
// canvas, is none: it left.
func (in *Inbox) Pointer(x, y int) { in.put(event{pointer: pointerMoved, x: x, y: y}) }

// Click queues a click, or a tap, that ended at (x, y) in canvas pixels.
func (in *Inbox) Click(x, y int) { in.put(event{pointer: pointerClicked, x: x, y: y}) }

func (in *Inbox) put(e event) {
	in.mu.Lock()
	in.events = append(in.events, e)
	in.mu.Unlock()
}

// take returns the queued events, oldest first, and leaves the inbox empty, keeping
// spare (emptied) as its next queue so that a busy canvas reuses two slices.
func (in *Inbox) take(spare []event) []event {
	in.mu.Lock()
	defer in.mu.Unlock()
	got := in.events
	in.events = spare[:0]
	return got
}
