package ui

import (
	"html"
	"strconv"
	"strings"
)

// The share panel's link and snippet, as pure functions of the state, so that they are
// tested natively. base is the page's own address without its query (location.origin +
// location.pathname), so the links work wherever the site is hosted, sub-folder included.

// shareLink returns the absolute address of the full page showing s: opened, it replays
// the same runs (everything is seeded) in the same view.
func shareLink(base string, s pageState) string {
	s.View.Mode = viewFull
	s.View.Parent = "" // an embed's, meaningless on the full page
	return withQuery(base, linkQuery(s))
}

// lockedShareLink returns the address of the full page showing lesson n locked (see
// teacher_lock.go), at its question, in the view of s (speed, zoom) with the default
// panels: the link a teacher sends students.
func lockedShareLink(base string, n int, s pageState) string {
	v := s.View
	v.Panels, v.Autoplay = defaultPanels, false
	return shareLink(base, lockedState(n, v))
}

// embedOptions are what a teacher chooses for an embedded lesson in the share panel.
type embedOptions struct {
	Controls controlSet
	Autoplay bool
	// Lock is the lesson (its N) the embed shows locked, at its question; 0 for an
	// unlocked embed of the experiment. Locked, the controls that change the experiment
	// (lockedControls) are left out whatever Controls holds.
	Lock int
}

// embedLink returns the address of the embed view of experiment e at speed, with opts:
// view=embed, the experiment as linkQuery writes it (or, locked, lesson=N&lock=1), the speed if not the default, the
// controls (always, even the default set: a snippet pasted into a course page must not
// change when the default does) and autoplay=1 if chosen. parseLink reads it back.
func embedLink(base string, e experiment, speed int, opts embedOptions) string {
	q := []string{keyView + "=" + viewEmbed.String()}
	controls := opts.Controls
	if l, ok := lessonByN(opts.Lock); ok {
		locked := lockedState(l.N, defaultView())
		q = appendLesson(q, locked.View, l, locked.Exp)
		q = appendLock(q, locked.View)
		controls &^= lockedControls
	} else {
		q = appendExperiment(q, e)
	}
	if speed != defaultView().Speed {
		q = append(q, keySpeed+"="+strconv.Itoa(speed))
	}
	q = append(q, keyControls+"="+controls.String())
	if opts.Autoplay {
		q = append(q, keyAutoplay+"=1")
	}
	return withQuery(base, strings.Join(q, "&"))
}

// embedHeight is the height, in CSS pixels, that the snippet gives the iframe: the canvas
// and a row of buttons fit 480 (the canvas then fills what the controls leave, down to a
// 320 px wide phone), and each panel below the canvas asks for its own room. The embed
// scrolls inside its frame when a course page gives it less.
func embedHeight(c controlSet) int {
	h := 480
	if c.has(controlPresets) {
		h += 110
	}
	if c.has(controlReadouts) {
		h += 330
	}
	if c.has(controlSettings) {
		h += 60
	}
	return h
}

// embedSnippet returns the HTML a teacher pastes into a course page: an iframe of src,
// as wide as the column it is put in. referrerpolicy="strict-origin" makes the browser
// tell the lesson the course page's origin (and nothing more) whatever the course page's
// own policy, so that the lesson can report its progress to it (see ParentBridge).
func embedSnippet(src, title string, height int) string {
	return `<iframe src="` + html.EscapeString(src) + `" title="` + html.EscapeString(title) +
		`" width="100%" height="` + strconv.Itoa(height) + `" style="border:0;max-width:100%"` +
		` loading="lazy" referrerpolicy="strict-origin"></iframe>`
}

// embedTitle is the iframe's accessible name: the lab, and the lesson or figure when it is one.
func embedTitle(e experiment) string {
	if k, _, err := e.Figure.Options(); e.Figure.Kind != "" && err == nil {
		return "Generalization Lab: " + k.Title()
	}
	if p, ok := presetByID(activePreset(e)); ok {
		return "Generalization Lab: " + p.Title
	}
	return "Generalization Lab"
}

// embedLessonHeight is the room, in CSS pixels, that a locked lesson's notice and panel
// take above the canvas of an embed (measured at 375 px: about 70 for the notice, 375 for
// the question and three choices at step 1), which the snippet adds to embedHeight.
const embedLessonHeight = 460

// lessonEmbedTitle is the iframe's accessible name for a locked lesson.
func lessonEmbedTitle(n int) string {
	l, _ := lessonByN(n)
	return "Generalization Lab: Lesson " + strconv.Itoa(l.N) + ": " + l.Title
}

func withQuery(base, q string) string {
	if q == "" {
		return base
	}
	return base + "?" + q
}
