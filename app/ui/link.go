package ui

import (
	"errors"
	"net/url"
	"strconv"
	"strings"

	"genlab/sim"
)

// The page keeps the whole experiment in its address, so that a link replays it: the
// settings as sim writes them (Config.Encode: only what differs from the defaults) and
// the variants under the extra key "runs" when they are not the default comparison.
//
//	/?labels=corrupt&p=0.3&runs=labels=true%3Blabels=random
//
// Reading a link is forgiving, like sim.ParseQuery: a bad value falls back to its default
// and is reported, and everything else still applies.

// runsKey is the link key of the variants.
const runsKey = "runs"

// parseLink reads an experiment from a page's query string (with or without "?"). The
// problems, one sentence each, name what was wrong and what is used instead; they are
// empty for a good link.
func parseLink(rawQuery string) (experiment, []string) {
	rawQuery = strings.TrimPrefix(rawQuery, "?")
	var settings []string
	var runs []string
	var problems []string
	for pair := range strings.SplitSeq(rawQuery, "&") {
		key, value, _ := strings.Cut(pair, "=")
		if k, err := url.QueryUnescape(key); err != nil || k != runsKey {
			settings = append(settings, pair)
			continue
		}
		v, err := url.QueryUnescape(value)
		if err != nil {
			problems = append(problems, "runs has a bad %-escape (using the default "+sim.DefaultVariants+")")
			continue
		}
		runs = append(runs, v)
	}

	e := defaultExperiment()
	cfg, err := sim.ParseQuery(strings.Join(settings, "&"))
	e.Config = cfg // valid even on error: bad settings keep their defaults
	var fieldErrs sim.Errors
	if errors.As(err, &fieldErrs) {
		for _, fe := range fieldErrs {
			problems = append(problems, fe.Error())
		}
	} else if err != nil {
		problems = append(problems, err.Error())
	}

	switch {
	case len(runs) > 1:
		problems = append(problems, "runs is given "+strconv.Itoa(len(runs))+" times, want it once (using the default "+sim.DefaultVariants+")")
	case len(runs) == 1:
		if err := checkRuns(e.Config, runs[0]); err != nil {
			problems = append(problems, "runs: "+err.Error()+" (using the default "+sim.DefaultVariants+")")
		} else {
			e.Runs = runs[0]
		}
	}
	return e, problems
}

// linkQuery returns the query string, without "?", that parseLink reads back to e.
func linkQuery(e experiment) string {
	q := e.Config.Encode()
	if e.Runs == sim.DefaultVariants {
		return q
	}
	// "=" and "," are legal in a query value and keep the link readable; ";" is escaped
	// because some servers and libraries still split queries at it.
	runs := url.QueryEscape(e.Runs)
	runs = strings.NewReplacer("%3D", "=", "%2C", ",").Replace(runs)
	if q != "" {
		q += "&"
	}
	return q + runsKey + "=" + runs
}
