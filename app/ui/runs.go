package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"genlab/app/message"
	"genlab/sim"
)

// parseRuns reads the runs side by side as a student or a link writes them, in sim's
// syntax, "labels=true;labels=random". The error names the offending run, setting, value
// and range (from sim), or the number of runs past the canvas's limit (message.MaxRuns).
func parseRuns(text string) (sim.Variants, error) {
	runs, err := sim.ParseVariants(text)
	if err != nil {
		return nil, err
	}
	if len(runs) > message.MaxRuns {
		return nil, fmt.Errorf("%d runs, want at most %d", len(runs), message.MaxRuns)
	}
	return runs, nil
}

// lowerLearningRate returns the experiment with every learning rate divided by 10: the
// base ones (lr, and cnnlr, which the CNN uses instead) and any a variant sets, since a
// variant's own rate is the one its run uses.
// It is the one-click way out of a diverged run. The error says why it cannot go lower.
func lowerLearningRate(e experiment) (experiment, error) {
	lower := func(text string) string {
		lr, err := strconv.ParseFloat(text, 64)
		if err != nil {
			panic("ui: a learning rate in sim's canonical text is not a number: " + text)
		}
		// Six significant digits drop the float noise of the division (0.3/10 is
		// 0.030000000000000002), so the link and the field show 0.03.
		return strconv.FormatFloat(lr/10, 'g', 6, 64)
	}
	tooLow := func(err error) error {
		return errors.New("the learning rate is already as low as it goes: " + err.Error())
	}
	out := experiment{Config: e.Config, Runs: slices.Clone(e.Runs)}
	for _, name := range []string{"lr", "cnnlr"} {
		if err := out.Config.Set(name, lower(e.Config.Get(name))); err != nil {
			return e, tooLow(err)
		}
	}
	for i := range out.Runs {
		v := &out.Runs[i] // Set copies the settings it changes: e keeps its own
		for _, name := range []string{"lr", "cnnlr"} {
			if lr, ok := v.Get(name); ok {
				if err := v.Set(name, lower(lr)); err != nil {
					return e, tooLow(fmt.Errorf("run %q: %w", e.Runs[i], err))
				}
			}
		}
	}
	return out, nil
}

// capitalize upper-cases the first letter of an ASCII sentence.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
