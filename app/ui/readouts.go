package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
	"genlab/sim"
)

// Readouts shows the live numbers of every run side by side, one column per run, so that
// the comparison the lesson is about (train vs test accuracy, true vs random labels) is
// one glance along a row.
//
// Every number sits in an element with data-run (the run's index from 0), data-metric
// (epoch, train-acc, test-acc, train-loss, test-loss, fitted, epochs-to-fit,
// ms-per-example, state) and data-value (the raw number), and only the number as its
// text, so that tests and scripts read the page without parsing prose.
type Readouts struct {
	app.Compo

	Runs         sim.Variants       // the experiment's runs, shown until the canvas reports them
	Stats        []message.RunStats // the canvas's last report; nil before Ready
	LearningRate string             // the base learning rate, for the advice when a run diverges
	// Locked: a teacher's locked lesson (teacher_lock.go), whose learning rate is not the
	// student's to lower; a divergence is then reported without the button.
	Locked bool
}

// Render draws the table and, if a run diverged, the way out.
func (r *Readouts) Render() app.UI {
	return app.Section().Class("readouts").Aria("labelledby", "readouts-title").Body(
		app.H2().ID("readouts-title").Text("Live numbers"),
		r.legend(),
		scrollRegion("Live numbers").Body(
			app.Table().Class("readout-table", "runs-"+strconv.Itoa(len(r.columns()))).Body(
				app.THead().Body(app.Tr().Body(r.headerCells()...)),
				app.TBody().Body(r.rows()...),
			),
		),
		r.divergedAlert(),
	)
}

// legend names the runs above the table, for a column too narrow for their names: with
// three or four runs in a phone's width (or four beside the canvas), the table's heads
// show only "Run 1" and the legend the rest (teacherCSS), so that every number fits without
// scrolling sideways. It is hidden from screen readers, whose column heads still hold
// every word (only hidden from the eye).
func (r *Readouts) legend() app.UI {
	runs := r.columns()
	titles := runs.Titles()
	items := make([]app.UI, len(runs))
	for i, run := range runs {
		variant := run.String()
		if variant == "" {
			variant = "base settings"
		}
		items[i] = app.Li().Body(
			app.Span().Class("run-dot", "run-"+strconv.Itoa(i)),
			app.Strong().Text(strconv.Itoa(i+1)+" "+titles[i]),
			app.Text(" "),
			app.Code().Class("run-variant").Text(variant),
		)
	}
	return app.Ol().Class("run-legend").Aria("hidden", true).Body(items...)
}

// columns returns the runs to show, one per column: those of the report when there is
// one, since the numbers below are theirs.
func (r *Readouts) columns() sim.Variants {
	if len(r.Stats) == 0 {
		return r.Runs.PerRun()
	}
	runs := make(sim.Variants, len(r.Stats))
	for i, s := range r.Stats {
		runs[i] = s.Name
	}
	return runs
}

func (r *Readouts) headerCells() []app.UI {
	runs := r.columns()
	titles := runs.Titles()
	cells := []app.UI{app.Th().Scope("col").Body(app.Span().Class("visually-hidden").Text("Measure"))}
	for i, run := range runs {
		idx := strconv.Itoa(i)
		name := run.String()
		variant := name
		if variant == "" {
			variant = "base settings"
		}
		var params app.UI
		if i < len(r.Stats) && r.Stats[i].Params > 0 {
			// The paper's point in one number: far more weights than training images.
			params = app.Span().Class("run-params").Text(formatCount(r.Stats[i].Params) + " weights")
		}
		cells = append(cells, app.Th().Scope("col").Class("run-head").DataSet("run", i).Body(
			app.Span().Class("run-index").Body(
				app.Span().Class("run-dot", "run-"+idx).Aria("hidden", true),
				app.Text("Run "+strconv.Itoa(i+1)),
			),
			app.Span().Class("run-title").DataSet("run", i).DataSet("metric", "name").DataSet("value", name).Text(titles[i]),
			app.Code().Class("run-variant").Body(breakable(variant)...),
			params,
		))
	}
	return cells
}

func (r *Readouts) rows() []app.UI {
	columns := len(r.columns())
	// The labels and order come from runMetrics, so the table and the data agree; the
	// validation row is there when some run validates (a run that does not shows a dash).
	template := message.RunStats{}
	for _, s := range r.Stats {
		template.Validation = max(template.Validation, s.Validation)
	}
	labels := runMetrics(template)
	rows := make([]app.UI, 0, len(labels)+1)
	rows = append(rows, r.stateRow(columns))
	for _, label := range labels {
		cells := []app.UI{app.Th().Scope("row").Text(label.Label)}
		for i := 0; i < columns; i++ {
			m, ok := metric{}, false
			if i < len(r.Stats) {
				m, ok = metricOf(runMetrics(r.Stats[i]), label.Key)
			}
			if !ok {
				cells = append(cells, app.Td().Class("pending").Text(noValue))
				continue
			}
			cells = append(cells, metricCell(i, m))
		}
		rows = append(rows, app.Tr().DataSet("row", label.Key).Body(cells...))
	}
	return rows
}

