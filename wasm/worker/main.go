//go:build js && wasm

// Command worker is a training worker: a Web Worker that the canvas starts to train runs
// off the page's threads. It only wires app/trainer's Host (which trains the runs the
// canvas gives it, in turns, and says what to post) to postMessage.
//
// Started by the canvas with the page's Setup in its name, it first builds its share
// of those runs (trainer.Host.Prebuild). It posts Hello once it listens; the canvas's
// messages only arrive after that.
package main

import (
	"syscall/js"
	"time"

	"genlab/app/message"
	"genlab/app/trainer"
)

// slice is how long the worker trains before it comes up for air to receive commands.
const slice = 50 * time.Millisecond

func main() {
	inbox := make(chan message.Envelope, 64)
	js.Global().Set("onmessage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := args[0].Get("data")
		if data.Type() != js.TypeString {
			warn("worker: ignored a message that is not text")
			return nil
		}
		e, err := message.Decode(data.String())
		if err != nil {
			warn("worker: ignored a message: " + err.Error())
			return nil
		}
		select {
		case inbox <- e:
		default: // a callback must never block: the page is flooding us
			warn("worker: inbox full, dropped a " + string(e.Kind) + " message")
		}
		return nil
	}))
	h := trainer.NewHost(time.Now, post)
	// Hello first: the canvas's Setups then arrive while the runs are prebuilt, and are
	// answered as soon as they are.
	post(message.Envelope{Kind: message.Hello}, nil)
	name := js.Global().Get("name") // a worker's name; undefined elsewhere
	if name.Type() != js.TypeString {
		name = js.ValueOf("")
	}
	if setup, worker, workers, ok, err := trainer.ParseName(name.String()); err != nil {
		warn("worker: " + err.Error())
	} else if ok {
		if err := h.Prebuild(setup, worker, workers); err != nil {
			warn("worker: " + err.Error())
		}
	}
	for {
		if !h.Busy() {
			handle(h, <-inbox) // nothing to do: sleep until told
		}
		for len(inbox) > 0 {
			handle(h, <-inbox)
		}
		if h.Busy() {
			// Sleep, even briefly, so that the event loop delivers the next command.
			time.Sleep(max(h.Turn(slice), time.Millisecond))
		}
	}
}

func handle(h *trainer.Host, e message.Envelope) {
	if err := h.Handle(e); err != nil {
		warn("worker: ignored a message: " + err.Error())
	}
}

// post sends {msg: JSON, snap: bytes?} to the canvas, transferring the bytes' buffer.
func post(e message.Envelope, snap []byte) {
	obj := js.Global().Get("Object").New()
	obj.Set("msg", message.Encode(e))
	if snap == nil {
		js.Global().Call("postMessage", obj)
		return
	}
	arr := js.Global().Get("Uint8Array").New(len(snap))
	js.CopyBytesToJS(arr, snap)
	obj.Set("snap", arr)
	js.Global().Call("postMessage", obj, []any{arr.Get("buffer")})
}

func warn(s string) { js.Global().Get("console").Call("warn", s) }
