package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
)

const (
	// CanvasFrameID is the id of the canvas <iframe>, through which the Bridge finds it.
	CanvasFrameID = "canvas-frame"
	// canvasPage is the canvas document, relative so the site works from any folder.
	canvasPage = "canvas.html"
	// helloTimeout is how long the page waits for the canvas's Hello before it says so.
	helloTimeout = 20 * time.Second
)

// phase is where the conversation with the canvas stands.
type phase int

const (
	phaseLoading  phase = iota // the iframe is loading; no Hello yet
	phaseSilent                // no Hello after helloTimeout
	phaseBuilding              // Setup sent; waiting for Ready
	phaseReady                 // the runs exist; Metrics flow
	phaseProblem               // the canvas refused the last Setup
)

// Lab is the page: it owns the experiment, talks to the canvas through a Bridge, and
// passes what the other components show to them in exported fields.
type Lab struct {
	app.Compo

	exp   experiment
	speed int
	// generation counts the changes of the experiment made outside the settings form (a
	// link, a preset, "Lower learning rate"): fields drop their half-typed drafts when it
	// moves, since the values those drafts were corrections of are gone.
	generation int
	notices    []string // problems of the page's own making: a bad link, an impossible lower lr

	frameSrc string // "" until mounted: see OnMount
	heard    bool   // the canvas has said Hello: it is running and listening
	phase    phase
	playing  bool
	stats    []message.Run
	problem  string // the canvas's Problem, if it refused the last Setup

	bridge *Bridge
}

// NewLab returns the page at its defaults (the link is read when it mounts).
func NewLab() *Lab {
	return &Lab{exp: defaultExperiment(), speed: message.DefaultSpeed, bridge: NewBridge(CanvasFrameID)}
}

// OnMount runs in the browser only. The order matters: listen for the canvas before
// giving the iframe its src, so that the canvas's Hello is never missed.
func (l *Lab) OnMount(ctx app.Context) {
	if u := ctx.Page().URL(); u != nil && u.RawQuery != "" {
		var problems []string
		l.exp, problems = parseLink(u.RawQuery)
		for _, p := range problems {
			l.notices = append(l.notices, "In the link: "+p+".")
		}
		l.generation++
	}
	ctx.Handle(actionCommand, l.onCommand)
	ctx.Handle(actionSpeed, l.onSpeed)
	ctx.Handle(actionSetting, l.onSetting)
	ctx.Handle(actionRuns, l.onRuns)
	ctx.Handle(actionPreset, l.onPreset)
	ctx.Handle(actionLowerLR, l.onLowerLR)

	l.bridge.Listen(ctx, l.receive)
	l.frameSrc = canvasPage
	ctx.After(helloTimeout, func(ctx app.Context) {
		if l.phase == phaseLoading {
			l.phase = phaseSilent
		}
	})
}

// OnDismount stops listening for the canvas.
func (l *Lab) OnDismount() {
	l.bridge.Close()
}

// receive handles one report of the canvas, already checked by the Bridge.
func (l *Lab) receive(ctx app.Context, e message.Envelope) {
	switch e.Kind {
	case message.Hello:
		// The canvas is listening, for the first time or again after a reload.
		l.heard = true
		l.sendSetup()
	case message.Ready:
		l.phase, l.problem = phaseReady, ""
		l.playing, l.stats = e.Playing, e.Stats
		l.bridge.Post(message.Envelope{Kind: message.Speed, Speed: l.speed})
	case message.Metrics:
		if l.phase != phaseReady {
			return // numbers of the runs the last Setup replaced
		}
		l.playing, l.stats = e.Playing, e.Stats
	case message.Problem:
		l.phase, l.problem = phaseProblem, e.Error
		l.playing, l.stats = false, nil
	}
}

// sendSetup (re)builds the runs in the canvas; the numbers shown so far are of old runs.
func (l *Lab) sendSetup() {
	l.phase, l.problem = phaseBuilding, ""
	l.playing, l.stats = false, nil
	l.bridge.Post(l.exp.setup())
}

// changed is called after every change of the experiment: the canvas rebuilds its runs
// (unless it has not said Hello yet, in which case it gets this experiment when it does)
// and the address bar follows, so that a copied link replays what is on screen.
func (l *Lab) changed() {
	// A canvas that never said Hello either is still loading or could not start (its
	// Problem then stays on screen): either way there is nobody to send a Setup to yet.
	if l.heard {
		l.sendSetup()
	}
	if app.IsClient {
		u := app.Window().URL()
		u.RawQuery = linkQuery(l.exp)
		app.Window().Get("history").Call("replaceState", nil, "", u.String())
	}
}

func (l *Lab) onCommand(ctx app.Context, a app.Action) {
	kind, ok := a.Value.(message.Kind)
	if !ok || l.phase != phaseReady {
		return
	}
	switch kind {
	case message.Play, message.Pause, message.Step, message.Reset:
		l.bridge.Post(message.Envelope{Kind: kind})
	}
}

