//go:build js && wasm

package main

import (
	"syscall/js"

	"genlab/app/lab"
	"genlab/app/message"
)

// workerPool trains the runs in Web Workers (web/worker.js, which loads worker.wasm):
// one worker per core the machine can spare, each training the runs i with
// i mod workers = its index, in turns.
//
// Why not a worker per run: on a machine of two cores, two workers training flat out
// leave no core to the page and the canvas, whose frames then take 70 ms instead of 17.
// A core to spare is one the page does not need: navigator.hardwareConcurrency − 1, at
// least one. Training both runs of the default lesson on one core still memorizes the
// random labels in a few seconds.
//
// Workers start when the canvas does, not when the first Setup arrives, so that they
// load and compile worker.wasm while Ebitengine starts. They are kept across setups: a
// new Setup rebuilds a run without paying for a new WebAssembly instance. A worker takes
// messages only after its Hello (the browser drops messages sent before the worker
// listens), so sends wait in a queue.
type workerPool struct {
	receive func(worker int, e message.Envelope, snap []byte)
	size    int // the workers to train on: the cores to spare, at most lab.MaxRuns
	workers []*worker
	runs    int // the runs of the last setup: later commands go to these
}

// eagerWorkers is how many workers start with the canvas (if the pool may have as many):
// those of the default lesson's two runs. The others start with a lab that needs them.
const eagerWorkers = 2

type worker struct {
	js      js.Value
	hello   bool
	pending []message.Envelope
	fn      js.Func
}

// newWorkerPool starts the workers; receive gets every message of worker i.
func newWorkerPool(receive func(worker int, e message.Envelope, snap []byte)) *workerPool {
	spare := 1
	if n := js.Global().Get("navigator").Get("hardwareConcurrency"); n.Type() == js.TypeNumber {
		spare = n.Int() - 1
	}
	p := &workerPool{receive: receive, size: min(max(spare, 1), lab.MaxRuns)}
	for range min(p.size, eagerWorkers) {
		p.start()
	}
	return p
}

// setup hands the runs of a new lab to the workers: Setup{Query: queries[i], Run: i} to
// the worker of run i. Runs of an earlier, larger lab are paused, so that they stop
// taking turns on their workers.
func (p *workerPool) setup(queries []string) {
	for i := len(queries); i < p.runs; i++ {
		p.send(i, message.Envelope{Kind: message.Pause})
	}
	p.runs = len(queries)
	for i, q := range queries {
		p.send(i, message.Envelope{Kind: message.Setup, Query: q})
	}
}

// broadcast sends e to every run of the last setup.
func (p *workerPool) broadcast(e message.Envelope) {
	for i := range p.runs {
		p.send(i, e)
	}
}

// send posts e about run to the run's worker.
func (p *workerPool) send(run int, e message.Envelope) {
	e.Run = run
	for len(p.workers) <= run%p.size {
		p.start()
	}
	w := p.workers[run%p.size]
	if !w.hello {
		w.pending = append(w.pending, e)
		return
	}
	w.js.Call("postMessage", message.Encode(e))
}

// listening records worker i's Hello and posts what waited for it. The game calls it
// from Update, like every other use of the pool, so no callback touches the queues.
func (p *workerPool) listening(i int) {
	w := p.workers[i]
	w.hello = true
	for _, m := range w.pending {
		w.js.Call("postMessage", message.Encode(m))
	}
	w.pending = nil
}

func (p *workerPool) start() {
	i := len(p.workers)
	w := &worker{js: js.Global().Get("Worker").New("web/worker.js")}
	w.fn = js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := args[0].Get("data")
		if data.Type() != js.TypeObject || data.Get("msg").Type() != js.TypeString {
			warn("canvas: ignored a worker message of the wrong shape")
			return nil
		}
		e, err := message.Decode(data.Get("msg").String())
		if err != nil {
			warn("canvas: ignored a worker message: " + err.Error())
			return nil
		}
		var snap []byte
		if s := data.Get("snap"); s.Type() == js.TypeObject && s.InstanceOf(js.Global().Get("Uint8Array")) {
			snap = make([]byte, s.Length())
			js.CopyBytesToGo(snap, s)
		}
		p.receive(i, e, snap)
		return nil
	})
	w.js.Call("addEventListener", "message", w.fn)
	p.workers = append(p.workers, w)
}
