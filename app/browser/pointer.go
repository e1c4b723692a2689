//go:build js && wasm

package browser

import "syscall/js"

// ListenToPointer follows the mouse, the pen and touches over the canvas's document
// through the DOM's pointer events, which treat them alike: moved gets where the pointer
// is (-1, -1 when it left the page or its touch was cancelled), clicked where a
// press of the primary button, or a touch, ended. Both are in canvas pixels: CSS pixels
// times the device's density, the pixels the canvas paints (see screen.Loop.Layout).
//
// The canvas reads the pointer here, like the page's messages, rather than from
// Ebitengine's cursor and touch state: it then holds no logic in its binary, and a
// click is queued in order with the messages before it.
func ListenToPointer(moved, clicked func(x, y int)) {
	at := func(ev js.Value) (int, int) {
		density := DevicePixelRatio()
		return int(ev.Get("clientX").Float() * density), int(ev.Get("clientY").Float() * density)
	}
	// The listeners live as long as the canvas: their js.Funcs are never released.
	listen := func(event string, f func(ev js.Value)) {
		js.Global().Get("document").Get("documentElement").Call("addEventListener", event, js.FuncOf(func(_ js.Value, args []js.Value) any {
			f(args[0])
			return nil
		}))
	}
	listen("pointermove", func(ev js.Value) { moved(at(ev)) })
	listen("pointerup", func(ev js.Value) {
		if ev.Get("button").Int() == 0 { // the primary button, or a touch or pen contact
			clicked(at(ev))
		}
	})
	gone := func(js.Value) { moved(-1, -1) }
	listen("pointerleave", gone)
	listen("pointercancel", gone)
}

// DevicePixelRatio returns the window's device pixels per CSS pixel (1 when the browser
// does not say).
func DevicePixelRatio() float64 {
	if r := js.Global().Get("devicePixelRatio"); r.Type() == js.TypeNumber && r.Float() > 0 {
		return r.Float()
	}
	return 1
}
