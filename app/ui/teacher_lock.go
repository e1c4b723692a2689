package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/sim"
)

// A teacher's lock: lock=1 beside lesson=N in a link, which the share panel writes when
// the teacher ticks "Lock this lesson for students".
//
//	/?lesson=2&lock=1
//	/?view=embed&lesson=2&lock=1&controls=play,pause,reset
//
// A locked page is the lesson and its runs, and nothing that changes them: the question
// and the prediction, Play, Pause, Step, Reset and the speed, the numbers, the zoom of the
// walls; not the settings, the runs editor, the lessons' presets, the figures, the share
// panel (whose options would make another experiment), nor the buttons to other lessons.
// A course page that collects the lesson's prediction and outcome (the parent API's
// lesson event) then collects them for the experiment it asked for, the same for every
// student; and moving to lesson 3 from a link sent for lesson 2 would be a way out of it.
//
// The lock is not a trap: the page says that the teacher's link locked it and links to the
// same lesson unlocked (the link without lock=1), so a curious student can always go on.
// It is a teaching aid, not a security measure: the link is the student's to edit.
//
// lock=1 needs a lesson: on a link without one (or whose lesson= is bad) it is reported and
// ignored, as is a value that is not 1, 0, true or false. lock=0 is the unlocked page.

const (
	keyLock = "lock"
	// unlocked is the default of lock=, for its problems.
	unlocked = "0: the lab unlocked"
)

// parseLock reads lock= into s, after its lesson, through once (see parseLink), and
// returns the problems.
func parseLock(s *pageState, once func(key, def string) (string, bool)) []string {
	value, ok := once(keyLock, unlocked)
	if !ok {
		return nil
	}
	switch value {
	case "0", "false":
		return nil
	case "1", "true":
	default:
		return []string{problem(keyLock, sim.Clip(value), emptyOr(value, "is not ")+"1 or 0", unlocked)}
	}
	if s.View.Lesson == 0 {
		return []string{problem(keyLock, value, "is given without a lesson (only a guided lesson, lesson=N, can be locked)", unlocked)}
	}
	s.View.Lock = true
	// The embed's controls that change the experiment are what the lock hides.
	if s.View.Mode == viewEmbed && s.View.Controls&lockedControls != 0 {
		hidden := s.View.Controls & lockedControls
		s.View.Controls &^= lockedControls
		return []string{problem(keyControls, hidden.String(),
			"is hidden by lock=1, which keeps the lesson from being changed; the other controls are shown", "")}
	}
	return nil
}

// lockedControls are the embed's controls that a lock hides: they change the experiment.
const lockedControls = controlSet(1<<controlPresets | 1<<controlSettings)

// appendLock appends lock=1 to q for a locked lesson.
func appendLock(q []string, v view) []string {
	if v.Lock && v.Lesson != 0 {
		q = append(q, keyLock+"=1")
	}
	return q
}

// lockedState is the page a student opens from a teacher's locked link to lesson n: the
// lesson's own experiment at its question, with no prediction (the teacher's own, if
// the teacher tried the lesson, is not handed out), in the view v otherwise.
func lockedState(n int, v view) pageState {
	l, _ := lessonByN(n)
	v.Lesson, v.Step, v.Guess, v.Lock = l.N, stepQuestion, "", true
	return pageState{Exp: l.experiment(), View: v}
}

// unlockedLink is the address of the page s shows, unlocked: the way out a locked page
// offers.
func unlockedLink(base string, s pageState) string {
	s.View.Lock = false
	return withQuery(base, linkQuery(s))
}

// lockNotice says, above a locked lesson, that the teacher's link locked it and links to
// the lab unlocked; nil when the page is not locked.
//
// The link opens a new tab, as the embed's "Open in Generalization Lab" does: the locked
// lesson, and the prediction it reports to a course page, stay where they are, and go-app
// would otherwise route a link to the same page inside it rather than load it anew.
func (l *Lab) lockNotice() app.UI {
	if !l.view.Lock {
		return nil
	}
	s := pageState{Exp: l.exp, View: l.view}
	s.View.Mode, s.View.Parent, s.View.Autoplay = viewFull, "", false
	if l.view.Mode == viewEmbed {
		s.View.Panels = defaultPanels
	}
	return app.P().Class("lock-note").ID(lockNoteID).Body(
		app.Strong().Text("Locked by your teacher's link: "),
		app.Text("the settings are hidden, so that everyone runs this lesson as it is. "),
		app.A().Href(unlockedLink(l.base, s)).Target("_blank").Rel("noopener").Body(
			app.Text("Open the lab unlocked"),
			app.Span().Class("visually-hidden").Text(" (this lesson without the lock, in a new tab)"),
			app.Span().Aria("hidden", "true").Text(" ↗"),
		),
	)
}

// lockNoteID is the id of the notice, which the browser tests read.
const lockNoteID = "lock-note"
