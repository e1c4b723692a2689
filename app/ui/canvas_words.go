package ui

import (
	"strconv"
	"strings"
	"time"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/figure"
)

// canvasWords is the canvas put in words, for whoever cannot see it: what each of its
// views draws (the memory walls, the zoomed walls, the weights, the gauges, the curves, a
// figure) and where the runs drawn stand, with each run's accuracy trajectory. The page
// shows the words beside the canvas's <iframe>, which names them as its description
// (see CanvasFrame), so that a screen reader gives them with the frame.
//
// The words change at the calm rate of progressNews, not with every report: at once when
// the runs change (a new setup, a reset, a run stopping), otherwise at most every
// newsEvery. Between two changes the numbers table, which is not read aloud, is the place
// for the exact numbers of the moment; the words tell a trajectory: "training accuracy
// 80.0% at epoch 12, up from 41.0% at epoch 8".
type canvasWords struct {
	shown  []message.RunStats // the numbers the words give
	before []message.RunStats // the numbers given before them, of earlier epochs; nil for none
	at     time.Time          // when shown was taken
}

// update takes a report of the runs' numbers at now, and reports whether the words
// changed.
func (w *canvasWords) update(now time.Time, stats []message.RunStats) bool {
	if len(stats) == 0 {
		return false
	}
	same := sameRuns(w.shown, stats)
	if same && stopsOf(w.shown) == stopsOf(stats) && now.Sub(w.at) < newsEvery {
		return false
	}
	switch {
	case !same:
		w.before = nil // other runs, or the same ones reset: nothing earlier to compare with
	case stats[0].Epoch > w.shown[0].Epoch:
		w.before = w.shown
	}
	w.shown, w.at = append([]message.RunStats(nil), stats...), now
	return true
}

// sameRuns reports whether b reports on the runs a did, no earlier in their training.
func sameRuns(a, b []message.RunStats) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name.String() != b[i].Name.String() || b[i].Epoch < a[i].Epoch {
			return false
		}
	}
	return true
}

func stopsOf(stats []message.RunStats) string {
	var s []string
	for _, r := range stats {
		s = append(s, r.Stop)
	}
	return strings.Join(s, ",")
}

// describeCanvas returns the words for what the canvas shows of exp, zoomed on the walls
// as view.Zoom says, a paragraph each: what is drawn, then one per run. fig is the
// figure's progress, when exp is a figure.
func describeCanvas(exp experiment, zoom int, w *canvasWords, fig *message.FigureProgress) []string {
	if exp.Figure.Kind != "" {
		return []string{describeFigure(exp.Figure.Kind, fig)}
	}
	cfgs := exp.Runs.Configs(exp.Config)
	titles := exp.Runs.Titles()
	runs := "The canvas shows " + plural(len(cfgs), "run", "runs") + " side by side."
	if len(cfgs) == 1 {
		runs = "The canvas shows one run."
	}
	var out []string
	if zoom > 0 {
		out = append(out, runs+" Its memory walls are zoomed on the training images given label "+strconv.Itoa(zoom-1)+
			": each image drawn large, every pixel a block, lit when the network fits it (predicts its given label), dimmed when not, "+
			"with a pink corner when its label is wrong. The curves, weights and gauges make room for them.")
	} else {
		out = append(out, runs+" Each has a memory wall: a tile for every training image, grouped by the label it is trained on, "+
			"lit once the network fits it (predicts its given label), with a pink corner when that label is wrong. "+
			"Under the wall, the network's first-layer weights drawn as images (blue negative, orange positive) and a gauge of its size. "+
			"Two charts overlay every run's learning curves against epochs: accuracy, and loss; training solid, test dashed.")
	}
	for i, cfg := range cfgs {
		title := "Run " + strconv.Itoa(i+1)
		if i < len(titles) && titles[i] != "" {
			title = titles[i]
		}
		var now, before *message.RunStats
		if i < len(w.shown) {
			now = &w.shown[i]
		}
		if i < len(w.before) {
			before = &w.before[i]
		}
		out = append(out, describeRun(title, cfg, now, before, zoom == 0))
	}
	return out
}

