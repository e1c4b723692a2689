package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
	"genlab/sim/data"
)

// Inspector shows one training image as the network sees it, opened by a click or a tap
// on its tile in a memory wall (the canvas then sends message.Inspected): the image,
// large; the class it was drawn from and the label it is trained on, which differ when
// the label was randomized; what the network answers now, with its probability for every
// class; and when it was first fitted, or that it was fitted and then forgotten.
//
// It is where memorization becomes concrete: a random-labels run ends up giving, with
// near certainty, the label "ring" to a plain square, one image at a time.
//
// It is a region of the page, not a modal dialog: the student keeps the canvas and the
// transport in view, and the inspector follows training as it goes (the canvas resends
// the example several times a second). The keyboard reaches everything: Previous and
// Next (and the arrow keys anywhere in the inspector) move through the run's images in
// their order, Escape and Close close it. When it opens it takes the focus, so that a
// screen reader announces it and the arrows work at once; when it closes, the focus goes
// back to the canvas's frame, where the click came from.
type Inspector struct {
	app.Compo

	Look   *message.Look // nil: closed
	Title  string        // the run's title, e.g. "Random labels"
	Family data.Family   // the run's images, to name its classes

	focused bool // the focus was given since it opened
}

// InspectorID is the id of the inspector's region, which takes the focus.
const InspectorID = "inspector"

// actionInspect carries a *message.Look with Run and Example to inspect, or nil to close.
const actionInspect = "genlab/inspect"

func (in *Inspector) Render() app.UI {
	l := in.Look
	if l == nil {
		return app.Section().ID(InspectorID).Class("inspector").Hidden(true)
	}
	name := func(c int) string { return strconv.Itoa(c) + " (" + data.ClassName(in.Family, c) + ")" }
	var note app.UI
	if l.Given != l.True {
		note = app.Span().Class("inspector-wrong").Text(" — not its class: a randomized label")
	}
	return app.Section().ID(InspectorID).Class("inspector").TabIndex(-1).
		Aria("labelledby", "inspector-title").
		DataSet("run", l.Run).DataSet("example", l.Example).
		OnKeyDown(in.onKey).Body(
		app.Raw("<style>"+inspectorCSS+"</style>"),
		app.Div().Class("inspector-head").Body(
			// Numbered from 0, as the canvas's tooltip numbers the same example.
			app.H2().ID("inspector-title").Text(
				"Training image #"+strconv.Itoa(l.Example)+" of "+strconv.Itoa(l.Examples)+" · "+in.Title),
			app.Button().Class("btn btn-quiet inspector-close").Aria("label", "Close the inspector").Text("×").OnClick(in.onClose),
		),
		app.Div().Class("inspector-body").Body(
			in.image(l),
			app.Dl().Class("inspector-facts").Body(
				app.Dt().Text("True class"), app.Dd().DataSet("true", l.True).Text(name(l.True)),
				app.Dt().Text("Given label"), app.Dd().DataSet("given", l.Given).Body(app.Text(name(l.Given)), note),
				app.Dt().Text("Predicted"), app.Dd().DataSet("pred", l.Pred).Text(in.predicted(name)),
				app.Dt().Text("Fitted"), app.Dd().Text(lookFitText(l)),
			),
		),
		in.probs(name),
		app.Div().Class("inspector-nav").Body(
			app.Button().Class("btn").Text("← Previous image").Disabled(l.Example == 0).OnClick(in.move(-1)),
			app.Button().Class("btn").Text("Next image →").Disabled(l.Example >= l.Examples-1).OnClick(in.move(1)),
		),
	)
}

// image draws the image pixel by pixel, as a grid of grey cells: each pixel a block, no
// smoothing, and nothing fetched (the grey levels came in the message).
func (in *Inspector) image(l *message.Look) app.UI {
	cells := make([]app.UI, len(l.Pixels))
	for k, v := range l.Pixels {
		g := strconv.Itoa(int(v))
		cells[k] = app.Div().Style("background", "rgb("+g+","+g+","+g+")")
	}
	side := strconv.Itoa(l.Side)
	return app.Div().Class("inspector-image").Role("img").
		Aria("label", "The image as the network sees it, "+side+" by "+side+" pixels").
		Style("grid-template-columns", "repeat("+side+", 1fr)").Body(cells...)
}

// predicted says what the network answers: its most likely class now, from the
// probabilities once the worker has sent them, else the last evaluation's.
func (in *Inspector) predicted(name func(int) string) string {
	l := in.Look
	if len(l.Probs) > 0 {
		best := 0
		for k, p := range l.Probs {
			if p > l.Probs[best] {
				best = k
			}
		}
		return name(best) + ", " + percent(l.Probs[best]) + " sure"
	}
	if l.Pred < 0 {
		return "nothing yet (no epoch trained)"
	}
	return name(l.Pred)
}

