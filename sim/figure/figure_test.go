package figure

import (
	"math"
	"slices"
	"strings"
	"testing"

	"genlab/sim"
	"genlab/sim/data"
)

func TestParseKind(t *testing.T) {
	for _, k := range Kinds() {
		got, err := ParseKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %v, %v; want %v", k.String(), got, err, k)
		}
	}
	if _, err := ParseKind("fig2"); err == nil || !strings.Contains(err.Error(), "sweep") {
		t.Errorf("ParseKind(fig2) error %v should list the figures", err)
	}
}

func keys(f *Figure) []string {
	var ks []string
	for _, t := range f.Trials {
		ks = append(ks, t.Key)
	}
	return ks
}

func TestTrials(t *testing.T) {
	tests := []struct {
		kind Kind
		o    Options
		want []string
	}{
		{Randomizations, Options{}, []string{"labels=true", "labels=random", "inputs=shuffled", "inputs=random", "inputs=gaussian"}},
		{Sweep, Options{}, []string{"p=0", "p=0.2", "p=0.4", "p=0.6", "p=0.8", "p=1"}},
		{Sweep, Options{Levels: 3}, []string{"p=0", "p=0.5", "p=1"}},
		{Table1, Options{}, []string{"none/true", "none/random", "wd/true", "wd/random", "dropout/true", "dropout/random",
			"aug/true", "aug/random", "bn/true", "bn/random", "early-stop/true", "early-stop/random",
			"wd+dropout+aug/true", "wd+dropout+aug/random"}},
		{Theorem1, Options{}, []string{"labels=true", "labels=random"}},
		{Kernel, Options{Levels: 2}, []string{"linear/p=0", "linear/p=1", "rbf/p=0", "rbf/p=1",
			"linear/true/n=93", "linear/true/n=187", "linear/true/n=375", "linear/true/n=750",
			"linear/random/n=93", "linear/random/n=187", "linear/random/n=375", "linear/random/n=750",
			"rbf/true/n=93", "rbf/true/n=187", "rbf/true/n=375", "rbf/true/n=750",
			"rbf/random/n=93", "rbf/random/n=187", "rbf/random/n=375", "rbf/random/n=750"}},
		{Memorization, Options{}, []string{"p=0.5"}},
		{Memorization, Options{Seeds: 3}, []string{"p=0.5", "p=0.5", "p=0.5"}},
	}
	for _, tt := range tests {
		f, err := New(tt.kind, sim.Default(), tt.o)
		if err != nil {
			t.Errorf("%v %+v: %v", tt.kind, tt.o, err)
			continue
		}
		if got := keys(f); !slices.Equal(got, tt.want) {
			t.Errorf("%v %+v: keys\n got %q\nwant %q", tt.kind, tt.o, got, tt.want)
		}
	}
}

