package ui

import (
	"genlab/app/message"
	"genlab/sim"
)

// Actions are how a component asks for something it cannot do itself: it raises one with
// ctx.NewActionWithValue and Lab, which owns the experiment and the bridge, handles it.
// Keeping their names and payloads here makes the whole vocabulary of the page one list.
const (
	// actionCommand carries a message.Kind: Play, Pause, Step or Reset.
	actionCommand = "genlab/command"
	// actionSpeed carries the new speed, an int in message.MinSpeed..MaxSpeed.
	actionSpeed = "genlab/speed"
	// actionZoom carries the walls' zoom, an int in 0..message.MaxZoom (Envelope.Zoom).
	actionZoom = "genlab/zoom"
	// actionSetting carries a settingChange whose value sim.Config.Set accepts.
	actionSetting = "genlab/setting"
	// actionRuns carries the variants to train side by side, sim.Variants that parseRuns
	// accepted.
	actionRuns = "genlab/runs"
	// actionPreset carries the ID of a Preset.
	actionPreset = "genlab/preset"
	// actionLowerLR has no payload: divide the learning rate by 10 and start again.
	actionLowerLR = "genlab/lower-lr"
	// actionPanel carries the panel (panelReadouts, …) to show or hide.
	actionPanel = "genlab/panel"
	// actionExport carries the format to download: message.FormatCSV or FormatPNG.
	actionExport = "genlab/export"
	// actionFigure carries the message.FigureSetup to make, Kind "" for runs side by side.
	actionFigure = "genlab/figure"
	// actionLesson carries a lessonMove: another step or lesson of the guided lessons.
	actionLesson = "genlab/lesson"
)

// settingChange is one setting of the base Config, by its sim parameter name, in the
// canonical text of sim.Config.Get.
type settingChange struct {
	Name, Value string
}

// experiment is what the canvas trains: base settings and the variants run side by side.
// A Setup message carries it.
type experiment struct {
	Config sim.Config
	Runs   sim.Variants // e.g. labels=true;labels=random, at most message.MaxRuns; none for the base alone
	// Figure, when its Kind is set, is one of the paper's figures made on Config instead
	// of the runs side by side (which are kept for when the student comes back to them).
	Figure message.FigureSetup
}

// defaultExperiment is what a first visit shows: true next to random labels.
func defaultExperiment() experiment {
	return experiment{Config: sim.Default(), Runs: sim.DefaultVariants()}
}

// equal reports whether e and f train the same runs.
func (e experiment) equal(f experiment) bool {
	return e.Config == f.Config && e.Runs.Equal(f.Runs) && e.Figure == f.Figure
}

// setup returns the message that (re)builds the runs of e in the canvas.
func (e experiment) setup() message.Envelope {
	if e.Figure.Kind != "" {
		f := e.Figure
		return message.Envelope{Kind: message.Setup, Query: e.Config.Encode(), Figure: &f}
	}
	return message.Envelope{Kind: message.Setup, Query: e.Config.Encode(), Runs: e.Runs}
}
