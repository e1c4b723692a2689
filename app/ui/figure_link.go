package ui

import (
	"strconv"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/figure"
)

// A figure lives in the link beside the base settings (link.go):
//
//	?figure=sweep&levels=11&seeds=3&side=16
//
// figure names one of the paper's figures (figure.Kind's names), seeds
// repeats each of its runs on that many seeds (1 to figure.MaxSeeds), levels sets the
// corruption levels of the sweep (2 to figure.MaxLevels). seeds and levels at their
// defaults (1 and 6) are left out, and kept as 0 in the experiment, so that a link read
// and written again is the same link.
const (
	keyFigure = "figure"
	keySeeds  = "seeds"
	keyLevels = "levels"
)

// figureKeys are the link keys of a figure, in the order links write them.
func figureKeys() []string { return []string{keyFigure, keySeeds, keyLevels} }

// noFigure is what a bad figure key falls back to, for its problem.
const noFigure = "none: the runs side by side"

// figureNames returns the names of the figures the page makes.
func figureNames() []string {
	var names []string
	for _, k := range figure.Kinds() {
		names = append(names, k.String())
	}
	return names
}

// parseFigure reads the figure keys of a link, given by once (see parseLink), into f, and
// returns the problems: a bad value keeps the default and is named.
func parseFigure(f *message.FigureSetup, once func(key, def string) (string, bool)) []string {
	var problems []string
	if name, ok := once(keyFigure, noFigure); ok {
		if _, err := figure.ParseKind(name); err != nil {
			problems = append(problems, problem(keyFigure, sim.Clip(name), emptyOr(name, "is not ")+"one of "+orList(figureNames()), noFigure))
		} else {
			f.Kind = name
		}
	}
	count := func(key string, lo, hi, def int, dst *int) {
		text, ok := once(key, strconv.Itoa(def))
		if !ok {
			return
		}
		n, err := strconv.Atoi(text)
		switch {
		case f.Kind == "":
			problems = append(problems, problem(key, sim.Clip(text), "belongs to a figure, and the link names none: ignored", ""))
		case err != nil || n < lo || n > hi:
			problems = append(problems, problem(key, sim.Clip(text), "is not a whole number from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi), strconv.Itoa(def)))
		case n != def:
			*dst = n
		}
	}
	count(keySeeds, 1, figure.MaxSeeds, 1, &f.Seeds)
	count(keyLevels, 2, figure.MaxLevels, 6, &f.Levels)
	return problems
}

// appendFigure appends the figure keys of f to a link's query q.
func appendFigure(q []string, f message.FigureSetup) []string {
	q = append(q, keyFigure+"="+f.Kind)
	if f.Seeds > 1 {
		q = append(q, keySeeds+"="+strconv.Itoa(f.Seeds))
	}
	if f.Levels > 0 && f.Levels != 6 {
		q = append(q, keyLevels+"="+strconv.Itoa(f.Levels))
	}
	return q
}
