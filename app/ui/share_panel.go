package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
)

// SharePanel gives the experiment on screen away: the link that replays it, the HTML
// that embeds it in a course page (with the controls and autoplay the teacher picks),
// and downloads of the curves (CSV) and of the canvas (PNG). With a lesson on screen it
// offers to lock it for students (teacher_lock.go): the link and the HTML then open the
// lesson locked, at its question.
//
// The link and the snippet are in read-only text fields, so that they can be read, and
// selected by hand, as well as copied with their button (see copyText). The embed's
// options and the lock are this panel's own state, not the page's: they describe a page
// to be, not the one on screen, so they are not in the address either.
type SharePanel struct {
	app.Compo

	Base       string // the page's address without query (see share.go); "" before mounting
	State      pageState
	Ready      bool   // the runs are built: there is something to export
	ExportNote string // what the last export did, "" for nothing yet

	custom   bool       // the teacher changed the controls from the default
	controls controlSet // the embed's controls, when custom
	autoplay bool
	lock     bool   // the teacher locks the lesson on screen (see teacher_lock.go)
	note     string // what the last copy did
}

// IDs of the panel's fields, which the copy buttons read.
const (
	shareLinkID    = "share-link"
	shareSnippetID = "share-snippet"
	shareLockID    = "share-lock"
)

func (s *SharePanel) options() embedOptions {
	c := defaultControls
	if s.custom {
		c = s.controls
	}
	opts := embedOptions{Controls: c, Autoplay: s.autoplay}
	if n := s.lockable(); n != 0 && s.lock {
		opts.Lock = n
	}
	return opts
}

// lockable is the lesson on screen, which the teacher may lock; 0 for none.
func (s *SharePanel) lockable() int {
	if _, ok := lessonByN(s.State.View.Lesson); ok {
		return s.State.View.Lesson
	}
	return 0
}

// Render draws the three parts: link, embed, export.
func (s *SharePanel) Render() app.UI {
	csvLabel := "Download curves (CSV)"
	if s.State.Exp.Figure.Kind != "" {
		csvLabel = "Download the figure's numbers (CSV)"
	}
	opts := s.options()
	link := shareLink(s.Base, s.State)
	linkHelp := "Same settings, same seed: whoever opens it sees these runs replay exactly."
	title, height := embedTitle(s.State.Exp), embedHeight(opts.Controls)
	if opts.Lock != 0 {
		link = lockedShareLink(s.Base, opts.Lock, s.State)
		linkHelp = "Locked: students get this lesson at its question, with Play and the numbers but no settings, " +
			"presets or figures; the page tells them it is locked and links to the lab unlocked."
		title, height = lessonEmbedTitle(opts.Lock), embedHeight(opts.Controls&^lockedControls)+embedLessonHeight
	}
	snippet := embedSnippet(embedLink(s.Base, s.State.Exp, s.State.View.Speed, opts), title, height)

	checks := make([]app.UI, len(controlNames))
	for i := range controlNames {
		// Locked, the controls that change the experiment are not offered.
		off := opts.Lock != 0 && lockedControls.has(i)
		checks[i] = s.checkbox("embed-control-"+controlNames[i], controlTitles[i], opts.Controls.has(i) && !off, s.toggleControl(i), off)
	}
	var lock app.UI
	if s.lockable() != 0 {
		lock = app.Div().Class("share-block", "share-lock").Body(
			s.checkbox(shareLockID, "Lock this lesson for students", opts.Lock != 0, s.toggleLock, false),
			app.P().ID("share-lock-help").Class("share-help").Text(
				"The link and the HTML below then open the lesson at its question with its settings hidden, "+
					"so that every student predicts and runs the same experiment."),
		)
	}

	exportButton := func(text, format string) app.UI {
		b := app.Button().Type("button").Class("btn").Text(text).
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionExport, format) })
		if !s.Ready {
			b = b.Disabled(true)
		}
		return b
	}

	return app.Section().Class("share-panel").ID("share").Aria("labelledby", "share-title").Body(
		app.H2().ID("share-title").Text(panelTitles[panelShare]),

		lock,
		app.Div().Class("share-block").Body(
			app.Label().For(shareLinkID).Class("share-label").Text("Link to this experiment"),
			app.Div().Class("copy-row").Body(
				app.Input().Type("text").ID(shareLinkID).Class("copy-field").ReadOnly(true).
					Attr("spellcheck", "false").Aria("describedby", "share-link-help").Value(link),
				app.Button().Type("button").Class("btn").Text("Copy link").OnClick(s.copy(shareLinkID, "link")),
			),
			app.P().ID("share-link-help").Class("share-help").Text(linkHelp),
		),

		app.Div().Class("share-block").Body(
			app.FieldSet().Class("embed-options").Body(
				app.Legend().Class("share-label").Text("Controls of the embedded lesson"),
				app.Div().Class("check-grid").Body(checks...),
				app.Div().Class("check-grid").Body(
					s.checkbox("embed-autoplay", "Start training when it opens (autoplay)", opts.Autoplay, s.toggleAutoplay, false),
				),
			),
			app.Label().For(shareSnippetID).Class("share-label").Text("HTML to paste into a course page"),
			app.Div().Class("copy-row").Body(
				app.Textarea().ID(shareSnippetID).Class("copy-field", "snippet").ReadOnly(true).Rows(5).
					Attr("spellcheck", "false").Aria("describedby", "share-snippet-help").Text(snippet),
				app.Button().Type("button").Class("btn").Text("Copy HTML").OnClick(s.copy(shareSnippetID, "HTML")),
			),
			app.P().ID("share-snippet-help").Class("share-help").Text(
				"The lesson fills the width of its column, from 320 px up, and tells the course page how "+
					"it progresses (see the README's parent API)."),
		),
		app.P().Class("share-status").Role("status").Text(s.note),

		app.Div().Class("share-block").Body(
			app.H3().Class("share-label").Text("Export"),
			app.Div().Class("export-row").Body(
				exportButton(csvLabel, message.FormatCSV),
				exportButton("Download canvas (PNG)", message.FormatPNG),
			),
			app.P().Class("share-status").Role("status").Text(s.ExportNote),
		),
	)
}

// checkbox draws one option, its label clickable; disabled, it cannot be changed.
func (s *SharePanel) checkbox(id, label string, checked bool, toggle app.EventHandler, disabled bool) app.UI {
	in := app.Input().Type("checkbox").ID(id).OnChange(toggle)
	if checked || app.IsClient {
		// As in SettingField: a property in the browser, an attribute when pre-rendered.
		in = in.Checked(checked)
	}
	if disabled || app.IsClient {
		in = in.Disabled(disabled)
	}
	return app.Label().Class("check").For(id).Body(in, app.Span().Text(label))
}

func (s *SharePanel) toggleControl(c int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		s.controls = s.options().Controls.toggle(c)
		s.custom = true
		s.note = ""
	}
}

func (s *SharePanel) toggleLock(ctx app.Context, e app.Event) {
	s.lock = !s.lock
	s.note = ""
}

func (s *SharePanel) toggleAutoplay(ctx app.Context, e app.Event) {
	s.autoplay = !s.autoplay
	s.note = ""
}

func (s *SharePanel) copy(id, what string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		copyText(ctx, id, what, func(ctx app.Context, note string) { s.note = note })
	}
}
