//go:build js && wasm

package browser

import (
	"image"
	"syscall/js"

	"genlab/app/message"
)

// Page carries messages between the canvas and the page that embeds it (whose end is
// app/ui's Bridge). It accepts a message only from the parent window on the canvas's own
// origin, and posts only to that origin, never to "*". Opened on its own (Alone), the
// canvas has no page: Page then posts nothing.
type Page struct {
	parent js.Value
	origin string
	fn     js.Func // the window's "message" listener, kept alive with the page
}

// ListenToPage starts listening to the page: receive gets every message of the parent
// window, on the canvas's origin, that message.Decode accepts; the others of that window
// are logged with Warn, and those of any other window ignored.
func ListenToPage(receive func(message.Envelope)) *Page {
	p := &Page{parent: js.Global().Get("parent"), origin: js.Global().Get("location").Get("origin").String()}
	p.fn = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ev := args[0]
		if ev.Get("origin").String() != p.origin || !ev.Get("source").Equal(p.parent) {
			return nil // not our page: other frames' messages are none of our business
		}
		data := ev.Get("data")
		if data.Type() != js.TypeString {
			Warn("canvas: ignored a message from the page that is not text")
			return nil
		}
		e, err := message.Decode(data.String())
		if err != nil {
			Warn("canvas: ignored a message from the page: " + err.Error())
			return nil
		}
		receive(e)
		return nil
	})
	js.Global().Call("addEventListener", "message", p.fn)
	return p
}

// Alone reports whether the canvas was opened on its own, not inside a page.
func (p *Page) Alone() bool { return p.parent.Equal(js.Global()) }

// Post sends e to the page.
func (p *Page) Post(e message.Envelope) {
	if p.Alone() {
		return
	}
	p.parent.Call("postMessage", message.Encode(e), p.origin)
}

// PostFile sends the page a File message of format, with the file as a Blob beside it
// (see package message): text for FormatCSV, picture encoded as PNG for FormatPNG. The
// Blob is made with the browser's own Blob and PNG encoder, so that nothing big crosses
// the JSON and the game loop only pays for a copy of the picture; the PNG is posted once
// the browser has encoded it.
func (p *Page) PostFile(format, text string, picture *image.RGBA) {
	switch format {
	case message.FormatCSV:
		blob := js.Global().Get("Blob").New(
			js.ValueOf([]any{text}),
			js.ValueOf(map[string]any{"type": message.FileType(format)}))
		p.postFile(format, blob)
	case message.FormatPNG:
		b := picture.Rect
		pix := js.Global().Get("Uint8ClampedArray").New(len(picture.Pix))
		js.CopyBytesToJS(pix, picture.Pix)
		c := js.Global().Get("document").Call("createElement", "canvas")
		c.Set("width", b.Dx())
		c.Set("height", b.Dy())
		c.Call("getContext", "2d").Call("putImageData", js.Global().Get("ImageData").New(pix, b.Dx(), b.Dy()), 0, 0)
		var done js.Func
		done = js.FuncOf(func(_ js.Value, args []js.Value) any {
			defer done.Release()
			if len(args) == 0 || args[0].IsNull() {
				Warn("canvas: the browser could not encode the canvas as PNG")
				return nil
			}
			p.postFile(format, args[0])
			return nil
		})
		c.Call("toBlob", done, message.FileType(format))
	default:
		panic("browser: PostFile of an unknown format " + format)
	}
}

// postFile posts {msg: the File envelope, blob} to the page's origin only.
func (p *Page) postFile(format string, blob js.Value) {
	if p.Alone() {
		return
	}
	msg := message.Encode(message.Envelope{Kind: message.File, Format: format})
	p.parent.Call("postMessage", js.ValueOf(map[string]any{"msg": msg, "blob": blob}), p.origin)
}
