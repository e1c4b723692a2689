//go:build js && wasm

package main

import (
	"syscall/js"

	"genlab/app/message"
)

// pageBridge carries messages between the canvas and the page that embeds it. It
// accepts a message only from the parent window on the canvas's own origin, and posts
// only to that origin, never to "*".
type pageBridge struct {
	parent js.Value
	origin string
	fn     js.Func
}

func newPageBridge(receive func(message.Envelope)) *pageBridge {
	b := &pageBridge{parent: js.Global().Get("parent"), origin: js.Global().Get("location").Get("origin").String()}
	b.fn = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ev := args[0]
		if ev.Get("origin").String() != b.origin || !ev.Get("source").Equal(b.parent) {
			return nil // not our page: other frames' messages are none of our business
		}
		data := ev.Get("data")
		if data.Type() != js.TypeString {
			warn("canvas: ignored a message from the page that is not text")
			return nil
		}
		e, err := message.Decode(data.String())
		if err != nil {
			warn("canvas: ignored a message from the page: " + err.Error())
			return nil
		}
		receive(e)
		return nil
	})
	js.Global().Call("addEventListener", "message", b.fn)
	return b
}

// standalone reports whether the canvas was opened on its own, not inside a page.
func (b *pageBridge) standalone() bool { return b.parent.Equal(js.Global()) }

func (b *pageBridge) Post(e message.Envelope) {
	if b.standalone() {
		return
	}
	b.parent.Call("postMessage", message.Encode(e), b.origin)
}

func warn(s string) { js.Global().Get("console").Call("warn", s) }
