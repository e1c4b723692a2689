package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
	"genlab/sim"
)

// RunsField edits the variants trained side by side, written as in links and on the
// command line: runs separated by ";", each a list of name=value settings that override
// the settings below it. Like a SettingField, it reads what the student wrote with the
// core's own parser (sim.ParseVariants) and keeps a refused text as a draft, with an
// alert, while the runs in force stay.
type RunsField struct {
	app.Compo

	Runs       sim.Variants // the variants in force
	Generation int          // see Lab.generation

	draft    string
	hasDraft bool
	err      string
	seen     int
}

const runsFieldID = "setting-runs"

// OnMount remembers the generation the field starts in.
func (f *RunsField) OnMount(ctx app.Context) {
	f.seen = f.Generation
}

// OnUpdate drops the draft once it is in force, or once the experiment was replaced.
func (f *RunsField) OnUpdate(ctx app.Context) {
	switch {
	case f.Generation != f.seen:
		f.seen = f.Generation
		f.draft, f.hasDraft, f.err = "", false, ""
	case f.hasDraft && f.err == "" && f.draft == f.Runs.String():
		f.draft, f.hasDraft = "", false
	}
}

// Render draws the field, its syntax help and its error.
func (f *RunsField) Render() app.UI {
	helpID, errID := runsFieldID+"-help", runsFieldID+"-error"
	describedBy := helpID
	shown := f.Runs.String()
	if f.hasDraft {
		shown = f.draft
	}
	in := app.Input().
		Type("text").
		ID(runsFieldID).
		Name(runsKey).
		Class("runs-input").
		Attr("spellcheck", "false").
		Attr("autocomplete", "off").
		Attr("autocapitalize", "off").
		Value(shown).
		OnChange(f.onChange)
	var alert app.UI
	if f.err != "" {
		describedBy += " " + errID
		in = in.Aria("invalid", true)
		alert = app.P().ID(errID).Class("field-error").Role("alert").Text(f.err)
	}
	in = in.Aria("describedby", describedBy)

	class := "field field-runs"
	if f.err != "" {
		class += " has-error"
	}
	return app.Div().Class(class).Body(
		app.Div().Class("field-head").Body(
			app.Label().For(runsFieldID).Text("Runs side by side"),
			app.Code().Class("param-name").Title("its name in links").Text(runsKey),
		),
		in,
		alert,
		app.P().ID(helpID).Class("help").Body(
			app.Text("Up to "+strconv.Itoa(message.MaxRuns)+" runs separated by "),
			app.Code().Text(";"),
			app.Text(", each a comma-separated list of settings that change the ones below, for example "),
			app.Code().Text("labels=true;labels=corrupt,p=0.5"),
			app.Text(". Every run shares the same images, network and seed except for what it changes. Leave it empty to train the settings below alone."),
		),
	)
}

// onChange reads the committed text and applies it, or keeps it as a refused draft.
func (f *RunsField) onChange(ctx app.Context, e app.Event) {
	text := ctx.JSSrc().Get("value").String()
	runs, problem := readRunsText(text, f.Runs)
	if problem != "" {
		f.draft, f.hasDraft, f.err = text, true, problem
		return
	}
	if runs.Equal(f.Runs) {
		f.draft, f.hasDraft, f.err = "", false, ""
		return
	}
	// The draft shows the runs' canonical text (no stray spaces, "p=0.40" as 0.4) until
	// they are in force, so that the canvas, the link and the readouts all see one
	// spelling of the same runs.
	f.draft, f.hasDraft, f.err = runs.String(), true, ""
	ctx.NewActionWithValue(actionRuns, runs)
}

// readRunsText reads what the student wrote with sim; the problem names the field, the
// run, the setting, the value and its range, and the runs that stay in force.
func readRunsText(text string, current sim.Variants) (runs sim.Variants, problem string) {
	runs, err := parseRuns(text)
	if err != nil {
		still := current.String()
		if still == "" {
			still = "the settings below alone"
		}
		return nil, "Runs side by side: " + refusal(err) + ". Still using " + still + "."
	}
	return runs, ""
}
