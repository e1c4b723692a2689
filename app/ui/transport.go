package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
)

// Transport holds the buttons that drive the runs, and the speed.
//
// Play and Pause are two buttons rather than one that changes its name: a button whose
// label flips under the pointer (or under a screen reader) is easy to press twice. The one
// that matches the canvas's Playing state, as reported in its Metrics, shows as pressed.
type Transport struct {
	app.Compo

	Ready   bool // the canvas has built the runs; until then there is nothing to drive
	Failed  bool // the canvas could not build them (Lab shows why)
	Playing bool // as the canvas last reported
	Stopped bool // every run has stopped: Play and Step have nothing left to do
	Speed   int  // message.MinSpeed..MaxSpeed

	// Hide lists the controls not to draw (the embed view's choice); the zero value draws
	// them all, as the full page does.
	Hide controlSet
	// Compact keeps the line saying what the runs are doing for screen readers only: an
	// embedded lesson has no room for a sentence under its buttons.
	Compact bool
}

// Icons of the buttons, drawn inline so that no file (let alone font) is fetched for them.
const (
	iconPlay  = `<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 2.5v11l9-5.5z"/></svg>`
	iconPause = `<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z"/></svg>`
	iconStep  = `<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M2.5 2.5v11l7.5-5.5zM11 2.5h2.5v11H11z"/></svg>`
	iconReset = `<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.6.6A3.8 3.8 0 1 0 8 4.2V6L4.5 3.3 8 .6z"/></svg>`
)

// Render draws the buttons, the speed slider and a line saying what the runs are doing.
func (t *Transport) Render() app.UI {
	speedID := "speed"
	var buttons []app.UI
	if !t.Hide.has(controlPlay) {
		buttons = append(buttons, t.button("Play", iconPlay, message.Play, !t.Ready || t.Stopped, t.Ready && t.Playing, "btn-primary"))
	}
	if !t.Hide.has(controlPause) {
		buttons = append(buttons, t.button("Pause", iconPause, message.Pause, !t.Ready, t.Ready && !t.Playing && !t.Stopped, ""))
	}
	if !t.Hide.has(controlStep) {
		buttons = append(buttons, t.button("Step", iconStep, message.Step, !t.Ready || t.Stopped, false, ""))
	}
	if !t.Hide.has(controlReset) {
		buttons = append(buttons, t.button("Reset", iconReset, message.Reset, !t.Ready, false, ""))
	}
	var speed app.UI
	if !t.Hide.has(controlSpeed) {
		speed = t.speed(speedID)
	}
	state := app.P().Class("transport-state").Aria("live", "polite").Text(t.stateText())
	if t.Compact {
		state = state.Class("visually-hidden")
	}
	// The number of buttons, for the narrow layouts, where they share a row evenly.
	class := "transport transport-" + strconv.Itoa(len(buttons))
	return app.Div().Class(class).Role("toolbar").Aria("label", "Training").Body(
		app.Div().Class("transport-buttons").Body(buttons...),
		speed,
		state,
	)
}

// speed draws the speed slider and its reading.
func (t *Transport) speed(speedID string) app.UI {
	return app.Div().Class("speed").Body(
		app.Label().For(speedID).Text("Speed"),
		app.Input().
			Type("range").
			ID(speedID).
			Min(message.MinSpeed).
			Max(message.MaxSpeed).
			Attr("step", "1").
			Value(t.Speed).
			Aria("valuetext", speedText(t.Speed)).
			Aria("describedby", "speed-text").
			OnInput(t.setSpeed),
		app.Span().ID("speed-text").Class("speed-text").Text(speedText(t.Speed)),
	)
}

// button draws one transport button; pressed marks the one matching the canvas's state.
func (t *Transport) button(name, icon string, kind message.Kind, disabled, pressed bool, class string) app.UI {
	// The command is read from the button itself when it is clicked, not captured by the
	// handler: go-app keeps a handler made by the same function literal when it updates
	// an element, so when a button moved (Step hidden for a figure, Reset taking its
	// place), a captured kind would still be Step's.
	b := app.Button().
		Type("button").
		Class("btn", class).
		Aria("controls", CanvasFrameID).
		DataSet("command", string(kind)).
		Body(app.Raw(icon), app.Span().Text(name)).
		OnClick(clickCommand)
	if kind == message.Play || kind == message.Pause {
		b = b.Aria("pressed", pressed)
	}
	if disabled {
		// Only set when true: in the pre-rendered HTML, disabled="false" would disable.
		b = b.Disabled(true)
	}
	return b
}

func (t *Transport) setSpeed(ctx app.Context, e app.Event) {
	speed, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err != nil || speed < message.MinSpeed || speed > message.MaxSpeed {
		return // a range input only yields its own steps; anything else is not ours to act on
	}
	ctx.NewActionWithValue(actionSpeed, speed)
}

// stateText says what the runs are doing, in words.
func (t *Transport) stateText() string {
	switch {
	case t.Failed:
		return "The canvas could not build the runs: see why above."
	case !t.Ready:
		return "Waiting for the canvas…"
	case t.Stopped:
		return "Every run has stopped. Reset to train them again, or change a setting."
	case t.Playing:
		return "Training…"
	}
	return "Paused. Play trains until every run stops; Step trains one epoch."
}

// speedText describes a speed: how many minibatch steps each run may take per second.
func speedText(speed int) string {
	if speed < message.MinSpeed || speed > message.MaxSpeed {
		return strconv.Itoa(speed)
	}
	n := message.StepsPerSecond(speed)
	if n == 0 {
		return strconv.Itoa(speed) + " · as fast as it goes"
	}
	return strconv.Itoa(speed) + " · " + strconv.FormatFloat(n, 'f', -1, 64) + " steps/s"
}

// clickCommand raises the command of the button clicked (its data-command).
func clickCommand(ctx app.Context, e app.Event) {
	kind := message.Kind(ctx.JSSrc().Get("dataset").Get("command").String())
	ctx.NewActionWithValue(actionCommand, kind)
}
