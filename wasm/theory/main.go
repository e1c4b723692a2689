//go:build js && wasm

// Command theory is the canvas's theory worker, a Web Worker started when a figure that
// needs no training is shown (theorem1, kernel): it wires app/compute, which makes one
// trial at a time with gonum's linear algebra, to onmessage and postMessage.
package main

import (
	"syscall/js"

	"genlab/app/browser"
	"genlab/app/compute"
	"genlab/app/message"
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
		default: // a callback must never block
			warn("inbox full, dropped a " + string(e.Kind) + " message")
		}
		return nil
	}))
	post(message.Envelope{Kind: message.Hello})
	for e := range inbox {
		reply, err := compute.Answer(e)
		if err != nil {
			warn(err.Error())
			continue
		}
		post(reply)
	}
}

// post sends {msg: JSON} to the canvas, as a training worker does.
func post(e message.Envelope) {
	obj := js.Global().Get("Object").New()
	obj.Set("msg", message.Encode(e))
	js.Global().Call("postMessage", obj)
}

func warn(s string) { browser.Warn("theory worker: " + s) }
