package ui

import (
	"errors"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
)

// Bridge is the page's end of the channel to the canvas: it posts commands into the
// canvas iframe and receives the canvas's reports.
//
// window.postMessage delivers to a window any message from any window that holds a
// reference to it: another tab this page opened, an extension, a page that framed this
// one. So a report is trusted only when all three hold:
//
//   - its origin is this page's origin (the canvas is served from the same folder);
//   - its source is the canvas iframe's window, not merely some same-origin window;
//   - its data is a string that message.Decode accepts, of a kind the canvas sends; or,
//     for a File report only, an object {msg, blob} whose msg Decode accepts and whose
//     blob is a Blob of the file's type and a sane size.
//
// Anything else is logged with console.warn and dropped. Going the other way, commands
// are posted with this page's origin as targetOrigin, never "*", so that if the iframe
// were ever navigated elsewhere the browser would refuse to deliver them.
//
// The checks are in acceptMessage, a pure function, so they are tested natively; the
// Bridge itself only reads the event's fields and calls the browser.
type Bridge struct {
	frameID  string
	origin   string   // this page's origin, read once when listening starts
	listener app.Func // the window "message" listener, released by Close
	file     func(app.Context, message.Envelope, app.Value)
}

// OnFile sets what receives the canvas's File reports: the envelope and the file's Blob.
// Call it before Listen; without it, files are dropped.
func (b *Bridge) OnFile(f func(ctx app.Context, e message.Envelope, blob app.Value)) {
	b.file = f
}

// NewBridge returns a bridge to the iframe whose id is frameID. It does nothing until Listen.
func NewBridge(frameID string) *Bridge {
	return &Bridge{frameID: frameID}
}

// Listen starts receiving reports; deliver runs on the UI goroutine for each accepted one.
// Call it before the iframe gets its src, so the canvas's Hello cannot arrive unheard.
// It does nothing outside the browser (pre-rendering).
func (b *Bridge) Listen(ctx app.Context, deliver func(app.Context, message.Envelope)) {
	if app.IsServer || b.listener != nil {
		return
	}
	b.origin = app.Window().Get("location").Get("origin").String()
	b.listener = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		// Read the event now, on the browser's callback: its fields are plain values,
		// and the checks must see the event as it was delivered.
		event := args[0]
		data := event.Get("data")
		in := inbound{
			Origin:    event.Get("origin").String(),
			FromFrame: event.Get("source").Equal(b.frameWindow()),
			IsString:  data.Type() == app.TypeString,
		}
		var blob app.Value
		switch {
		case in.IsString:
			in.Data = data.String()
		case data.Type() == app.TypeObject && data.Get("msg").Type() == app.TypeString:
			// A File report: {msg: "<json>", blob: Blob} (see package message).
			in.IsFile, in.Data = true, data.Get("msg").String()
			if b := data.Get("blob"); b.Type() == app.TypeObject && b.InstanceOf(app.Window().Get("Blob")) {
				blob = b
				in.HasBlob, in.BlobType, in.BlobSize = true, b.Get("type").String(), b.Get("size").Int()
			}
		}
		env, err := acceptMessage(in, b.origin)
		if err != nil {
			if !in.FromFrame && framed() && event.Get("source").Equal(app.Window().Get("parent")) {
				return nil // the course page's, for the embed's ParentBridge: not ours to judge
			}
			warn("genlab: ignored a message: " + err.Error())
			return nil
		}
		if env.Kind == message.File {
			if b.file != nil {
				ctx.Dispatch(func(ctx app.Context) { b.file(ctx, env, blob) })
			}
			return nil
		}
		ctx.Dispatch(func(ctx app.Context) { deliver(ctx, env) })
		return nil
	})
	app.Window().Call("addEventListener", "message", b.listener)
}

// Post sends one command to the canvas and reports whether it could: before the iframe
// exists, or on a page with no usable origin (opened from a file), it cannot.
func (b *Bridge) Post(e message.Envelope) bool {
	if app.IsServer || b.listener == nil {
		return false
	}
	if err := checkTargetOrigin(b.origin); err != nil {
		warn("genlab: cannot talk to the canvas: " + err.Error())
		return false
	}
	target := b.frameWindow()
	if !target.Truthy() {
		warn("genlab: the canvas frame is not there yet; dropped " + string(e.Kind))
		return false
	}
	target.Call("postMessage", message.Encode(e), b.origin)
	return true
}

