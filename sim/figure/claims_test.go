package figure_test

import (
	"slices"
	"testing"

	"genlab/sim"
	"genlab/sim/claims"
	"genlab/sim/data"
	"genlab/sim/figure"
)

// The figures' runs are the claims' runs where they overlap, so that a figure shows what
// a claim asserts: the sweep's levels and the randomization tests.
func TestTrialsAreTheClaimsRuns(t *testing.T) {
	base := sim.Default()
	runs := claims.Runs(base)
	for _, k := range []figure.Kind{figure.Randomizations, figure.Sweep} {
		f, err := figure.New(k, base, figure.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range f.Trials {
			if !slices.Contains(runs, tr.Config) {
				t.Errorf("%v %s: %s is none of the claims' runs", k, tr.Key, tr.Config.Encode())
			}
		}
	}
	// Table 1's rows on random labels (S6, S8, S10), and without a regularizer on true ones.
	t1, err := figure.New(figure.Table1, base, figure.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range t1.Trials {
		if tr.Config.Labels != data.RandomLabels && tr.Key != "none/true" {
			continue
		}
		if !slices.Contains(runs, tr.Config) {
			t.Errorf("table1 %s: %s is none of the claims' runs", tr.Key, tr.Config.Encode())
		}
	}
	f, _ := figure.New(figure.Sweep, base, figure.Options{})
	var ps []float64
	for _, tr := range f.Trials {
		p := tr.Config.Corrupt
		switch tr.Config.Labels {
		case data.TrueLabels:
			p = 0
		case data.RandomLabels:
			p = 1
		}
		ps = append(ps, p)
	}
	if !slices.Equal(ps, claims.Levels) {
		t.Errorf("sweep levels %v, the claims' %v", ps, claims.Levels)
	}
}