func TestSeeds(t *testing.T) {
	base := sim.Default()
	base.Seed = 7
	f, err := New(Sweep, base, Options{Seeds: 3, Levels: 2})
	if err != nil {
		t.Fatal(err)
	}
	var got []uint64
	for _, tr := range f.Trials {
		got = append(got, tr.Config.Seed)
	}
	if want := []uint64{7, 7, 8, 8, 9, 9}; !slices.Equal(got, want) {
		t.Errorf("seeds %v, want %v", got, want)
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []Options{{Seeds: -1}, {Seeds: MaxSeeds + 1}, {Levels: 1}, {Levels: MaxLevels + 1}} {
		if _, err := New(Sweep, sim.Default(), o); err == nil {
			t.Errorf("New accepted %+v", o)
		}
	}
	bad := sim.Default()
	bad.Train = -3
	if _, err := New(Sweep, bad, Options{}); err == nil {
		t.Error("New accepted an invalid base")
	}
}

func fitted(steps int, epochs float64) sim.Summary {
	return sim.Summary{StepsToFit: &steps, FitEpochs: &epochs, TrainAcc: 1}
}

func TestCells(t *testing.T) {
	f, err := New(Sweep, sim.Default(), Options{Seeds: 2, Levels: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Cells(); len(got) != 0 {
		t.Errorf("cells before any result: %v", got)
	}
	// Trials: p=0 seed 1, p=1 seed 1, p=0 seed 2, p=1 seed 2. Set them out of order.
	s := fitted(400, 8)
	s.TestAcc = 0.9
	f.Set(2, Result{Summary: s})
	if f.Done() != 1 {
		t.Errorf("Done = %d, want 1", f.Done())
	}
	s = fitted(600, 12)
	s.TestAcc = 0.8
	f.Set(0, Result{Summary: s})
	never := sim.Summary{TrainAcc: 0.7, TestAcc: 0.1}
	f.Set(1, Result{Summary: never})

	testError := func(acc float64) float64 { return 1 - acc } // at run time, as the figure does
	want := map[[2]string][]float64{
		{"p=0", StepsToFit}: {600, 400},
		{"p=0", FitEpochs}:  {12, 8},
		{"p=0", TestError}:  {testError(0.8), testError(0.9)},
		{"p=0", TrainAcc}:   {1, 1},
		{"p=1", StepsToFit}: {math.Inf(1)},
		{"p=1", FitEpochs}:  {math.Inf(1)},
		{"p=1", TestError}:  {0.9},
		{"p=1", TrainAcc}:   {0.7},
	}
	cells := f.Cells()
	if len(cells) != len(want) {
		t.Fatalf("%d cells, want %d: %+v", len(cells), len(want), cells)
	}
	if cells[0].Key != "p=0" || cells[len(cells)-1].Key != "p=1" {
		t.Errorf("cells not in the trials' order: %+v", cells)
	}
	for _, c := range cells {
		w := want[[2]string{c.Key, c.Metric}]
		if !slices.Equal(c.Seeds, w) {
			t.Errorf("%s %s: seeds %v, want %v", c.Key, c.Metric, c.Seeds, w)
		}
		mean := 0.0
		for _, v := range w {
			mean += v / float64(len(w))
		}
		if math.Abs(c.Value-mean) > 1e-12 && !(math.IsInf(c.Value, 1) && math.IsInf(mean, 1)) {
			t.Errorf("%s %s: value %v, want %v", c.Key, c.Metric, c.Value, mean)
		}
	}
}

func TestComputedCells(t *testing.T) {
	f, err := New(Theorem1, sim.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.Set(1, Result{Values: map[string]float64{TrainAcc: 1, TestAcc: 0.1, Weights: 1644}})
	got := map[string]float64{}
	for _, c := range f.Cells() {
		if c.Key != "labels=random" {
			t.Errorf("cell of a trial not done: %+v", c)
		}
		got[c.Metric] = c.Value
	}
	if got[TrainAcc] != 1 || got[Weights] != 1644 || !math.IsNaN(got[Cond]) {
		t.Errorf("cells %v: want train-acc 1, weights 1644, cond NaN (not given)", got)
	}
}

func TestMedianFits(t *testing.T) {
	tests := []struct {
		firstFit          []int32
		noisy             []bool
		wantClean, wantNo float64
	}{
		{[]int32{1, 2, 3, 9, 0}, []bool{false, false, false, true, true}, 2, math.Inf(1)},
		{[]int32{4, 2}, []bool{false, false}, 4, math.NaN()},
		{nil, nil, math.NaN(), math.NaN()},
	}
	same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
	for _, tt := range tests {
		c, n := MedianFits(tt.firstFit, tt.noisy)
		if !same(c, tt.wantClean) || !same(n, tt.wantNo) {
			t.Errorf("MedianFits(%v, %v) = %v, %v; want %v, %v", tt.firstFit, tt.noisy, c, n, tt.wantClean, tt.wantNo)
		}
	}
}

func TestWriteCSV(t *testing.T) {
	f, _ := New(Sweep, sim.Default(), Options{Levels: 2})
	s := fitted(300, 6.25)
	s.TestAcc = 0.75
	f.Set(0, Result{Summary: s})
	var b strings.Builder
	if err := f.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	want := "figure,key,seed,metric,value\n" +
		"sweep,p=0,1,steps-to-fit,300\nsweep,p=0,1,fit-epochs,6.25\nsweep,p=0,1,test-error,0.25\nsweep,p=0,1,train-acc,1\n"
	if b.String() != want {
		t.Errorf("CSV\n%s\nwant\n%s", b.String(), want)
	}
}

func TestKeyTitle(t *testing.T) {
	tests := []struct {
		kind      Kind
		key, want string
	}{
		{Table1, "wd/random", "weight decay, random labels"},
		{Table1, "wd+dropout+aug/true", "all explicit, true labels"},
		{Randomizations, "inputs=gaussian", "Gaussian inputs"},
		{Sweep, "p=0.4", "p = 0.4"},
		{Kernel, "rbf/p=1", "rbf kernel, p = 1"},
		{Kernel, "linear/random/n=375", "linear kernel, random labels, n = 375"},
		{Theorem1, "labels=random", "Random labels"},
	}
	for _, tt := range tests {
		if got := KeyTitle(tt.kind, tt.key); got != tt.want {
			t.Errorf("KeyTitle(%v, %q) = %q, want %q", tt.kind, tt.key, got, tt.want)
		}
	}
}

// The kernel figure's smaller training sets halve the base's down to the first below d.
func TestKernelSizes(t *testing.T) {
	tests := []struct {
		train, side int
		want        []int
	}{
		{1500, 12, []int{93, 187, 375, 750}}, // the defaults: d = 144
		{1000, 12, []int{125, 250, 500}},     // 125 < 144 ends it
		{500, 16, []int{250}},                // d = 256
		{300, 16, []int{150}},                // already below d
		{100, 12, []int{50}},                 // n < d at the base: one smaller size
		{30, 8, []int{15}},                   // 7 is fewer images than a Config takes
		{10, 8, nil},
		{10000, 8, []int{39, 78, 156, 312, 625, 1250, 2500, 5000}}, // the most sizes
		{10000, 32, []int{625, 1250, 2500, 5000}},                  // d = 1024
	}
	for _, tt := range tests {
		c := sim.Default()
		c.Train, c.Side = tt.train, tt.side
		if got := kernelSizes(c); !slices.Equal(got, tt.want) {
			t.Errorf("n = %d, side %d: sizes %v, want %v", tt.train, tt.side, got, tt.want)
		}
		f, err := New(Kernel, c, Options{})
		if err != nil {
			t.Fatalf("n = %d, side %d: %v", tt.train, tt.side, err)
		}
		for _, tr := range f.Trials[2*f.Options.Levels:] { // the trials at smaller n
			labels := map[float64]data.LabelMode{0: data.TrueLabels, 1: data.RandomLabels}[tr.P]
			if !slices.Contains(tt.want, tr.Config.Train) || tr.Config.Labels != labels || tr.Config.Side != tt.side {
				t.Errorf("n = %d, side %d: trial %s (p = %v) is %s", tt.train, tt.side, tr.Key, tr.P, tr.Config.Encode())
			}
		}
		if got, want := len(f.Trials), 2*f.Options.Levels+2*2*len(tt.want); got != want {
			t.Errorf("n = %d, side %d: %d trials, want %d", tt.train, tt.side, got, want)
		}
	}
}
