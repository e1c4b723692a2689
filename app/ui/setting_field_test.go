package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/sim"
)

// Every setting's own default passes the form's check and comes back unchanged, so the
// form never refuses what it shows.
func TestCheckSettingAcceptsEveryDefault(t *testing.T) {
	def := sim.Default()
	for _, p := range sim.Params() {
		v := def.Get(p.Name)
		got, problem := checkSetting(p, v, v)
		if problem != "" || got != v {
			t.Errorf("%s = %q: got %q, problem %q", p.Name, v, got, problem)
		}
	}
}

// A refused value is explained with the field, the value and the allowed range, and the
// value that stays in force: through the same Config.Set that links and flags use.
func TestCheckSettingExplainsRefusals(t *testing.T) {
	tests := []struct {
		name, text, current string
		want                []string
	}{
		{"side", "40", "16", []string{"Side (px)", "side = 40", "out of range 8..32", "Still using 16."}},
		{"side", "", "16", []string{"Side (px)", "is empty", "8..32", "Still using 16."}},
		{"side", "12.5", "16", []string{"side = 12.5", "an integer in 8..32"}},
		{"lr", "NaN", "0.05", []string{"Learning rate", "lr = NaN", "not finite", "1e-05..10", "Still using 0.05."}},
		{"lr", "11", "0.05", []string{"lr = 11", "out of range 1e-05..10"}},
		{"p", "-0.1", "0.5", []string{"Corruption p", "p = -0.1", "0..1"}},
		{"labels", "sometimes", "true", []string{"Labels", "labels = sometimes", "true, corrupt or random", "Still using true."}},
		{"seed", "-1", "1", []string{"Seed", "seed = -1", "0..9007199254740991"}},
		{"bn", "maybe", "false", []string{"Batch norm", "true or false"}},
	}
	for _, tt := range tests {
		p, ok := sim.LookupParam(tt.name)
		if !ok {
			t.Fatalf("no parameter %s", tt.name)
		}
		got, problem := checkSetting(p, tt.text, tt.current)
		if got != "" || problem == "" {
			t.Errorf("%s = %q: accepted as %q", tt.name, tt.text, got)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(problem, w) {
				t.Errorf("%s = %q: %q does not say %q", tt.name, tt.text, problem, w)
			}
		}
	}
}

func TestCheckSettingWritesValuesAsSimDoes(t *testing.T) {
	p, _ := sim.LookupParam("noise")
	if got, problem := checkSetting(p, " 0.50 ", "0.2"); got != "0.5" || problem != "" {
		t.Errorf("noise = 0.50: got %q, %q; want 0.5", got, problem)
	}
}

func TestFormatBound(t *testing.T) {
	seed, _ := sim.LookupParam("seed")
	lr, _ := sim.LookupParam("lr")
	if got := formatBound(seed, seed.Max); got != "9007199254740991" {
		t.Errorf("seed max = %q", got)
	}
	if got := formatBound(lr, lr.Min); got != "1e-05" {
		t.Errorf("lr min = %q", got)
	}
}

