package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"genlab/sim"
	"genlab/sim/data"
)

type sweepLine struct {
	Type        string  `json:"type"` // "sweep"
	P           float64 `json:"p"`
	WrongLabels float64 `json:"wrong_labels"`
	TestError   float64 `json:"test_error"`
	Config      string  `json:"config"`
	sim.Summary
}

func sweepCmd(args []string, stdout, stderr io.Writer) error {
	var ps string
	o, err := parse("sweep", `Trains one run per label-corruption level p (each label replaced, with probability p,
by a uniformly drawn class) and prints how long each takes to fit its training set and
its test error: the paper's Figure 1b (time to fit grows with p) and 1c (test error
rises with p, to chance at p = 1).`, args, stderr, nil, func(fs *flag.FlagSet) {
		fs.StringVar(&ps, "ps", "0,0.2,0.4,0.6,0.8,1", "comma-separated corruption levels p in 0..1")
	})
	if err != nil {
		return err
	}
	var levels []float64
	for f := range strings.SplitSeq(ps, ",") {
		p, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || p < 0 || p > 1 {
			return fmt.Errorf("-ps: %q is not a probability in 0..1", f)
		}
		levels = append(levels, p)
	}
	runs := make([]*sim.Run, len(levels))
	for i, p := range levels {
		c := o.cfg
		c.Labels, c.Corrupt = data.CorruptLabels, p
		if runs[i], err = sim.NewRun(c); err != nil {
			return err
		}
	}
	trainAll(runs, newProgress(stderr, o.quiet))
	var t *table
	if !o.json {
		t = newTable(stdout, "p", "wrong labels", "steps to fit", "fit epochs", "train acc", "test acc", "test error", "stop")
	}
	for i, r := range runs {
		s := r.Summary()
		if o.json {
			if err := jsonLine(stdout, sweepLine{"sweep", levels[i], s.WrongLabels, 1 - s.TestAcc, r.Config().Encode(), s}); err != nil {
				return err
			}
			continue
		}
		t.row(fmt.Sprint(levels[i]), pct(s.WrongLabels), intOrDash(s.StepsToFit), floatOrDash(s.FitEpochs),
			pct(s.TrainAcc), pct(s.TestAcc), pct(1-s.TestAcc), s.Stop.String())
	}
	return nil
}
