package ui

import (
	"net/url"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
	"genlab/sim"
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

	exp  experiment
	view view // layout, speed, panels, embed controls: see view.go
	// generation counts the changes of the experiment made outside the settings form (a
	// link, a preset, "Lower learning rate"): fields drop their half-typed drafts when it
	// moves, since the values those drafts were corrections of are gone.
	generation int
	notices    []string // problems of the page's own making: a bad link, an impossible lower lr

	frameSrc string // "" until mounted: see OnMount
	heard    bool   // the canvas has said Hello: it is running and listening
	phase    phase
	playing  bool
	stats    []message.RunStats
	figure   *message.FigureProgress // the figure's, when the experiment is one
	problem  string                  // the canvas's Problem, if it refused the last Setup
	look     *message.Look           // the training image open in the Inspector; nil: none
	spoken   progressNews            // the runs' progress, said at a calm rate (progress_news.go)
	words    canvasWords             // the canvas put in words, at the same rate (canvas_words.go)

	bridge *Bridge

	base       string // the page's address without query, for the share panel's links
	wantPlay   bool   // play as soon as the runs are built: autoplay, or a course page's play
	exportNote string // what the last export did, for the share panel

	// The embed view's conversation with the course page around it (see ParentBridge).
	parent *ParentBridge
	news   parentNews
	// lessonSent is the lesson outcome last posted to the course page (see reportLesson),
	// so that each is posted once.
	lessonSent string
}

// NewLab returns the page at its defaults (the link is read when it mounts).
func NewLab() *Lab {
	s := defaultState()
	return &Lab{exp: s.Exp, view: s.View, bridge: NewBridge(CanvasFrameID), parent: &ParentBridge{}}
}

// OnMount runs in the browser only. The order matters: listen for the canvas before
// giving the iframe its src, so that the canvas's Hello is never missed.
//
// The link is read here: the page's state is its address (see link.go). A link with
// problems is then rewritten to the state in force, so that the address bar shows what
// the page shows; the notice says what was replaced.
func (l *Lab) OnMount(ctx app.Context) {
	if app.IsClient {
		loc := app.Window().Get("location")
		l.base = loc.Get("origin").String() + loc.Get("pathname").String()
	}
	if u := ctx.Page().URL(); u != nil && u.RawQuery != "" {
		s, problems := parseLink(u.RawQuery)
		l.exp, l.view = s.Exp, s.View
		for _, p := range problems {
			l.notices = append(l.notices, "In the link: "+p+".")
		}
		l.generation++
		l.updateAddress()
	}
	l.wantPlay = l.view.Autoplay
	ctx.Handle(actionCommand, l.onCommand)
	ctx.Handle(actionSpeed, l.onSpeed)
	ctx.Handle(actionZoom, l.onZoom)
	ctx.Handle(actionSetting, l.onSetting)
	ctx.Handle(actionRuns, l.onRuns)
	ctx.Handle(actionPreset, l.onPreset)
	ctx.Handle(actionLowerLR, l.onLowerLR)
	ctx.Handle(actionPanel, l.onPanel)
	ctx.Handle(actionExport, l.onExport)
	ctx.Handle(actionFigure, l.onFigure)
	ctx.Handle(actionLesson, l.onLesson)
	ctx.Handle(actionInspect, l.onInspect)

	if l.view.Mode == viewEmbed && app.IsClient {
		referrer := app.Window().Get("document").Get("referrer").String()
		l.parent.Start(ctx, parentOrigin(l.view.Parent, referrer), l.command)
	}
	l.bridge.OnFile(l.receiveFile)
	l.bridge.Listen(ctx, l.receive)
	// The Setup rides along in the canvas's address too, so that the canvas can start
	// its workers before it has said Hello (see screen.AddressedSetup); sendSetup still answers it.
	l.frameSrc = canvasPage + "#" + url.PathEscape(message.Encode(l.exp.setup()))
	ctx.After(helloTimeout, func(ctx app.Context) {
		if l.phase == phaseLoading {
			l.phase = phaseSilent
		}
	})
}

// OnDismount stops listening for the canvas and the course page.
func (l *Lab) OnDismount() {
	l.bridge.Close()
	l.parent.Close()
}

