package theory_test

// The paper's findings that need no training, as tests (the others are in sim).

import (
	"fmt"
	"strings"
	"testing"

	"genlab/sim"
	"genlab/sim/figure"
	"genlab/sim/theory"
)

// Theorem 1's construction and the minimum-norm interpolant on true and random labels, at
// the defaults, are claims S11a, S11b and S12 of sim/claims, judged there on ten seeds.

// The computed figures (sim/figure) filled in by Compute show Theorem 1 and Section 5 in their cells,
// and every series of their charts has its points.
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
		for _, pl := range f.Plots() {
			for _, se := range pl.Series {
				if len(se.Points) == 0 {
					t.Errorf("%v, chart %q: no point on the series %s", k, pl.Title, se.Label)
				}
			}
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
	// 300 points in 144 dimensions: the linear kernel cannot interpolate; at 150 neither,
	// at 75 it can, on any labels. The RBF kernel interpolates at every n.
	for _, tc := range []struct {
		key  string
		want float64
	}{
		{"linear/p=1", 0}, {"linear/true/n=150", 0}, {"linear/random/n=150", 0},
		{"linear/true/n=75", 1}, {"linear/random/n=75", 1},
		{"rbf/true/n=75", 1}, {"rbf/random/n=75", 1}, {"rbf/true/n=150", 1}, {"rbf/random/n=150", 1},
	} {
		if got := kn[tc.key+" interpolates"]; got != tc.want {
			t.Errorf("kernel %s in %d dimensions: interpolates %v, want %v", tc.key, base.Side*base.Side, got, tc.want)
		}
		if tc.want == 1 && kn[tc.key+" train-acc"] != 1 {
			t.Errorf("kernel %s interpolates with training accuracy %v, want 1", tc.key, kn[tc.key+" train-acc"])
		}
	}
}

// Section 5 as the kernel figure shows it at the defaults, on seeds 1–10: for each kernel, test
// error rises with the label corruption p at every level; the RBF kernel interpolates
// every training set, with a larger norm on random labels than on true ones at every n;
// the linear kernel interpolates exactly when n ≤ d.
func TestKernelFigureAcrossSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("science test; skipped with -short")
	}
	base := sim.Default()
	d := base.Side * base.Side
	// The seeds are independent: they run side by side, one per core.
	for seed := uint64(1); seed <= 10; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			t.Parallel()
			kernelFigureHolds(t, base, seed, d)
		})
	}
}

// kernelFigureHolds makes the kernel figure on one seed and checks what
// TestKernelFigureAcrossSeeds says of it.
func kernelFigureHolds(t *testing.T, base sim.Config, seed uint64, d int) {
	base.Seed = seed
	f, err := figure.New(figure.Kernel, base, figure.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, tr := range f.Trials {
		res, err := theory.Compute(tr)
		if err != nil {
			t.Fatalf("seed %d, %s: %v", seed, tr.Key, err)
		}
		f.Set(i, res)
	}
	c := map[string]float64{}
	for _, cell := range f.Cells() {
		c[cell.Key+" "+cell.Metric] = cell.Value
	}
	prevErr := map[string]float64{}
	for _, tr := range f.Trials {
		key, n := tr.Key, tr.Config.Train
		fits := c[key+" interpolates"] == 1
		if strings.Contains(key, "/p=") {
			if e := 1 - c[key+" test-acc"]; tr.P > 0 && e <= prevErr[tr.Kernel] {
				t.Errorf("seed %d: %s test error %.3f, not above the level before's %.3f", seed, key, e, prevErr[tr.Kernel])
			}
			prevErr[tr.Kernel] = 1 - c[key+" test-acc"]
		}
		switch {
		case tr.Kernel == "linear" && fits != (n <= d):
			t.Errorf("seed %d: the linear kernel on %d images of %d pixels: interpolates %v", seed, n, d, fits)
		case tr.Kernel == "rbf" && !(fits && c[key+" train-acc"] == 1):
			t.Errorf("seed %d: the RBF kernel on %s: interpolates %v, training accuracy %v", seed, key, fits, c[key+" train-acc"])
		case tr.Kernel == "rbf" && tr.P == 1:
			trueKey := strings.Replace(strings.Replace(key, "/random/", "/true/", 1), "p=1", "p=0", 1)
			if !(c[key+" norm"] > c[trueKey+" norm"]) {
				t.Errorf("seed %d: RBF norm %.4g on %s, %.4g on %s: want random labels' larger", seed, c[key+" norm"], key, c[trueKey+" norm"], trueKey)
			}
		}
	}
	t.Logf("seed %d: test error linear %.3f → %.3f, rbf %.3f → %.3f; rbf norm true %.4g, random %.4g", seed,
		1-c["linear/p=0 test-acc"], 1-c["linear/p=1 test-acc"], 1-c["rbf/p=0 test-acc"], 1-c["rbf/p=1 test-acc"], c["rbf/p=0 norm"], c["rbf/p=1 norm"])
}
