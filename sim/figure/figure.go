package figure

import (
	"fmt"
	"math"
	"slices"

	"genlab/sim"
)

// A Figure is a figure being made: its trials, and the results of those done so far.
type Figure struct {
	Kind    Kind
	Options Options // with the defaults filled in
	// Trials are seed by seed: every trial of the base's seed, then of the next seed, ….
	Trials []Trial

	results []Result
	done    []bool
}

// New lays out figure k on base (its seed the first of the figure's) with options o. It
// returns an error naming what is wrong when base, o, or a trial they make is not valid.
func New(k Kind, base sim.Config, o Options) (*Figure, error) {
	if k >= kinds {
		return nil, fmt.Errorf("figure: unknown %v", k)
	}
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := base.Validate(); err != nil {
		return nil, err
	}
	f := &Figure{Kind: k, Options: o}
	for s := range o.Seeds {
		b := base
		b.Seed += uint64(s)
		for _, t := range trials(k, b, o) {
			if err := t.Config.Validate(); err != nil {
				return nil, fmt.Errorf("%s, trial %s: %w", k, t.Key, err)
			}
			f.Trials = append(f.Trials, t)
		}
	}
	f.results = make([]Result, len(f.Trials))
	f.done = make([]bool, len(f.Trials))
	return f, nil
}

// Result is what a trial measured.
type Result struct {
	Summary sim.Summary // a trained trial's summary
	History []sim.Epoch // a trained trial's epochs, which the randomizations figure draws

	// Memorization: per training example, the epoch it was first fitted (0: never),
	// whether its label was corrupted, and the class it was drawn from.
	FirstFit []int32
	Noisy    []bool
	Classes  []int

	// Values are a computed trial's numbers (theorem1, kernel), by metric.
	Values map[string]float64
	// Picture is what the theorem1 figure draws of its construction (picture.go).
	Picture *Picture
}

// ResultOf reads a finished run's Result.
func ResultOf(r *sim.Run) Result {
	var snap sim.Snapshot
	r.Snapshot(&snap)
	noisy := make([]bool, len(snap.FirstFit))
	for i := range noisy {
		noisy[i] = r.Train().Corrupted(i)
	}
	return Result{Summary: r.Summary(), History: slices.Clone(r.History()),
		FirstFit: snap.FirstFit, Noisy: noisy, Classes: slices.Clone(r.Train().True)}
}

// Set records the result of trial i. Setting a trial again replaces its result.
func (f *Figure) Set(i int, r Result) {
	f.results[i], f.done[i] = r, true
}

// Result returns trial i's result, and whether it is done.
func (f *Figure) Result(i int) (Result, bool) { return f.results[i], f.done[i] }

// Done counts the trials done.
func (f *Figure) Done() int {
	n := 0
	for _, d := range f.done {
		if d {
			n++
		}
	}
	return n
}

// The metrics of figures' cells, as the page's tables name them (data-metric).
const (
	TrainAcc       = "train-acc"
	TestAcc        = "test-acc"
	TestError      = "test-error"
	StepsToFit     = "steps-to-fit" // +Inf when the training set was never fitted
	FitEpochs      = "fit-epochs"   // the same time in epochs, to an eighth of one
	Epochs         = "epochs"
	CleanMedianFit = "clean-median-fit" // the median epoch of first fit of clean examples (+Inf: never)
	NoisyMedianFit = "noisy-median-fit" // and of the examples with a corrupted label
	// Computed figures' metrics (sim/theory).
	Weights      = "weights"      // the construction's parameters, n·K + n + d for K one-hot outputs
	WeightsOne   = "weights-one"  // and 2n + d, Theorem 1's count, for a single output
	Cond         = "cond"         // the condition number of its triangular system
	Norm         = "norm"         // the interpolant's RKHS norm
	Interpolates = "interpolates" // 1 when the kernel system was solved exactly, else 0
)

