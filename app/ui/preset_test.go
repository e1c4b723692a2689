package ui

import (
	"slices"
	"strings"
	"testing"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/claims"
)

// Every preset is a valid experiment the canvas can build (presets panics on one that is
// not), within the canvas's limit of runs.
func TestPresetsAreValidExperiments(t *testing.T) {
	ids, titles := map[string]bool{}, map[string]bool{}
	for _, p := range Presets() {
		if ids[p.ID] || titles[p.Title] {
			t.Errorf("preset %s: duplicate ID or title", p.ID)
		}
		ids[p.ID], titles[p.Title] = true, true
		e := p.experiment()
		if n := len(e.Runs); n < 2 || n > message.MaxRuns {
			t.Errorf("preset %s: %d runs, want 2..%d side by side", p.ID, n, message.MaxRuns)
		}
		if base, err := sim.ParseQuery(p.Base); err != nil || base != e.Config {
			t.Errorf("preset %s: settings %+v, want those of %q (%v)", p.ID, e.Config, p.Base, err)
		}
		if p.LookFor == "" || strings.HasSuffix(p.LookFor, " ") {
			t.Errorf("preset %s: no explanation", p.ID)
		}
		if got := activePreset(e); got != p.ID {
			t.Errorf("activePreset(preset %s) = %q", p.ID, got)
		}
	}
}

// The first preset is what a first visit shows.
func TestFirstPresetIsTheDefault(t *testing.T) {
	p := Presets()[0]
	e := p.experiment()
	if !e.equal(defaultExperiment()) || p.Title != "True vs random labels" {
		t.Errorf("first preset %s = %+v, want the default experiment", p.ID, e)
	}
	if got := activePreset(defaultExperiment()); got != p.ID {
		t.Errorf("activePreset(default) = %q, want %q", got, p.ID)
	}
}

// One preset per randomization test of the paper, each running the test it is named after.
func TestOnePresetPerRandomizationTest(t *testing.T) {
	want := map[string]string{
		"Corrupted labels": "labels=corrupt",
		"Random labels":    "labels=random",
		"Shuffled pixels":  "inputs=shuffled",
		"Random pixels":    "inputs=random",
		"Gaussian inputs":  "inputs=gaussian",
	}
	for _, p := range Presets() {
		if setting, ok := want[p.Title]; ok {
			if !strings.Contains(p.Runs.String(), setting) {
				t.Errorf("preset %q does not run %s: %q", p.Title, setting, p.Runs)
			}
			delete(want, p.Title)
		}
	}
	for title := range want {
		t.Errorf("no preset %q", title)
	}
}

// Shuffled pixels only show something with a CNN: an MLP is blind to pixel order.
func TestShuffledPixelsPresetUsesACNN(t *testing.T) {
	p, ok := presetByID("shuffled-pixels")
	if !ok {
		t.Fatal("no shuffled-pixels preset")
	}
	e := p.experiment()
	if e.Config.Model != sim.CNN {
		t.Errorf("model %v, want cnn", e.Config.Model)
	}
}

func TestActivePresetOfACustomExperimentIsNone(t *testing.T) {
	e := defaultExperiment()
	if err := e.Config.Set("side", "16"); err != nil {
		t.Fatal(err)
	}
	if got := activePreset(e); got != "" {
		t.Errorf("activePreset(custom) = %q, want none", got)
	}
	if _, ok := presetByID("no-such-lesson"); ok {
		t.Error("presetByID found a preset that does not exist")
	}
}

// The page asks which lesson is on screen at every render: the presets are read once,
// so asking costs no parsing and allocates nothing.
func TestActivePresetAllocatesNothing(t *testing.T) {
	e := Presets()[3].experiment()
	if allocs := testing.AllocsPerRun(100, func() { activePreset(e) }); allocs != 0 {
		t.Errorf("activePreset allocates %v times, want 0", allocs)
	}
}

// What a lesson says is what the claims assert: every preset names claims that exist, and
// every run it shows is a run the claims measure at the defaults, where package
// sim/claims tests them on ten seeds. A preset changed to runs no claim measures, or
// naming no claim, fails here until its sentence is backed.
func TestPresetsSayWhatTheClaimsTest(t *testing.T) {
	ids := map[string]bool{}
	for _, c := range claims.Claims() {
		ids[c.ID] = true
	}
	measured := claims.Runs(sim.Default())
	for _, p := range Presets() {
		if len(p.Claims) == 0 {
			t.Errorf("preset %s: its Look for line names no claim", p.ID)
		}
		for _, id := range p.Claims {
			if !ids[id] {
				t.Errorf("preset %s: no claim %s", p.ID, id)
			}
		}
		e := p.experiment()
		for i, c := range e.Runs.Configs(e.Config) {
			if !slices.Contains(measured, c) {
				t.Errorf("preset %s: run %d (%s) is not one the claims measure", p.ID, i+1, c.Encode())
			}
		}
	}
}
