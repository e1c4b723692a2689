package figure

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// A Plot is one chart of a figure as the paper draws it: series of points against two
// axes. It describes what to draw, not how: the canvas paints it, and the page lists the
// same numbers in a table (Cells).
type Plot struct {
	Title string
	X, Y  string // what the axes measure
	// Share says the y axis is a share from 0 to 1 (an accuracy, an error), drawn as a
	// percentage on a fixed scale; otherwise it goes from 0 to the largest value.
	Share bool
	// Chance, when above 0, is the level a guess reaches, drawn as a dotted line.
	Chance float64
	// Mark, when above 0, is an x where something changes, drawn as a dotted vertical
	// line named MarkLabel: the kernel figure's n = d, past which the linear kernel
	// cannot interpolate.
	Mark      float64
	MarkLabel string
	Series    []Series
}

// A Series is a trial's line, or a set of points, on a Plot.
type Series struct {
	Key   string // the trial's key; series of the same key share a colour
	Label string // for the legend
	Seed  int    // which of the figure's seeds (0: the first), drawn fainter after the first
	Line  bool   // join the points; otherwise each is a dot
	// Points are in x order. A y of +Inf (a time to fit that never came) is drawn at the
	// top of the axis, marked as not reached.
	Points []Point
}

// A Point is a point of a Series.
type Point struct{ X, Y float64 }

// Plots returns the figure's charts, with what is done so far. Table 1 is a table and
// Theorem 1 a construction: they have no chart.
func (f *Figure) Plots() []Plot {
	chance := 0.0
	if len(f.Trials) > 0 {
		chance = 1 / float64(f.Trials[0].Config.Classes)
	}
	switch f.Kind {
	case Randomizations:
		loss := Plot{Title: "Training loss", X: "minibatch steps", Y: "training loss"}
		acc := Plot{Title: "Training accuracy", X: "minibatch steps", Y: "training accuracy", Share: true, Chance: chance}
		f.every(func(t Trial, seed int, r *Result) {
			l := Series{Key: t.Key, Label: KeyTitle(f.Kind, t.Key), Seed: seed, Line: true}
			a := l
			for _, e := range r.History { // none before the trial is done
				l.Points = append(l.Points, Point{float64(e.Steps), e.TrainLoss})
				a.Points = append(a.Points, Point{float64(e.Steps), e.TrainAcc})
			}
			loss.Series, acc.Series = append(loss.Series, l), append(acc.Series, a)
		})
		return []Plot{loss, acc}
	case Sweep:
		fit := Plot{Title: "Time to fit (Fig. 1b)", X: "label corruption p", Y: "minibatch steps to fit"}
		test := Plot{Title: "Test error (Fig. 1c)", X: "label corruption p", Y: "test error", Share: true, Chance: 1 - chance}
		fit.Series = f.byP("steps to fit", "", func(r *Result) float64 { return r.value(StepsToFit) })
		test.Series = f.byP("test error", "", func(r *Result) float64 { return r.value(TestError) })
		return []Plot{fit, test}
	case Kernel:
		// Against p at the base's n, as the sweep; then against n on true and random
		// labels, with n = d marked.
		test := Plot{Title: "Test error", X: "label corruption p", Y: "test error", Share: true, Chance: 1 - chance}
		norm := Plot{Title: "Norm of the interpolant", X: "label corruption p", Y: "RKHS norm"}
		testN := Plot{Title: "Test error, as n grows", X: "training images n", Y: "test error", Share: true, Chance: 1 - chance}
		normN := Plot{Title: "Norm, as n grows", X: "training images n", Y: "RKHS norm"}
		if len(f.Trials) > 0 {
			c := f.Trials[0].Config
			testN.Mark, normN.Mark = float64(c.Side*c.Side), float64(c.Side*c.Side)
			testN.MarkLabel = "n = d = " + strconv.Itoa(c.Side*c.Side)
			normN.MarkLabel = testN.MarkLabel
		}
		testError := func(r *Result) float64 { return r.value(TestError) }
		normOf := func(r *Result) float64 { return r.value(Norm) }
		for _, k := range kernels {
			test.Series = append(test.Series, f.byP(k+" kernel", k+"/", testError)...)
			norm.Series = append(norm.Series, f.byP(k+" kernel", k+"/", normOf)...)
		}
		// True labels first, so that each kernel's colour on them is its colour against p.
		for _, p := range []float64{0, 1} {
			for _, k := range kernels {
				testN.Series = append(testN.Series, f.byN(k, p, testError)...)
				normN.Series = append(normN.Series, f.byN(k, p, normOf)...)
			}
		}
		return []Plot{test, norm, testN, normN}
	case Memorization:
		fitted := Plot{Title: "Examples fitted so far", X: "epoch", Y: "share first fitted", Share: true}
		classes := Plot{Title: "Clean examples fitted, by class", X: "epoch", Y: "share first fitted", Share: true}
		f.every(func(t Trial, seed int, r *Result) {
			epochs := len(r.History) // 0 before the trial is done: empty series
			clean, noisy := r.Memorized(epochs)
			fitted.Series = append(fitted.Series,
				Series{Key: "clean", Label: "clean labels", Seed: seed, Line: true, Points: byEpoch(clean)},
				Series{Key: "noisy", Label: "corrupted labels", Seed: seed, Line: true, Points: byEpoch(noisy)})
			for k, share := range r.ByClass(t.Config.Classes, epochs) {
				if share != nil {
					classes.Series = append(classes.Series, Series{Key: classKey(k), Label: classKey(k), Seed: seed, Line: true, Points: byEpoch(share)})
				}
			}
		})
		return []Plot{fitted, classes}
	}
	return nil
}

