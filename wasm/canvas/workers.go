//go:build js && wasm

package main

import (
	"syscall/js"

	"genlab/app/message"
	"genlab/app/relay"
)

// newWorkerPool adopts the workers that web/canvas.js started (self.genlabPool: the
// pool's size and the workers started so far) and starts the others as a lab needs them;
// receive gets every message of worker i.
func newWorkerPool(receive func(worker int, e message.Envelope, snap []byte)) *relay.Pool {
	pool := js.Global().Get("genlabPool")
	size := 1
	if pool.Type() == js.TypeObject && pool.Get("size").Type() == js.TypeNumber {
		size = pool.Get("size").Int()
	}
	return relay.NewPool(size, func(i int) relay.Worker { return adoptWorker(pool, i, receive) })
}

// webWorker is a Web Worker; its message handler is kept alive with it.
type webWorker struct {
	js js.Value
	fn js.Func
}

func (w *webWorker) Post(text string) { w.js.Call("postMessage", text) }

// adoptWorker takes worker i of those canvas.js started, with the messages it already
// sent, or starts it.
func adoptWorker(pool js.Value, i int, receive func(worker int, e message.Envelope, snap []byte)) *webWorker {
	var early js.Value
	w := &webWorker{}
	if pool.Type() == js.TypeObject && i < pool.Get("started").Length() {
		s := pool.Get("started").Index(i)
		w.js, early = s.Get("worker"), s.Get("early")
		w.js.Call("removeEventListener", "message", s.Get("keep"))
	} else {
		w.js = js.Global().Get("Worker").New("web/worker.js")
	}
	deliver := func(data js.Value) {
		if data.Type() != js.TypeObject || data.Get("msg").Type() != js.TypeString {
			warn("canvas: ignored a worker message of the wrong shape")
			return
		}
		e, err := message.Decode(data.Get("msg").String())
		if err != nil {
			warn("canvas: ignored a worker message: " + err.Error())
			return
		}
		var snap []byte
		if s := data.Get("snap"); s.Type() == js.TypeObject && s.InstanceOf(js.Global().Get("Uint8Array")) {
			snap = make([]byte, s.Length())
			js.CopyBytesToGo(snap, s)
		}
		receive(i, e, snap)
	}
	w.fn = js.FuncOf(func(_ js.Value, args []js.Value) any {
		deliver(args[0].Get("data"))
		return nil
	})
	w.js.Call("addEventListener", "message", w.fn)
	if early.Type() == js.TypeObject {
		for j := range early.Length() {
			deliver(early.Index(j))
		}
	}
	return w
}