// receive handles one report of the canvas, already checked by the Bridge.
func (l *Lab) receive(ctx app.Context, e message.Envelope) {
	switch e.Kind {
	case message.Hello:
		// The canvas is listening, for the first time or again after a reload.
		l.heard = true
		l.sendSetup()
	case message.Ready:
		l.phase, l.problem, l.look = phaseReady, "", nil
		l.playing, l.stats, l.figure = e.Playing, e.Stats, e.Progress
		l.words = canvasWords{} // new runs: the last ones' numbers describe nothing now
		l.words.update(time.Now(), l.stats)
		l.bridge.Post(message.Envelope{Kind: message.Speed, Speed: l.view.Speed})
		l.bridge.Post(message.Envelope{Kind: message.Zoom, Zoom: l.view.Zoom})
		l.tellParent(l.news.ready(l.playing, l.stats))
		if l.wantPlay {
			l.wantPlay = false
			l.bridge.Post(message.Envelope{Kind: message.Play})
		}
	case message.Metrics:
		if l.phase != phaseReady {
			return // numbers of the runs the last Setup replaced
		}
		l.playing, l.stats, l.figure = e.Playing, e.Stats, e.Progress
		l.tellParent(l.news.metrics(l.playing, l.stats))
		l.reportLesson()
		if l.exp.Figure.Kind == "" {
			l.spoken.update(time.Now(), l.stats)
			l.words.update(time.Now(), l.stats)
		}
	case message.Inspected:
		if l.phase == phaseReady {
			l.look = e.Look
		}
	case message.Problem:
		l.phase, l.problem = phaseProblem, e.Error
		l.playing, l.stats = false, nil
	}
}

// receiveFile hands a file the canvas exported to the browser's downloads.
func (l *Lab) receiveFile(ctx app.Context, e message.Envelope, blob app.Value) {
	name := exportName(e.Format, l.exp.Figure.Kind)
	download(name, blob)
	l.exportNote = "Downloaded " + name + "."
}

// tellParent posts events to the course page, when embedded in one.
func (l *Lab) tellParent(events []message.ParentEvent) {
	for _, e := range events {
		l.parent.Post(e)
	}
}

// sendSetup (re)builds the runs in the canvas; the numbers shown so far are of old runs.
func (l *Lab) sendSetup() {
	l.phase, l.problem = phaseBuilding, ""
	l.playing, l.stats, l.figure = false, nil, nil
	l.news.reset()
	l.lessonSent = ""
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
	l.updateAddress()
}

// updateAddress makes the address bar show the page's state. It replaces the history
// entry rather than pushing one: a student trying ten learning rates should not need ten
// presses of Back to leave the page.
func (l *Lab) updateAddress() {
	if !app.IsClient {
		return
	}
	u := app.Window().URL()
	q := linkQuery(pageState{Exp: l.exp, View: l.view})
	if u.RawQuery == q {
		return
	}
	u.RawQuery = q
	app.Window().Get("history").Call("replaceState", nil, "", u.String())
}

func (l *Lab) onCommand(ctx app.Context, a app.Action) {
	if kind, ok := a.Value.(message.Kind); ok {
		l.command(ctx, kind)
	}
}

// command drives the runs: from the page's buttons, or from the course page around an
// embedded lesson. Before the runs are built, a play is remembered (and a pause forgets
// it), so that a course page may say play as soon as the lesson's frame has loaded.
func (l *Lab) command(ctx app.Context, kind message.Kind) {
	switch kind {
	case message.Play, message.Pause, message.Step, message.Reset:
	default:
		return
	}
	if l.phase != phaseReady {
		switch kind {
		case message.Play:
			l.wantPlay = true
		case message.Pause:
			l.wantPlay = false
		}
		return
	}
	l.bridge.Post(message.Envelope{Kind: kind})
}

func (l *Lab) onSpeed(ctx app.Context, a app.Action) {
	speed, ok := a.Value.(int)
	if !ok || speed < message.MinSpeed || speed > message.MaxSpeed {
		return
	}
	l.view.Speed = speed
	if l.phase == phaseReady {
		l.bridge.Post(message.Envelope{Kind: message.Speed, Speed: speed})
	}
	l.updateAddress()
}

// onZoom zooms the canvas's walls (WallZoom), at once if the canvas is ready, else at
// its Ready; the zoom is part of the view, so it goes in the address.
func (l *Lab) onZoom(ctx app.Context, a app.Action) {
	zoom, ok := a.Value.(int)
	if !ok || zoom < 0 || zoom > message.MaxZoom {
		return
	}
	l.view.Zoom = zoom
	if l.phase == phaseReady {
		l.bridge.Post(message.Envelope{Kind: message.Zoom, Zoom: zoom})
	}
	l.updateAddress()
}