// describeRun says where one run stands: its wall, its accuracies and how they moved
// since before (nil: no earlier numbers), and, when the canvas draws them (whole), its
// gauge and weights.
func describeRun(title string, cfg sim.Config, now, before *message.RunStats, whole bool) string {
	var b strings.Builder
	b.WriteString(title + ": ")
	switch {
	case now == nil:
		b.WriteString("being built.")
		return b.String()
	case now.Epoch == 0:
		b.WriteString("not trained yet, none of its " + formatCount(now.Examples) + " training images fitted.")
	default:
		b.WriteString("epoch " + strconv.Itoa(now.Epoch) + ", " + formatCount(now.Fitted) + " of " + formatCount(now.Examples) +
			" training images fitted, " + formatCount(now.Examples-now.Fitted) + " not yet")
		if now.Wrong > 0 {
			b.WriteString("; " + formatCount(now.Wrong) + " with a wrong label, " + formatCount(now.WrongFitted) + " of them fitted")
		}
		b.WriteString(". Training accuracy " + formatPercent(now.TrainAcc) + trend(now, before, func(r *message.RunStats) float64 { return r.TrainAcc }))
		b.WriteString("; test accuracy " + formatPercent(now.TestAcc) + trend(now, before, func(r *message.RunStats) float64 { return r.TestAcc }))
		b.WriteString(", where a guess scores " + formatPercent(1/float64(cfg.Classes)) + ".")
		if name, _ := stateText(now.Stop); now.Stop != "" && now.Stop != stateRunning {
			if now.Stop == stateFitted && now.FitEpochs > 0 {
				name += " in " + strconv.FormatFloat(now.FitEpochs, 'f', 1, 64) + " epochs"
			}
			b.WriteString(" Stopped: " + name + ".")
		}
	}
	if whole && now.Params > 0 && now.Examples > 0 {
		b.WriteString(" Its gauge: " + formatCount(now.Params) + " parameters for " + formatCount(now.Examples) +
			" training images, " + formatCount(max(1, (now.Params+now.Examples/2)/now.Examples)) + " per image.")
	}
	if whole {
		b.WriteString(" " + weightsWords(cfg))
	}
	return b.String()
}

// trend says how a number moved since before's epoch: ", up from 41.0% at epoch 8", or
// nothing without an earlier epoch.
func trend(now, before *message.RunStats, value func(*message.RunStats) float64) string {
	if before == nil || before.Epoch == 0 || before.Epoch >= now.Epoch {
		return ""
	}
	was, is, at := formatPercent(value(before)), formatPercent(value(now)), strconv.Itoa(before.Epoch)
	switch {
	case was == is:
		return ", unchanged since epoch " + at
	case value(now) > value(before):
		return ", up from " + was + " at epoch " + at
	}
	return ", down from " + was + " at epoch " + at
}

// weightsWords says what the canvas draws of a network's first layer (sim.Snapshot's
// weights): an image of the input's size per unit of a dense first layer, a 3×3 one per
// filter of a convolution.
func weightsWords(cfg sim.Config) string {
	side := strconv.Itoa(cfg.Side)
	switch cfg.Model {
	case sim.CNN:
		return "Its weights: each first convolution filter as a 3×3 image."
	case sim.Linear:
		return "Its weights: each class's weights as a " + side + "×" + side + " image."
	}
	return "Its weights: each first-layer unit's weights as a " + side + "×" + side + " image."
}

// describeFigure says which figure the canvas makes and how far it is.
func describeFigure(kind string, fig *message.FigureProgress) string {
	k, err := figure.ParseKind(kind)
	if err != nil {
		return "" // the page only shows figures it accepted
	}
	s := "The canvas makes " + k.Title() + ": " + figureDescription(kind) + " "
	switch {
	case fig == nil || fig.Total == 0:
		s += "Its runs are being built."
	case fig.Done == fig.Total:
		s += "All " + strconv.Itoa(fig.Total) + " of its runs are done."
	case fig.Done == 0:
		s += "None of its " + strconv.Itoa(fig.Total) + " runs is done yet."
	default:
		s += strconv.Itoa(fig.Done) + " of its " + strconv.Itoa(fig.Total) + " runs are done."
	}
	return s + " Its numbers are in the figure's table, in the Numbers panel."
}

// plural writes "2 runs", "1 run".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// canvasWords is the canvas in words as it stands, none while it is not ready (its status
// line then says what it waits for).
func (l *Lab) canvasWords() []string {
	if l.phase != phaseReady {
		return nil
	}
	return describeCanvas(l.exp, l.view.Zoom, &l.words, l.figure)
}
