package figure

import (
	"slices"
	"testing"

	"genlab/sim"
	"genlab/sim/data"
)

func TestMemorized(t *testing.T) {
	r := Result{
		FirstFit: []int32{1, 1, 2, 0, 3, 4},
		Noisy:    []bool{false, false, false, false, true, true},
		Classes:  []int{0, 1, 1, 1, 0, 2},
	}
	clean, noisy := r.Memorized(4)
	if want := []float64{0.5, 0.75, 0.75, 0.75}; !slices.Equal(clean, want) {
		t.Errorf("clean %v, want %v", clean, want)
	}
	if want := []float64{0, 0, 0.5, 1}; !slices.Equal(noisy, want) {
		t.Errorf("noisy %v, want %v", noisy, want)
	}
	byClass := r.ByClass(3, 2)
	want := [][]float64{{1, 1}, {1.0 / 3, 2.0 / 3}, nil}
	for k := range want {
		if !slices.Equal(byClass[k], want[k]) {
			t.Errorf("class %d: %v, want %v", k, byClass[k], want[k])
		}
	}
}

// A short run at p = 0.4 fits its clean examples before its noisy ones (claim S9 checks it
// on ten seeds at the defaults).
func TestMemorizationOfARun(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a network")
	}
	c := sim.Default()
	c.Train, c.Epochs, c.Labels, c.Corrupt = 500, 25, data.CorruptLabels, 0.4
	r, err := sim.NewRun(c)
	if err != nil {
		t.Fatal(err)
	}
	r.RunToEnd()
	res := ResultOf(r)
	clean, noisy := res.Memorized(r.Epochs())
	half := len(clean) / 2
	t.Logf("clean %.2f, noisy %.2f fitted by epoch %d", clean[half-1], noisy[half-1], half)
	if clean[half-1] <= noisy[half-1] {
		t.Errorf("by epoch %d, %.2f of the clean examples are fitted and %.2f of the noisy ones: want clean first",
			half, clean[half-1], noisy[half-1])
	}
}
