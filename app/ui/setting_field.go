package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/sim"
)

// SettingField is the control of one sim parameter: a number box with the parameter's
// range, a list of its choices, or a checkbox; its label; its help; and, when the student
// enters something the core refuses, an alert saying which field, which value and which
// range, while the last good value stays in force.
//
// What the student typed and the core refused is the field's own state (a draft), kept
// until it is corrected or until the experiment is replaced from elsewhere (a preset, a
// link), which Generation signals.
type SettingField struct {
	app.Compo

	Name       string // the sim parameter, e.g. "side"
	Value      string // its value in force, as sim.Config.Get writes it
	Generation int    // see Lab.generation

	draft    string // what the control shows instead of Value
	hasDraft bool
	err      string // why the draft was refused; "" for a draft that is only pending
	seen     int    // the Generation the draft belongs to
}

// OnMount remembers the generation the field starts in.
func (f *SettingField) OnMount(ctx app.Context) {
	f.seen = f.Generation
}

// OnUpdate drops the draft once it is in force, or once the experiment was replaced.
func (f *SettingField) OnUpdate(ctx app.Context) {
	switch {
	case f.Generation != f.seen:
		f.seen = f.Generation
		f.clearDraft()
	case f.hasDraft && f.err == "" && f.draft == f.Value:
		f.clearDraft()
	}
}

func (f *SettingField) clearDraft() {
	f.draft, f.hasDraft, f.err = "", false, ""
}

// param returns the table row of the field. A name not in the table is a bug of the page.
func (f *SettingField) param() sim.Param {
	p, ok := sim.LookupParam(f.Name)
	if !ok {
		panic("ui: SettingField of unknown parameter " + strconv.Quote(f.Name))
	}
	return p
}

// Render draws the label, the control, the help and the error, tied together with for=
// and aria-describedby so that a screen reader reads them as one field.
func (f *SettingField) Render() app.UI {
	p := f.param()
	id := "setting-" + p.Name
	helpID, errID := id+"-help", id+"-error"
	describedBy := helpID
	if f.err != "" {
		describedBy += " " + errID
	}
	shown := f.Value
	if f.hasDraft {
		shown = f.draft
	}

	var control app.UI
	switch p.Kind {
	case sim.KindBool:
		control = f.checkbox(id, describedBy, shown == "true")
	case sim.KindEnum:
		control = f.choices(id, describedBy, p, shown)
	default:
		control = f.number(id, describedBy, p, shown)
	}

	var alert app.UI
	if f.err != "" {
		alert = app.P().ID(errID).Class("field-error").Role("alert").Text(f.err)
	}
	class := "field field-" + p.Kind.String()
	if f.err != "" {
		class += " has-error"
	}
	head := app.Div().Class("field-head").Body(
		app.Label().For(id).Text(paramLabel(p)),
		app.Code().Class("param-name").Title("its name in links and in runs").Text(p.Name),
	)
	if p.Kind == sim.KindBool {
		head = app.Div().Class("field-head").Body(
			control,
			app.Label().For(id).Text(paramLabel(p)),
			app.Code().Class("param-name").Title("its name in links and in runs").Text(p.Name),
		)
		control = nil
	}
	return app.Div().Class(class).DataSet("param", p.Name).Body(
		head,
		control,
		alert,
		app.P().ID(helpID).Class("help").Text(helpSentence(p.Help)),
	)
}

func (f *SettingField) number(id, describedBy string, p sim.Param, shown string) app.UI {
	mode := "decimal"
	if p.Kind == sim.KindInt || p.Kind == sim.KindUint {
		mode = "numeric"
	}
	in := app.Input().
		Type("number").
		ID(id).
		Name(p.Name).
		Attr("min", formatBound(p, p.Min)).
		Attr("max", formatBound(p, p.Max)).
		Attr("step", formatBound(p, p.Step)).
		Attr("inputmode", mode).
		Value(shown).
		Aria("describedby", describedBy).
		OnChange(f.onChange)
	if f.err != "" {
		in = in.Aria("invalid", true)
	}
	return in
}

func (f *SettingField) choices(id, describedBy string, p sim.Param, shown string) app.UI {
	options := make([]app.UI, len(p.Choices))
	for i, c := range p.Choices {
		o := app.Option().Value(c).Text(c)
		if c == shown {
			// Selecting the option, rather than setting the select's value, works when the
			// select is created: its value is set before its options exist.
			o = o.Selected(true)
		}
		options[i] = o
	}
	return app.Select().
		ID(id).
		Name(p.Name).
		Aria("describedby", describedBy).
		OnChange(f.onChange).
		Body(options...)
}

func (f *SettingField) checkbox(id, describedBy string, checked bool) app.UI {
	in := app.Input().
		Type("checkbox").
		ID(id).
		Name(f.Name).
		Aria("describedby", describedBy).
		OnChange(f.onChange)
	if checked || app.IsClient {
		// In the browser "checked" is set as a property, so false unchecks; in the
		// pre-rendered HTML it is an attribute, where even checked="false" checks.
		in = in.Checked(checked)
	}
	return in
}

// onChange checks a committed value (Enter, leaving the field, picking a choice) with
// the core's own parser and either asks Lab to apply it or keeps it as a refused draft.
func (f *SettingField) onChange(ctx app.Context, e app.Event) {
	p := f.param()
	src := ctx.JSSrc()
	text := src.Get("value").String()
	if p.Kind == sim.KindBool {
		text = strconv.FormatBool(src.Get("checked").Bool())
	}
	canonical, err := checkSetting(p, text, f.Value)
	if err != "" {
		f.draft, f.hasDraft, f.err = text, true, err
		return
	}
	if canonical == f.Value {
		f.clearDraft()
		return
	}
	// Show the value as the core writes it until Lab passes it back as Value.
	f.draft, f.hasDraft, f.err = canonical, true, ""
	ctx.NewActionWithValue(actionSetting, settingChange{Name: p.Name, Value: canonical})
}

// checkSetting runs what a student entered through sim.Config.Set, the parser and range
// check of links and flags. It returns the value as sim writes it, or the sentence to show
// when the core refuses it: the field, the value, the allowed range, and the value that
// stays in force.
//
// The check starts from sim.Default rather than from the settings in force: Set judges a
// value by its own parameter's range only (sim has no rules between settings), so the
// result is the same and the field needs no more than its own value.
func checkSetting(p sim.Param, text, current string) (canonical, problem string) {
	text = strings.TrimSpace(text)
	c := sim.Default()
	if err := c.Set(p.Name, text); err != nil {
		return "", fmt.Sprintf("%s: %s. Still using %s.", paramLabel(p), refusal(err), current)
	}
	return c.Get(p.Name), ""
}

// formatBound writes a bound or step of a number box as HTML wants it: integers in full
// (the seed's bound is 9007199254740991, not 9.007199254740991e+15), other numbers in
// their shortest form (1e-05 is a valid HTML number).
func formatBound(p sim.Param, v float64) string {
	if p.Kind == sim.KindInt || p.Kind == sim.KindUint {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// refusal is the text of an error of sim as the form shows it. sim's reading of links
// skips unknown names "and ignores" them; the form refuses the whole value instead, and
// says so after the error, so that part of the sentence would be wrong here.
func refusal(err error) string {
	return strings.ReplaceAll(err.Error(), " and is ignored", "")
}
