package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
	"genlab/sim/figure"
)

// FigureBar offers the paper's figures, each made live from the student's own runs on the
// current settings, and a figure's options: how many seeds each run is repeated on (to
// tell a law from luck) and, for the corruption sweep, how many levels of p.
type FigureBar struct {
	app.Compo

	// Active is the figure on screen; its Kind is "" for the runs side by side.
	Active message.FigureSetup
}

// Render draws a toggle button per figure and, for the one on screen, its options.
func (b *FigureBar) Render() app.UI {
	var buttons []app.UI
	for _, k := range figure.Kinds() {
		if !k.Trained() {
			continue // computed figures need a worker of their own (not yet made)
		}
		active := k.String() == b.Active.Kind
		next := message.FigureSetup{Kind: k.String(), Seeds: b.Active.Seeds, Levels: b.Active.Levels}
		if active {
			next = message.FigureSetup{} // pressed again: back to the runs side by side
		}
		buttons = append(buttons, app.Button().
			Type("button").
			Class("chip", "chip-small").
			DataSet("figure", k.String()).
			Aria("pressed", active).
			Aria("controls", CanvasFrameID).
			Text(k.Title()).
			OnClick(b.choose(next)))
	}
	var options app.UI
	if b.Active.Kind != "" {
		options = app.Div().Class("figure-options").Body(
			b.count("figure-seeds", "Seeds", 1, figure.MaxSeeds, orDefault(b.Active.Seeds, 1),
				func(f *message.FigureSetup, n int) { f.Seeds = n }),
			b.levels(),
		)
	}
	return app.Section().Class("figures").Aria("labelledby", "figures-title").Body(
		app.H2().ID("figures-title").Class("figures-title").Text("The paper's figures, from your own runs"),
		app.Div().Class("chip-row").Role("group").Aria("labelledby", "figures-title").Body(buttons...),
		options,
	)
}

// levels is the sweep's number of corruption levels; other figures have none.
func (b *FigureBar) levels() app.UI {
	if b.Active.Kind != figure.Sweep.String() {
		return nil
	}
	return b.count("figure-levels", "Levels of p", 2, figure.MaxLevels, orDefault(b.Active.Levels, 6),
		func(f *message.FigureSetup, n int) { f.Levels = n })
}

// count is a <select> of the whole numbers lo..hi, set sets the figure's option.
func (b *FigureBar) count(id, label string, lo, hi, value int, set func(*message.FigureSetup, int)) app.UI {
	opts := make([]app.UI, 0, hi-lo+1)
	for n := lo; n <= hi; n++ {
		o := app.Option().Value(strconv.Itoa(n)).Text(strconv.Itoa(n))
		if n == value {
			o = o.Selected(true) // only then: an HTML selected="false" still selects
		}
		opts = append(opts, o)
	}
	return app.Label().Class("figure-option").For(id).Body(
		app.Text(label+" "),
		app.Select().ID(id).Body(opts...).OnChange(func(ctx app.Context, e app.Event) {
			n, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
			if err != nil {
				return
			}
			next := b.Active
			set(&next, n)
			ctx.NewActionWithValue(actionFigure, next)
		}),
	)
}

func (b *FigureBar) choose(next message.FigureSetup) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionFigure, next)
	}
}

// orDefault returns n, or def for 0 (an option left at its default).
func orDefault(n, def int) int {
	if n == 0 {
		return def
	}
	return n
}

// figureDescription says what a figure shows, as the paper's caption would: what is
// measured and drawn, not what comes out (the lessons say that, checked by the claims).
func figureDescription(kind string) string {
	switch kind {
	case figure.Randomizations.String():
		return "the paper's Fig. 1a. The same network on true labels, random labels, shuffled pixels, " +
			"random pixels and Gaussian inputs: training loss and accuracy against minibatch steps."
	case figure.Sweep.String():
		return "the paper's Fig. 1b and 1c. For each level p of label corruption, the minibatch steps until " +
			"every training image is fitted, and the test error (a guess errs 90% of the time)."
	case figure.Table1.String():
		return "the paper's Tables 1 and 2. Each regularizer, and early stopping, switched on for true and for " +
			"random labels: training and test accuracy, and the epochs until every training image was fitted."
	case figure.Memorization.String():
		return "when each training image is first fitted, for the images whose label is right and for those " +
			"whose label was corrupted (each label is replaced by a random class with probability p, a setting), after Arpit et al. (2017)."
	}
	return ""
}