// Every control is labelled (label for= its id), described by its help, and carries the
// range of its parameter.
func TestSettingFieldsAreLabelledAndRanged(t *testing.T) {
	def := sim.Default()
	for _, p := range sim.Params() {
		html := app.HTMLString(&SettingField{Name: p.Name, Value: def.Get(p.Name)})
		id := `id="setting-` + p.Name + `"`
		for _, want := range []string{id, `for="setting-` + p.Name + `"`, `aria-describedby="setting-` + p.Name + `-help"`} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: no %s in %s", p.Name, want, html)
			}
		}
		switch p.Kind {
		case sim.KindInt, sim.KindUint, sim.KindFloat:
			for _, want := range []string{`type="number"`, `min="` + formatBound(p, p.Min) + `"`, `max="` + formatBound(p, p.Max) + `"`, `step="`} {
				if !strings.Contains(html, want) {
					t.Errorf("%s: no %s", p.Name, want)
				}
			}
		case sim.KindEnum:
			if !strings.Contains(html, "<select") || strings.Count(html, "<option") != len(p.Choices) {
				t.Errorf("%s: want a select of %d options: %s", p.Name, len(p.Choices), html)
			}
			// go-app writes an attribute whose value is "true" bare (value, not
			// value="true"), so the option is found by its text.
			if !regexp.MustCompile(`<option[^>]*\bselected\b[^>]*>` + regexp.QuoteMeta(def.Get(p.Name)) + `</option>`).MatchString(html) {
				t.Errorf("%s: the value in force is not selected: %s", p.Name, html)
			}
		case sim.KindBool:
			if !strings.Contains(html, `type="checkbox"`) {
				t.Errorf("%s: no checkbox", p.Name)
			}
		}
		if strings.Contains(html, `role="alert"`) {
			t.Errorf("%s: an alert with nothing wrong", p.Name)
		}
	}
}

// A pre-rendered checkbox that is off has no checked attribute (checked="false" checks).
func TestUncheckedCheckboxHasNoCheckedAttribute(t *testing.T) {
	html := app.HTMLString(&SettingField{Name: "bn", Value: "false"})
	if strings.Contains(html, "checked") {
		t.Errorf("unchecked box pre-renders checked: %s", html)
	}
	if html := app.HTMLString(&SettingField{Name: "bn", Value: "true"}); !strings.Contains(html, "checked") {
		t.Errorf("checked box pre-renders unchecked: %s", html)
	}
}

func TestSettingFieldShowsItsRefusal(t *testing.T) {
	f := &SettingField{Name: "side", Value: "16"}
	p := f.param()
	_, problem := checkSetting(p, "40", f.Value)
	f.draft, f.hasDraft, f.err = "40", true, problem
	html := app.HTMLString(f)
	// go-app writes aria-invalid="true" bare in HTML; the browser sets it as "true".
	for _, want := range []string{`role="alert"`, `aria-invalid`, `value="40"`, "out of range 8..32", `aria-describedby="setting-side-help setting-side-error"`} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in %s", want, html)
		}
	}
	// A preset or a link replaces the experiment: the draft goes with it.
	f.Generation++
	f.OnUpdate(app.Context{})
	if f.hasDraft || f.err != "" {
		t.Error("the draft survived a new generation")
	}
}

func TestSettingsPanelShowsEveryParameterOnce(t *testing.T) {
	html := app.HTMLString(&SettingsPanel{Config: sim.Default()})
	for _, p := range sim.Params() {
		if n := strings.Count(html, `id="setting-`+p.Name+`"`); n != 1 {
			t.Errorf("%s appears %d times", p.Name, n)
		}
	}
	for _, g := range settingGroups() {
		if !strings.Contains(html, g.Title) {
			t.Errorf("no group %s", g.Title)
		}
	}
}

// Every group of the table has a place on the form, so no setting can be left out.
func TestEveryParameterGroupIsShown(t *testing.T) {
	groups := map[string]bool{}
	for _, g := range settingGroups() {
		groups[g.Name] = true
	}
	for _, p := range sim.Params() {
		if !groups[p.Group] {
			t.Errorf("parameter %s is in group %q, which the form does not show", p.Name, p.Group)
		}
	}
}

func TestParamLabels(t *testing.T) {
	want := map[string]string{"wd": "Weight decay", "lr": "Learning rate", "family": "Family", "stepevery": "Step every (epochs)", "testlabels": "Test labels"}
	for name, label := range want {
		p, _ := sim.LookupParam(name)
		if got := paramLabel(p); got != label {
			t.Errorf("paramLabel(%s) = %q, want %q", name, got, label)
		}
	}
	if got := splitCamel("WeightDecay"); got != "Weight decay" {
		t.Errorf("splitCamel = %q", got)
	}
}
