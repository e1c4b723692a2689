package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The embed view: ?view=embed, for an <iframe> in a course page.
//
// It is the same Lab (the same experiment from the same link keys, the same canvas, the
// same bridge), laid out for a frame a teacher sizes: no header, no intro, no footer; the
// canvas fills the width, and, when nothing but buttons sits under it, the height the
// frame leaves, so a 320×480 frame on a phone shows a 320 px wide canvas of about 430 px
// (app/canvas then stacks the runs). Under it, only the controls that controls= lists
// (see view.go; play, pause and reset by default, none for a bare canvas), and a link that
// opens the same lesson in the full lab, in a new tab.
//
// Why a query parameter rather than a route of its own (/embed): the site is a folder of
// static files, served by whatever a school has. A route would be a second generated page,
// named "embed" without an extension, which some static servers would send as a download
// rather than as HTML, and which the offline cache and sub-folder hosting would have to
// know about. ?view=embed is the same index.html, cached and hosted like it.
func (l *Lab) renderEmbed() app.UI {
	ready := l.phase == phaseReady
	c := l.view.Controls
	var presets, transport, readouts, settings, open app.UI
	if c.has(controlPresets) {
		presets = &PresetBar{Active: activePreset(l.exp), Figure: figureDescription(l.exp.Figure.Kind)}
	}
	presets = l.lessonOr(presets) // a lesson is the embed's content, whatever controls= lists
	if c&transportControls != 0 {
		transport = &Transport{
			Ready:   ready,
			Failed:  l.phase == phaseProblem,
			Playing: l.playing,
			Stopped: l.stopped(),
			Speed:   l.view.Speed,
			Hide:    l.lessonHides(l.figureHides(allControls &^ c)),
			Compact: true,
		}
	}
	if c.has(controlReadouts) {
		readouts = l.numbers()
	}
	if c.has(controlSettings) {
		settings = app.Details().Class("settings", "embed-settings").Body(
			app.Summary().Body(app.Span().Class("group-title").Text("Settings")),
			app.P().Class("settings-intro").Text("Every change rebuilds the runs from epoch 0."),
			&RunsField{Runs: l.exp.Runs, Generation: l.generation},
			&SettingsPanel{Config: l.exp.Config, Generation: l.generation},
		)
	}
	if c != 0 {
		full := defaultView()
		full.Speed = l.view.Speed
		open = app.A().
			Class("embed-open").
			Href(withQuery(l.base, linkQuery(pageState{Exp: l.exp, View: full}))).
			Target("_blank").
			Rel("noopener").
			// The name a screen reader says begins with the words shown, so that a
			// student who says "Open in Generalization Lab" to voice control reaches
			// it; the rest, not shown, says where it goes, and the arrow is not read.
			Body(
				app.Text("Open in Generalization Lab"),
				app.Span().Class("visually-hidden").Text(" (this lesson, in a new tab)"),
				app.Span().Aria("hidden", "true").Text(" ↗"),
			)
	}
	class := "embed"
	if c&^transportControls == 0 {
		class += " embed-fill" // only buttons under the canvas: the canvas takes the height
	}
	return app.Main().Class(class).ID("main").DataSet("view", viewEmbed.String()).Body(
		pageStyle(),
		app.Div().Class("notices").Body(l.renderNotices()),
		app.Div().Class("slot").Body(l.lockNotice(), presets),
		&CanvasFrame{Src: l.frameSrc, Status: l.canvasStatus(), Figure: l.exp.Figure.Kind != "", Words: l.canvasWords()},
		app.Div().Class("embed-bar").Body(transport, open),
		app.Div().Class("slot").Body(readouts),
		app.Div().Class("slot").Body(settings),
		l.newsRegion(),
	)
}
