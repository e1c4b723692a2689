package ui

import (
	"net/url"
	"strconv"
	"strings"

	"genlab/sim"
)

// A lesson's link: lesson=N, step=1|2|3 and guess=<choice>, or guess=<number> for a
// lesson that asks for a number (Lesson.Number), after view= and before the rest of the
// view:
//
//	/?lesson=2&step=3&guess=3
//	/?lesson=2&step=3&guess=factor
//	/?view=embed&lesson=1&controls=play,pause,reset
//
// A lesson that asks for a number still reads a choice's ID, so that a link written
// before it asked for one replays as it did.
//
// The prediction is in the link so that the link replays the lesson as the student left
// it, prediction included: a teacher collecting links sees what each student predicted,
// and a reload at step 3 still shows the prediction next to the outcome.
//
// lesson= gives the starting experiment, the lesson's own, as preset= does (and wins over
// it: a written link never has both); the settings and runs of the same link change it,
// and are written against the lesson's, so that a link always reads back to the state that
// wrote it. Bad values are forgiven like every other key: lesson= not a lesson (no
// lesson), step= not 1..3 (step 1), guess= not a choice of the lesson, nor a number in range
// where it asks for one (no prediction), and
// step= or guess= without a lesson (ignored), each with its sentence in the page's alert.

// Link keys of a lesson.
const (
	keyLesson = "lesson"
	keyStep   = "step"
	keyGuess  = "guess"
)

var lessonKeys = []string{keyLesson, keyStep, keyGuess}

const (
	noLesson = "none: the lab without a lesson"
	noGuess  = "none: no prediction yet"
)

// parseLesson reads the lesson keys of a link into s (the lesson's experiment into s.Exp),
// through once (see parseLink), and returns the problems.
func parseLesson(s *pageState, once func(key, def string) (string, bool)) []string {
	var problems []string
	text, given := once(keyLesson, noLesson)
	var l Lesson
	if given {
		n, err := strconv.Atoi(text)
		found := false
		if err == nil {
			l, found = lessonByN(n)
		}
		if !found {
			problems = append(problems, problem(keyLesson, sim.Clip(text), emptyOr(text, "is not ")+"one of "+orList(lessonNumbers()), noLesson))
		} else {
			s.Exp, s.View.Lesson, s.View.Step = l.experiment(), l.N, stepQuestion
		}
	}
	if step, ok := once(keyStep, "1"); ok {
		n, err := strconv.Atoi(step)
		switch {
		case s.View.Lesson == 0:
			problems = append(problems, problem(keyStep, sim.Clip(step), "is given without a lesson", "none"))
		case err != nil || n < stepQuestion || n > stepOutcome:
			problems = append(problems, problem(keyStep, sim.Clip(step), emptyOr(step, "is not ")+"1, 2 or 3", "1"))
		default:
			s.View.Step = n
		}
	}
	if guess, ok := once(keyGuess, noGuess); ok {
		_, found := l.choice(guess)
		if !found && l.Number != nil {
			// A number as the student typed it, written back in the link's words.
			if canonical, _, ok := l.Number.parse(guess); ok {
				guess, found = canonical, true
			}
		}
		switch {
		case s.View.Lesson == 0:
			problems = append(problems, problem(keyGuess, sim.Clip(guess), "is given without a lesson", noGuess))
		case !found && l.Number != nil:
			problems = append(problems, problem(keyGuess, sim.Clip(guess), emptyOr(guess, "is not ")+l.Number.rangeText()+
				" (nor one of "+orList(l.choiceIDs())+")", noGuess))
		case !found:
			problems = append(problems, problem(keyGuess, sim.Clip(guess), emptyOr(guess, "is not ")+"one of "+orList(l.choiceIDs()), noGuess))
		default:
			s.View.Guess = guess
		}
	}
	return problems
}

// appendLesson appends lesson l's keys to q, then the experiment e as it differs from the
// lesson's: the settings (every one that differs, even back to sim's default), the runs,
// the figure.
func appendLesson(q []string, v view, l Lesson, e experiment) []string {
	q = append(q, keyLesson+"="+strconv.Itoa(l.N))
	if v.Step != stepQuestion {
		q = append(q, keyStep+"="+strconv.Itoa(v.Step))
	}
	if v.Guess != "" {
		q = append(q, keyGuess+"="+url.QueryEscape(v.Guess))
	}
	base := l.experiment()
	for _, p := range sim.Params() {
		if got := e.Config.Get(p.Name); got != base.Config.Get(p.Name) {
			q = append(q, p.Name+"="+url.QueryEscape(got))
		}
	}
	if !e.Runs.Equal(base.Runs) {
		runs := url.QueryEscape(e.Runs.String())
		runs = strings.NewReplacer("%3D", "=", "%2C", ",").Replace(runs)
		q = append(q, runsKey+"="+runs)
	}
	if e.Figure.Kind != "" && e.Figure != base.Figure {
		q = appendFigure(q, e.Figure)
	}
	return q
}
