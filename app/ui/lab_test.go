package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
	"genlab/sim"
)

// The pre-rendered page has the canvas iframe without a src: go-app mounts the page again
// in the browser, and a src now would load the canvas twice.
func TestPreRenderedCanvasHasNoSrc(t *testing.T) {
	html := app.HTMLString(NewLab())
	i := strings.Index(html, "<iframe")
	if i < 0 {
		t.Fatal("no iframe")
	}
	tag := html[i : i+strings.Index(html[i:], ">")]
	if !strings.Contains(tag, `id="`+CanvasFrameID+`"`) || strings.Contains(tag, "src") {
		t.Errorf("iframe %s: want the canvas frame, without src", tag)
	}
	for _, want := range []string{"Generalization Lab", "True vs random labels", "Runs side by side", "Live numbers", `id="setting-lr"`} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// The conversation with the canvas, driven as the Bridge would drive it.
func TestLabFollowsTheCanvas(t *testing.T) {
	l := NewLab()
	var ctx app.Context
	if l.phase != phaseLoading {
		t.Fatalf("phase %v at start", l.phase)
	}
	l.receive(ctx, message.Envelope{Kind: message.Hello})
	if l.phase != phaseBuilding {
		t.Fatalf("after Hello: phase %v, want building", l.phase)
	}
	// Metrics of the runs a Setup replaced are not shown.
	l.receive(ctx, message.Envelope{Kind: message.Metrics, Playing: true, Stats: sampleStats()})
	if l.stats != nil || l.playing {
		t.Error("metrics shown before Ready")
	}
	l.receive(ctx, message.Envelope{Kind: message.Ready, Stats: sampleStats()})
	if l.phase != phaseReady || len(l.stats) != 2 {
		t.Fatalf("after Ready: phase %v, %d runs", l.phase, len(l.stats))
	}
	l.receive(ctx, message.Envelope{Kind: message.Metrics, Playing: true, Stats: sampleStats()})
	if !l.playing {
		t.Error("Metrics with Playing did not set playing")
	}
	l.receive(ctx, message.Envelope{Kind: message.Problem, Error: "no"})
	if l.phase != phaseProblem || l.problem != "no" || l.stats != nil {
		t.Errorf("after Problem: phase %v, problem %q", l.phase, l.problem)
	}
	if !strings.Contains(app.HTMLString(l), "The canvas could not build these runs: no") {
		t.Error("the canvas's problem is not shown")
	}
}

func TestLabAppliesPresetsSettingsAndLowerLR(t *testing.T) {
	l := NewLab()
	var ctx app.Context
	l.onPreset(ctx, app.Action{Value: "shuffled-pixels"})
	if l.exp.Config.Model != sim.CNN || l.exp.Runs.String() != "inputs=original;inputs=shuffled" || l.generation != 1 {
		t.Errorf("after the preset: %+v, generation %d", l.exp, l.generation)
	}
	l.onSetting(ctx, app.Action{Value: settingChange{Name: "cnnlr", Value: "2"}})
	if l.exp.Config.CNNLR != 2 {
		t.Errorf("cnnlr %v after setting it to 2", l.exp.Config.CNNLR)
	}
	l.onSetting(ctx, app.Action{Value: settingChange{Name: "side", Value: "99"}})
	if l.exp.Config.Side != sim.Default().Side {
		t.Error("an out-of-range setting applied")
	}
	l.onRuns(ctx, app.Action{Value: sim.MustParseVariants("side=8;side=9;side=10;side=11;side=12")})
	if l.exp.Runs.String() != "inputs=original;inputs=shuffled" {
		t.Error("too many runs applied")
	}
	l.onRuns(ctx, app.Action{Value: sim.MustParseVariants("labels=true")})
	if l.exp.Runs.String() != "labels=true" {
		t.Error("good runs not applied")
	}
	l.onLowerLR(ctx, app.Action{})
	if l.exp.Config.CNNLR != 0.2 || l.generation != 2 {
		t.Errorf("cnnlr %v, generation %d after lowering", l.exp.Config.CNNLR, l.generation)
	}
	l.onSpeed(ctx, app.Action{Value: 9})
	if l.view.Speed != message.DefaultSpeed {
		t.Error("an impossible speed applied")
	}
	l.onSpeed(ctx, app.Action{Value: 2})
	if l.view.Speed != 2 {
		t.Error("speed 2 not applied")
	}
	l.onZoom(ctx, app.Action{Value: message.MaxZoom + 1})
	if l.view.Zoom != 0 {
		t.Error("an impossible zoom applied")
	}
	l.onZoom(ctx, app.Action{Value: 4})
	if l.view.Zoom != 4 {
		t.Error("zoom on label 3 not applied")
	}
}

// A canvas that could not start says so before any Hello; changing a setting then must
// not hide why behind a "building" that will never end.
func TestCanvasThatNeverStartedKeepsItsProblem(t *testing.T) {
	l := NewLab()
	var ctx app.Context
	l.receive(ctx, message.Envelope{Kind: message.Problem, Error: "the canvas could not start"})
	l.onPreset(ctx, app.Action{Value: "random-pixels"})
	if l.phase != phaseProblem || l.problem == "" {
		t.Errorf("phase %v, problem %q: the reason was hidden", l.phase, l.problem)
	}
	if l.exp.Runs.String() != "inputs=original;inputs=random" {
		t.Error("the preset did not apply")
	}
}
