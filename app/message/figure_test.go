package message

import (
	"math"
	"strings"
	"testing"

	"genlab/sim"
	"genlab/sim/figure"
)

func TestFigureRejectsWrongShapes(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown figure", `{"v":1,"kind":"setup","figure":{"kind":"fig9"}}`, "no figure"},
		{"too many seeds", `{"v":1,"kind":"setup","figure":{"kind":"sweep","seeds":11}}`, "out of range"},
		{"one level", `{"v":1,"kind":"setup","figure":{"kind":"sweep","levels":1}}`, "out of range"},
		{"a figure and runs", `{"v":1,"kind":"setup","runs":"labels=true","figure":{"kind":"sweep"}}`, "figure and runs"},
		{"a figure on play", `{"v":1,"kind":"play","figure":{"kind":"sweep"}}`, "another kind"},
		{"progress on setup", `{"v":1,"kind":"setup","progress":{"done":0,"total":1}}`, "another kind"},
		{"done beyond total", `{"v":1,"kind":"metrics","progress":{"done":3,"total":2}}`, "out of range"},
		{"a cell without a key", `{"v":1,"kind":"metrics","progress":{"done":0,"total":2,"cells":[{"key":"","metric":"x","value":1,"seeds":[]}]}}`, "without a key"},
		{"a summary while running", `{"v":1,"kind":"metrics","stats":[{"name":"","stop":"running","summary":{"stop":"running"}}]}`, "not stopped"},
	}
	for _, tt := range tests {
		_, err := Decode(tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestCells(t *testing.T) {
	f, err := figure.New(figure.Sweep, sim.Default(), figure.Options{Levels: 2})
	if err != nil {
		t.Fatal(err)
	}
	f.Set(1, figure.Result{Summary: sim.Summary{TrainAcc: 0.5, TestAcc: 0.1}}) // p = 1, never fitted
	cells := Cells(f)
	byMetric := map[string]FigureCell{}
	for _, c := range cells {
		byMetric[c.Metric] = c
	}
	if c := byMetric[figure.StepsToFit]; c.Value != nil || len(c.Seeds) != 1 || c.Seeds[0] != nil {
		t.Errorf("a time to fit never reached: %+v, want null", c)
	}
	if c := byMetric[figure.TestError]; c.Value == nil || math.Abs(*c.Value-0.9) > 1e-12 {
		t.Errorf("test error %+v, want 0.9", c)
	}
	if _, err := Decode(Encode(Envelope{Kind: Metrics, Progress: &FigureProgress{Done: 1, Total: 2, Cells: cells}})); err != nil {
		t.Errorf("the cells do not cross the wire: %v", err)
	}
}

// The largest figure's cells fit in a progress report, every trial done.
func TestLargestFigureFits(t *testing.T) {
	largest := 0
	for _, k := range figure.Kinds() {
		for _, side := range []int{8, 32} {
			base := sim.Default()
			base.Train, base.Side = 10000, side
			f, err := figure.New(k, base, figure.Options{Levels: figure.MaxLevels, Seeds: figure.MaxSeeds})
			if err != nil {
				t.Fatal(err)
			}
			for i := range f.Trials {
				values := map[string]float64{}
				for _, m := range k.Metrics() {
					values[m] = 1
				}
				f.Set(i, figure.Result{Values: values})
			}
			largest = max(largest, len(Cells(f)))
		}
	}
	if largest != maxCells {
		t.Errorf("the largest figure has %d cells, maxCells is %d: want them equal", largest, maxCells)
	}
}
