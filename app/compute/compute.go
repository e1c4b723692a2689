// Package compute is the theory worker's side of the figures that need no training:
// Theorem 1's construction and the kernels' minimum-norm interpolation (sim/figure's
// theorem1 and kernel, computed by sim/theory in float64 with gonum). The canvas asks
// for one trial at a time with a Compute message; Answer makes it and says what came out.
//
// It has a worker of its own (wasm/theory) because gonum's linear algebra adds megabytes
// that the training worker and the canvas, which every visit loads, should not carry; and
// because solving a system of thousands of equations takes seconds, which must not stall
// the canvas.
package compute

import (
	"fmt"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/figure"
	"genlab/sim/theory"
)

// Answer returns the reply to a Compute message: Computed with the trial's values (and
// Theorem 1's picture of its construction), or a
// Problem saying why it could not be made. A message of another kind is an error (the
// worker logs it).
func Answer(e message.Envelope) (message.Envelope, error) {
	if e.Kind != message.Compute {
		return message.Envelope{}, fmt.Errorf("a %s message is not for the theory worker", e.Kind)
	}
	cfg, err := sim.ParseQuery(e.Query)
	if err != nil {
		return problem(e, fmt.Errorf("settings %q: %w", e.Query, err)), nil
	}
	res, err := theory.Compute(figure.Trial{Config: cfg, Kernel: e.Kernel})
	if err != nil {
		return problem(e, err), nil
	}
	return message.Envelope{Kind: message.Computed, Trial: e.Trial, Query: e.Query, Kernel: e.Kernel, Values: res.Values, Picture: res.Picture}, nil
}

func problem(e message.Envelope, err error) message.Envelope {
	return message.Envelope{Kind: message.Problem, Trial: e.Trial, Error: "trial " + fmt.Sprint(e.Trial) + ": " + err.Error()}
}
