package figure

import (
	"math"
	"slices"
	"testing"

	"genlab/sim"
)

func TestSweepPlots(t *testing.T) {
	f, err := New(Sweep, sim.Default(), Options{Levels: 3, Seeds: 2})
	if err != nil {
		t.Fatal(err)
	}
	// Trials: p = 0, 0.5, 1 on seed 1, then on seed 2. Leave p = 0.5 of seed 2 undone.
	for i, steps := range []int{300, 500, -1, 310, 0, 720} {
		if i == 4 {
			continue
		}
		s := sim.Summary{TestAcc: 0.9 - 0.4*f.Trials[i].P}
		if steps > 0 {
			s = fitted(steps, float64(steps)/47)
			s.TestAcc = 0.9 - 0.4*f.Trials[i].P
		}
		f.Set(i, Result{Summary: s})
	}
	plots := f.Plots()
	if len(plots) != 2 {
		t.Fatalf("%d plots, want 2", len(plots))
	}
	fit, test := plots[0], plots[1]
	if test.Chance != 0.9 || !test.Share || fit.Share {
		t.Errorf("test error chance %v share %v, fit share %v: want 0.9, true, false", test.Chance, test.Share, fit.Share)
	}
	want := [][]Point{
		{{0, 300}, {0.5, 500}, {1, math.Inf(1)}},
		{{0, 310}, {1, 720}},
	}
	for s, w := range want {
		if got := fit.Series[s].Points; !slices.Equal(got, w) || fit.Series[s].Seed != s {
			t.Errorf("seed %d: points %v (seed %d), want %v", s, got, fit.Series[s].Seed, w)
		}
	}
	if got := test.Series[0].Points[1]; got.X != 0.5 || math.Abs(got.Y-0.3) > 1e-12 {
		t.Errorf("test error at p=0.5: %v", got)
	}
}

func TestRandomizationPlots(t *testing.T) {
	f, _ := New(Randomizations, sim.Default(), Options{})
	hist := []sim.Epoch{{Epoch: 1, Steps: 47, TrainLoss: 2.1, TrainAcc: 0.3}, {Epoch: 2, Steps: 94, TrainLoss: 1.2, TrainAcc: 0.6}}
	f.Set(4, Result{History: hist})
	plots := f.Plots()
	if len(plots) != 2 || len(plots[0].Series) != 5 || len(plots[1].Series) != 5 {
		t.Fatalf("plots %+v: want loss and accuracy, a series per trial each", plots)
	}
	// Every trial has its series from the start, in the trials' order (stable legends and
	// colours); only the trial done has points.
	for i, s := range plots[0].Series[:4] {
		if s.Key != f.Trials[i].Key || len(s.Points) != 0 {
			t.Errorf("series %d: key %q with %d points, want %q with none", i, s.Key, len(s.Points), f.Trials[i].Key)
		}
	}
	loss, acc := plots[0].Series[4], plots[1].Series[4]
	if loss.Key != "inputs=gaussian" || loss.Label != "Gaussian inputs" || !loss.Line {
		t.Errorf("series %+v", loss)
	}
	if !slices.Equal(loss.Points, []Point{{47, 2.1}, {94, 1.2}}) || !slices.Equal(acc.Points, []Point{{47, 0.3}, {94, 0.6}}) {
		t.Errorf("loss %v, accuracy %v", loss.Points, acc.Points)
	}
	if plots[1].Chance != 0.1 {
		t.Errorf("accuracy chance %v, want 0.1", plots[1].Chance)
	}
}

func TestMemorizationPlots(t *testing.T) {
	f, _ := New(Memorization, sim.Default(), Options{})
	if s := f.Plots()[0].Series; len(s) != 2 || len(s[0].Points)+len(s[1].Points) != 0 {
		t.Errorf("before the run: series %+v, want clean and noisy, empty", s)
	}
	f.Set(0, Result{
		History:  make([]sim.Epoch, 2),
		FirstFit: []int32{1, 2, 2},
		Noisy:    []bool{false, false, true},
		Classes:  []int{3, 3, 5},
	})
	plots := f.Plots()
	fitted, classes := plots[0], plots[1]
	if len(fitted.Series) != 2 || !slices.Equal(fitted.Series[0].Points, []Point{{1, 0.5}, {2, 1}}) ||
		!slices.Equal(fitted.Series[1].Points, []Point{{1, 0}, {2, 1}}) {
		t.Errorf("clean and noisy series %+v", fitted.Series)
	}
	if len(classes.Series) != 1 || classes.Series[0].Key != "class 3" {
		t.Errorf("class series %+v: want class 3 alone (class 5's only example is noisy)", classes.Series)
	}
}

func TestKernelPlots(t *testing.T) {
	f, err := New(Kernel, sim.Default(), Options{Levels: 2})
	if err != nil {
		t.Fatal(err)
	}
	// Every trial done but rbf/random/n=187, with its training images as its norm and
	// p + n/10⁴ as its test accuracy, as sim/theory's Compute gives them (no test error:
	// the charts take it from the test accuracy).
	for i, tr := range f.Trials {
		if tr.Key != "rbf/random/n=187" {
			n := float64(tr.Config.Train)
			f.Set(i, Result{Values: map[string]float64{TestAcc: tr.P + n/1e4, Norm: n}})
		}
	}
	plots := f.Plots()
	if len(plots) != 4 {
		t.Fatalf("%d plots, want 4: test error and norm against p, then against n", len(plots))
	}
	for i, pl := range plots {
		byN := i >= 2
		if wantX := map[bool]string{false: "label corruption p", true: "training images n"}[byN]; pl.X != wantX {
			t.Errorf("plot %d: x %q, want %q", i, pl.X, wantX)
		}
		if mark := map[bool]float64{false: 0, true: 144}[byN]; pl.Mark != mark || (mark > 0) != (pl.MarkLabel == "n = d = 144") {
			t.Errorf("plot %d: mark %v %q, want %v", i, pl.Mark, pl.MarkLabel, mark)
		}
	}
	var keys []string
	for _, s := range plots[3].Series {
		keys = append(keys, s.Key+" "+s.Label)
	}
	if want := []string{"linear/true linear, true labels", "rbf/true rbf, true labels",
		"linear/random linear, random labels", "rbf/random rbf, random labels"}; !slices.Equal(keys, want) {
		t.Errorf("norm against n: series %q, want %q", keys, want)
	}
	// In n order, the base's own n (the sweep's p = 0 or 1) last; the trial not done left out.
	if got, want := plots[3].Series[3].Points, []Point{{93, 93}, {375, 375}, {750, 750}, {1500, 1500}}; !slices.Equal(got, want) {
		t.Errorf("rbf on random labels, norm against n: %v, want %v", got, want)
	}
	if got := plots[2].Series[0].Points; len(got) != 5 || got[0].X != 93 || math.Abs(got[0].Y-(1-0.0093)) > 1e-12 {
		t.Errorf("linear on true labels, test error against n: %v", got)
	}
	if got := plots[0].Series[1].Points; len(got) != 2 || math.Abs(got[0].Y-(1-0.15)) > 1e-12 || math.Abs(got[1].Y-(1-1.15)) > 1e-12 {
		t.Errorf("rbf test error against p: %v, want 1 − test accuracy", got)
	}
	if got, want := plots[1].Series[1].Points, []Point{{0, 1500}, {1, 1500}}; !slices.Equal(got, want) {
		t.Errorf("rbf norm against p: %v, want %v (the trials at smaller n are not levels of p)", got, want)
	}
}
