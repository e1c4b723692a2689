package screen

import (
	"sync"

	"genlab/app/message"
)

// Inbox is the queue between the browser's callbacks, which put in it what the page and
// the workers post, and the game loop, whose Loop.Update takes it all out at each tick.
// It is safe for concurrent use; the zero Inbox is empty and ready.
type Inbox struct {
	mu     sync.Mutex
	events []event
}

// event is something that happened outside the game loop: a command from the page, or
// a report from a worker.
type event struct {
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
