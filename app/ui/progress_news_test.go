package ui

import (
	"testing"
	"time"

	"genlab/app/message"
	"genlab/sim"
)

// The live region speaks at once when a run stops, otherwise at most every newsEvery,
// and never repeats itself; its sentence says where each run stands.
func TestProgressNews(t *testing.T) {
	var random sim.Variant
	if err := random.Set("labels", "random"); err != nil {
		t.Fatal(err)
	}
	run := func(epoch, fitted int, stop string) []message.RunStats {
		r := message.RunStats{Name: random, Epoch: epoch, Fitted: fitted, Examples: 1500, TestAcc: 0.098, Stop: stop}
		if stop == "fitted" {
			r.EpochsToFit, r.FitEpochs = 22, 21.875
		}
		return []message.RunStats{r}
	}
	start := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	var n progressNews
	for _, tc := range []struct {
		after   time.Duration
		stats   []message.RunStats
		changed bool
		want    string
	}{
		{0, run(0, 0, "running"), true, "Random labels: not trained yet."},
		{2 * time.Second, run(1, 150, "running"), false, "Random labels: not trained yet."},
		{16 * time.Second, run(5, 600, "running"), true, "Random labels: epoch 5, 600 of 1,500 training images fitted, test accuracy 9.8%."},
		{20 * time.Second, run(6, 700, "running"), false, "Random labels: epoch 5, 600 of 1,500 training images fitted, test accuracy 9.8%."},
		{21 * time.Second, run(22, 1500, "fitted"), true, "Random labels: every training image fitted, in 21.9 epochs, test accuracy 9.8%."},
		{60 * time.Second, run(22, 1500, "fitted"), false, "Random labels: every training image fitted, in 21.9 epochs, test accuracy 9.8%."},
		{61 * time.Second, run(9, 900, "diverged"), true, "Random labels: epoch 9, 900 of 1,500 training images fitted, test accuracy 9.8%, stopped (diverged)."},
	} {
		got, changed := n.update(start.Add(tc.after), tc.stats)
		if got != tc.want || changed != tc.changed {
			t.Errorf("after %v: %q (changed %v), want %q (changed %v)", tc.after, got, changed, tc.want, tc.changed)
		}
	}
}
