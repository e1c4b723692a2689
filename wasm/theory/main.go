//go:build js && wasm

// Command theory is the canvas's theory worker, a Web Worker started when a figure that
// needs no training is shown (theorem1, kernel): it wires app/compute, which makes one
// trial at a time with gonum's linear algebra, to the canvas, through app/browser.
package main

import (
	"genlab/app/browser"
	"genlab/app/compute"
	"genlab/app/message"
)

func main() {
	inbox := make(chan message.Envelope, 64)
	browser.ListenToCanvas(inbox, warn)
	browser.PostToCanvas(message.Envelope{Kind: message.Hello}, nil)
	for e := range inbox {
		reply, err := compute.Answer(e)
		if err != nil {
			warn(err.Error())
			continue
		}
		browser.PostToCanvas(reply, nil)
	}
}

func warn(s string) { browser.Warn("theory worker: " + s) }
