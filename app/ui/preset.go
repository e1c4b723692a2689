package ui

import (
	"fmt"
	"slices"
	"sync"

	"genlab/app/message"
	"genlab/sim"
)

// Preset is a one-click lesson: one randomization test of the paper, as the settings and
// the runs that show it, and a line saying what to look for.
//
// LookFor says only what the claims it names (package sim/claims) assert, and a preset's
// runs are runs those claims measure: the claims are tested on ten seeds at the defaults
// (go test ./sim/claims, genlab seeds), and a test of this package checks that every
// preset's runs are among them, so that what a lesson promises holds on the seed a student
// happens to share.
type Preset struct {
	ID      string       // stable name, for the DOM and for tests
	Title   string       // the button's text
	Base    string       // settings that differ from sim.Default, as a link query
	Runs    sim.Variants // the variants side by side
	LookFor string       // what to watch, one or two sentences
	Claims  []string     // the IDs of the claims that back LookFor

	exp experiment // Base and Runs, read once (see presets)
}

// Presets returns the lessons, one per randomization test, the default first. They are
// shared: change a copy's Runs only by replacing them.
func Presets() []Preset { return slices.Clone(presets()) }

// presets builds the lessons once: the page asks on every render which one is on screen
// (activePreset), and reading every lesson's settings each time would be waste. A lesson
// that cannot be read is the program's mistake (a test builds them), so it panics.
var presets = sync.OnceValue(func() []Preset {
	ps := lessons()
	for i := range ps {
		p := &ps[i]
		cfg, err := sim.ParseQuery(p.Base)
		if err != nil {
			panic(fmt.Sprintf("preset %s: %v", p.ID, err))
		}
		if len(p.Runs) > message.MaxRuns {
			panic(fmt.Sprintf("preset %s: %d runs, want at most %d", p.ID, len(p.Runs), message.MaxRuns))
		}
		p.exp = experiment{Config: cfg, Runs: p.Runs}
	}
	return ps
})

// lessons is the table of presets, as written.
func lessons() []Preset {
	return []Preset{
		{
			ID: "true-vs-random", Title: "True vs random labels",
			Runs: sim.DefaultVariants(),
			LookFor: "Both runs reach 100% training accuracy, random labels in typically twice as many " +
				"epochs or more, and they test at chance (10%): memorizing is not learning.",
			Claims: []string{"S1", "S2"},
		},
		{
			ID: "corrupted-labels", Title: "Corrupted labels",
			Runs: sim.MustParseVariants("labels=corrupt,p=0.2;labels=corrupt,p=0.4;labels=corrupt,p=0.8"),
			LookFor: "Every run fits its noisy labels, but the more are wrong, the lower its test accuracy " +
				"and, on most seeds, the later it fits; the images with clean labels light up first.",
			Claims: []string{"S3a", "S3b", "S9"},
		},
		{
			ID: "random-labels", Title: "Random labels",
			Runs: sim.MustParseVariants("labels=random;labels=random,wd=0.0005,dropout=0.2"),
			LookFor: "Weight decay and dropout, the usual regularizers, slow the memorizing of random " +
				"labels down, but it still reaches 100% training accuracy, and tests at chance.",
			Claims: []string{"S1", "S7"},
		},
		{
			ID: "shuffled-pixels", Title: "Shuffled pixels",
			Base: "model=cnn",
			Runs: sim.MustParseVariants("inputs=original;inputs=shuffled"),
			LookFor: "One fixed permutation keeps every pixel but breaks neighbourhoods: the CNN, built " +
				"for local patterns, loses 10 points or more of test accuracy (an MLP, blind to pixel " +
				"order, would not notice).",
			Claims: []string{"S4a", "S4b", "S4c"},
		},
		{
			ID: "random-pixels", Title: "Random pixels",
			Runs: sim.MustParseVariants("inputs=original;inputs=random"),
			LookFor: "Each image gets its own permutation, so nothing is left to learn: the network " +
				"still memorizes every training image, typically taking longer than on the real images " +
				"and less long than random labels.",
			Claims: []string{"S5a", "S5b"},
		},
		{
			ID: "gaussian-inputs", Title: "Gaussian inputs",
			Runs: sim.MustParseVariants("inputs=original;inputs=gaussian"),
			LookFor: "Pixels replaced by noise of the same mean and variance: nothing to learn, yet every " +
				"training label is fitted, typically taking longer than on the real images and less " +
				"long than random labels.",
			Claims: []string{"S5a", "S5b"},
		},
	}
}

// experiment returns the settings and runs of the preset.
func (p Preset) experiment() experiment { return p.exp }

// presetByID returns the preset called id, and whether there is one.
func presetByID(id string) (Preset, bool) {
	for _, p := range presets() {
		if p.ID == id {
			return p, true
		}
	}
	return Preset{}, false
}

// activePreset returns the ID of the preset whose experiment e is exactly, or "" when the
// student has changed something (the page then says "custom").
func activePreset(e experiment) string {
	for _, p := range presets() {
		if p.exp.equal(e) {
			return p.ID
		}
	}
	return ""
}
