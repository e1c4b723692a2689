package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// LessonPanel is a guided lesson (lesson.go) on screen, in three steps:
//
//  1. the question and the student's prediction, chosen among the lesson's choices (or
//     typed as a number, where the lesson asks for one) and locked in before anything
//     trains (the Transport is hidden meanwhile, so the runs cannot give the answer away);
//  2. the runs, with the prediction above them, and what to watch;
//  3. the outcome next to the prediction: what the runs measured (a number prediction
//     next to the measured number), which choice that is, whether it is the one
//     predicted, and why, in the essay's terms.
//
// It is a component of UI state only: the choice being considered before it is locked
// in. Everything else comes from Lab (the step and the prediction are in the link, the
// outcome is read from the runs' numbers), and every move raises actionLesson.
//
// Why native radio buttons in a fieldset: they are the one control whose keyboard use
// every student and screen reader already knows (Tab into the group, arrows or Space to
// choose, Tab on to the button), with no script of ours to get wrong. A number is a
// native <input type=number> with its <label>, for the same reason, and its range said
// in text it is described by.
type LessonPanel struct {
	app.Compo

	N       int    // the lesson, see lessonByN
	Step    int    // stepQuestion, stepRun or stepOutcome
	Guess   string // the ID of the choice predicted, "" before the prediction
	Outcome outcome
	// Changed: the experiment is no longer the lesson's (the student changed a setting),
	// so its numbers say nothing about the lesson's question and no outcome is read.
	Changed bool
	// Embedded: the lesson is a course page's embed, which is the lesson and nothing
	// else, so it offers no way out of the lessons.
	Embedded bool
	// Locked: a teacher's locked lesson (teacher_lock.go), which stays this lesson, so it
	// offers no way to the other lessons either.
	Locked bool

	draft string // the choice selected (or the number typed) at step 1, not yet locked in
	// typed: the number field has been typed in, so its draft is what it holds, even "".
	typed bool
}

// lessonMove is actionLesson's payload: go to lesson N (0 to leave the lessons) at step
// Step, with the prediction Guess ("" for none).
type lessonMove struct {
	N, Step int
	Guess   string
}

// Render draws the lesson at its step, and the way to the lessons before and after it.
func (p *LessonPanel) Render() app.UI {
	l, ok := lessonByN(p.N)
	if !ok {
		return app.Section().Class("lesson")
	}
	var body []app.UI
	body = append(body,
		app.H2().ID("lesson-title").Class("lesson-title").Text("Lesson "+strconv.Itoa(l.N)+": "+l.Title),
		p.steps(),
		app.P().Class("lesson-question").Text(l.Question),
	)
	switch p.Step {
	case stepRun:
		body = append(body, p.prediction(l),
			app.P().Class("lesson-watch").Text(l.Watch),
			p.toOutcome())
	case stepOutcome:
		if pr, ok := l.predicted(p.Guess); !ok || !pr.HasNumber || !p.Outcome.Known || p.Changed {
			body = append(body, p.prediction(l))
		} // else the outcome says the number predicted next to the one measured
		body = append(body, p.outcome(l))
	default:
		body = append(body, p.predict(l))
	}
	body = append(body, p.nav(l))
	return app.Section().Class("lesson").
		Aria("labelledby", "lesson-title").
		DataSet("lesson", l.N).
		DataSet("step", p.Step).
		Body(body...)
}

// steps shows where the student is, for the eye and for screen readers (aria-current).
func (p *LessonPanel) steps() app.UI {
	names := []string{"Predict", "Run", "Outcome"}
	items := make([]app.UI, len(names))
	for i, n := range names {
		li := app.Li().Text(n)
		if i+1 == p.Step {
			li = li.Aria("current", "step")
		}
		items[i] = li
	}
	return app.Ol().Class("lesson-steps").Aria("label", "Steps of the lesson").Body(items...)
}

// predict is step 1: the choices (or the number) and the button that locks the
// prediction in.
func (p *LessonPanel) predict(l Lesson) app.UI {
	if l.Number != nil {
		return p.predictNumber(l)
	}
	selected := p.draft
	if selected == "" {
		selected = p.Guess
	}
	options := make([]app.UI, len(l.Choices))
	for i, c := range l.Choices {
		id := "guess-" + c.ID
		options[i] = app.Div().Class("lesson-choice").Body(
			app.Input().Type("radio").ID(id).Name("guess").Value(c.ID).
				Checked(c.ID == selected).OnChange(p.choose),
			app.Label().For(id).Text(c.Text),
		)
	}
	return app.Div().Body(
		app.FieldSet().Class("lesson-choices").Body(
			append([]app.UI{app.Legend().Text("Your prediction, before anything trains:")}, options...)...,
		),
		app.Button().Type("button").Class("btn", "btn-primary").
			Disabled(selected == "").
			Text("Lock in my prediction and run").
			OnClick(p.lockIn),
	)
}

