package ui

import (
	"math"
	"strconv"

	"genlab/app/message"
	"genlab/sim"
)

// Readouts show numbers two ways: as text for people ("87.5%") and, in a data-value
// attribute, as the raw value for programs and tests ("0.875"). Neither may ever read NaN
// or Inf: message.Decode already refuses non-finite numbers, and these functions refuse
// them again, because a readout that says "NaN%" teaches nothing.

// noValue is what a readout shows when there is no number to show yet (or none that means
// anything): an em dash, never NaN.
const noValue = "—"

// metric is one readout of a run.
type metric struct {
	Key    string // the data-metric attribute: epoch, train-acc, ...
	Label  string // what the page calls it
	Text   string // what the page shows
	Value  string // the raw number (or state name) for data-value; "" when there is none
	Unit   string // shown after the number, outside the data-metric element; "" for none
	Note   string // said when the pointer rests on the number (its title); "" for none
	Bar    float64
	HasBar bool // an accuracy, drawn as a bar of Bar in 0..1 under the number
}

// Metric keys, the data-metric attributes of the readouts.
const (
	metricEpoch       = "epoch"
	metricTrainAcc    = "train-acc"
	metricTestAcc     = "test-acc"
	metricValAcc      = "val-acc"
	metricTrainLoss   = "train-loss"
	metricTestLoss    = "test-loss"
	metricFitted      = "fitted"
	metricEpochsToFit = "epochs-to-fit"
	metricMs          = "ms-per-example"
	metricState       = "state"
)

// runMetrics returns the numeric readouts of one run, in the order the page shows them.
// The state is not among them: the run card shows it as a badge next to the title.
//
// A run that holds images out to validate on (early stopping) also shows its accuracy on
// them, right after the test accuracy: it is the number early stopping watches.
func runMetrics(r message.RunStats) []metric {
	m := []metric{
		{Key: metricEpoch, Label: "Epoch", Text: strconv.Itoa(r.Epoch), Value: strconv.Itoa(r.Epoch)},
		accuracyMetric(metricTrainAcc, "Train accuracy", r.TrainAcc),
		accuracyMetric(metricTestAcc, "Test accuracy", r.TestAcc),
	}
	if r.Validation > 0 {
		v := accuracyMetric(metricValAcc, "Validation accuracy", r.ValAcc)
		v.Note = "on the " + formatCount(r.Validation) + " training images held out for early stopping"
		m = append(m, v)
	}
	return append(m, []metric{
		{Key: metricTrainLoss, Label: "Train loss", Text: formatLoss(r.TrainLoss), Value: rawFloat(r.TrainLoss)},
		{Key: metricTestLoss, Label: "Test loss", Text: formatLoss(r.TestLoss), Value: rawFloat(r.TestLoss)},
		{Key: metricFitted, Label: "Fitted", Text: strconv.Itoa(r.Fitted), Value: strconv.Itoa(r.Fitted),
			Unit: "of " + strconv.Itoa(r.Examples)},
		timeToFitMetric(r),
		{Key: metricMs, Label: "ms / example", Text: formatMs(r.MsPerExample), Value: rawFloat(r.MsPerExample),
			Unit: pathLabel(r.Path)},
	}...)
}

func accuracyMetric(key, label string, v float64) metric {
	m := metric{Key: key, Label: label, Text: formatPercent(v), Value: rawFloat(v), HasBar: true}
	if sim.Finite(v) {
		m.Bar = math.Max(0, math.Min(1, v))
	}
	return m
}

// timeToFitMetric shows when every training example was first fitted, in epochs to an
// eighth of an epoch ("8.77"), with the minibatch step in its note. Its value is the epochs.
func timeToFitMetric(r message.RunStats) metric {
	m := metric{Key: metricEpochsToFit, Label: "Epochs to fit", Text: noValue, Value: "0"}
	if r.EpochsToFit > 0 && r.FitEpochs > 0 {
		m.Text = strconv.FormatFloat(r.FitEpochs, 'f', 2, 64)
		m.Value = rawFloat(r.FitEpochs)
		m.Note = "every training image fitted at minibatch step " + formatCount(r.StepsToFit) + ", during epoch " + strconv.Itoa(r.EpochsToFit)
	}
	return m
}

// formatPercent writes a share in 0..1 as a percentage with one decimal: 0.875 is "87.5%".
// One decimal is what 1,000 test images resolve (0.1%), and it keeps the width steady
// while the numbers move.
func formatPercent(v float64) string {
	if !sim.Finite(v) {
		return noValue
	}
	return strconv.FormatFloat(100*v, 'f', 1, 64) + "%"
}

// formatLoss writes a cross-entropy loss with three decimals, enough to see it fall below
// 0.01 as a network memorizes, or with none when it is huge (a run about to diverge).
func formatLoss(v float64) string {
	switch {
	case !sim.Finite(v):
		return noValue
	case math.Abs(v) >= 1000:
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

// pathLabel names the arithmetic that trains a run, next to its speed: the same numbers
// come out of both, but a browser without WebAssembly SIMD trains several times slower,
// and a teacher comparing machines should see why.
func pathLabel(path string) string {
	switch path {
	case message.PathSIMD:
		return "(SIMD)"
	case message.PathGo:
		return "(no SIMD)"
	}
	return ""
}

// formatMs writes the training time per example with about three significant digits; it is
// measured over a whole epoch, so before the first one there is nothing to show.
func formatMs(v float64) string {
	switch {
	case !sim.Finite(v) || v <= 0:
		return noValue
	case v < 0.1:
		return strconv.FormatFloat(v, 'f', 3, 64)
	case v < 10:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// rawFloat is the shortest text that reads back to v, for data-value; "" if v is not finite.
func rawFloat(v float64) string {
	if !sim.Finite(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Run states, as sim.Stop names them.
const (
	stateRunning  = "running"
	stateFitted   = "fitted"
	stateEarly    = "early-stop"
	stateMax      = "max-epochs"
	stateStuck    = "not-learning"
	stateDiverged = "diverged"
)

// stateText returns the state a run card shows (the sim.Stop name, so that "diverged"
// reads "diverged") and a sentence explaining it. An unknown state is shown as sent.
func stateText(stop string) (name, explain string) {
	switch stop {
	case "", stateRunning:
		return stateRunning, "Still training."
	case stateFitted:
		return stateFitted, "Every training image is classified as labeled: the training set is memorized."
	case stateEarly:
		return stateEarly, "Stopped early: accuracy on the held-out validation images stopped improving for the patience you set; the weights are those of the best epoch."
	case stateMax:
		return stateMax, "Stopped after the maximum number of epochs without fitting every image."
	case stateStuck:
		return stateStuck, "The training loss stayed at chance level epoch after epoch: the network learns nothing at this learning rate (too high, the units die; too low, nothing moves)."
	case stateDiverged:
		return stateDiverged, "The loss became infinite: the steps were too large and the weights blew up."
	}
	return stop, ""
}

// allStopped reports whether every run has stopped, so that Play and Step have nothing
// left to do until Reset.
func allStopped(stats []message.RunStats) bool {
	if len(stats) == 0 {
		return false
	}
	for _, r := range stats {
		if r.Stop == "" || r.Stop == stateRunning {
			return false
		}
	}
	return true
}

// anyDiverged reports whether some run diverged.
func anyDiverged(stats []message.RunStats) bool {
	for _, r := range stats {
		if r.Stop == stateDiverged {
			return true
		}
	}
	return false
}

// formatCount writes a count with thousands separators: 136714 is "136,714".
func formatCount(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + formatCount(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