func (l *Lab) onPanel(ctx app.Context, a app.Action) {
	p, ok := a.Value.(int)
	if !ok || p < 0 || p >= len(panelNames) {
		return
	}
	l.view.Panels = l.view.Panels.toggle(p)
	l.updateAddress()
}

// onExport asks the canvas for a file; it arrives in receiveFile.
func (l *Lab) onExport(ctx app.Context, a app.Action) {
	format, ok := a.Value.(string)
	if !ok || message.FileType(format) == "" || l.phase != phaseReady {
		return
	}
	if l.bridge.Post(message.Envelope{Kind: message.Export, Format: format}) {
		l.exportNote = "Preparing " + exportName(format, l.exp.Figure.Kind) + "…"
	}
}

func (l *Lab) onSetting(ctx app.Context, a app.Action) {
	if l.view.Lock {
		return // a teacher's locked lesson: nothing offers it (teacher_lock.go)
	}
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
	if l.view.Lock {
		return // a teacher's locked lesson: nothing offers it (teacher_lock.go)
	}
	runs, ok := a.Value.(sim.Variants)
	if !ok || runs.Equal(l.exp.Runs) {
		return
	}
	if len(runs) > message.MaxRuns {
		// RunsField checked the runs with parseRuns: this is a bug, not a typo.
		warn("genlab: refused runs the form accepted: " + runs.String())
		return
	}
	l.exp.Runs = runs
	l.changed()
}

// onFigure shows a figure (or, for Kind "", the runs side by side again), with options
// at their defaults kept as 0 as links read them.
func (l *Lab) onFigure(ctx app.Context, a app.Action) {
	if l.view.Lock {
		return // a teacher's locked lesson: nothing offers it (teacher_lock.go)
	}
	f, ok := a.Value.(message.FigureSetup)
	if !ok {
		return
	}
	if f.Kind != "" {
		if _, _, err := f.Options(); err != nil {
			warn("genlab: refused a figure the bar offered: " + f.Kind)
			return
		}
	}
	if f.Seeds == 1 {
		f.Seeds = 0
	}
	if f.Levels == 6 || f.Kind != "sweep" && f.Kind != "kernel" {
		f.Levels = 0
	}
	if f == l.exp.Figure {
		return
	}
	l.exp.Figure = f
	l.view.leaveLesson()
	l.changed()
}

func (l *Lab) onPreset(ctx app.Context, a app.Action) {
	if l.view.Lock {
		return // a teacher's locked lesson: nothing offers it (teacher_lock.go)
	}
	id, _ := a.Value.(string)
	p, ok := presetByID(id)
	if !ok {
		return
	}
	l.exp, l.notices = p.experiment(), nil
	l.view.leaveLesson()
	l.generation++
	l.changed()
}

