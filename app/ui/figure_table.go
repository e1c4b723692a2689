package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/figure"
)

// FigureTable shows a figure's numbers as they come in, one row per run setting (a level
// of p, a regularizer on true or random labels…) and one column per measure, with how
// many runs are done. It is the canvas's figure for screen readers and for tests: every
// number sits in an element with data-figure (the figure), data-key (the run's setting,
// e.g. p=0.4 or wd/random), data-metric (train-acc, test-acc, test-error, steps-to-fit,
// fit-epochs, …) and data-value (the raw number; empty for a time to fit never reached),
// with only the number as its text.
type FigureTable struct {
	app.Compo

	Setup    message.FigureSetup     // the figure on screen
	Base     sim.Config              // the settings it is made on
	Progress *message.FigureProgress // the canvas's last report; nil before Ready
}

// Render draws the progress and the table.
func (t *FigureTable) Render() app.UI {
	kind, opts, err := t.Setup.Options()
	if err != nil {
		return nil // the page only shows figures it accepted
	}
	done, total := 0, 0
	var cells []message.FigureCell
	if t.Progress != nil {
		done, total, cells = t.Progress.Done, t.Progress.Total, t.Progress.Cells
	}
	status := "Press Play to train the figure's runs."
	switch {
	case total > 0 && done == total:
		status = "All " + strconv.Itoa(total) + " runs done."
	case done > 0:
		status = strconv.Itoa(done) + " of " + strconv.Itoa(total) + " runs done."
	}
	return app.Section().Class("readouts", "figure-table").Aria("labelledby", "figure-table-title").Body(
		app.H2().ID("figure-table-title").Text(kind.Title()),
		app.Div().Class("figure-progress").Body(
			app.Progress().ID("figure-progress").Max(max(total, 1)).Value(done).Aria("labelledby", "figure-status"),
			app.P().ID("figure-status").Aria("live", "polite").Text(status),
		),
		app.If(opts.Seeds > 1, func() app.UI {
			return app.P().Class("figure-note").Text("Each number is the mean over the " + strconv.Itoa(opts.Seeds) +
				" seeds; under it, the lowest and the highest seed's.")
		}),
		scrollRegion(kind.Title()).Body(
			app.Table().Class("readout-table").Body(
				app.THead().Body(app.Tr().Body(t.header(kind)...)),
				app.TBody().Body(t.rows(kind, cells)...),
			),
		),
	)
}

func (t *FigureTable) header(kind figure.Kind) []app.UI {
	th := []app.UI{app.Th().Scope("col").Text("Runs")}
	for _, m := range kind.Metrics() {
		th = append(th, app.Th().Scope("col").Body(
			app.Span().Class("metric-full").Text(metricLabel(m)),
			// The short name, for the eye in a narrow column only (teacherCSS): screen
			// readers say the full one, which the narrow column hides from the eye alone.
			app.Abbr().Class("metric-short").Title(metricLabel(m)).Aria("hidden", true).Text(metricShort(m)),
		))
	}
	return th
}

// metricShort abbreviates a metric's name for a figure's table in a narrow column (a
// phone's, or beside the canvas): with five metrics, the full names would make the
// table scroll sideways.
func metricShort(m string) string {
	switch m {
	case figure.TrainAcc:
		return "Train acc."
	case figure.TestAcc:
		return "Test acc."
	case figure.TestError:
		return "Test err."
	case figure.StepsToFit:
		return "Steps to fit"
	case figure.FitEpochs:
		return "Epochs to fit"
	case figure.Epochs:
		return "Epochs"
	case figure.CleanMedianFit:
		return "Clean: med. epoch"
	case figure.NoisyMedianFit:
		return "Wrong: med. epoch"
	case figure.WeightsOne:
		return "Wts, 1 out"
	case figure.Weights:
		return "Wts, 1-hot"
	case figure.Cond:
		return "Cond. no."
	case figure.Norm:
		return "Norm"
	case figure.Interpolates:
		return "Fits"
	}
	return m
}

// rows writes one row per key, in the order the figure's cells come (the trials' order).
func (t *FigureTable) rows(kind figure.Kind, cells []message.FigureCell) []app.UI {
	var keys []string
	byKey := map[string]map[string]message.FigureCell{}
	for _, c := range cells {
		if byKey[c.Key] == nil {
			keys = append(keys, c.Key)
			byKey[c.Key] = map[string]message.FigureCell{}
		}
		byKey[c.Key][c.Metric] = c
	}
	if len(keys) == 0 {
		return []app.UI{app.Tr().Body(app.Td().ColSpan(len(kind.Metrics()) + 1).Class("figure-empty").Text("No run has finished yet."))}
	}
	configs := t.trialConfigs(kind)
	rows := make([]app.UI, 0, len(keys))
	for _, key := range keys {
		var name app.UI = app.Text(figure.KeyTitle(kind, key))
		if c, ok := configs[key]; ok {
			href := "?" + linkQuery(pageState{Exp: experiment{Config: c}, View: defaultView()})
			name = app.A().Href(href).Title("Open this run on its own, to watch it train").Text(figure.KeyTitle(kind, key))
		}
		tds := []app.UI{app.Th().Scope("row").Body(name)}
		for _, m := range kind.Metrics() {
			c, ok := byKey[key][m]
			td := app.Td().DataSet("figure", kind.String()).DataSet("key", key).DataSet("metric", m)
			if !ok {
				tds = append(tds, td.DataSet("value", "").Text(noValue))
				continue
			}
			value := ""
			if c.Value != nil {
				value = strconv.FormatFloat(*c.Value, 'g', -1, 64)
			}
			text, note := formatFigureValue(m, c.Value), seedsNote(m, c.Seeds)
			if cfg, ok := configs[key]; ok && kind == figure.Kernel && m == figure.Interpolates && text == "no" {
				if why := tooManyPoints(key, cfg); why != "" {
					text, note = noTooManyPoints, strings.TrimPrefix(note+"; ", "; ")+why
				}
			}
			td = td.DataSet("value", value).Title(note)
			if spread := seedsSpread(m, c.Seeds); spread != "" {
				tds = append(tds, td.Body(app.Text(text), app.Span().Class("figure-spread").Text(spread)))
				continue
			}
			tds = append(tds, td.Text(text))
		}
		rows = append(rows, app.Tr().Body(tds...))
	}
	return rows
}

