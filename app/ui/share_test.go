package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/sim"
)

const testBase = "https://lab.example/courses/lab/"

func presetExperiment(t *testing.T, id string) experiment {
	t.Helper()
	p, ok := presetByID(id)
	if !ok {
		t.Fatalf("no preset %s", id)
	}
	return p.experiment()
}

func TestShareLink(t *testing.T) {
	if got := shareLink(testBase, defaultState()); got != testBase {
		t.Errorf("default: %q", got)
	}
	s := defaultState()
	s.Exp.Config.Seed = 7
	s.View.Speed = 2
	s.View.Mode, s.View.Parent = viewEmbed, "https://course.example" // an embed's own, dropped
	got := shareLink(testBase, s)
	if got != testBase+"?seed=7&speed=2" {
		t.Errorf("link %q", got)
	}
	back, problems := parseLink(strings.TrimPrefix(got, testBase))
	if len(problems) > 0 || !back.Exp.equal(s.Exp) || back.View.Speed != 2 || back.View.Mode != viewFull {
		t.Errorf("read back %+v, %q", back, problems)
	}
}

func TestEmbedLink(t *testing.T) {
	e := presetExperiment(t, "random-labels")
	tests := []struct {
		speed int
		opts  embedOptions
		want  string
	}{
		{5, embedOptions{Controls: defaultControls}, "?view=embed&preset=random-labels&controls=play,pause,reset"},
		{3, embedOptions{Controls: controlSet(1<<controlPlay | 1<<controlReset), Autoplay: true},
			"?view=embed&preset=random-labels&speed=3&controls=play,reset&autoplay=1"},
		{5, embedOptions{}, "?view=embed&preset=random-labels&controls=none"},
	}
	for _, tt := range tests {
		got := embedLink(testBase, e, tt.speed, tt.opts)
		if got != testBase+tt.want {
			t.Errorf("got %q, want %q", got, testBase+tt.want)
			continue
		}
		back, problems := parseLink(strings.TrimPrefix(got, testBase))
		if len(problems) > 0 || !back.Exp.equal(e) || back.View.Mode != viewEmbed || back.View.Controls != tt.opts.Controls ||
			back.View.Autoplay != tt.opts.Autoplay || back.View.Speed != tt.speed {
			t.Errorf("%q read back %+v, %q", got, back, problems)
		}
	}
	// A custom experiment is written in full.
	c := defaultExperiment()
	c.Config.LR = 0.01
	c.Runs = sim.MustParseVariants("labels=corrupt,p=0.4;labels=random")
	got := embedLink(testBase, c, 5, embedOptions{Controls: defaultControls})
	if !strings.Contains(got, "lr=0.01&runs=labels=corrupt,p=0.4%3Blabels=random&controls=") {
		t.Errorf("custom: %q", got)
	}
}

func TestEmbedSnippet(t *testing.T) {
	src := embedLink(testBase, presetExperiment(t, "random-labels"), 5, embedOptions{Controls: controlSet(1<<controlPlay | 1<<controlReset)})
	got := embedSnippet(src, embedTitle(presetExperiment(t, "random-labels")), embedHeight(controlSet(1<<controlPlay|1<<controlReset)))
	want := `<iframe src="https://lab.example/courses/lab/?view=embed&amp;preset=random-labels&amp;controls=play,reset"` +
		` title="Generalization Lab: Random labels" width="100%" height="480" style="border:0;max-width:100%"` +
		` loading="lazy" referrerpolicy="strict-origin"></iframe>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// Whatever the base holds, the snippet stays one element with its attributes intact.
	evil := embedSnippet(`https://x.example/"><script>alert(1)</script>?`, `a"b<c`, 480)
	if strings.Count(evil, "<") != 2 || strings.Contains(evil, "<script") || strings.Count(evil, `"`) != 14 {
		t.Errorf("not escaped: %s", evil)
	}
	if embedTitle(defaultExperiment()) != "Generalization Lab: True vs random labels" {
		t.Errorf("title %q", embedTitle(defaultExperiment()))
	}
	c := defaultExperiment()
	c.Config.Seed = 3
	if embedTitle(c) != "Generalization Lab" {
		t.Errorf("custom title %q", embedTitle(c))
	}
}

func TestEmbedHeight(t *testing.T) {
	if embedHeight(defaultControls) != 480 || embedHeight(0) != 480 {
		t.Error("a canvas with buttons fits 480")
	}
	if !(embedHeight(allControls) > embedHeight(defaultControls|1<<controlReadouts)) {
		t.Error("more panels, more height")
	}
}

// The share panel shows the link and the snippet in labelled read-only fields, the embed
// options as labelled checkboxes, and the export buttons disabled until the runs exist.
func TestSharePanelRenders(t *testing.T) {
	s := defaultState()
	html := app.HTMLString(&SharePanel{Base: testBase, State: s})
	for _, want := range []string{
		`for="share-link"`, `id="share-link"`, `readonly`, `value="` + testBase + `"`,
		`for="share-snippet"`, `controls=play,pause,reset`, "Copy link", "Copy HTML",
		`id="embed-control-step"`, `for="embed-control-step"`, `id="embed-autoplay"`,
		"Download curves (CSV)", "Download canvas (PNG)", `disabled`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("share panel lacks %q", want)
		}
	}
	ready := app.HTMLString(&SharePanel{Base: testBase, State: s, Ready: true, ExportNote: "Downloaded x.csv."})
	if strings.Contains(ready, "disabled") || !strings.Contains(ready, "Downloaded x.csv.") {
		t.Error("export buttons disabled, or the note missing, once ready")
	}
}