func (l *Lab) onLowerLR(ctx app.Context, a app.Action) {
	if l.view.Lock {
		return // a teacher's locked lesson: nothing offers it (teacher_lock.go)
	}
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

// Render draws the full page or, for ?view=embed, the compact lesson (lab_embed.go).
func (l *Lab) Render() app.UI {
	if l.view.Mode == viewEmbed {
		return l.renderEmbed()
	}
	return l.renderFull()
}

// renderFull lays the page out in two columns that stack on narrow screens: the lesson,
// the canvas and its controls; then the panels (numbers, share and export, settings),
// each of which the student may hide.
func (l *Lab) renderFull() app.UI {
	ready := l.phase == phaseReady
	open := l.view.Panels
	// Children keep their places whatever is shown: go-app matches old and new children
	// by position, and a component that moved would be mounted anew (a CanvasFrame
	// reloading the canvas, a field losing its draft). So every optional part has a
	// container, empty when the part is hidden.
	var readouts, share, settings app.UI
	var panelBar, figureBar app.UI = &PanelBar{Open: open}, &FigureBar{Active: l.exp.Figure}
	if l.view.Lock {
		// A teacher's locked lesson: its numbers, and nothing that changes it (teacher_lock.go).
		open = 1 << panelReadouts
		panelBar, figureBar = app.Div().Class("slot"), app.Div().Class("slot")
	}
	if open.has(panelReadouts) {
		readouts = l.numbers()
	}
	if open.has(panelShare) {
		share = &SharePanel{Base: l.base, State: pageState{Exp: l.exp, View: l.view}, Ready: ready, ExportNote: l.exportNote}
	}
	if open.has(panelSettings) {
		settings = app.Section().Class("settings").Aria("labelledby", "settings-title").Body(
			app.H2().ID("settings-title").Text("Settings"),
			app.P().Class("settings-intro").Text(
				"Every change rebuilds the runs from epoch 0. The address bar keeps the experiment: copy it to share a run that replays exactly."),
			&RunsField{Runs: l.exp.Runs, Generation: l.generation},
			&SettingsPanel{Config: l.exp.Config, Generation: l.generation},
		)
	}
	return app.Div().Class("lab").Body(
		pageStyle(),
		&Intro{},
		app.Div().Class("lab-grid").Body(
			app.Main().Class("stage").ID("main").Body(
				app.Div().Class("notices").Body(l.renderNotices()),
				app.Div().Class("slot").Body(
					l.lockNotice(),
					l.lessonOr(&PresetBar{Active: activePreset(l.exp), Figure: figureDescription(l.exp.Figure.Kind), Lessons: true}),
				),
				inputStrip(l.exp),
				&CanvasFrame{Src: l.frameSrc, Status: l.canvasStatus(), Figure: l.exp.Figure.Kind != "", Words: l.canvasWords()},
				// On a phone the dock stays at the bottom of the screen (style.css).
				app.Div().Class("transport-dock").Body(
					&Transport{
						Ready:   ready,
						Failed:  l.phase == phaseProblem,
						Playing: l.playing,
						Stopped: l.stopped(),
						Speed:   l.view.Speed,
						Hide:    l.lessonHides(l.figureHides(0)),
					},
					&KeyNumbers{Runs: l.exp.Runs, Stats: l.keyStats()},
				),
				&WallZoom{Zoom: l.view.Zoom, Classes: l.exp.Config.Classes, Hidden: l.exp.Figure.Kind != ""},
				l.inspector(),
				l.newsRegion(),
				// The figures come after the lab's runs and controls (and the inspector
				// of their images): on a phone the dock then covers the canvas, never a
				// button (Lighthouse's target-size audit).
				figureBar,
			),
			app.Aside().Class("panel").Aria("label", "Numbers, sharing and settings").Body(
				panelBar,
				app.Div().Class("slot").Body(readouts),
				app.Div().Class("slot").Body(share),
				app.Div().Class("slot").Body(settings),
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

// inspector is the Inspector of the image the canvas last sent, closed when none.
func (l *Lab) inspector() app.UI {
	in := &Inspector{Look: l.look}
	if l.look != nil {
		if titles := l.exp.Runs.Titles(); l.look.Run < len(titles) {
			in.Title = titles[l.look.Run]
		}
		in.Family = runFamily(l.exp, l.look.Run)
	}
	return in
}

// onInspect asks the canvas for another image of the inspector (a *message.Look), or
// closes it (nil).
func (l *Lab) onInspect(ctx app.Context, a app.Action) {
	look, _ := a.Value.(*message.Look)
	if look == nil {
		l.look = nil
		l.bridge.Post(message.Envelope{Kind: message.Inspect})
		return
	}
	l.bridge.Post(message.Envelope{Kind: message.Inspect, Look: look})
}

// numbers is the numbers panel: the runs' live numbers, or the figure's table.
func (l *Lab) numbers() app.UI {
	if l.exp.Figure.Kind != "" {
		return &FigureTable{Setup: l.exp.Figure, Base: l.exp.Config, Progress: l.figure}
	}
	return &Readouts{Runs: l.exp.Runs, Stats: l.stats, LearningRate: l.exp.Config.Get("lr"), Locked: l.view.Lock}
}

// keyStats returns the numbers the phone's dock shows (KeyNumbers): none for a figure,
// whose numbers are its table's, nor before a lesson's prediction is made.
func (l *Lab) keyStats() []message.RunStats {
	if l.exp.Figure.Kind != "" || l.view.Lesson != 0 && l.view.Step == stepQuestion {
		return nil
	}
	return l.stats
}

// stopped reports whether there is nothing left to play: every run stopped, or every
// run of the figure done.
func (l *Lab) stopped() bool {
	if l.exp.Figure.Kind != "" {
		return l.figure != nil && l.figure.Total > 0 && l.figure.Done == l.figure.Total
	}
	return allStopped(l.stats)
}

// figureHides adds to hide the controls a figure has no use for: its runs train to their
// end at full speed, so there is no epoch to step and no speed to choose.
func (l *Lab) figureHides(hide controlSet) controlSet {
	if l.exp.Figure.Kind == "" {
		return hide
	}
	return hide | 1<<controlStep | 1<<controlSpeed
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
