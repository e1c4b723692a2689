//go:build js && wasm

package browser

import (
	"syscall/js"

	"genlab/app/message"
)

// Workers are the canvas's training workers. web/canvas.js starts the first ones before
// the canvas's binary, so that they compile and build their runs while the canvas starts,
// and leaves them in self.genlabPool ({size, started: [{worker, early, keep}]}: the pool's
// size and, for each worker started, the messages it sent meanwhile and the listener
// that kept them). Workers adopts those and starts the others (see relay.Pool, which
// decides when).
type Workers struct {
	pool    js.Value
	receive func(worker int, e message.Envelope, snap []byte)
}

// AdoptWorkers returns the workers of web/canvas.js's pool; receive gets every message
// of every worker, with its snapshot's bytes (a copy) or nil.
func AdoptWorkers(receive func(worker int, e message.Envelope, snap []byte)) *Workers {
	return &Workers{pool: js.Global().Get("genlabPool"), receive: receive}
}

// Size returns the number of workers the pool may have: the cores the page can spare,
// as web/canvas.js counted them; 1 without a pool.
func (ws *Workers) Size() int {
	if ws.pool.Type() == js.TypeObject && ws.pool.Get("size").Type() == js.TypeNumber {
		return ws.pool.Get("size").Int()
	}
	return 1
}

// Start adopts worker i of those web/canvas.js started, delivering at once the messages
// it already sent, or starts it.
func (ws *Workers) Start(i int) *Worker {
	var early js.Value
	w := &Worker{}
	if ws.pool.Type() == js.TypeObject && i < ws.pool.Get("started").Length() {
		s := ws.pool.Get("started").Index(i)
		w.js, early = s.Get("worker"), s.Get("early")
		w.js.Call("removeEventListener", "message", s.Get("keep"))
	} else {
		w.js = js.Global().Get("Worker").New("web/worker.js")
	}
	w.fn = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ws.deliver(i, args[0].Get("data"))
		return nil
	})
	w.js.Call("addEventListener", "message", w.fn)
	if early.Type() == js.TypeObject {
		for j := range early.Length() {
			ws.deliver(i, early.Index(j))
		}
	}
	return w
}

// deliver checks the shape of a message of worker i, {msg: JSON, snap: Uint8Array?}, and
// hands it to receive, or logs why not.
func (ws *Workers) deliver(i int, data js.Value) {
	if data.Type() != js.TypeObject || data.Get("msg").Type() != js.TypeString {
		Warn("canvas: ignored a worker message of the wrong shape")
		return
	}
	e, err := message.Decode(data.Get("msg").String())
	if err != nil {
		Warn("canvas: ignored a worker message: " + err.Error())
		return
	}
	var snap []byte
	if s := data.Get("snap"); s.Type() == js.TypeObject && s.InstanceOf(js.Global().Get("Uint8Array")) {
		snap = make([]byte, s.Length())
		js.CopyBytesToGo(snap, s)
	}
	ws.receive(i, e, snap)
}

// Worker is a started Web Worker; its message listener is kept alive with it.
type Worker struct {
	js js.Value
	fn js.Func
}

// Post posts text to the worker.
func (w *Worker) Post(text string) { w.js.Call("postMessage", text) }

// Terminate stops the worker at once, even in the middle of a computation, and releases
// its listener; it must not be used after.
func (w *Worker) Terminate() {
	w.js.Call("terminate")
	w.fn.Release()
}

// StartTheory starts the theory worker (web/theory.js), which computes the figures that
// need no training; receive gets its messages as those of worker index.
func (ws *Workers) StartTheory(index int) *Worker {
	w := &Worker{js: js.Global().Get("Worker").New("web/theory.js")}
	w.fn = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ws.deliver(index, args[0].Get("data"))
		return nil
	})
	w.js.Call("addEventListener", "message", w.fn)
	return w
}
