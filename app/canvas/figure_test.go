package canvas

import (
	"math"
	"strings"
	"testing"

	"genlab/sim"
	"genlab/sim/figure"
)

// Fake figures for the tests: figure.New lays them out on the default settings, and
// fakeResult makes up, for each trial, numbers shaped like the paper's (harder settings
// fit later and test worse), so that no network is trained.

// hardness says how hard a trial's labels are to fit, 0 (true labels) to 1 (random).
func hardness(t figure.Trial) float64 {
	switch {
	case t.Key == "inputs=random":
		return 0.55
	case t.Key == "inputs=gaussian":
		return 0.45
	case t.Key == "inputs=shuffled":
		return 0.08
	case strings.HasSuffix(t.Key, "random"):
		return 1
	}
	return t.P
}

// fakeResult makes up trial i's result. Trials whose key is in never are never fitted.
func fakeResult(f *figure.Figure, i int, never ...string) figure.Result {
	t := f.Trials[i]
	seed := float64(t.Config.Seed - sim.Default().Seed)
	h := hardness(t)
	if !f.Kind.Trained() {
		v := map[string]float64{figure.TrainAcc: 1, figure.TestAcc: 0.82 - 0.72*h,
			figure.Weights: 2*1500 + 144, figure.Cond: 3.2e4 * (1 + h), figure.Interpolates: 1}
		v[figure.TestError] = 1 - v[figure.TestAcc]
		v[figure.Norm] = 40 + 180*h*h + 15*seed
		if t.Kernel == "rbf" {
			v[figure.TestError] -= 0.05 * (1 - h)
			v[figure.Norm] *= 0.6
		}
		return figure.Result{Values: v}
	}
	const stepsPerEpoch = 47
	fit := 7 + 15*h + 0.8*seed
	if strings.HasPrefix(t.Key, "wd") || strings.HasPrefix(t.Key, "dropout") {
		fit *= 1.6
	}
	fitted := true
	for _, k := range never {
		fitted = fitted && k != t.Key
	}
	epochs := min(60, int(math.Ceil(fit))+2)
	if !fitted {
		epochs = 60
	}
	var r figure.Result
	for e := 1; e <= epochs; e++ {
		acc := math.Min(1, 0.1+0.9*math.Pow(float64(e)/fit, 1.4))
		if !fitted {
			acc = math.Min(0.97, 0.1+0.6*float64(e)/60)
		}
		r.History = append(r.History, sim.Epoch{Epoch: e, Steps: e * stepsPerEpoch,
			TrainAcc: acc, TrainLoss: 2.3*(1-acc) + 0.02, TestAcc: 0.85 - 0.75*h})
	}
	s := sim.Summary{Epochs: epochs, Steps: epochs * stepsPerEpoch, TrainAcc: r.History[epochs-1].TrainAcc,
		TestAcc: 0.86 - 0.76*h - 0.012*seed}
	if fitted {
		steps, fe := int(math.Round(fit*stepsPerEpoch)), math.Round(fit*8)/8
		s.StepsToFit, s.FitEpochs = &steps, &fe
	}
	r.Summary = s
	if f.Kind == figure.Memorization {
		n := 400
		r.FirstFit, r.Noisy, r.Classes = make([]int32, n), make([]bool, n), make([]int, n)
		for j := range n {
			r.Classes[j] = j % 10
			r.Noisy[j] = j/10%5 < 2 // p = 0.4, in every class
			first := 1 + j%10/3 + j/10%3
			if r.Noisy[j] {
				first = 5 + j%7 + j/100
			}
			r.FirstFit[j] = int32(min(first, epochs))
		}
	}
	return r
}

// fakeFigure lays figure k out with o and sets the results of the trials done.
func fakeFigure(t testing.TB, k figure.Kind, o figure.Options, done []int, never ...string) *figure.Figure {
	t.Helper()
	f, err := figure.New(k, sim.Default(), o)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range done {
		f.Set(i, fakeResult(f, i, never...))
	}
	return f
}

// upTo returns 0, 1, …, n−1: the first n trials done.
func upTo(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// figureScene is the scene of figure f, state as the page would word it.
func figureScene(f *figure.Figure, state string) *Scene {
	return &Scene{HoverX: -1, HoverY: -1, Figure: &FigureView{
		Kind: f.Kind, Title: f.Kind.Title(), Plots: f.Plots(), Cells: f.Cells(),
		Done: f.Done(), Total: len(f.Trials), State: state,
	}}
}