// predictNumber is step 1 of a lesson that asks for a number: a labelled number field
// (the keyboard's digits, a phone's numeric keypad), its range said under it, and the
// button, enabled once the field holds a number in range.
func (p *LessonPanel) predictNumber(l Lesson) app.UI {
	q := l.Number
	value := p.draft
	if pr, ok := l.predicted(p.Guess); !p.typed && ok && pr.HasNumber {
		value = p.Guess // the prediction of the link, to change or to keep
	}
	_, _, valid := q.parse(value)
	hint := "Your prediction, before anything trains: " + q.rangeText() + "."
	if value != "" && !valid {
		hint = value + " is not " + q.rangeText() + "."
	}
	field := app.Input().Type("number").ID("guess-number").Name("guess").
		Attr("min", strconv.FormatFloat(q.Min, 'g', -1, 64)).Attr("max", strconv.FormatFloat(q.Max, 'g', -1, 64)).Attr("step", "any").Attr("inputmode", "decimal").
		Aria("describedby", "guess-number-hint").Aria("invalid", value != "" && !valid).
		OnInput(p.enterNumber)
	if !p.typed {
		// Only before typing: written back while typed, a value the browser does not
		// read as a number yet ("2." on the way to "2.5") would come back as "" and
		// erase what is being typed.
		field = field.Value(value)
	}
	return app.Div().Body(
		app.Div().Class("lesson-number").Body(
			app.Label().For("guess-number").Text(q.Label),
			app.Div().Class("lesson-number-field").Body(
				app.Span().Aria("hidden", "true").Text(q.Unit),
				field,
			),
			app.P().ID("guess-number-hint").Class("lesson-note").Text(hint),
		),
		app.Button().Type("button").Class("btn", "btn-primary").
			Disabled(!valid).
			Text("Lock in my prediction and run").
			OnClick(p.lockIn),
	)
}

// lockIn locks the selected choice in and goes on to the runs. It reads the selection
// when pressed rather than capturing it when drawn: go-app keeps the handler of the first
// render of an element whose handler is the same function (a closure's code), so a
// captured value would be the one of the first render.
func (p *LessonPanel) lockIn(ctx app.Context, e app.Event) {
	guess := p.draft
	if l, ok := lessonByN(p.N); ok && l.Number != nil && p.typed {
		guess, _, _ = l.Number.parse(guess) // as the link writes it: "2.50" is 2.5
	} else if guess == "" {
		guess = p.Guess
	}
	if guess == "" {
		return
	}
	p.draft, p.typed = "", false
	ctx.NewActionWithValue(actionLesson, lessonMove{N: p.N, Step: stepRun, Guess: guess})
}

// prediction is the prediction as it was locked in, shown above the runs and the outcome.
func (p *LessonPanel) prediction(l Lesson) app.UI {
	pr, ok := l.predicted(p.Guess)
	if !ok {
		return app.P().Class("lesson-prediction").DataSet("prediction", "").Body(
			app.Strong().Text("You predicted: "),
			app.Text("nothing yet. "),
			app.Button().Type("button").Class("btn", "btn-quiet").Text("Make a prediction").
				OnClick(p.toQuestion),
		)
	}
	el := app.P().Class("lesson-prediction").DataSet("prediction", pr.Choice.ID)
	if pr.HasNumber {
		el = el.DataSet("prediction-number", p.Guess)
	}
	return el.Body(app.Strong().Text("You predicted: "), app.Text(pr.Text+"."))
}

// toOutcome is the way from the runs to the outcome, open once the runs have measured it.
func (p *LessonPanel) toOutcome() app.UI {
	note := "The outcome is read from the runs once they have all stopped: press Play."
	if p.Outcome.Known {
		note = "The runs have stopped: the outcome is known."
	}
	return app.Div().Class("lesson-actions").Body(
		app.P().Class("lesson-note").Aria("live", "polite").Text(note),
		app.Button().Type("button").Class("btn", "btn-primary").
			Disabled(!p.Outcome.Known).
			Text("See the outcome").
			OnClick(p.seeOutcome),
	)
}

