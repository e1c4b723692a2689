package ui

import (
	"strconv"

	"genlab/app/message"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// WallZoom zooms the canvas's memory walls on one label: every run's wall then shows only
// the images trained on that label, as tiles large enough to read each pixel (the
// canvas's zoomed wall, app/canvas/wall.go). A student who saw the walls light up now
// sees what is being memorized: on random labels, images of every shape under one label,
// lit one by one.
//
// It moves through the wall label by label, with Previous and Next, rather than scrolling
// the canvas: a label's ~150 images fit a laptop's canvas whole (and a phone's, in tiles
// of one CSS pixel per image pixel), the runs side by side show the same label, and the
// whole state is one number, kept in the link (zoom=3) so that a teacher can send a
// zoomed lesson. The toggle is a real button (aria-pressed),
// and every control is reached with Tab and pressed with Enter or Space.
type WallZoom struct {
	app.Compo

	Zoom    int // 0: the whole wall; z: zoomed on label z-1 (message.Envelope.Zoom)
	Classes int // K, the labels there are
	Hidden  bool
}

// WallZoomID is the id of the toggle, which the browser tests press.
const WallZoomID = "wall-zoom"

// Render draws the toggle and, when zoomed, the label shown with its Previous and Next.
func (z *WallZoom) Render() app.UI {
	if z.Hidden {
		return app.Div().Class("wall-zoom").Hidden(true)
	}
	on := z.Zoom > 0
	toggle := app.Button().
		Type("button").
		ID(WallZoomID).
		Class("chip", "chip-small").
		Aria("pressed", on).
		Aria("controls", CanvasFrameID).
		DataSet("zoom", strconv.Itoa(z.toggled())).
		Text("Zoom the wall").
		OnClick(clickZoom)
	var steps []app.UI
	if on {
		k := max(z.Classes, 1)
		label := min(z.Zoom-1, k-1)
		steps = []app.UI{
			z.step("Previous label", "‹", (label+k-1)%k),
			app.Span().Class("wall-zoom-label").Aria("live", "polite").
				Text("label " + strconv.Itoa(label) + " of 0–" + strconv.Itoa(k-1)),
			z.step("Next label", "›", (label+1)%k),
		}
	}
	return app.Div().Class("wall-zoom").Role("group").Aria("label", "Memory wall").Body(
		append([]app.UI{toggle}, steps...)...,
	)
}

// toggled is the zoom the toggle sets: off when on, else label 0, the first block of the
// whole wall.
func (z *WallZoom) toggled() int {
	if z.Zoom > 0 {
		return 0
	}
	return 1
}

// step draws a button that zooms on label to.
func (z *WallZoom) step(name, sign string, to int) app.UI {
	return app.Button().
		Type("button").
		Class("chip", "chip-small").
		Aria("label", name).
		Aria("controls", CanvasFrameID).
		DataSet("zoom", strconv.Itoa(to+1)).
		Text(sign).
		OnClick(clickZoom)
}

// clickZoom raises the zoom its button carries. It is read from the button when clicked,
// not captured, for the reason Transport.button gives.
func clickZoom(ctx app.Context, e app.Event) {
	n, err := strconv.Atoi(ctx.JSSrc().Get("dataset").Get("zoom").String())
	if err != nil || n < 0 || n > message.MaxZoom {
		return
	}
	ctx.NewActionWithValue(actionZoom, n)
}
