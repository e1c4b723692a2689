package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"genlab/sim"
)

// variant is one named run of a side-by-side comparison.
type variant struct {
	name string
	run  *sim.Run
}

// newVariants builds one run per variant of vs on top of base, each named by its variant
// ("base" for the base settings alone).
func newVariants(base sim.Config, vs sim.Variants) ([]variant, error) {
	runs := vs.PerRun()
	out := make([]variant, len(runs))
	for i, v := range runs {
		r, err := sim.NewRun(base.With(v))
		if err != nil {
			return nil, err
		}
		name := v.String()
		if name == "" {
			name = "base"
		}
		out[i] = variant{name, r}
	}
	return out, nil
}

type epochLine struct {
	Type string `json:"type"` // "epoch"
	Run  int    `json:"run"`
	Name string `json:"name"`
	sim.Epoch
}

type summaryLine struct {
	Type   string `json:"type"` // "summary"
	Run    int    `json:"run"`
	Name   string `json:"name"`
	Config string `json:"config"` // the run's settings as a link query
	sim.Summary
}

func runCmd(args []string, stdout, stderr io.Writer) error {
	var list sim.Variants
	o, err := parse("run", `Trains the variants side by side, an epoch each in turn, and prints every epoch of
every run: training and test accuracy and loss, the accuracy on clean and on corrupted
examples, and how many training examples are fitted. The last lines summarize each run.`,
		args, stderr, nil, func(fs *flag.FlagSet) {
			fs.TextVar(&list, "runs", sim.DefaultVariants(),
				"the `variants` to run side by side: runs separated by ';', each a comma-separated list of name=value settings that override the other settings' flags (empty: those settings alone)")
		})
	if err != nil {
		return err
	}
	vs, err := newVariants(o.cfg, list)
	if err != nil {
		return err
	}
	prog := newProgress(stderr, o.quiet || !o.json)
	var t *table
	if !o.json {
		t = newTable(stdout, "epoch", padName("run", vs), "train acc", "test acc", "train loss", "test loss", "clean acc", "corrupt acc", "fitted")
	}
	for {
		active := false
		for i, v := range vs {
			if v.run.Done() {
				continue
			}
			active = true
			v.run.RunEpoch()
			h := v.run.History()
			if len(h) == 0 || h[len(h)-1].Epoch != v.run.Epochs() {
				continue // diverged inside the epoch: nothing measured
			}
			e := h[len(h)-1]
			prog.printf("%s: epoch %d, train %.1f%%", v.name, e.Epoch, 100*e.TrainAcc)
			if o.json {
				if err := jsonLine(stdout, epochLine{"epoch", i + 1, v.name, e}); err != nil {
					return err
				}
				continue
			}
			t.row(fmt.Sprint(e.Epoch), v.name, pct(e.TrainAcc), pct(e.TestAcc), num(e.TrainLoss), num(e.TestLoss),
				pct(e.CleanAcc), pct(e.CorruptAcc), fmt.Sprintf("%d/%d", e.Fitted, v.run.Train().Len()))
		}
		if !active {
			break
		}
	}
	if o.json {
		for i, v := range vs {
			s := summaryLine{"summary", i + 1, v.name, v.run.Config().Encode(), v.run.Summary()}
			if err := jsonLine(stdout, s); err != nil {
				return err
			}
		}
		return nil
	}
	fmt.Fprintln(stdout)
	st := newTable(stdout, padName("run", vs), "stop", "epochs", "train acc", "test acc", "epochs to fit", "steps to fit", "fit epochs", "val acc", "best epoch", "wrong labels", "params")
	for _, v := range vs {
		s := v.run.Summary()
		st.row(v.name, s.Stop.String(), fmt.Sprint(s.Epochs), pct(s.TrainAcc), pct(s.TestAcc), intOrDash(s.EpochsToFit),
			intOrDash(s.StepsToFit), floatOrDash(s.FitEpochs), pct(s.ValAcc), fmt.Sprint(s.BestEpoch), pct(s.WrongLabels), fmt.Sprint(s.Params))
	}
	return nil
}

// padName widens a column header to the longest run name.
func padName(header string, vs []variant) string {
	w := len(header)
	for _, v := range vs {
		w = max(w, len(v.name))
	}
	return strings.Repeat(" ", w-len(header)) + header
}
