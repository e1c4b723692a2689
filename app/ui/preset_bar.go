package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// PresetBar offers the paper's randomization tests as one-click lessons and says what to
// look for in the one on screen.
type PresetBar struct {
	app.Compo

	// Active is the ID of the preset the experiment matches, "" if the student changed it.
	Active string
	// Figure, when the page shows one of the paper's figures instead of a lesson, says
	// what the figure shows; it takes the place of the lesson's explanation.
	Figure string
	// Lessons offers the guided lessons (lesson.go): on the full page, not in an embed,
	// whose teacher chose what it shows.
	Lessons bool
}

// Render draws one toggle button per preset and the active lesson's explanation.
func (b *PresetBar) Render() app.UI {
	presets := Presets()
	buttons := make([]app.UI, len(presets))
	lookFor := "You have changed the settings: this is your own experiment. Pick a lesson to start from one of the paper's tests again."
	for i, p := range presets {
		active := p.ID == b.Active
		if active {
			lookFor = p.LookFor
		}
		buttons[i] = app.Button().
			Type("button").
			Class("chip").
			DataSet("preset", p.ID).
			Aria("pressed", active).
			Aria("controls", CanvasFrameID).
			Text(p.Title).
			OnClick(b.choose(p.ID))
	}
	lead := "Look for: "
	if b.Figure != "" {
		lead, lookFor = "This figure: ", b.Figure
	}
	return app.Section().Class("presets").Aria("labelledby", "presets-title").Body(
		app.H2().ID("presets-title").Class("visually-hidden").Text("Lessons"),
		app.Div().Class("chip-row").Role("group").Aria("label", "Randomization tests").Body(buttons...),
		app.P().Class("look-for").Aria("live", "polite").Body(
			app.Strong().Text(lead),
			app.Text(lookFor),
		),
		b.lessons(),
	)
}

// lessons is the way into the guided lessons, when offered.
func (b *PresetBar) lessons() app.UI {
	if !b.Lessons {
		return nil
	}
	return app.Button().Type("button").Class("btn", "btn-quiet", "lessons-start").DataSet("lessons", "start").
		Text("Guided lessons: predict, then run →").
		OnClick(func(ctx app.Context, e app.Event) {
			ctx.NewActionWithValue(actionLesson, lessonMove{N: Lessons()[0].N, Step: stepQuestion})
		})
}

// choose returns the click handler of one preset.
func (b *PresetBar) choose(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionPreset, id)
	}
}
