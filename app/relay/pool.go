package relay

import "genlab/app/message"

// Worker is a started training worker, as the pool sees it: something to post encoded
// messages to.
type Worker interface {
	Post(text string)
}

// Pool spreads the runs of a lab over a fixed number of workers: run i trains on worker
// i mod size, in turns with the others of that worker (see app/trainer.Host).
//
// Why not a worker per run: on a machine of two cores, two workers training flat out
// leave no core to the page and the canvas, whose frames then take 70 ms instead of 17.
// The canvas (web/canvas.js) sizes the pool to the cores it can spare
// (navigator.hardwareConcurrency − 1, at least one).
//
// Workers start before the canvas's own binary does (web/canvas.js), so that they load
// and compile their WebAssembly, and build the runs in the canvas's address, while
// Ebitengine starts; they are kept across setups, so a new Setup rebuilds runs without
// paying for new instances. Messages to a worker wait in a queue until its Hello.
type Pool struct {
	size    int
	start   func(index int) Worker
	workers []*pooled
	runs    int // the runs of the last Setup: later commands go to these
}

type pooled struct {
	Worker
	hello   bool
	pending []string
}

// EagerWorkers is how many workers NewPool starts at once (if the pool may have as many):
// those of the default lesson's two runs. The others start when a lab needs them.
const EagerWorkers = 2

// NewPool returns a pool of size workers, at most message.MaxRuns, at least one; start starts
// worker index (0, 1, …), whose messages the caller hands to the Hub as Report(index, …).
func NewPool(size int, start func(index int) Worker) *Pool {
	p := &Pool{size: min(max(size, 1), message.MaxRuns), start: start}
	for range min(p.size, EagerWorkers) {
		p.grow()
	}
	return p
}

// Size returns the number of workers the runs are spread over.
func (p *Pool) Size() int { return p.size }

// Started returns the number of workers started so far.
func (p *Pool) Started() int { return len(p.workers) }

// Setup hands the runs of a new lab to the workers: Setup{Query: queries[i], Run: i} to
// the worker of run i. Runs of an earlier, larger lab are paused, so that they stop
// taking turns on their workers.
func (p *Pool) Setup(queries []string) {
	for i := len(queries); i < p.runs; i++ {
		p.Send(i, message.Envelope{Kind: message.Pause})
	}
	p.runs = len(queries)
	for i, q := range queries {
		p.Send(i, message.Envelope{Kind: message.Setup, Query: q})
	}
}

// Assign sets up run on its worker from query and plays it at full speed: a trial of a
// figure (see Study), which has its worker to itself.
func (p *Pool) Assign(run int, query string) {
	p.runs = max(p.runs, run+1)
	p.Send(run, message.Envelope{Kind: message.Setup, Query: query})
	p.Send(run, message.Envelope{Kind: message.Speed, Speed: message.MaxSpeed})
	p.Send(run, message.Envelope{Kind: message.Play})
}

// Broadcast sends e to every run of the last Setup.
func (p *Pool) Broadcast(e message.Envelope) {
	for i := range p.runs {
		p.Send(i, e)
	}
}

// Send posts e about run to the run's worker, or queues it until the worker's Hello.
func (p *Pool) Send(run int, e message.Envelope) {
	e.Run = run
	for len(p.workers) <= run%p.size {
		p.grow()
	}
	p.workers[run%p.size].send(message.Encode(e))
}

// Listening records worker index's Hello and posts what waited for it.
func (p *Pool) Listening(index int) {
	if index < 0 || index >= len(p.workers) {
		return
	}
	p.workers[index].listening()
}

// send posts text to the worker, or queues it until its Hello.
func (w *pooled) send(text string) {
	if !w.hello {
		w.pending = append(w.pending, text)
		return
	}
	w.Post(text)
}

// listening records the worker's Hello and posts what waited for it.
func (w *pooled) listening() {
	w.hello = true
	for _, text := range w.pending {
		w.Post(text)
	}
	w.pending = nil
}

func (p *Pool) grow() {
	p.workers = append(p.workers, &pooled{Worker: p.start(len(p.workers))})
}