// metricOf returns the metric of ms called key, if there is one.
func metricOf(ms []metric, key string) (metric, bool) {
	for _, m := range ms {
		if m.Key == key {
			return m, true
		}
	}
	return metric{}, false
}

// stateRow shows each run's state as a badge, with its explanation as a tooltip and for
// screen readers.
func (r *Readouts) stateRow(columns int) app.UI {
	cells := []app.UI{app.Th().Scope("row").Text("State")}
	for i := 0; i < columns; i++ {
		if i >= len(r.Stats) {
			cells = append(cells, app.Td().Class("pending").Text(noValue))
			continue
		}
		name, explain := stateText(r.Stats[i].Stop)
		cells = append(cells, app.Td().Body(
			app.Span().
				Class("badge", "state-"+name).
				DataSet("run", i).
				DataSet("metric", metricState).
				DataSet("value", name).
				Title(explain).
				Text(name),
			app.Span().Class("visually-hidden").Text(" "+explain),
		))
	}
	return app.Tr().DataSet("row", metricState).Body(cells...)
}

// metricCell draws one number of run i.
func metricCell(i int, m metric) app.UI {
	num := app.Span().
		Class("num").
		DataSet("run", i).
		DataSet("metric", m.Key).
		DataSet("value", m.Value).
		Text(m.Text)
	var unit, bar app.UI
	if m.Unit != "" {
		unit = app.Span().Class("unit").Text(" " + m.Unit)
	}
	if m.HasBar {
		bar = app.Span().Class("bar").Aria("hidden", true).Body(
			app.Span().Class("bar-fill", "run-"+strconv.Itoa(i)).Style("width", strconv.FormatFloat(100*m.Bar, 'f', 1, 64)+"%"),
		)
	}
	td := app.Td()
	if m.Note != "" {
		td = td.Title(m.Note)
	}
	return td.Body(num, unit, bar)
}

// divergedAlert names the runs whose loss blew up and offers the one-click fix.
func (r *Readouts) divergedAlert() app.UI {
	var which []string
	for i, s := range r.Stats {
		if s.Stop == stateDiverged {
			which = append(which, "run "+strconv.Itoa(i+1))
		}
	}
	if len(which) == 0 {
		return nil
	}
	subject := capitalize(strings.Join(which, " and ")) + " diverged"
	if r.Locked {
		return app.Div().Class("diverged").Role("alert").Body(
			app.P().Body(app.Strong().Text(subject+". "), app.Text(lockedDivergedAdvice)),
		)
	}
	return app.Div().Class("diverged").Role("alert").Body(
		app.P().Body(
			app.Strong().Text(subject+". "),
			app.Text(divergedAdvice(r.LearningRate)),
		),
		app.Button().
			Type("button").
			Class("btn", "btn-primary").
			Text("Lower learning rate").
			OnClick(func(ctx app.Context, e app.Event) {
				ctx.NewAction(actionLowerLR)
			}),
	)
}

// lockedDivergedAdvice explains a divergence on a locked lesson, where the learning rate
// cannot be lowered.
const lockedDivergedAdvice = "The learning rate is too large for this network: every step overshoots and the loss " +
	"becomes infinite. This lesson is locked by your teacher's link; open it unlocked to lower the learning rate."

// divergedAdvice explains a divergence and what the button does.
func divergedAdvice(lr string) string {
	rate := "The learning rate"
	if lr != "" {
		rate += ", " + lr + ","
	}
	return rate + " is too large for this network: every step overshoots, the weights blow up and the loss " +
		"becomes infinite. Lowering it by a factor of 10 starts the runs again from epoch 0."
}

// scrollRegion is the box a wide table scrolls sideways in, on a narrow screen. It can
// take the focus, so that a keyboard scrolls it too (with the arrow keys), and it is a
// region named after the table (title, its heading, then "table": the section around it
// has the heading's own name, and two landmarks of one name could not be told apart),
// so that a screen reader says what the focus landed on.
func scrollRegion(title string) app.HTMLDiv {
	return app.Div().Class("table-scroll").TabIndex(0).Role("region").Aria("label", title+" table")
}

// breakable returns a run's settings (labels=corrupt,p=0.5) as text that a narrow column
// may wrap after each "=" and ",", rather than inside a word ("labels=rando / m").
func breakable(settings string) []app.UI {
	var out []app.UI
	start := 0
	for i, c := range settings {
		if (c == '=' || c == ',') && i+1 < len(settings) {
			out = append(out, app.Text(settings[start:i+1]), app.Wbr())
			start = i + 1
		}
	}
	return append(out, app.Text(settings[start:]))
}
