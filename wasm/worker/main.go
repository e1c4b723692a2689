//go:build js && wasm

// Command worker is a training worker, a Web Worker of the canvas: it wires
// app/trainer's Host (prebuilding from its name, then serving the canvas's messages) to
// onmessage and postMessage.
package main

import (
	"syscall/js"
	"time"

	"genlab/app/browser"
	"genlab/app/message"
	"genlab/app/trainer"
)

func main() {
	inbox := make(chan message.Envelope, 64)
	js.Global().Set("onmessage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := args[0].Get("data")
		if data.Type() != js.TypeString {
			warn("ignored a message that is not text")
			return nil
		}
		e, err := message.Decode(data.String())
		if err != nil {
			warn("ignored a message: " + err.Error())
			return nil
		}
		select {
		case inbox <- e:
		default: // a callback must never block: the canvas is flooding us
			warn("inbox full, dropped a " + string(e.Kind) + " message")
		}
		return nil
	}))
	h := trainer.NewHost(time.Now, post)
	post(message.Envelope{Kind: message.Hello}, nil) // first: Setups arrive while it prebuilds
	if name := js.Global().Get("name"); name.Type() == js.TypeString {
		if err := h.PrebuildNamed(name.String()); err != nil {
			warn(err.Error())
		}
	}
	h.Serve(inbox, warn)
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

// warn marks the worker's warnings as the worker's, in the console it shares with the canvas.
func warn(s string) { browser.Warn("worker: " + s) }
