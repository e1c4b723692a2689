package ui

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
)

// ParentBridge is the embed view's end of the parent API (see package message, parent.go):
// it tells the course page that frames the lesson how the runs progress, and takes play,
// pause and reset from it.
//
// The course page is on another origin, written by someone else, and window.postMessage
// delivers to a window any message from any window that holds a reference to it. So:
//
//   - Events are posted only when the lesson is framed (window.parent !== window), and
//     only to one origin, the course page's, never to "*": the numbers of a lesson are
//     harmless, but a lesson framed by a page that its teacher did not expect should not
//     broadcast them. That origin is the parent= of the link if given (a teacher whose
//     course page sends no Referer names it there), else the origin of document.referrer,
//     which a browser sets to the framing page's address (or, under the default referrer
//     policy, its origin) when it loads the iframe. With neither, the lesson posts nothing.
//   - A command is obeyed only when it comes from window.parent (event.source), from that
//     same origin (event.origin), and has exactly the shape of one (message.DecodeParentCommand).
//     Anything else is logged with console.warn and ignored.
//
// The checks are pure functions (parentOrigin, acceptParentCommand), tested natively; the
// bridge only reads the event's fields and calls the browser.
type ParentBridge struct {
	origin   string // the course page's origin; "" when events go nowhere
	listener app.Func
}

// Start begins talking to the course page at origin (see parentOrigin); command runs on
// the UI goroutine for every accepted command. It does nothing when the page is not
// framed, when origin is "", or outside the browser.
func (p *ParentBridge) Start(ctx app.Context, origin string, command func(app.Context, message.Kind)) {
	if app.IsServer || p.listener != nil || !framed() {
		return
	}
	if origin == "" {
		warn("genlab: embedded, but the course page's origin is unknown (no referrer, no parent= in the link): not reporting progress, not taking commands")
		return
	}
	p.origin = origin
	p.listener = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		event := args[0]
		in := parentInbound{
			Origin:     event.Get("origin").String(),
			FromParent: event.Get("source").Equal(app.Window().Get("parent")),
		}
		in.Data, in.Readable = readCommand(event.Get("data"))
		kind, err := acceptParentCommand(in, p.origin)
		if err != nil {
			if in.FromParent {
				// Only the framing window's messages are worth a word: the canvas's
				// reports arrive here too, and are the Bridge's business.
				warn("genlab: ignored a message from the course page: " + err.Error())
			}
			return nil
		}
		ctx.Dispatch(func(ctx app.Context) { command(ctx, kind) })
		return nil
	})
	app.Window().Call("addEventListener", "message", p.listener)
}

// Post sends one event to the course page, as an object. It reports whether it did.
func (p *ParentBridge) Post(e message.ParentEvent) bool {
	if app.IsServer || p.origin == "" {
		return false
	}
	obj := app.Window().Get("JSON").Call("parse", message.EncodeParentEvent(e))
	app.Window().Get("parent").Call("postMessage", obj, p.origin)
	return true
}

// Close stops listening.
func (p *ParentBridge) Close() {
	if p.listener == nil {
		return
	}
	app.Window().Call("removeEventListener", "message", p.listener)
	p.listener.Release()
	p.listener = nil
}

// framed reports whether the page is in a frame: window.parent !== window.
func framed() bool {
	w := app.Window()
	return !w.Get("parent").Equal(w.Get("window"))
}

// readCommand returns the JSON text of a message's data: itself when it is a string, its
// JSON.stringify when it is an object. ok is false for anything else, and for an object
// that JSON cannot write (one with a cycle, which postMessage can carry).
func readCommand(data app.Value) (text string, ok bool) {
	switch data.Type() {
	case app.TypeString:
		return data.String(), true
	case app.TypeObject:
		defer func() {
			if recover() != nil { // JSON.stringify threw
				text, ok = "", false
			}
		}()
		s := app.Window().Get("JSON").Call("stringify", data)
		if s.Type() != app.TypeString {
			return "", false
		}
		return s.String(), true
	}
	return "", false
}

// parentInbound is what the listener reads off one MessageEvent.
type parentInbound struct {
	Origin     string // event.origin
	FromParent bool   // event.source === window.parent
	Readable   bool   // event.data is a string, or an object JSON can write
	Data       string // its JSON text
}

// acceptParentCommand decides whether a message is a command of the course page at
// origin, and returns it.
func acceptParentCommand(in parentInbound, origin string) (message.Kind, error) {
	switch {
	case origin == "":
		return "", errors.New("the course page's origin is unknown")
	case in.Origin != origin:
		return "", fmt.Errorf("from origin %q, not the course page's %q", in.Origin, origin)
	case !in.FromParent:
		return "", errors.New("not from the framing window")
	case !in.Readable:
		return "", errors.New("data is neither an object nor a string")
	}
	return message.DecodeParentCommand(in.Data)
}

// parentOrigin returns the origin that events go to and commands must come from: param
// (the link's parent=, already checked by checkOrigin) when given, else the origin of
// referrer (document.referrer) when it is an http(s) address, else "" (post nothing).
func parentOrigin(param, referrer string) string {
	if param != "" {
		return param
	}
	u, err := url.Parse(referrer)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return ""
	}
	return strings.ToLower(u.Scheme + "://" + u.Host)
}