// probs is a bar per class, the given and true classes marked in words.
func (in *Inspector) probs(name func(int) string) app.UI {
	l := in.Look
	if len(l.Probs) == 0 {
		return app.P().Class("inspector-probs").Text("Probabilities: waiting for the network…")
	}
	rows := make([]app.UI, len(l.Probs))
	for k, p := range l.Probs {
		mark := ""
		switch {
		case k == l.Given && k == l.True:
			mark = " (given, true)"
		case k == l.Given:
			mark = " (given)"
		case k == l.True:
			mark = " (true)"
		}
		rows[k] = app.Li().DataSet("prob", strconv.FormatFloat(p, 'g', -1, 64)).Body(
			app.Span().Class("inspector-class").Text(name(k)+mark),
			app.Meter().Min(0).Max(1).Value(p).Aria("label", "probability of "+name(k)),
			app.Span().Class("inspector-pct").Text(percent(p)),
		)
	}
	return app.Div().Class("inspector-probs").Body(
		app.H3().Text("The network's probabilities now"),
		app.Ul().Body(rows...),
	)
}

// lookFitText says whether and since when the example is fitted: an example fitted once
// that the network gets wrong again was forgotten.
func lookFitText(l *message.Look) string {
	switch {
	case l.FirstFit > 0 && l.Fitted:
		return "yes, since epoch " + strconv.Itoa(l.FirstFit)
	case l.FirstFit > 0:
		return "first at epoch " + strconv.Itoa(l.FirstFit) + ", forgotten since"
	case l.Fitted:
		return "yes"
	case l.Epoch == 0:
		return "not yet (no epoch trained)"
	}
	return "not yet, after " + strconv.Itoa(l.Epoch) + " epochs"
}

func percent(p float64) string { return strconv.FormatFloat(100*p, 'f', 1, 64) + "%" }

// OnUpdate gives the inspector the focus when it opens, once.
func (in *Inspector) OnUpdate(ctx app.Context) {
	if in.Look == nil {
		in.focused = false
		return
	}
	if !in.focused && app.IsClient {
		ctx.Defer(func(app.Context) {
			if el := app.Window().GetElementByID(InspectorID); el.Truthy() {
				el.Call("focus")
			}
		})
	}
	in.focused = true
}

func (in *Inspector) move(d int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { in.step(ctx, d) }
}

// step asks for the example d places away in the run's order.
func (in *Inspector) step(ctx app.Context, d int) {
	l := in.Look
	if l == nil || l.Example+d < 0 || l.Example+d >= l.Examples {
		return
	}
	ctx.NewActionWithValue(actionInspect, &message.Look{Run: l.Run, Example: l.Example + d})
}

func (in *Inspector) onClose(ctx app.Context, e app.Event) { in.close(ctx) }

// close asks Lab to close, and gives the focus back to the canvas.
func (in *Inspector) close(ctx app.Context) {
	ctx.NewActionWithValue(actionInspect, (*message.Look)(nil))
	if app.IsClient {
		if f := app.Window().GetElementByID(CanvasFrameID); f.Truthy() {
			f.Call("focus")
		}
	}
}

func (in *Inspector) onKey(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "Escape":
		in.close(ctx)
	case "ArrowLeft", "ArrowUp":
		in.step(ctx, -1)
	case "ArrowRight", "ArrowDown":
		in.step(ctx, 1)
	default:
		return
	}
	e.PreventDefault()
}

// runFamily returns the image family of run i of an experiment, to name its classes.
func runFamily(exp experiment, i int) data.Family {
	if cfgs := exp.Runs.Configs(exp.Config); i < len(cfgs) {
		return cfgs[i].Family
	}
	return exp.Config.Family
}

// inspectorCSS is the inspector's look, shipped with it (see pageStyle for why a <style>
// in the page), in the style sheet's colours.
const inspectorCSS = `
.inspector {
  display: flex; flex-direction: column; gap: 10px; margin-top: 10px;
  background: var(--card); border: 1px solid var(--line); border-radius: var(--radius);
  padding: 12px 14px;
}
.inspector:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
.inspector-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.inspector-head h2 { margin: 0; font-size: 1.05rem; }
.inspector-close { font-size: 1.3rem; min-width: 40px; }
.inspector-body { display: flex; flex-wrap: wrap; gap: 14px; align-items: flex-start; }
.inspector-image {
  display: grid; width: 192px; height: 192px; flex: none;
  border: 1px solid var(--line-strong); background: #000;
}
.inspector-facts { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 0; font-size: 0.95rem; }
.inspector-facts dt { color: var(--ink-soft); font-weight: 600; }
.inspector-facts dd { margin: 0; }
.inspector-wrong { color: #c2185b; font-weight: 600; }
.inspector-probs h3 { margin: 0 0 4px; font-size: 0.92rem; }
.inspector-probs ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
.inspector-probs li { display: grid; grid-template-columns: 12em 1fr 4em; align-items: center; gap: 8px; font-size: 0.88rem; }
.inspector-probs meter { width: 100%; }
.inspector-pct { text-align: right; font-variant-numeric: tabular-nums; }
.inspector-nav { display: flex; gap: 8px; flex-wrap: wrap; }
@media (max-width: 419px) {
  .inspector-probs li { grid-template-columns: 9em 1fr 3.5em; }
}
`
