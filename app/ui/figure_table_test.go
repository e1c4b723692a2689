package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/figure"
)

// The table of a half-made sweep: every cell carries data-figure, data-key, data-metric
// and data-value, a time to fit never reached reads "never" with an empty value, and the
// progress says how far the figure is.
func TestFigureTable(t *testing.T) {
	f, err := figure.New(figure.Sweep, sim.Default(), figure.Options{Levels: 3, Seeds: 2})
	if err != nil {
		t.Fatal(err)
	}
	steps, fit := 410, 8.5
	f.Set(0, figure.Result{Summary: sim.Summary{TrainAcc: 1, TestAcc: 0.9, StepsToFit: &steps, FitEpochs: &fit}})
	f.Set(3, figure.Result{Summary: sim.Summary{TrainAcc: 1, TestAcc: 0.8, StepsToFit: &steps, FitEpochs: &fit}})
	f.Set(2, figure.Result{Summary: sim.Summary{TrainAcc: 0.6, TestAcc: 0.1}})
	html := app.HTMLString(&FigureTable{
		Setup:    message.FigureSetup{Kind: "sweep", Levels: 3, Seeds: 2},
		Base:     sim.Default(),
		Progress: &message.FigureProgress{Done: 3, Total: 6, Cells: message.Cells(f)},
	})
	// Each row opens its run on its own.
	if !hasTag(html, "p = 1", `href="?labels=random&amp;runs="`) && !hasTag(html, "p = 1", `href="?labels=random&runs="`) {
		t.Errorf("no link to the run of p = 1 alone:\n%s", html)
	}
	for _, c := range []struct{ key, metric, value, text string }{
		{"p=0", "steps-to-fit", "410", "410"},
		{"p=0", "test-error", "0.14999999999999997", "15.0%"}, // (0.1 + 0.2) / 2 in float64
		{"p=1", "steps-to-fit", "", "never"},
		{"p=1", "train-acc", "0.6", "60.0%"},
	} {
		value := `data-value="` + c.value + `"`
		if c.value == "" {
			value = "data-value" // go-app writes an empty attribute bare
		}
		if !hasTag(html, c.text, `data-figure="sweep"`, `data-key="`+c.key+`"`, `data-metric="`+c.metric+`"`, value) {
			t.Errorf("no cell %+v in\n%s", c, html)
		}
	}
	// Over two seeds, a cell shows the lowest and highest seed's value under the mean.
	for _, want := range []string{"3 of 6 runs done.", "mean of 2 seeds: 10.0%, 20.0%", "Label corruption",
		`<span class="figure-spread">10.0%–20.0%</span>`, "mean over the 2 seeds"} {
		if !strings.Contains(html, want) {
			t.Errorf("the table lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, `data-key="p=0.5"`) {
		t.Error("a row for a level with no run done")
	}
}

// The kernel figure's table says plainly why the linear kernel does not fit: n > d, with
// both numbers in the tooltip; where n ≤ d it fits, and the RBF kernel's "no" (which the figure's runs
// never show, but a kernel matrix of repeated images would) gives no reason it cannot back.
func TestKernelTableSaysNPassesD(t *testing.T) {
	f, err := figure.New(figure.Kernel, sim.Default(), figure.Options{Levels: 2})
	if err != nil {
		t.Fatal(err)
	}
	fits := map[string]float64{"linear/p=0": 0, "linear/true/n=93": 1, "linear/true/n=187": 0, "rbf/true/n=93": 0}
	for i, tr := range f.Trials {
		if v, ok := fits[tr.Key]; ok {
			f.Set(i, figure.Result{Values: map[string]float64{figure.TrainAcc: 1, figure.TestAcc: 0.5, figure.Norm: 2, figure.Interpolates: v}})
		}
	}
	html := app.HTMLString(&FigureTable{
		Setup:    message.FigureSetup{Kind: "kernel", Levels: 2},
		Base:     sim.Default(),
		Progress: &message.FigureProgress{Done: len(fits), Total: len(f.Trials), Cells: message.Cells(f)},
	})
	for _, c := range []struct{ key, value, text, title string }{
		{"linear/p=0", "0", "no:\u00a0n\u00a0&gt;\u00a0d", `title="1500 images, 144 pixels: a linear model`}, // as go-app escapes it
		{"linear/true/n=187", "0", "no:\u00a0n\u00a0&gt;\u00a0d", `title="187 images, 144 pixels: a linear model`},
		{"linear/true/n=93", "1", "yes", ""},
		{"rbf/true/n=93", "0", "no", ""},
	} {
		if !hasTag(html, c.text, `data-figure="kernel"`, `data-key="`+c.key+`"`, `data-metric="interpolates"`, `data-value="`+c.value+`"`, c.title) {
			t.Errorf("no cell %+v in\n%s", c, html)
		}
	}
	if !strings.Contains(html, "linear kernel, true labels, n = 93") {
		t.Errorf("no row named for its labels and n:\n%s", html)
	}
}

// The bar offers the trained figures only, marks the one on screen, and shows the sweep's
// levels beside the seeds.
func TestFigureBar(t *testing.T) {
	html := app.HTMLString(&FigureBar{})
	for _, k := range figure.Kinds() {
		if !strings.Contains(html, `data-figure="`+k.String()+`"`) {
			t.Errorf("%v not offered", k)
		}
	}
	if strings.Count(html, `aria-pressed="false"`) != len(figureNames()) || strings.Contains(html, "figure-seeds") {
		t.Error("a figure pressed, or options shown, with none on screen")
	}
	html = app.HTMLString(&FigureBar{Active: message.FigureSetup{Kind: "sweep", Levels: 11}})
	// go-app writes aria-pressed="true" as a bare aria-pressed.
	if hasTag(html, "Label corruption (Fig. 1b, 1c)", `aria-pressed="false"`) || !hasTag(html, "11", `value="11"`, "selected") ||
		!strings.Contains(html, `id="figure-seeds"`) || strings.Count(html, "selected") != 2 {
		t.Errorf("the bar does not show the sweep pressed with 11 levels and 1 seed selected:\n%s", html)
	}
	if html := app.HTMLString(&FigureBar{Active: message.FigureSetup{Kind: "table1"}}); strings.Contains(html, "figure-levels") {
		t.Error("levels offered for Table 1")
	}
}

// hasTag reports whether html has an element with every one of attrs and text as its text.
func hasTag(html, text string, attrs ...string) bool {
	for _, tag := range strings.Split(html, "<")[1:] {
		end := strings.Index(tag, ">")
		if end < 0 || strings.TrimSpace(tag[end+1:]) != text {
			continue
		}
		all := true
		for _, a := range attrs {
			all = all && strings.Contains(tag[:end], a)
		}
		if all {
			return true
		}
	}
	return false
}

// Every figure the bar offers says what it shows, in place of a lesson's "Look for".
func TestFigureDescriptions(t *testing.T) {
	for _, name := range figureNames() {
		d := figureDescription(name)
		html := app.HTMLString(&PresetBar{Figure: d})
		if d == "" || !strings.Contains(html, "This figure: ") || strings.Contains(html, "Look for: ") {
			t.Errorf("%s: description %q, bar:\n%s", name, d, html)
		}
	}
}