// outcome is step 3: what the runs measured next to the prediction, and why.
func (p *LessonPanel) outcome(l Lesson) app.UI {
	if p.Changed {
		return app.Div().Class("lesson-outcome").Body(
			app.P().Text("The settings are no longer the lesson's, so these runs do not answer its question."),
			app.Button().Type("button").Class("btn").Text("Restart the lesson's runs").
				OnClick(p.restart),
		)
	}
	if !p.Outcome.Known {
		return app.Div().Class("lesson-outcome").Aria("live", "polite").Body(
			app.P().Class("lesson-note").Text("The outcome appears here when the runs have all stopped: press Play."),
		)
	}
	got, _ := l.choice(p.Outcome.Answer)
	pr, predicted := l.predicted(p.Guess)
	verdict, class := "Your prediction differs from what the runs measured.", "lesson-verdict lesson-miss"
	if predicted && pr.Choice.ID == p.Outcome.Answer {
		verdict, class = "Your prediction matches what the runs measured.", "lesson-verdict lesson-match"
	}
	if pr.HasNumber {
		// Judged by its range, never by its distance (see Lesson, "Numbers").
		verdict = "Your prediction is in another range than the measurement: you predicted " + lowerFirst(pr.Choice.Text) + "."
		if pr.Choice.ID == p.Outcome.Answer {
			verdict = "Your prediction is in the same range as the measurement: " + lowerFirst(got.Text) + "."
		}
	}
	if !predicted {
		verdict, class = "You made no prediction.", "lesson-verdict"
	}
	return app.Div().Class("lesson-outcome").Aria("live", "polite").Body(
		p.numbers(l, pr),
		app.P().Class("lesson-measured").DataSet("outcome", got.ID).Body(
			app.Strong().Text("Measured: "), app.Text(p.Outcome.Measured+" "),
			app.Strong().Text("That is: "), app.Text(got.Text+"."),
		),
		app.P().Class(class).Text(verdict),
		app.P().Class("lesson-explain").Text(l.Explain),
		app.P().Class("lesson-claims").Text(claimsNote(l.Claims)),
	)
}

// numbers is a number prediction next to the measured number ("You predicted ×3;
// measured ×2.6."), or nothing for a prediction that is not a number.
func (p *LessonPanel) numbers(l Lesson, pr prediction) app.UI {
	if !pr.HasNumber {
		return nil
	}
	measured := "no number (see below)"
	el := app.P().Class("lesson-numbers").DataSet("prediction", pr.Choice.ID).DataSet("prediction-number", p.Guess)
	if p.Outcome.HasNumber {
		measured = l.Number.Unit + strconv.FormatFloat(p.Outcome.Number, 'f', 1, 64)
		el = el.DataSet("measured-number", strconv.FormatFloat(p.Outcome.Number, 'f', 1, 64))
	}
	return el.Body(
		app.Strong().Text("You predicted " + pr.Text + "; measured " + measured + "."),
	)
}

// lowerFirst lowers a choice's first letter, for it to go on a sentence.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// claimsNote names the claims behind a lesson's words, which the simulator tests at the
// default settings on ten seeds (README, "The science"; genlab seeds).
func claimsNote(ids []string) string {
	noun := "claim "
	if len(ids) > 1 {
		noun = "claims "
	}
	list := strings.Join(ids, ", ")
	if n := len(ids); n > 1 {
		list = strings.Join(ids[:n-1], ", ") + " and " + ids[n-1]
	}
	return "Backed by " + noun + list + " of the simulator, tested at the default settings on ten seeds."
}

// nav leads to the lessons before and after this one, and out of the lessons.
func (p *LessonPanel) nav(l Lesson) app.UI {
	if p.Locked {
		return nil
	}
	prev, next := neighbours(l.N)
	var items []app.UI
	if prev.N != 0 {
		items = append(items, app.Button().Type("button").Class("btn").
			Text("← Lesson "+strconv.Itoa(prev.N)).Title(prev.Title).
			OnClick(p.previous))
	}
	if next.N != 0 {
		items = append(items, app.Button().Type("button").Class("btn").
			Text("Lesson "+strconv.Itoa(next.N)+" →").Title(next.Title).
			OnClick(p.next))
	}
	if !p.Embedded {
		items = append(items, app.Button().Type("button").Class("btn", "btn-quiet").
			Text("Leave the lessons").OnClick(p.leave))
	}
	return app.Nav().Class("lesson-nav").Aria("label", "Lessons").Body(items...)
}

// The handlers are methods that read the panel when the event comes, never closures
// over what was drawn: go-app keeps an element's first handler when a later render gives
// it the same function (a closure's code is one function whatever it captured), so a
// button that once led to lesson 2 would lead there still after the panel moved on.

// choose keeps the choice just selected (the radio button's value) as the draft.
func (p *LessonPanel) choose(ctx app.Context, e app.Event) {
	p.draft = ctx.JSSrc().Get("value").String()
}

