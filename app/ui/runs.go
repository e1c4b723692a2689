package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"genlab/app/lab"
	"genlab/sim"
)

// MaxRuns is the most variants the page trains side by side: the canvas's limit, since it
// draws one memory wall per run (and every run is a full training in the student's browser).
const MaxRuns = lab.MaxRuns

// checkRuns returns why runs cannot be trained on top of cfg, or nil. The message names
// the offending run, setting, value and range (from sim), or the number of runs.
func checkRuns(cfg sim.Config, runs string) error {
	cfgs, err := cfg.Variants(runs)
	if err != nil {
		return err
	}
	if len(cfgs) > MaxRuns {
		return fmt.Errorf("%d runs, want at most %d", len(cfgs), MaxRuns)
	}
	return nil
}

// runNames splits runs into its variants as the canvas names them, trimmed; the base
// alone is one run named "".
func runNames(runs string) []string {
	var names []string
	for v := range strings.SplitSeq(runs, ";") {
		if v = strings.TrimSpace(v); v != "" {
			names = append(names, v)
		}
	}
	if len(names) == 0 {
		names = []string{""}
	}
	return names
}

// setting is one name=value of a variant.
type setting struct{ name, value string }

// splitVariant returns the name=value settings of one variant, trimmed, in order; an item
// without "=" is kept with an empty value, so that nothing the student wrote disappears.
func splitVariant(variant string) []setting {
	var out []setting
	for kv := range strings.SplitSeq(variant, ",") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		name, value, _ := strings.Cut(kv, "=")
		out = append(out, setting{strings.TrimSpace(name), strings.TrimSpace(value)})
	}
	return out
}

// lowerLearningRate returns the experiment with every learning rate divided by 10: the
// base ones (lr, and cnnlr, which the CNN uses instead) and any a variant sets, since a
// variant's own rate is the one its run uses.
// It is the one-click way out of a diverged run. The error says why it cannot go lower.
func lowerLearningRate(e experiment) (experiment, error) {
	lower := func(text string) (string, error) {
		lr, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return "", err
		}
		// Six significant digits drop the float noise of the division (0.3/10 is
		// 0.030000000000000002), so the link and the field show 0.03.
		return strconv.FormatFloat(lr/10, 'g', 6, 64), nil
	}
	out := e
	for _, name := range []string{"lr", "cnnlr"} {
		lr, err := lower(e.Config.Get(name))
		if err != nil {
			return e, err
		}
		if err := out.Config.Set(name, lr); err != nil {
			return e, errors.New("the learning rate is already as low as it goes: " + err.Error())
		}
	}

	variants := strings.Split(e.Runs, ";")
	for i, v := range variants {
		settings := splitVariant(v)
		changed := false
		for j, s := range settings {
			if !isLearningRate(s.name) {
				continue
			}
			var err error
			if settings[j].value, err = lower(s.value); err != nil {
				return e, fmt.Errorf("run %q: %s = %s is not a number", strings.TrimSpace(v), s.name, s.value)
			}
			changed = true
		}
		if changed {
			variants[i] = joinVariant(settings)
		}
	}
	out.Runs = strings.Join(variants, ";")
	if err := checkRuns(out.Config, out.Runs); err != nil {
		return e, errors.New("the learning rate is already as low as it goes: " + err.Error())
	}
	return out, nil
}

// isLearningRate reports whether a setting is a learning rate: lr, or cnnlr, which the
// CNN uses instead.
func isLearningRate(name string) bool { return name == "lr" || name == "cnnlr" }

// joinVariant writes settings back as "name=value,name=value".
func joinVariant(settings []setting) string {
	parts := make([]string, len(settings))
	for i, s := range settings {
		parts[i] = s.name + "=" + s.value
	}
	return strings.Join(parts, ",")
}

// capitalize upper-cases the first letter of an ASCII sentence.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
