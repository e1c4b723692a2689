package theory_test

// The paper's findings that need no training, as tests (the others are in sim).

import (
	"math"
	"testing"

	"genlab/sim"
	"genlab/sim/data"
	"genlab/sim/figure"
	"genlab/sim/theory"
)

// nearChance: within 3 points of 1/K, three binomial standard deviations for 1,000 test
// images at K = 10.
func nearChance(acc float64, classes int) bool {
	return math.Abs(acc-1/float64(classes)) <= 0.03
}

// S7: Theorem 1's network fits 1,000 random labels exactly, with no training.
func TestS7TheoremOneFitsRandomLabels(t *testing.T) {
	c := sim.Default()
	c.Labels, c.Train = data.RandomLabels, 1000
	res, err := theory.ConstructFor(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", res)
	// One projection direction (d weights), n biases, and n weights per class.
	if want := 1000*10 + 1000 + c.Side*c.Side; res.TrainAcc != 1 || res.N != 1000 || res.Weights != want {
		t.Errorf("construction: train accuracy %v on %d points with %d weights, want 1 on 1000 with %d", res.TrainAcc, res.N, res.Weights, want)
	}
	if !nearChance(res.TestAcc, 10) {
		t.Errorf("construction: test accuracy %.3f, want chance", res.TestAcc)
	}
}

// S8: the minimum-norm interpolant generalizes on true labels and not on random ones,
// and its norm tells the two apart.
func TestS8MinimumNormInterpolation(t *testing.T) {
	if testing.Short() {
		t.Skip("science test; skipped with -short")
	}
	c := sim.Default()
	k := theory.Kernel{Kind: theory.RBFKernel}
	tr, err := theory.InterpolateFor(c, k)
	if err != nil {
		t.Fatal(err)
	}
	c.Labels = data.RandomLabels
	rn, err := theory.InterpolateFor(c, k)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("true: %+v", tr)
	t.Logf("random: %+v", rn)
	if !tr.Interpolates || !rn.Interpolates || tr.TrainAcc != 1 || rn.TrainAcc != 1 {
		t.Errorf("the interpolants do not fit: true %v/%.3f, random %v/%.3f", tr.Interpolates, tr.TrainAcc, rn.Interpolates, rn.TrainAcc)
	}
	if tr.TestAcc < 0.5 {
		t.Errorf("true labels: test accuracy %.3f, want far above chance (>= 0.5)", tr.TestAcc)
	}
	if !nearChance(rn.TestAcc, 10) {
		t.Errorf("random labels: test accuracy %.3f, want chance", rn.TestAcc)
	}
	if rn.Norm <= tr.Norm {
		t.Errorf("norm for random labels %.4g, for true labels %.4g: want random larger", rn.Norm, tr.Norm)
	}
}

// The computed figures (sim/figure) filled in by Compute show S7 and S8 in their cells.
func TestComputeFillsTheFigures(t *testing.T) {
	base := sim.Default()
	base.Train = 300
	cells := func(k figure.Kind, o figure.Options) map[string]float64 {
		f, err := figure.New(k, base, o)
		if err != nil {
			t.Fatal(err)
		}
		for i, tr := range f.Trials {
			res, err := theory.Compute(tr)
			if err != nil {
				t.Fatalf("%v %s: %v", k, tr.Key, err)
			}
			f.Set(i, res)
		}
		got := map[string]float64{}
		for _, c := range f.Cells() {
			got[c.Key+" "+c.Metric] = c.Value
		}
		return got
	}
	th := cells(figure.Theorem1, figure.Options{})
	want := float64(300*10 + 300 + base.Side*base.Side)
	for _, key := range []string{"labels=true", "labels=random"} {
		if th[key+" weights-one"] != float64(2*300+base.Side*base.Side) {
			t.Errorf("theorem1 %s: %v weights for one output, want 2n+d = %d", key, th[key+" weights-one"], 2*300+base.Side*base.Side)
		}
		if th[key+" train-acc"] != 1 || th[key+" weights"] != want {
			t.Errorf("theorem1 %s: train accuracy %v with %v weights, want 1 with %v", key, th[key+" train-acc"], th[key+" weights"], want)
		}
	}
	kn := cells(figure.Kernel, figure.Options{Levels: 2})
	if kn["rbf/p=1 norm"] <= kn["rbf/p=0 norm"] || kn["rbf/p=0 interpolates"] != 1 {
		t.Errorf("kernel: RBF norm %v (random) vs %v (true), interpolates %v: want random larger, exact fit",
			kn["rbf/p=1 norm"], kn["rbf/p=0 norm"], kn["rbf/p=0 interpolates"])
	}
	// 300 points in 144 dimensions: the linear kernel cannot interpolate.
	if kn["linear/p=1 interpolates"] != 0 {
		t.Errorf("linear kernel interpolates 300 random labels in %d dimensions", base.Side*base.Side)
	}
}
