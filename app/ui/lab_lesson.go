package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
)

// Lab's side of the guided lessons (lesson.go, LessonPanel): moving between steps and
// lessons, what the Transport hides while the student predicts, and the lesson event of
// the parent API.

// leaveLesson ends the guided lesson, leaving the experiment as it is: choosing a preset
// or a figure is leaving it.
func (v *view) leaveLesson() { v.Lesson, v.Step, v.Guess = 0, 0, "" }

// onLesson moves to another step or lesson. A new lesson (or the same one after its
// settings were changed) rebuilds its runs; a step of the same lesson only changes the
// address, so the runs played at step 2 are still there at step 3.
func (l *Lab) onLesson(ctx app.Context, a app.Action) {
	m, ok := a.Value.(lessonMove)
	if !ok {
		return
	}
	if l.view.Lock && m.N != l.view.Lesson {
		return // a teacher's locked lesson stays this lesson (teacher_lock.go)
	}
	if m.N == 0 {
		l.view.leaveLesson()
		l.updateAddress()
		return
	}
	les, found := lessonByN(m.N)
	if !found || m.Step < stepQuestion || m.Step > stepOutcome {
		return
	}
	if _, ok := les.predicted(m.Guess); !ok && m.Guess != "" {
		return
	}
	predicted := m.Guess != "" && m.Guess != l.view.Guess
	fresh := m.N != l.view.Lesson || !l.exp.equal(les.experiment())
	l.view.Lesson, l.view.Step, l.view.Guess = m.N, m.Step, m.Guess
	if fresh {
		l.exp, l.notices = les.experiment(), nil
		l.generation++
		l.changed()
	} else {
		l.updateAddress()
	}
	if predicted {
		l.parent.Post(l.lessonEvent(les, outcome{}))
	}
	l.reportLesson()
}

// lessonOr returns the lesson on screen, or other when there is none.
func (l *Lab) lessonOr(other app.UI) app.UI {
	les, ok := lessonByN(l.view.Lesson)
	if !ok {
		return other
	}
	return &LessonPanel{N: les.N, Step: l.view.Step, Guess: l.view.Guess, Outcome: l.lessonOutcome(),
		Changed: !l.exp.equal(les.experiment()), Embedded: l.view.Mode == viewEmbed, Locked: l.view.Lock}
}

// lessonOutcome is what the lesson's runs measured, known once they have all stopped.
func (l *Lab) lessonOutcome() outcome {
	les, ok := lessonByN(l.view.Lesson)
	if !ok || !l.exp.equal(les.experiment()) || l.phase != phaseReady {
		return outcome{}
	}
	return les.read(l.stats, l.figure)
}

// lessonHides adds the Transport's buttons to hide while the student predicts: runs that
// could be played before the prediction is locked in would give the answer away.
func (l *Lab) lessonHides(hide controlSet) controlSet {
	if l.view.Lesson != 0 && l.view.Step == stepQuestion {
		return hide | transportControls
	}
	return hide
}

// reportLesson posts the lesson's outcome to the course page once the student sees it
// (step 3, the runs stopped), once per prediction and runs.
func (l *Lab) reportLesson() {
	les, ok := lessonByN(l.view.Lesson)
	if !ok || l.view.Step != stepOutcome {
		return
	}
	o := l.lessonOutcome()
	key := strconv.Itoa(les.N) + "/" + l.view.Guess
	if !o.Known || l.lessonSent == key {
		return
	}
	l.lessonSent = key
	l.parent.Post(l.lessonEvent(les, o))
}

// lessonEvent is the parent API's lesson event: the prediction, and the outcome if known.
func (l *Lab) lessonEvent(les Lesson, o outcome) message.ParentEvent {
	return message.ParentEvent{Type: message.ParentLessonEvent, Playing: l.playing, Runs: parentRuns(l.stats),
		Lesson: parentLesson(les, l.view.Step, l.view.Guess, o)}
}

// parentLesson is a lesson's prediction and outcome as the course page reads them. A
// number prediction is sent as the number and as the choice its range is (Prediction),
// the one it is judged by (see Lesson, "Numbers"), so that a page counting choices counts
// it too.
func parentLesson(les Lesson, step int, guess string, o outcome) *message.ParentLesson {
	pred, _ := les.predicted(guess)
	got, _ := les.choice(o.Answer)
	pl := &message.ParentLesson{
		N: les.N, Title: les.Title, Step: step,
		Prediction: pred.Choice.ID, PredictionText: pred.Text,
		Outcome: got.ID, OutcomeText: got.Text, Measured: o.Measured,
		Matched: o.Known && pred.Choice.ID != "" && pred.Choice.ID == got.ID,
	}
	if pred.HasNumber {
		pl.PredictionNumber = &pred.Number
	}
	if o.Known && o.HasNumber {
		pl.MeasuredNumber = &o.Number
	}
	return pl
}
