package message

import (
	"errors"
	"fmt"
	"math"
)

// # Inspecting one image
//
// A student who clicks, taps or keys to a tile of a memory wall opens the page's
// inspector on that training example. Three messages carry it, all with a Look:
//
//	page → canvas    Inspect{Look: {Run, Example}}   show this example (Look nil: close)
//	canvas → page    Inspected{Look: everything}     what the inspector shows, again as training goes on
//	canvas → worker  Inspect{Run, Look: {Example}}   compute this example's probabilities
//	worker → canvas  Metrics{…, Look: {Example, Probs}} them, with every report of that run
//
// The canvas clicks too: a click on a tile is an Inspect of its own, answered with an
// Inspected like the page's. The canvas holds the run's images and snapshot, so it fills
// in the image, the labels and the fit; only the worker holds the weights, so the
// probabilities come from it, computed between two training steps with sim.Run.Probs,
// which leaves the run's numbers untouched.

const (
	Inspect   Kind = "inspect"
	Inspected Kind = "inspected"
)

// Look is one training example as the inspector shows it. An Inspect sets Run and
// Example only; the worker's answer adds Classes and Probs; the canvas's Inspected fills
// in the rest.
type Look struct {
	Run      int `json:"run"`                // the run on the page, 0..MaxRuns-1
	Example  int `json:"example"`            // the training example, in the run's order
	Examples int `json:"examples,omitempty"` // how many training examples the run has
	Classes  int `json:"classes,omitempty"`  // K
	// Side and Pixels are the image as the network sees it (after any input
	// randomization): Side² grey levels row by row, 0 for 0 or less, 255 for 1 or more.
	Side   int    `json:"side,omitempty"`
	Pixels []byte `json:"pixels,omitempty"`
	Given  int    `json:"given"` // the label it is trained on
	True   int    `json:"true"`  // the class it was drawn from
	// Pred is the class the run's last evaluation predicted, -1 before the first.
	Pred int `json:"pred"`
	// Probs are the network's probabilities for it now, one per class; empty until the
	// worker has answered.
	Probs    []float64 `json:"probs,omitempty"`
	Epoch    int       `json:"epoch"`               // completed epochs of the run
	Fitted   bool      `json:"fitted,omitempty"`    // fitted at the last evaluation
	FirstFit int       `json:"first_fit,omitempty"` // the epoch it was first fitted, 0 = not yet
}

// maxClasses bounds Look.Classes: sim's classes setting goes up to 10.
const maxClasses = 10

// check verifies that the numbers of a Look are in range and agree with each other.
func (l *Look) check() error {
	if l.Run < 0 || l.Run >= MaxRuns {
		return fmt.Errorf("inspected run %d out of range 0..%d", l.Run, MaxRuns-1)
	}
	if l.Examples < 0 || l.Examples > maxExamples || l.Example < 0 || l.Example >= maxExamples ||
		l.Examples > 0 && l.Example >= l.Examples {
		return fmt.Errorf("example %d of %d", l.Example, l.Examples)
	}
	if l.Classes < 0 || l.Classes > maxClasses {
		return fmt.Errorf("%d classes", l.Classes)
	}
	top := max(l.Classes, 1)
	if l.Given < 0 || l.Given >= top || l.True < 0 || l.True >= top || l.Pred < -1 || l.Pred >= top {
		return fmt.Errorf("labels %d, %d and prediction %d of %d classes", l.Given, l.True, l.Pred, l.Classes)
	}
	if l.Side < 0 || l.Side > maxFilterSide || len(l.Pixels) != l.Side*l.Side {
		return fmt.Errorf("%d pixels for an image of side %d", len(l.Pixels), l.Side)
	}
	if l.Epoch < 0 || l.FirstFit < 0 || l.FirstFit > l.Epoch {
		return fmt.Errorf("first fitted at epoch %d of %d", l.FirstFit, l.Epoch)
	}
	if len(l.Probs) == 0 {
		return nil
	}
	if len(l.Probs) != l.Classes {
		return fmt.Errorf("%d probabilities for %d classes", len(l.Probs), l.Classes)
	}
	sum := 0.0
	for _, p := range l.Probs {
		if !(p >= 0 && p <= 1) {
			return fmt.Errorf("probability %v", p)
		}
		sum += p
	}
	if math.Abs(sum-1) > 1e-6 {
		return fmt.Errorf("probabilities sum to %v", sum)
	}
	return nil
}

// checkLook checks the Look of e's kind: an Inspected needs one, an Inspect or a
// worker's Metrics may have one, no other kind has one.
func (e Envelope) checkLook() error {
	switch {
	case e.Look == nil && e.Kind == Inspected:
		return errors.New("nothing inspected")
	case e.Look == nil:
		return nil
	case e.Kind != Inspect && e.Kind != Inspected && e.Kind != Metrics:
		return errors.New("fields of another kind")
	}
	return e.Look.check()
}
