package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/sim"
)

// RunsField edits the variants trained side by side, written as in links and on the
// command line: runs separated by ";", each a list of name=value settings that override
// the settings below it. Like a SettingField, it checks what the student wrote with the
// core's own parser (sim.Config.Variants) and keeps a refused text as a draft, with an
// alert, while the runs in force stay.
type RunsField struct {
	app.Compo

	Runs       string // the variants in force
	Generation int    // see Lab.generation

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
	case f.hasDraft && f.err == "" && f.draft == f.Runs:
		f.draft, f.hasDraft = "", false
	}
}

// Render draws the field, its syntax help and its error.
func (f *RunsField) Render() app.UI {
	helpID, errID := runsFieldID+"-help", runsFieldID+"-error"
	describedBy := helpID
	shown := f.Runs
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
			app.Text("Up to "+strconv.Itoa(MaxRuns)+" runs separated by "),
			app.Code().Text(";"),
			app.Text(", each a comma-separated list of settings that change the ones below, for example "),
			app.Code().Text("labels=true;labels=corrupt,p=0.5"),
			app.Text(". Every run shares the same images, network and seed except for what it changes. Leave it empty to train the settings below alone."),
		),
	)
}

// onChange checks the committed text and applies it, or keeps it as a refused draft.
func (f *RunsField) onChange(ctx app.Context, e app.Event) {
	text := ctx.JSSrc().Get("value").String()
	runs, problem := checkRunsText(text, f.Runs)
	if problem != "" {
		f.draft, f.hasDraft, f.err = text, true, problem
		return
	}
	if runs == f.Runs {
		f.draft, f.hasDraft, f.err = "", false, ""
		return
	}
	f.draft, f.hasDraft, f.err = runs, true, ""
	ctx.NewActionWithValue(actionRuns, runs)
}

// checkRunsText tidies what the student wrote (spaces around separators go) and checks it
// with sim; the problem names the field, the run, the setting, the value and its range,
// and the runs that stay in force.
//
// The variants are checked on top of sim.Default: they override the base, and sim judges
// each value by its own parameter's range only, so the base in force would not change
// the verdict.
func checkRunsText(text, current string) (runs, problem string) {
	runs = tidyRuns(text)
	if err := checkRuns(sim.Default(), runs); err != nil {
		if current == "" {
			current = "the settings below alone"
		}
		return "", "Runs side by side: " + refusal(err) + ". Still using " + current + "."
	}
	return runs, ""
}

// tidyRuns removes the spaces around ";", "," and "=" and the empty runs, so that the
// canvas, the link and the readouts all see one spelling of the same runs.
func tidyRuns(text string) string {
	var variants []string
	for v := range strings.SplitSeq(text, ";") {
		settings := splitVariant(v)
		if len(settings) == 0 {
			continue
		}
		variants = append(variants, joinVariant(settings))
	}
	return strings.Join(variants, ";")
}
