package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// CanvasFrame hosts the canvas, the Ebitengine binary, in an <iframe>: Ebitengine takes
// over the whole document it runs in, so it gets a document of its own.
//
// The iframe has no src until Lab gives it one after mounting. go-app renders the page
// twice (once into index.html, once in the browser, replacing the first); a src in the
// first rendering would load the canvas, then load it again.
//
// A canvas is pixels, which a screen reader cannot read: the frame is named by its title
// and described (aria-describedby) by the canvas put in words, Words (see canvasWords),
// which sit right after it in the page, out of sight.
type CanvasFrame struct {
	app.Compo

	Src    string   // the canvas page, "" before mounting
	Status string   // a line shown over the canvas while it is not ready, "" when it is
	Figure bool     // the canvas makes one of the paper's figures rather than showing runs
	Words  []string // what the canvas shows, a paragraph each; none while it is not ready
}

// CanvasWordsID is the id of the canvas's words, which the browser tests read.
const CanvasWordsID = "canvas-words"

// Render draws the frame, its words and, while the canvas is not ready, what it is waiting for.
func (f *CanvasFrame) Render() app.UI {
	title := "Live training canvas: the memory wall of every training image, the learning curves and the first-layer weights of every run"
	if f.Figure {
		title = "Live canvas: one of the paper's figures, made from your runs"
	}
	// The canvas is out of the Tab order: Ebitengine keeps the keyboard focus once it has
	// it (Tab never leaves its document), which would trap a keyboard user before the
	// controls. Everything the canvas shows is also in its words and the readouts, and
	// every control is in the page.
	frame := app.IFrame().
		ID(CanvasFrameID).
		Class("canvas-frame").
		TabIndex(-1).
		Title(title).
		Aria("describedby", CanvasWordsID)
	if f.Src != "" {
		frame = frame.Src(f.Src)
	}
	// The status element stays in the page when empty: screen readers announce changes
	// of a live region that already exists, not of one that appears.
	status := app.P().Class("canvas-status").Role("status").Text(f.Status)
	if f.Status == "" {
		status = status.Class("is-empty")
	}
	words := make([]app.UI, len(f.Words))
	for i, p := range f.Words {
		words[i] = app.P().Text(p)
	}
	return app.Div().Class("canvas-wrap").Body(
		frame,
		status,
		app.Div().ID(CanvasWordsID).Class("visually-hidden").Body(words...),
	)
}
