package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
	"genlab/sim"
)

// KeyNumbers keeps the numbers that tell memorizing from learning in sight on a phone:
// each run's training and test accuracy, in a line under the transport's buttons, in the
// bar that stays at the bottom of a narrow screen. There the numbers table, beside the
// canvas on a wide screen, is below the whole canvas, far off the first screen.
//
// It is drawn on narrow screens only (style.css) and hidden from screen readers, for
// whom it would repeat the numbers table and the live region (progress_news.go).
type KeyNumbers struct {
	app.Compo

	Runs  sim.Variants       // the experiment's runs
	Stats []message.RunStats // the canvas's last report; nil before Ready: nothing drawn
}

// Render writes "● True labels train 43.0% test 9.8%" for each run; three or four runs
// are named by number, as the numbers table names them in a narrow column.
func (k *KeyNumbers) Render() app.UI {
	if len(k.Stats) == 0 {
		return app.Div().Class("key-numbers").Aria("hidden", true)
	}
	titles := k.Runs.Titles()
	items := make([]app.UI, 0, len(k.Stats))
	for i, s := range k.Stats {
		name := "Run " + strconv.Itoa(i+1)
		if len(k.Stats) <= 2 && i < len(titles) {
			name = titles[i]
		}
		items = append(items, app.Span().Class("key-run").DataSet("run", i).Body(
			app.Span().Class("run-dot", "run-"+strconv.Itoa(i)),
			app.Span().Class("key-name").Text(name),
			app.Text(" train "),
			app.B().DataSet("key", "train-acc").Text(formatPercent(s.TrainAcc)),
			app.Text(" test "),
			app.B().DataSet("key", "test-acc").Text(formatPercent(s.TestAcc)),
		))
	}
	return app.Div().Class("key-numbers").Aria("hidden", true).Body(items...)
}
