//go:build js && wasm

package browser

import (
	"syscall/js"

	"genlab/app/message"
)

// A worker's end of its channel to the canvas, shared by the training worker
// (wasm/worker) and the theory worker (wasm/theory).

// ListenToCanvas queues on inbox every message the canvas posts to this worker, decoded
// and checked; warn is told of a message it ignores (not text, not a message, or one too
// many while the inbox is full: a callback must never block).
func ListenToCanvas(inbox chan<- message.Envelope, warn func(string)) {
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
		default:
			warn("inbox full, dropped a " + string(e.Kind) + " message")
		}
		return nil
	}))
}

// PostToCanvas posts e to the canvas as {msg: its JSON}, with snap's bytes as
// {snap: Uint8Array} when snap is not nil, their buffer transferred rather than copied.
func PostToCanvas(e message.Envelope, snap []byte) {
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
