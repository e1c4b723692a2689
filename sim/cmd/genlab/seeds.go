package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"genlab/sim/claims"
)

type seedLine struct {
	Type string `json:"type"` // "seed"
	claims.Figures
}

type claimLine struct {
	Type string `json:"type"` // "claim"
	claims.Verdict
}

func seedsCmd(args []string, stdout, stderr io.Writer) error {
	var list string
	var workers int
	o, err := parse("seeds", `Runs every experiment behind the paper's claims on each seed of a list (the settings
are the base of all of them; the seed flag is ignored) and prints, for each claim, what
each seed measured, whether the claim holds on it and on how many seeds it holds: what is
law and what is luck. Per seed: true and random labels, label corruption p = 0.2 … 0.8,
shuffled pixels for the MLP and the CNN, random pixels, Gaussian inputs, and random labels
with weight decay, dropout and random shifts. Times to fit are in epochs.`,
		args, stderr, nil, func(fs *flag.FlagSet) {
			fs.StringVar(&list, "seeds", "1-10", "the seeds: a comma-separated list of seeds and ranges, e.g. 1-10 or 3,7,20-25")
			fs.IntVar(&workers, "workers", 0, "runs trained at once (0: one per core)")
		})
	if err != nil {
		return err
	}
	seeds, err := parseSeeds(list)
	if err != nil {
		return err
	}
	prog := newProgress(stderr, o.quiet)
	figs, err := claims.Measure(o.cfg, seeds, workers, func(done, total int) {
		prog.printf("%d of %d runs trained", done, total)
	})
	if err != nil {
		return err
	}
	verdicts := claims.Judge(figs, claims.Claims())
	if o.json {
		for _, f := range figs {
			if err := jsonLine(stdout, seedLine{"seed", f}); err != nil {
				return err
			}
		}
		for _, v := range verdicts {
			if err := jsonLine(stdout, claimLine{"claim", v}); err != nil {
				return err
			}
		}
		return nil
	}
	fmt.Fprintf(stdout, "settings: %s\n", o.cfg.Encode())
	for _, v := range verdicts {
		verdict := "HOLDS"
		if !v.OK {
			verdict = "FAILS"
		}
		fmt.Fprintf(stdout, "\n%s %s\n  %s on %d of %d seeds (need %d)", v.ID, v.Statement, verdict, v.Count, len(seeds), v.Need)
		if v.Overall != "" {
			fmt.Fprintf(stdout, "; %s", v.Overall)
		}
		fmt.Fprintln(stdout)
		for i, f := range v.Figures {
			mark := "yes"
			if !v.Held[i] {
				mark = "NO "
			}
			fmt.Fprintf(stdout, "  seed %-4d %s  %s\n", seeds[i], mark, f)
		}
	}
	return nil
}

// parseSeeds reads "1-10" or "3,7,20-25".
func parseSeeds(list string) ([]uint64, error) {
	var seeds []uint64
	for part := range strings.SplitSeq(list, ",") {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(part, "-")
		a, err := strconv.ParseUint(strings.TrimSpace(lo), 10, 53)
		b := a
		if err == nil && isRange {
			b, err = strconv.ParseUint(strings.TrimSpace(hi), 10, 53)
		}
		if err != nil || b < a || b-a >= 1000 {
			return nil, fmt.Errorf("-seeds: %q is not a seed or a range of at most 1000 seeds like 1-10", part)
		}
		for s := a; s <= b; s++ {
			seeds = append(seeds, s)
		}
	}
	return seeds, nil
}
