//go:build js && wasm

package main

import (
	"syscall/js"

	"genlab/app/message"
)

// workerPool runs one training worker per run (web/worker.js, which loads worker.wasm).
// Workers are kept across setups: a new Setup rebuilds a worker's run without paying
// for a new WebAssembly instance. A worker takes messages only after its Hello (the
// browser drops messages sent before the worker listens), so sends wait in a queue.
type workerPool struct {
	receive func(i int, e message.Envelope, snap []byte)
	workers []*worker
}

type worker struct {
	js      js.Value
	hello   bool
	pending []message.Envelope
	fn      js.Func
}

func newWorkerPool(receive func(i int, e message.Envelope, snap []byte)) *workerPool {
	return &workerPool{receive: receive}
}

// send posts e to worker i, starting it first if needed.
func (p *workerPool) send(i int, e message.Envelope) {
	for len(p.workers) <= i {
		p.start(len(p.workers))
	}
	w := p.workers[i]
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

func (p *workerPool) start(i int) {
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