// Close stops listening. The bridge can listen again afterwards.
func (b *Bridge) Close() {
	if b.listener == nil {
		return
	}
	app.Window().Call("removeEventListener", "message", b.listener)
	b.listener.Release()
	b.listener = nil
}

// frameWindow returns the canvas iframe's window (contentWindow), or a falsy value.
func (b *Bridge) frameWindow() app.Value {
	frame := app.Window().GetElementByID(b.frameID)
	if !frame.Truthy() {
		return app.Null()
	}
	return frame.Get("contentWindow")
}

// inbound is what the listener reads off one MessageEvent, before anything trusts it.
type inbound struct {
	Origin    string // event.origin
	FromFrame bool   // event.source === the canvas iframe's contentWindow
	IsString  bool   // typeof event.data === "string"
	Data      string // event.data, when it is a string; event.data.msg for a file
	// A File report is an object {msg, blob}: IsFile when event.data is an object whose
	// msg is a string; HasBlob when its blob is a Blob, of BlobType and BlobSize bytes.
	IsFile   bool
	HasBlob  bool
	BlobType string
	BlobSize int
}

// maxFileSize bounds a file the page will hand to the browser's downloads. The largest
// real one is a PNG of a 4K screen's canvas, a few megabytes.
const maxFileSize = 64 << 20

// acceptMessage decides whether a message event is a report from our canvas, and decodes
// it. ownOrigin is this page's window.location.origin. The error says why not.
func acceptMessage(in inbound, ownOrigin string) (message.Envelope, error) {
	if err := checkTargetOrigin(ownOrigin); err != nil {
		return message.Envelope{}, err
	}
	switch {
	case in.Origin != ownOrigin:
		return message.Envelope{}, fmt.Errorf("from origin %q, not this page's %q", in.Origin, ownOrigin)
	case !in.FromFrame:
		return message.Envelope{}, errors.New("not from the canvas frame")
	case !in.IsString && !in.IsFile:
		return message.Envelope{}, errors.New("data is not a string, nor a file")
	}
	e, err := message.Decode(in.Data)
	if err != nil {
		return message.Envelope{}, err
	}
	if in.IsFile {
		want := message.FileType(e.Format)
		switch {
		case e.Kind != message.File:
			return message.Envelope{}, fmt.Errorf("a %s message came as an object; only files do", e.Kind)
		case !in.HasBlob:
			return message.Envelope{}, errors.New("a file message without its Blob")
		case in.BlobType != want:
			return message.Envelope{}, fmt.Errorf("a %s file whose Blob is of type %q, not %q", e.Format, in.BlobType, want)
		case in.BlobSize <= 0 || in.BlobSize > maxFileSize:
			return message.Envelope{}, fmt.Errorf("a file of %d bytes, want 1..%d", in.BlobSize, maxFileSize)
		}
		return e, nil
	}
	switch e.Kind {
	case message.Hello, message.Ready, message.Metrics, message.Problem, message.Inspected:
		return e, nil
	case message.File:
		return message.Envelope{}, errors.New("a file message without its Blob")
	}
	return message.Envelope{}, fmt.Errorf("a %s message is a command, which the canvas never sends", e.Kind)
}

// checkTargetOrigin returns why origin cannot be used to address the canvas, or nil.
// A page opened from a file has the opaque origin "null", which matches nothing: messages
// could only be exchanged with "*", which this page refuses to use.
func checkTargetOrigin(origin string) error {
	if origin == "" || origin == "null" {
		return errors.New("this page has no origin (was it opened from a file? serve the public folder over HTTP)")
	}
	return nil
}

// warn writes to the browser console (the developer tools), where protocol problems belong.
//
// It is not app/browser's Warn, which the canvas and the worker share: this package is
// built natively too (the site tool pre-renders the page with it), where syscall/js, and
// so app/browser, do not exist; the page reaches the browser only through go-app, whose
// app.Window compiles on both sides (and is only called in the browser: IsClient).
func warn(text string) {
	if app.IsClient {
		app.Window().Get("console").Call("warn", text)
	}
}
