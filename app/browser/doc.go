//go:build js && wasm

// Package browser is the JavaScript of the canvas binary (wasm/canvas): everything it
// asks of the browser, through syscall/js, in one small place, so that the canvas's logic
// (package app/screen) and its main stay plain Go. It holds
//
//   - Page, the canvas's end of the channel to the page that embeds it, with the
//     checks on every message received (origin and source) and the files posted back
//     (page.go);
//   - ListenToPointer, the mouse, pen and touches over the canvas, as DOM pointer
//     events in canvas pixels (pointer.go);
//   - Workers, the training workers that web/canvas.js started before the canvas's
//     binary, adopted with what they said meanwhile (workers.go);
//   - LocationHash, where the page puts its Setup, and Warn, the console;
//   - the workers' end of their channel to the canvas, ListenToCanvas and
//     PostToCanvas (worker.go), which the training and theory workers share.
//
// It is built for the browser only (js && wasm) and is not tested natively: it only
// reads events and calls the browser, and every decision taken on what it reads is made
// elsewhere (message.Decode, app/screen, app/relay), where it is tested. The browser
// tests (app/e2e) cover the rest.
//
// It imports none of the canvas's logic, so that the worker binaries can use it
// without linking the canvas. The page (app/ui) does not use it: the page is built
// natively too (the site tool pre-renders it), where syscall/js does not exist, and it
// reaches the browser through go-app's portable app.Window.
package browser

import "syscall/js"

// Warn writes text to the browser's console as a warning (the developer tools), where
// protocol problems belong: a message of the wrong shape is ignored, never fatal.
func Warn(text string) { js.Global().Get("console").Call("warn", text) }

// LocationHash returns the window's location.hash (with its "#"; "" when none): where
// the page puts its Setup for the canvas (see screen.AddressedSetup).
func LocationHash() string { return js.Global().Get("location").Get("hash").String() }

// PrefersReducedMotion reports whether the reader asked the system for less motion (the
// CSS media feature prefers-reduced-motion: reduce). It is read once, when the canvas
// starts: a reader who changes the setting reloads the page to see it.
func PrefersReducedMotion() bool {
	mm := js.Global().Get("matchMedia")
	if mm.Type() != js.TypeFunction {
		return false
	}
	return js.Global().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool()
}
