package message

import (
	"errors"
	"fmt"
	"math"

	"genlab/sim"
	"genlab/sim/figure"
)

// FigureSetup asks the canvas to make one of the paper's figures (package sim/figure) on
// the Setup's base settings: it trains the figure's trials on its workers, a few at a
// time, and reports the figure's Progress with Ready and every Metrics. Play starts (or
// resumes) the trials, Pause pauses them, Reset starts the figure over.
type FigureSetup struct {
	Kind   string `json:"kind"`             // figure.Kind's name: sweep, table1, …
	Seeds  int    `json:"seeds,omitempty"`  // figure.Options.Seeds
	Levels int    `json:"levels,omitempty"` // figure.Options.Levels
}

// Options returns the figure's kind and options, or an error for a setup that names no
// figure or asks for options out of range.
func (f FigureSetup) Options() (figure.Kind, figure.Options, error) {
	k, err := figure.ParseKind(f.Kind)
	if err != nil {
		return 0, figure.Options{}, err
	}
	o := figure.Options{Seeds: f.Seeds, Levels: f.Levels}
	if err := o.Validate(); err != nil {
		return 0, figure.Options{}, fmt.Errorf("figure options out of range: %w", err)
	}
	return k, o, nil
}

func (f *FigureSetup) check() error {
	_, _, err := f.Options()
	return err
}

// FigureProgress is how far a figure is: trials done of all, and its numbers so far
// (figure.Figure.Cells), for the page's table.
type FigureProgress struct {
	Done  int          `json:"done"`
	Total int          `json:"total"`
	Cells []FigureCell `json:"cells,omitempty"`
}

// FigureCell is a figure.Cell on the wire. JSON has no infinity: a value that never came
// (a time to fit of a run that never fitted its training set, +Inf in figure.Cell) is
// null; a cell without a value at all is not sent.
type FigureCell struct {
	Key    string     `json:"key"`
	Metric string     `json:"metric"`
	Value  *float64   `json:"value"`
	Seeds  []*float64 `json:"seeds"`
}

// Cells returns the cells of f on the wire, leaving out those without a value.
func Cells(f *figure.Figure) []FigureCell {
	var out []FigureCell
	for _, c := range f.Cells() {
		if math.IsNaN(c.Value) || math.IsInf(c.Value, -1) {
			continue // no such number (NaN), or -Inf, which nothing measures
		}
		wc := FigureCell{Key: c.Key, Metric: c.Metric, Value: orNever(c.Value)}
		for _, v := range c.Seeds {
			wc.Seeds = append(wc.Seeds, orNever(v))
		}
		out = append(out, wc)
	}
	return out
}

// orNever returns a pointer to v, or nil for +Inf (never reached).
func orNever(v float64) *float64 {
	if !sim.Finite(v) {
		return nil
	}
	return &v
}

// maxCells bounds a progress report's cells: the largest figure is the kernel figure at
// 11 levels on 10,000 images of 8×8 pixels, 22 keys of levels and 32 of smaller n (2
// kernels × 2 labels × 8 sizes), each of 4 metrics (TestLargestFigureFits).
const maxCells = 216

func (p *FigureProgress) check() error {
	if p.Total < 0 || p.Done < 0 || p.Done > p.Total || len(p.Cells) > maxCells {
		return fmt.Errorf("figure progress %d of %d with %d cells out of range", p.Done, p.Total, len(p.Cells))
	}
	for _, c := range p.Cells {
		if c.Key == "" || c.Metric == "" || len(c.Seeds) > figure.MaxSeeds {
			return errors.New("a figure cell without a key or metric, or with too many seeds")
		}
		for _, v := range append([]*float64{c.Value}, c.Seeds...) {
			if v != nil && !sim.Finite(*v) {
				return errors.New("a figure cell's value is not a number")
			}
		}
	}
	return nil
}
