package claims

import (
	"encoding/json"
	"math"
	"testing"
)

func TestJudgeCountsSeeds(t *testing.T) {
	claim := Claim{
		ID: "X", Need: 9,
		Figure: func(f *Figures) string { return pct(f.RandomTestAcc) },
		Holds:  func(f *Figures) bool { return f.RandomTestAcc < 0.2 },
	}
	figs := func(accs ...float64) []Figures {
		fs := make([]Figures, len(accs))
		for i, a := range accs {
			fs[i].RandomTestAcc = a
		}
		return fs
	}
	tests := []struct {
		name      string
		figs      []Figures
		count     int
		need      int
		ok        bool
		firstShow string
	}{
		{"10 of 10", figs(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1), 10, 9, true, "10.0"},
		{"9 of 10", figs(0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1), 9, 9, true, "50.0"},
		{"8 of 10", figs(0.5, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1), 8, 9, false, "50.0"},
		{"one seed must hold", figs(0.5), 0, 1, false, "50.0"},
		{"4 of 5 fall short of 9 in 10", figs(0.1, 0.1, 0.1, 0.1, 0.5), 4, 5, false, "10.0"},
	}
	for _, tt := range tests {
		v := Judge(tt.figs, []Claim{claim})[0]
		if v.Count != tt.count || v.Need != tt.need || v.OK != tt.ok || v.Figures[0] != tt.firstShow {
			t.Errorf("%s: count %d need %d ok %v first %q, want %d %d %v %q",
				tt.name, v.Count, v.Need, v.OK, v.Figures[0], tt.count, tt.need, tt.ok, tt.firstShow)
		}
	}
}

func TestOverallConditions(t *testing.T) {
	byID := map[string]Claim{}
	for _, c := range Claims() {
		byID[c.ID] = c
	}
	// S1: every seed within 4 points of chance, but on average 2 points above it.
	fs := make([]Figures, 10)
	for i := range fs {
		fs[i].RandomTrainAcc, fs[i].RandomTestAcc = 1, 0.12
	}
	if v := Judge(fs, []Claim{byID["S1"]})[0]; v.Count != 10 || v.OverallOK || v.OK {
		t.Errorf("S1 at 12%% on every seed: %+v, want every seed held and the average failing", v)
	}
	// S2: the median is the lower middle value: ratios 1.6 ×5 and 2.5 ×5 do not make a median of 2.
	for i := range fs {
		fs[i].FitRatio = 1.6
		if i >= 5 {
			fs[i].FitRatio = 2.5
		}
	}
	if v := Judge(fs, []Claim{byID["S2"]})[0]; v.Count != 10 || v.OverallOK {
		t.Errorf("S2 with half the ratios at 1.6: %+v, want the median condition failing", v)
	}
}

func TestNumberMarshalsNonFiniteAsNull(t *testing.T) {
	tests := []struct {
		n    Number
		want string
	}{
		{Number(math.Inf(1)), "null"},
		{Number(math.NaN()), "null"},
		{2.5, "2.5"},
	}
	for _, tt := range tests {
		if got, err := json.Marshal(tt.n); err != nil || string(got) != tt.want {
			t.Errorf("json.Marshal(%v) = %s, %v; want %s", float64(tt.n), got, err, tt.want)
		}
	}
}
