package ui

import (
	"strings"
	"testing"
	"time"

	"genlab/app/message"
	"genlab/sim"
)

func variantOf(t *testing.T, kv ...string) sim.Variant {
	t.Helper()
	var v sim.Variant
	for i := 0; i < len(kv); i += 2 {
		if err := v.Set(kv[i], kv[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return v
}

// The words change at once for other runs, a reset or a stop, otherwise at most every
// newsEvery; a trajectory compares the numbers with those the words gave before.
func TestCanvasWordsUpdateCalmly(t *testing.T) {
	random := variantOf(t, "labels", "random")
	run := func(epoch int, acc float64, stop string) []message.RunStats {
		return []message.RunStats{{Name: random, Epoch: epoch, TrainAcc: acc, Fitted: epoch, Examples: 100, Stop: stop}}
	}
	start := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	var w canvasWords
	for _, tc := range []struct {
		after            time.Duration
		stats            []message.RunStats
		changed          bool
		wantNow, wantWas int // the epochs shown and shown before (-1: none before)
	}{
		{0, run(0, 0, "running"), true, 0, -1},
		{2 * time.Second, run(1, 0.2, "running"), false, 0, -1},
		{16 * time.Second, run(5, 0.4, "running"), true, 5, 0},
		{20 * time.Second, run(6, 0.45, "running"), false, 5, 0},
		{31 * time.Second, run(9, 0.6, "running"), true, 9, 5},
		{33 * time.Second, run(12, 1, "fitted"), true, 12, 9}, // a stop: at once
		{34 * time.Second, run(0, 0, "running"), true, 0, -1}, // a reset: at once, nothing before
	} {
		changed := w.update(start.Add(tc.after), tc.stats)
		was := -1
		if w.before != nil {
			was = w.before[0].Epoch
		}
		if changed != tc.changed || w.shown[0].Epoch != tc.wantNow || was != tc.wantWas {
			t.Errorf("after %v: changed %v, epochs %d and before %d; want %v, %d, %d",
				tc.after, changed, w.shown[0].Epoch, was, tc.changed, tc.wantNow, tc.wantWas)
		}
	}
}

func TestDescribeRun(t *testing.T) {
	cfg := sim.Default()
	corrupt := message.RunStats{Epoch: 12, Fitted: 1204, Examples: 1500, Wrong: 150, WrongFitted: 20,
		TrainAcc: 0.8027, TestAcc: 0.411, Params: 40010, Stop: "running"}
	earlier := message.RunStats{Epoch: 8, TrainAcc: 0.41, TestAcc: 0.411}
	fitted := message.RunStats{Epoch: 22, Fitted: 1500, Examples: 1500, TrainAcc: 1, TestAcc: 0.098,
		EpochsToFit: 22, FitEpochs: 21.875, Stop: "fitted"}
	cnn := cfg
	cnn.Model = sim.CNN
	for _, tc := range []struct {
		name        string
		cfg         sim.Config
		now, before *message.RunStats
		whole       bool
		want        string
	}{
		{"built", cfg, nil, nil, true, "Corrupted labels: being built."},
		{"untrained", cfg, &message.RunStats{Examples: 1500}, nil, false,
			"Corrupted labels: not trained yet, none of its 1,500 training images fitted."},
		{"trajectory", cfg, &corrupt, &earlier, false,
			"Corrupted labels: epoch 12, 1,204 of 1,500 training images fitted, 296 not yet; 150 with a wrong label, 20 of them fitted. " +
				"Training accuracy 80.3%, up from 41.0% at epoch 8; test accuracy 41.1%, unchanged since epoch 8, where a guess scores 10.0%."},
		{"whole wall", cnn, &fitted, nil, true,
			"Corrupted labels: epoch 22, 1,500 of 1,500 training images fitted, 0 not yet. Training accuracy 100.0%; test accuracy 9.8%, " +
				"where a guess scores 10.0%. Stopped: fitted in 21.9 epochs. Its weights: each first convolution filter as a 3×3 image."},
		{"gauge", cfg, &corrupt, nil, true, "per image. Its weights: each first-layer unit's weights as a"},
	} {
		got := describeRun("Corrupted labels", tc.cfg, tc.now, tc.before, tc.whole)
		if !strings.Contains(got, tc.want) || (tc.name != "gauge" && got != tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
	if got := describeRun("R", cfg, &corrupt, nil, true); !strings.Contains(got, "Its gauge: 40,010 parameters for 1,500 training images, 27 per image.") {
		t.Errorf("gauge: %q", got)
	}
}

// Every view of the canvas has its words: the runs' walls whole or zoomed, a figure.
func TestDescribeCanvasViews(t *testing.T) {
	exp := defaultState().Exp
	var w canvasWords
	w.update(time.Now(), []message.RunStats{{Examples: 10}, {Examples: 10}})
	whole := describeCanvas(exp, 0, &w, nil)
	zoomed := describeCanvas(exp, 4, &w, nil)
	if len(whole) != 1+len(exp.Runs.PerRun()) || !strings.Contains(whole[0], "memory wall") || !strings.Contains(whole[0], "learning curves") {
		t.Errorf("whole walls: %q", whole)
	}
	if !strings.Contains(zoomed[0], "zoomed on the training images given label 3") || strings.Contains(zoomed[1], "gauge") {
		t.Errorf("zoomed walls: %q", zoomed)
	}
	exp.Figure = message.FigureSetup{Kind: "sweep"}
	for _, tc := range []struct {
		progress *message.FigureProgress
		want     string
	}{
		{nil, "Its runs are being built."},
		{&message.FigureProgress{Total: 6}, "None of its 6 runs is done yet."},
		{&message.FigureProgress{Done: 2, Total: 6}, "2 of its 6 runs are done."},
		{&message.FigureProgress{Done: 6, Total: 6}, "All 6 of its runs are done."},
	} {
		got := describeCanvas(exp, 0, &w, tc.progress)
		if len(got) != 1 || !strings.HasPrefix(got[0], "The canvas makes Label corruption (Fig. 1b, 1c): the paper's Fig. 1b") ||
			!strings.Contains(got[0], tc.want) {
			t.Errorf("figure %+v: %q, want it to say %q", tc.progress, got, tc.want)
		}
	}
}