// Metrics lists the columns of figure k's table, in order.
func (k Kind) Metrics() []string {
	switch k {
	case Sweep:
		return []string{StepsToFit, FitEpochs, TestError, TrainAcc}
	case Theorem1:
		return []string{TrainAcc, TestAcc, WeightsOne, Weights, Cond}
	case Kernel:
		return []string{TrainAcc, TestAcc, Norm, Interpolates}
	case Memorization:
		return []string{CleanMedianFit, NoisyMedianFit, TrainAcc, TestAcc}
	}
	return []string{TrainAcc, TestAcc, FitEpochs, Epochs}
}

// value reads one metric of a result.
func (r *Result) value(metric string) float64 {
	if r.Values != nil {
		v, ok := r.Values[metric]
		if acc, has := r.Values[TestAcc]; !ok && metric == TestError && has {
			return 1 - acc // the kernel figure's charts of test error, from its test accuracy
		}
		if !ok {
			return math.NaN()
		}
		return v
	}
	s := &r.Summary
	switch metric {
	case TrainAcc:
		return s.TrainAcc
	case TestAcc:
		return s.TestAcc
	case TestError:
		return 1 - s.TestAcc
	case StepsToFit:
		if s.StepsToFit == nil {
			return math.Inf(1)
		}
		return float64(*s.StepsToFit)
	case FitEpochs:
		if s.FitEpochs == nil {
			return math.Inf(1)
		}
		return *s.FitEpochs
	case Epochs:
		return float64(s.Epochs)
	case CleanMedianFit, NoisyMedianFit:
		clean, noisy := MedianFits(r.FirstFit, r.Noisy)
		if metric == CleanMedianFit {
			return clean
		}
		return noisy
	}
	return math.NaN()
}

// A Cell is one number of a figure's table: a metric of the trials of one key.
type Cell struct {
	Key, Metric string
	// Value is the mean over the seeds done (+Inf if a seed's is: a time to fit that
	// never came), and Seeds each of those seeds' values, in seed order.
	Value float64
	Seeds []float64
}

// Cells returns the figure's numbers so far: for each key with a trial done, in the
// order of the trials, one Cell per metric of the figure's table.
func (f *Figure) Cells() []Cell {
	var keys []string
	byKey := map[string][]int{}
	for i, t := range f.Trials {
		if !f.done[i] {
			continue
		}
		if _, ok := byKey[t.Key]; !ok {
			keys = append(keys, t.Key)
		}
		byKey[t.Key] = append(byKey[t.Key], i)
	}
	slices.SortStableFunc(keys, func(a, b string) int { return f.firstTrial(a) - f.firstTrial(b) })
	var cells []Cell
	for _, key := range keys {
		for _, m := range f.Kind.Metrics() {
			c := Cell{Key: key, Metric: m}
			sum := 0.0
			for _, i := range byKey[key] {
				v := f.results[i].value(m)
				c.Seeds = append(c.Seeds, v)
				sum += v
			}
			c.Value = sum / float64(len(c.Seeds))
			cells = append(cells, c)
		}
	}
	return cells
}

func (f *Figure) firstTrial(key string) int {
	return slices.IndexFunc(f.Trials, func(t Trial) bool { return t.Key == key })
}

// MedianFits returns the median epoch at which the clean and the noisy examples were
// first fitted (firstFit 0: never, which counts as later than any epoch, +Inf); NaN
// for a group with no example.
func MedianFits(firstFit []int32, noisy []bool) (clean, noisyMedian float64) {
	var c, n []float64
	for i, e := range firstFit {
		v := float64(e)
		if e == 0 {
			v = math.Inf(1)
		}
		if noisy[i] {
			n = append(n, v)
		} else {
			c = append(c, v)
		}
	}
	return median(c), median(n)
}

// median returns the middle value of v (the upper one of an even count), NaN if v is empty.
func median(v []float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	v = slices.Clone(v)
	slices.Sort(v)
	return v[len(v)/2]
}
