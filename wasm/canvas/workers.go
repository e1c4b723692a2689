//go:build js && wasm

package main

import (
	"syscall/js"

	"genlab/app/message"
	"genlab/app/relay"
)

// newWorkerPool sizes the pool to the cores the canvas can spare (see relay.Pool) and
// starts each worker as web/worker.js, whose messages go to receive.
func newWorkerPool(receive func(worker int, e message.Envelope, snap []byte)) *relay.Pool {
	spare := 1
	if n := js.Global().Get("navigator").Get("hardwareConcurrency"); n.Type() == js.TypeNumber {
		spare = n.Int() - 1
	}
	return relay.NewPool(spare, func(i int) relay.Worker { return startWorker(i, receive) })
}

// webWorker is a Web Worker; its message handler is kept alive with it.
type webWorker struct {
	js js.Value
	fn js.Func
}

func (w *webWorker) Post(text string) { w.js.Call("postMessage", text) }

func startWorker(i int, receive func(worker int, e message.Envelope, snap []byte)) *webWorker {
	w := &webWorker{js: js.Global().Get("Worker").New("web/worker.js")}
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
		receive(i, e, snap)
		return nil
	})
	w.js.Call("addEventListener", "message", w.fn)
	return w
}
