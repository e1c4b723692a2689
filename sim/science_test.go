package sim

// The data's difficulty, as a test. The paper's findings themselves are tested across seeds
// in package claims (sim/claims), which trains every run behind them once per seed and
// shares the runs between the claims. This trains small seeded networks for seconds, so
// -short skips it.

import (
	"strconv"
	"sync"
	"testing"
)

func science(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("science test: trains networks for seconds; skipped with -short")
	}
	t.Parallel()
}

// trainAll trains every config to its end, two at a time, and returns the runs.
func trainAll(t *testing.T, cfgs ...Config) []*Run {
	t.Helper()
	runs := make([]*Run, len(cfgs))
	for i, c := range cfgs {
		runs[i] = mustRun(t, c)
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for _, r := range runs {
		wg.Go(func() {
			sem <- struct{}{}
			r.RunToEnd()
			<-sem
		})
	}
	wg.Wait()
	return runs
}

func summary(t *testing.T, name string, r *Run) Summary {
	s := r.Summary()
	t.Logf("%-28s stop %-10v epochs %3d  train %.3f  test %.3f  fit at %s", name, s.Stop, s.Epochs, s.TrainAcc, s.TestAcc, fmtFit(s.EpochsToFit))
	return s
}

func fmtFit(p *int) string {
	if p == nil {
		return "never"
	}
	return strconv.Itoa(*p)
}

// The families are learnable but not trivial: a linear model is clearly worse than an MLP.
func TestLinearModelIsClearlyWorseThanMLP(t *testing.T) {
	science(t)
	var cfgs []Config
	for _, model := range []Arch{Linear, MLP} {
		c := Default()
		c.Model, c.StopFitted, c.Epochs = model, false, 30
		cfgs = append(cfgs, c)
	}
	runs := trainAll(t, cfgs...)
	// The best test accuracy over epochs measures how learnable the data is, not a model
	// anyone would report (that one is chosen on validation images).
	bestTest := func(r *Run) float64 {
		summary(t, r.Config().Model.String(), r)
		best := 0.0
		for _, e := range r.History() {
			best = max(best, e.TestAcc)
		}
		return best
	}
	lin, mlp := bestTest(runs[0]), bestTest(runs[1])
	if mlp-lin < 0.1 {
		t.Errorf("best test accuracy: linear %.3f, MLP %.3f: want the MLP at least 10 points better", lin, mlp)
	}
	if mlp > 0.97 {
		t.Errorf("MLP best test accuracy %.3f: the default data is too easy to teach with", mlp)
	}
}
