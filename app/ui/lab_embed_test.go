package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
)

// labAt returns a Lab as OnMount leaves it for a link (without a browser).
func labAt(t *testing.T, query string) *Lab {
	t.Helper()
	l := NewLab()
	s, problems := parseLink(query)
	if len(problems) > 0 {
		t.Fatalf("%s: %q", query, problems)
	}
	l.exp, l.view = s.Exp, s.View
	l.wantPlay = l.view.Autoplay
	return l
}

func buttonNames(html string) []string {
	var names []string
	for _, part := range strings.Split(html, "<button")[1:] {
		body := part[strings.Index(part, ">")+1 : strings.Index(part, "</button>")]
		// The transport's buttons hold an icon and a <span> with the name.
		if i := strings.Index(body, "<span>"); i >= 0 {
			body = body[i+len("<span>") : strings.Index(body, "</span>")]
		}
		names = append(names, strings.TrimSpace(body))
	}
	return names
}

func TestEmbedShowsOnlyItsControls(t *testing.T) {
	tests := []struct {
		query   string
		buttons string // the buttons of the page, in order
		has     []string
		hasNot  []string
	}{
		{"view=embed&controls=play,reset", "Play Reset", []string{"embed-fill", "Open in Generalization Lab"},
			[]string{`type="range"`, "Live numbers", "setting-lr", "Generalization Lab</h1>", "True vs random labels</button>"}},
		{"view=embed", "Play Pause Reset", []string{"embed-fill"}, []string{`type="range"`}},
		{"view=embed&controls=none", "", nil, []string{"Open in Generalization Lab", "toolbar"}},
		{"view=embed&controls=speed,readouts", "", []string{`type="range"`, "Live numbers", "data-metric"}, []string{"embed-fill"}},
		{"view=embed&controls=presets,settings,step", "True vs random labels Corrupted labels Random labels Shuffled pixels Random pixels Gaussian inputs Step",
			[]string{"setting-lr", "setting-runs", "<details"}, nil},
	}
	for _, tt := range tests {
		html := withoutStyle(app.HTMLString(labAt(t, tt.query)))
		if got := strings.Join(buttonNames(html), " "); got != tt.buttons {
			t.Errorf("%s: buttons %q, want %q", tt.query, got, tt.buttons)
		}
		if !strings.Contains(html, `data-view="embed"`) || !strings.Contains(html, `id="`+CanvasFrameID+`"`) {
			t.Errorf("%s: not the embed view with its canvas", tt.query)
		}
		for _, want := range tt.has {
			if !strings.Contains(html, want) {
				t.Errorf("%s: lacks %q", tt.query, want)
			}
		}
		for _, not := range tt.hasNot {
			if strings.Contains(html, not) {
				t.Errorf("%s: has %q", tt.query, not)
			}
		}
	}
}

func TestFullPagePanels(t *testing.T) {
	html := app.HTMLString(labAt(t, ""))
	if !strings.Contains(html, "Live numbers</h2>") || !strings.Contains(html, `id="settings-title"`) || strings.Contains(html, `id="share-link"`) {
		t.Error("the default panels are the numbers and the settings")
	}
	html = app.HTMLString(labAt(t, "panels=share"))
	if strings.Contains(html, "Live numbers</h2>") || strings.Contains(html, `id="settings-title"`) || !strings.Contains(html, `id="share-link"`) {
		t.Error("panels=share shows the share panel alone")
	}
	for _, name := range panelToggles {
		if !strings.Contains(html, ">"+strings.ReplaceAll(name, "&", "&amp;")+"</button>") {
			t.Errorf("no toggle for %s", name)
		}
	}
	l := labAt(t, "")
	l.onPanel(app.Context{}, app.Action{Value: panelShare})
	l.onPanel(app.Context{}, app.Action{Value: panelReadouts})
	l.onPanel(app.Context{}, app.Action{Value: 99})
	if l.view.Panels.String() != "share,settings" {
		t.Errorf("panels after toggling: %s", l.view.Panels)
	}
}

// Autoplay, or a course page's play before the runs are built, plays once they are.
func TestPlayWaitsForTheRuns(t *testing.T) {
	var ctx app.Context
	l := labAt(t, "view=embed&autoplay=1")
	if !l.wantPlay {
		t.Fatal("autoplay does not ask to play")
	}
	l.receive(ctx, message.Envelope{Kind: message.Hello})
	l.receive(ctx, message.Envelope{Kind: message.Ready, Stats: sampleStats()})
	if l.wantPlay {
		t.Error("still waiting to play once ready")
	}

	l = labAt(t, "view=embed")
	l.command(ctx, message.Play)
	if !l.wantPlay {
		t.Error("a play before the runs exist is forgotten")
	}
	l.command(ctx, message.Pause)
	if l.wantPlay {
		t.Error("a pause does not cancel the pending play")
	}
	l.command(ctx, message.Setup) // not a command anyone may give
	l.command(ctx, message.Play)
	l.receive(ctx, message.Envelope{Kind: message.Hello})
	l.receive(ctx, message.Envelope{Kind: message.Ready, Stats: sampleStats()})
	if l.wantPlay {
		t.Error("the pending play was not sent")
	}
}

func TestExportOnlyWhenReady(t *testing.T) {
	var ctx app.Context
	l := NewLab()
	l.onExport(ctx, app.Action{Value: message.FormatCSV})
	if l.exportNote != "" {
		t.Error("exporting before the runs exist")
	}
	l.receive(ctx, message.Envelope{Kind: message.Hello})
	l.receive(ctx, message.Envelope{Kind: message.Ready, Stats: sampleStats()})
	l.onExport(ctx, app.Action{Value: "gif"})
	if l.exportNote != "" {
		t.Error("exporting an unknown format")
	}
	if exportName(message.FormatCSV, "") != "generalization-lab-curves.csv" || exportName(message.FormatPNG, "") != "generalization-lab-canvas.png" ||
		exportName(message.FormatCSV, "sweep") != "generalization-lab-sweep.csv" || exportName(message.FormatPNG, "sweep") != "generalization-lab-sweep.png" {
		t.Error("file names")
	}
}

func TestSpeedIsInTheLink(t *testing.T) {
	l := labAt(t, "")
	l.onSpeed(app.Context{}, app.Action{Value: 2})
	if q := linkQuery(pageState{Exp: l.exp, View: l.view}); q != "speed=2" {
		t.Errorf("link %q", q)
	}
}

// withoutStyle drops the page's <style> element, whose selectors name classes.
func withoutStyle(html string) string {
	i, j := strings.Index(html, "<style>"), strings.Index(html, "</style>")
	if i < 0 || j < i {
		return html
	}
	return html[:i] + html[j+len("</style>"):]
}