// each calls fn for every trial done, in order, with the index of its seed.
func (f *Figure) each(fn func(t Trial, seed int, r *Result)) {
	perSeed := len(f.Trials) / f.Options.Seeds
	for i, t := range f.Trials {
		if f.done[i] {
			fn(t, i/perSeed, &f.results[i])
		}
	}
}

// every calls fn for every trial, done or not (a trial not done has an empty Result), in
// order, with the index of its seed: a chart whose series are trials has them all from
// the start, in the trials' order, so that its legend and colours do not change as
// trials finish, in whatever order.
func (f *Figure) every(fn func(t Trial, seed int, r *Result)) {
	perSeed := len(f.Trials) / f.Options.Seeds
	for i, t := range f.Trials {
		fn(t, i/perSeed, &f.results[i])
	}
}

// byP returns one series per seed of metric against p, over the trials whose key starts
// with prefix and has a p.
func (f *Figure) byP(label, prefix string, metric func(*Result) float64) []Series {
	series := make([]Series, f.Options.Seeds)
	for s := range series {
		series[s] = Series{Key: label, Label: label, Seed: s, Line: true}
	}
	f.each(func(t Trial, seed int, r *Result) {
		if strings.HasPrefix(t.Key, prefix) && strings.HasPrefix(strings.TrimPrefix(t.Key, prefix), "p=") {
			if y := metric(r); !math.IsNaN(y) {
				series[seed].Points = append(series[seed].Points, Point{t.P, y})
			}
		}
	})
	return series
}

// byN returns one series per seed of metric against the training images n, for kernel on
// the labels of p (0: true, 1: random): the kernel figure's trials at smaller n, and its
// trial at p at the base's n.
func (f *Figure) byN(kernel string, p float64, metric func(*Result) float64) []Series {
	label := kernel + ", " + labelsName(p) + " labels" // short enough for a phone's legend
	series := make([]Series, f.Options.Seeds)
	for s := range series {
		series[s] = Series{Key: kernel + "/" + labelsName(p), Label: label, Seed: s, Line: true}
	}
	f.each(func(t Trial, seed int, r *Result) {
		if t.Kernel == kernel && t.P == p && (t.Key == kernel+"/"+pKey(p) || strings.HasPrefix(t.Key, kernel+"/"+labelsName(p)+"/n=")) {
			if y := metric(r); !math.IsNaN(y) {
				series[seed].Points = append(series[seed].Points, Point{float64(t.Config.Train), y})
			}
		}
	})
	for s := range series {
		slices.SortFunc(series[s].Points, func(a, b Point) int { return cmp.Compare(a.X, b.X) })
	}
	return series
}

func byEpoch(share []float64) []Point {
	pts := make([]Point, len(share))
	for i, v := range share {
		pts[i] = Point{float64(i + 1), v}
	}
	return pts
}

func classKey(k int) string { return "class " + strconv.Itoa(k) }