// trialConfigs returns, per key, the settings of the key's run on the figure's first seed:
// each row links to it on its own in the lab, where its memory wall and curves can be
// watched.
func (t *FigureTable) trialConfigs(kind figure.Kind) map[string]sim.Config {
	_, opts, err := t.Setup.Options()
	if err != nil {
		return nil
	}
	f, err := figure.New(kind, t.Base, opts)
	if err != nil {
		return nil
	}
	configs := map[string]sim.Config{}
	for _, tr := range f.Trials {
		if _, seen := configs[tr.Key]; !seen {
			configs[tr.Key] = tr.Config
		}
	}
	return configs
}

// noTooManyPoints is the "no" of a linear kernel with more images than pixels, its spaces
// no-break ones: wrapped in a narrow column, "no: n >" over "d" reads as nonsense.
const noTooManyPoints = "no:\u00a0n\u00a0>\u00a0d"

// tooManyPoints says why the linear kernel does not fit the training set of c exactly,
// when the reason is its size: a linear model on d pixels has d weights, so its kernel
// matrix XXᵀ has rank at most d and cannot interpolate n > d points. The cell says "no:
// n > d", and its tooltip this, with the numbers; any other failure to fit (repeated
// images, say) gets no reason, "".
func tooManyPoints(key string, c sim.Config) string {
	d := c.Side * c.Side
	if !strings.HasPrefix(key, "linear/") || c.Train <= d {
		return ""
	}
	return strconv.Itoa(c.Train) + " images, " + strconv.Itoa(d) + " pixels: a linear model has one weight per pixel, " +
		"too few to fit more images than pixels exactly"
}

// metricLabel names a figure's metric for a column.
func metricLabel(m string) string {
	switch m {
	case figure.TrainAcc:
		return "Train accuracy"
	case figure.TestAcc:
		return "Test accuracy"
	case figure.TestError:
		return "Test error"
	case figure.StepsToFit:
		return "Steps to fit"
	case figure.FitEpochs:
		return "Epochs to fit"
	case figure.Epochs:
		return "Epochs trained"
	case figure.CleanMedianFit:
		return "Clean labels: median epoch fitted"
	case figure.NoisyMedianFit:
		return "Wrong labels: median epoch fitted"
	case figure.WeightsOne:
		return "Weights, one output (2n + d)"
	case figure.Weights:
		return "Weights, one-hot (nK + n + d)"
	case figure.Cond:
		return "Condition number"
	case figure.Norm:
		return "Norm"
	case figure.Interpolates:
		return "Fits exactly"
	}
	return m
}

// formatFigureValue writes a cell's number; nil is a time that never came.
func formatFigureValue(m string, v *float64) string {
	if v == nil {
		return "never"
	}
	switch m {
	case figure.TrainAcc, figure.TestAcc, figure.TestError:
		return formatPercent(*v)
	case figure.StepsToFit, figure.Epochs, figure.CleanMedianFit, figure.NoisyMedianFit, figure.Weights, figure.WeightsOne:
		return formatCount(int(*v + 0.5))
	case figure.Interpolates:
		if *v == 1 {
			return "yes"
		}
		return "no"
	case figure.FitEpochs:
		return strconv.FormatFloat(*v, 'f', 2, 64)
	}
	return strconv.FormatFloat(*v, 'g', 4, 64)
}

// seedsSpread writes the lowest and the highest of the seeds' values of a cell that
// averages several ("371–420"), so that a reader sees at once whether the mean above it
// is a law or luck; "" for one seed. A value that never came (nil) is the highest.
func seedsSpread(m string, seeds []*float64) string {
	if len(seeds) < 2 {
		return ""
	}
	var lo, hi *float64
	never := false
	for _, v := range seeds {
		switch {
		case v == nil:
			never = true
		case lo == nil:
			lo, hi = v, v
		default:
			if *v < *lo {
				lo = v
			}
			if *v > *hi {
				hi = v
			}
		}
	}
	if never {
		hi = nil
	}
	return formatFigureValue(m, lo) + "–" + formatFigureValue(m, hi)
}

// seedsNote lists each seed's value when a cell averages several, for its tooltip.
func seedsNote(m string, seeds []*float64) string {
	if len(seeds) < 2 {
		return ""
	}
	parts := make([]string, len(seeds))
	for i, v := range seeds {
		parts[i] = formatFigureValue(m, v)
	}
	return "mean of " + strconv.Itoa(len(seeds)) + " seeds: " + strings.Join(parts, ", ")
}