// enterNumber keeps the number field's text as the draft, as it is typed. The browser
// gives "" for text that is not a number, which leaves the button disabled.
func (p *LessonPanel) enterNumber(ctx app.Context, e app.Event) {
	p.draft, p.typed = ctx.JSSrc().Get("value").String(), true
}

// toQuestion goes back to step 1, to make a prediction.
func (p *LessonPanel) toQuestion(ctx app.Context, e app.Event) {
	p.moveTo(ctx, lessonMove{N: p.N, Step: stepQuestion, Guess: p.Guess})
}

// seeOutcome goes on to step 3.
func (p *LessonPanel) seeOutcome(ctx app.Context, e app.Event) {
	p.moveTo(ctx, lessonMove{N: p.N, Step: stepOutcome, Guess: p.Guess})
}

// restart rebuilds the lesson's own runs, at step 2, the prediction kept.
func (p *LessonPanel) restart(ctx app.Context, e app.Event) {
	p.moveTo(ctx, lessonMove{N: p.N, Step: stepRun, Guess: p.Guess})
}

// previous and next open the lessons around this one at their question.
func (p *LessonPanel) previous(ctx app.Context, e app.Event) {
	if prev, _ := neighbours(p.N); prev.N != 0 {
		p.moveTo(ctx, lessonMove{N: prev.N, Step: stepQuestion})
	}
}

func (p *LessonPanel) next(ctx app.Context, e app.Event) {
	if _, next := neighbours(p.N); next.N != 0 {
		p.moveTo(ctx, lessonMove{N: next.N, Step: stepQuestion})
	}
}

// leave ends the guided lessons; the lesson's runs stay on screen.
func (p *LessonPanel) leave(ctx app.Context, e app.Event) { p.moveTo(ctx, lessonMove{}) }

// moveTo asks Lab for another step or lesson; a draft does not outlive its question.
func (p *LessonPanel) moveTo(ctx app.Context, m lessonMove) {
	p.draft, p.typed = "", false
	ctx.NewActionWithValue(actionLesson, m)
}

// lessonCSS is the lessons' part of pageStyle.
const lessonCSS = `
/* ------------------------------------------------ guided lessons */
.lesson { display: flex; flex-direction: column; gap: 8px; padding: 12px 14px; background: var(--card);
  border: 1px solid var(--line); border-left: 3px solid var(--accent); border-radius: var(--radius); }
.lesson-title { margin: 0; font-size: 1.05rem; }
.lesson-steps { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0; padding: 0; list-style: none;
  counter-reset: step; font-size: 0.85rem; color: var(--ink-soft); }
.lesson-steps li { counter-increment: step; }
.lesson-steps li::before { content: counter(step) ". "; }
.lesson-steps li[aria-current="step"] { color: var(--ink); font-weight: 700; text-decoration: underline; }
.lesson-question { margin: 0; font-weight: 600; }
.lesson-choices { margin: 0 0 8px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 8px; }
.lesson-choices legend { padding: 0 4px; font-size: 0.88rem; color: var(--ink-soft); }
.lesson-choice { display: flex; align-items: center; gap: 8px; min-height: 32px; }
.lesson-choice input { width: 18px; height: 18px; margin: 0; accent-color: var(--accent); }
.lesson-prediction, .lesson-measured, .lesson-watch, .lesson-explain, .lesson-note { margin: 0; }
.lesson-note, .lesson-claims { margin: 0; color: var(--ink-soft); font-size: 0.88rem; }
.lesson-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; }
.lesson-outcome { display: flex; flex-direction: column; gap: 6px; }
.lesson-verdict { margin: 0; padding: 4px 10px; border-radius: 8px; font-weight: 600; }
.lesson-match { background: var(--good-soft); color: var(--good); }
.lesson-miss { background: var(--warn-soft); border: 1px solid var(--warn-line); }
.lesson-nav { display: flex; flex-wrap: wrap; gap: 6px; }
.lesson-number { display: flex; flex-direction: column; gap: 4px; margin: 0 0 8px; }
.lesson-number label { font-size: 0.92rem; }
.lesson-number-field { display: flex; align-items: center; gap: 4px; font-weight: 600; }
.lesson-number input { width: 7em; min-height: 32px; padding: 2px 6px; font: inherit;
  border: 1px solid var(--line); border-radius: 6px; }
.lesson-number input[aria-invalid="true"] { border-color: var(--warn-line); }
.lesson-numbers { margin: 0; padding: 4px 10px; border-left: 3px solid var(--accent); }
`
