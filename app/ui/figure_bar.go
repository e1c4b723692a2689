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
		active := k.String() == b.Active.Kind
		buttons = append(buttons, app.Button().
			Type("button").
			Class("chip", "chip-small").
			DataSet("figure", k.String()).
			Aria("pressed", active).
			Aria("controls", CanvasFrameID).
			Text(k.Title()).
			OnClick(b.toggle))
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

// levels is the number of corruption levels of the sweep and the kernel figure; other
// figures have none.
func (b *FigureBar) levels() app.UI {
	if b.Active.Kind != figure.Sweep.String() && b.Active.Kind != figure.Kernel.String() {
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

// toggle shows the figure of the button clicked (its data-figure), or, pressed again,
// the runs side by side. It reads which figure from the button and the options from
// the bar as they are at the click: go-app keeps an element's first handler made by the
// same function, so a handler must not carry values that change.
func (b *FigureBar) toggle(ctx app.Context, e app.Event) {
	kind := ctx.JSSrc().Get("dataset").Get("figure").String()
	next := message.FigureSetup{Kind: kind, Seeds: b.Active.Seeds, Levels: b.Active.Levels}
	if kind == b.Active.Kind {
		next = message.FigureSetup{}
	}
	ctx.NewActionWithValue(actionFigure, next)
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
	case figure.Theorem1.String():
		return "the paper's Theorem 1. A network of one ReLU layer built, with no training, from the " +
			"training images themselves: one direction to project them on, a bias between each two, and the " +
			"weights solving a triangular system; its training and test accuracy, its weights and the " +
			"condition number of that system, on true and on random labels (n is the training images setting). " +
			"Under the table, each construction drawn: the images' projections sorted along the line, coloured " +
			"by label, a bias between each two, and the triangular matrix A as a heat map."
	case figure.Kernel.String():
		return "the paper's Section 5. The minimum-norm interpolant of a linear and of an RBF kernel, fitted " +
			"exactly to the training labels with no regularization, as label corruption p goes from 0 to 1, " +
			"and on true and random labels as the training images n grow, halving from the setting to below " +
			"the pixels d: its training and test accuracy and its norm. The linear kernel can only interpolate " +
			"as many images as it has pixels (n ≤ d)."
	case figure.Memorization.String():
		return "when each training image is first fitted, for the images whose label is right and for those " +
			"whose label was corrupted (each label is replaced by a random class with probability p, a setting), after Arpit et al. (2017)."
	}
	return ""
}