func (l *Lab) onSpeed(ctx app.Context, a app.Action) {
	speed, ok := a.Value.(int)
	if !ok || speed < message.MinSpeed || speed > message.MaxSpeed {
		return
	}
	l.speed = speed
	if l.phase == phaseReady {
		l.bridge.Post(message.Envelope{Kind: message.Speed, Speed: speed})
	}
}

func (l *Lab) onSetting(ctx app.Context, a app.Action) {
	change, ok := a.Value.(settingChange)
	if !ok {
		return
	}
	cfg := l.exp.Config
	if err := cfg.Set(change.Name, change.Value); err != nil {
		// SettingField checked the value with the same Set: this is a bug, not a typo.
		warn("genlab: refused a setting the form accepted: " + err.Error())
		return
	}
	if cfg == l.exp.Config {
		return
	}
	l.exp.Config = cfg
	l.changed()
}

func (l *Lab) onRuns(ctx app.Context, a app.Action) {
	runs, ok := a.Value.(string)
	if !ok || runs == l.exp.Runs {
		return
	}
	if err := checkRuns(l.exp.Config, runs); err != nil {
		warn("genlab: refused runs the form accepted: " + err.Error())
		return
	}
	l.exp.Runs = runs
	l.changed()
}

func (l *Lab) onPreset(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	p, ok := presetByID(id)
	if !ok {
		return
	}
	e, err := p.experiment()
	if err != nil {
		panic(err) // the presets are the program's own data, checked by a test
	}
	l.exp, l.notices = e, nil
	l.generation++
	l.changed()
}

func (l *Lab) onLowerLR(ctx app.Context, a app.Action) {
	e, err := lowerLearningRate(l.exp)
	if err != nil {
		l.notices = append(l.notices, "Cannot lower the learning rate: "+err.Error())
		return
	}
	l.exp = e
	l.generation++
	l.changed()
}

func (l *Lab) dismissNotices(ctx app.Context, e app.Event) {
	l.notices = nil
}

// Render lays the page out in two columns that stack on narrow screens: the lesson, the
// canvas and its controls; then the numbers and the settings.
func (l *Lab) Render() app.UI {
	ready := l.phase == phaseReady
	return app.Div().Class("lab").Body(
		&Intro{},
		app.Div().Class("lab-grid").Body(
			// Children keep their places whatever is shown: go-app matches old and new
			// children by position, and a CanvasFrame that moved would be mounted anew,
			// reloading the canvas. So the notices have a container even when empty.
			app.Main().Class("stage").ID("main").Body(
				app.Div().Class("notices").Body(l.renderNotices()),
				&PresetBar{Active: activePreset(l.exp)},
				&CanvasFrame{Src: l.frameSrc, Status: l.canvasStatus()},
				&Transport{
					Ready:   ready,
					Failed:  l.phase == phaseProblem,
					Playing: l.playing,
					Stopped: allStopped(l.stats),
					Speed:   l.speed,
				},
			),
			app.Aside().Class("panel").Aria("label", "Numbers and settings").Body(
				&Readouts{Names: runNames(l.exp.Runs), Stats: l.stats, LearningRate: l.exp.Config.Get("lr")},
				app.Section().Class("settings").Aria("labelledby", "settings-title").Body(
					app.H2().ID("settings-title").Text("Settings"),
					app.P().Class("settings-intro").Text(
						"Every change rebuilds the runs from epoch 0. The address bar keeps the experiment: copy it to share a run that replays exactly."),
					&RunsField{Runs: l.exp.Runs, Generation: l.generation},
					&SettingsPanel{Config: l.exp.Config, Generation: l.generation},
				),
			),
		),
		app.Footer().Class("lab-footer").Body(
			app.P().Body(
				app.Text("After C. Zhang, S. Bengio, M. Hardt, B. Recht and O. Vinyals, "),
				app.Cite().Text("Understanding deep learning requires rethinking generalization"),
				app.Text(", ICLR 2017. Everything runs in your browser; nothing is sent anywhere."),
			),
		),
	)
}

// canvasStatus is the line shown over the canvas while it is not training, "" when it is.
func (l *Lab) canvasStatus() string {
	switch l.phase {
	case phaseLoading:
		if l.frameSrc == "" {
			return "Starting…"
		}
		return "Loading the canvas…"
	case phaseSilent:
		return "The canvas has not answered. Reload the page; if it persists, check that canvas.html and web/canvas.wasm were built."
	case phaseBuilding:
		return "Generating the images and building the runs…"
	}
	return ""
}

// renderNotices shows the canvas's refusal and the page's own problems, as one alert.
func (l *Lab) renderNotices() app.UI {
	if l.problem == "" && len(l.notices) == 0 {
		return nil
	}
	items := make([]app.UI, 0, len(l.notices)+1)
	if l.problem != "" {
		items = append(items, app.Li().Text("The canvas could not build these runs: "+l.problem))
	}
	for _, n := range l.notices {
		items = append(items, app.Li().Text(n))
	}
	var dismiss app.UI
	if len(l.notices) > 0 {
		dismiss = app.Button().Type("button").Class("btn", "btn-quiet").Text("Dismiss").OnClick(l.dismissNotices)
	}
	return app.Div().Class("notice").Role("alert").Body(
		app.Ul().Body(items...),
		dismiss,
	)
}
