//go:build js && wasm

// Command worker is a training worker, a Web Worker of the canvas: it wires
// app/trainer's Host (prebuilding from its name, then serving the canvas's messages) to
// the canvas, through app/browser.
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
	browser.ListenToCanvas(inbox, warn)
	h := trainer.NewHost(time.Now, browser.PostToCanvas)
	browser.PostToCanvas(message.Envelope{Kind: message.Hello}, nil) // first: Setups arrive while it prebuilds
	if name := js.Global().Get("name"); name.Type() == js.TypeString {
		if err := h.PrebuildNamed(name.String()); err != nil {
			warn(err.Error())
		}
	}
	h.Serve(inbox, warn)
}

// warn marks the worker's warnings as the worker's, in the console it shares with the canvas.
func warn(s string) { browser.Warn("worker: " + s) }
