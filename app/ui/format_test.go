package ui

import (
	"math"
	"strings"
	"testing"

	"genlab/app/message"
	"genlab/sim"
)

func TestFormatPercent(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0.875, "87.5%"},
		{1, "100.0%"},
		{0, "0.0%"},
		{0.1, "10.0%"},
		{0.12345, "12.3%"},
		{math.NaN(), noValue},
		{math.Inf(1), noValue},
	}
	for _, tt := range tests {
		if got := formatPercent(tt.v); got != tt.want {
			t.Errorf("formatPercent(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestFormatLossAndTime(t *testing.T) {
	tests := []struct {
		f    func(float64) string
		v    float64
		want string
	}{
		{formatLoss, 2.302585, "2.303"},
		{formatLoss, 0.0042, "0.004"},
		{formatLoss, 123456.7, "123457"},
		{formatLoss, math.NaN(), noValue},
		{formatLoss, math.Inf(-1), noValue},
		{formatMs, 0, noValue},
		{formatMs, 0.0512, "0.051"},
		{formatMs, 1.234, "1.23"},
		{formatMs, 42.25, "42.2"},
		{formatMs, math.NaN(), noValue},
	}
	for _, tt := range tests {
		if got := tt.f(tt.v); got != tt.want {
			t.Errorf("format(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestRawFloat(t *testing.T) {
	for v, want := range map[float64]string{0.875: "0.875", 1: "1", 0: "0", 1e-7: "1e-07"} {
		if got := rawFloat(v); got != want {
			t.Errorf("rawFloat(%v) = %q, want %q", v, got, want)
		}
	}
	if got := rawFloat(math.NaN()); got != "" {
		t.Errorf("rawFloat(NaN) = %q, want empty", got)
	}
}

func TestRunMetricsHaveEveryKeyInOrder(t *testing.T) {
	r := message.RunStats{Name: variant("labels=true"), Epoch: 7, TrainAcc: 0.875, TestAcc: 0.5, TrainLoss: 0.25, TestLoss: 1.5,
		Fitted: 875, Examples: 1000, MsPerExample: 0.05, EpochsToFit: 0, Stop: "running"}
	want := []string{metricEpoch, metricTrainAcc, metricTestAcc, metricTrainLoss, metricTestLoss, metricFitted, metricEpochsToFit, metricMs}
	got := runMetrics(r)
	if len(got) != len(want) {
		t.Fatalf("%d metrics, want %d", len(got), len(want))
	}
	for i, m := range got {
		if m.Key != want[i] {
			t.Errorf("metric %d is %q, want %q", i, m.Key, want[i])
		}
	}
	byKey := map[string]metric{}
	for _, m := range got {
		byKey[m.Key] = m
	}
	if m := byKey[metricTrainAcc]; m.Text != "87.5%" || m.Value != "0.875" || !m.HasBar || m.Bar != 0.875 {
		t.Errorf("train accuracy = %+v", m)
	}
	if m := byKey[metricFitted]; m.Text != "875" || m.Value != "875" || m.Unit != "of 1000" {
		t.Errorf("fitted = %+v", m)
	}
	if m := byKey[metricEpochsToFit]; m.Text != noValue || m.Value != "0" || m.Unit != "" {
		t.Errorf("time to fit before fitting = %+v", m)
	}
	// Fitted in the middle of epoch 9, at step 412 of 47 a epoch.
	fitted := message.RunStats{EpochsToFit: 9, FitEpochs: 412.0 / 47, StepsToFit: 412, Fitted: 10, Examples: 10}
	for _, m := range runMetrics(fitted) {
		if m.Key == metricEpochsToFit && (m.Text != "8.77" || !strings.Contains(m.Note, "step 412, during epoch 9") || m.Value != rawFloat(412.0/47)) {
			t.Errorf("time to fit = %+v, want 8.77, fitted at step 412 during epoch 9", m)
		}
	}
	if m := byKey[metricEpoch]; m.Text != "7" || m.Value != "7" {
		t.Errorf("epoch = %+v", m)
	}
}

// A diverged run must never show NaN: message.Decode refuses non-finite numbers, and the
// formatting refuses them again.
func TestRunMetricsNeverShowNaN(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	r := message.RunStats{TrainAcc: nan, TestAcc: inf, TrainLoss: nan, TestLoss: inf, MsPerExample: nan, Stop: stateDiverged}
	for _, m := range runMetrics(r) {
		for _, s := range []string{m.Text, m.Value} {
			if strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
				t.Errorf("%s shows %q", m.Key, s)
			}
		}
		if math.IsNaN(m.Bar) {
			t.Errorf("%s has a NaN bar", m.Key)
		}
	}
}

func TestStateText(t *testing.T) {
	for _, s := range sim.Stops() { // every way a run can stop is explained
		stop := s.String()
		name, explain := stateText(stop)
		if name != stop || explain == "" {
			t.Errorf("stateText(%q) = %q, %q", stop, name, explain)
		}
	}
	if name, _ := stateText(""); name != stateRunning {
		t.Errorf(`stateText("") = %q, want running`, name)
	}
}

func TestAllStoppedAndAnyDiverged(t *testing.T) {
	run := func(stop string) message.RunStats { return message.RunStats{Stop: stop} }
	if allStopped(nil) {
		t.Error("no runs count as stopped")
	}
	if allStopped([]message.RunStats{run(stateFitted), run(stateRunning)}) {
		t.Error("a running run is not stopped")
	}
	if !allStopped([]message.RunStats{run(stateFitted), run(stateDiverged)}) {
		t.Error("fitted and diverged runs are stopped")
	}
	if !anyDiverged([]message.RunStats{run(stateFitted), run(stateDiverged)}) || anyDiverged([]message.RunStats{run(stateFitted)}) {
		t.Error("anyDiverged is wrong")
	}
}

func TestFormatCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 136714: "136,714", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := formatCount(n); got != want {
			t.Errorf("formatCount(%d) = %q, want %q", n, got, want)
		}
	}
}
