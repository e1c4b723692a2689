package figure

import (
	"fmt"
	"slices"
	"strconv"

	"genlab/sim"
	"genlab/sim/data"
)

// Options are the settings of a figure beyond the base Config it varies. The zero value
// asks for the paper's figure on one seed.
type Options struct {
	// Seeds repeats every trial on Seeds seeds: the base's, and the ones after it. 0 means 1.
	Seeds int
	// Levels is the number of corruption levels of the sweep and the kernel figure, evenly
	// spaced from p = 0 to p = 1. 0 means 6 (0, 0.2, …, 1), the paper's Fig. 1b.
	Levels int
}

// Bounds of Options: enough for a figure to show a trend and a spread, few enough for
// a browser to train in minutes.
const (
	MaxSeeds  = 10
	MaxLevels = 11
)

// Validate returns an error naming the option out of range (0 is the default, and fine).
func (o Options) Validate() error {
	_, err := o.withDefaults()
	return err
}

func (o Options) withDefaults() (Options, error) {
	if o.Seeds == 0 {
		o.Seeds = 1
	}
	if o.Levels == 0 {
		o.Levels = 6
	}
	switch {
	case o.Seeds < 1 || o.Seeds > MaxSeeds:
		return o, fmt.Errorf("seeds %d is not between 1 and %d", o.Seeds, MaxSeeds)
	case o.Levels < 2 || o.Levels > MaxLevels:
		return o, fmt.Errorf("levels %d is not between 2 and %d", o.Levels, MaxLevels)
	}
	return o, nil
}

// levels returns n corruption levels from 0 to 1. i/(n−1) is correctly rounded, so the
// levels are the same numbers as the literals 0.2, 0.4, … of the claims.
func levels(n int) []float64 {
	ps := make([]float64, n)
	for i := range ps {
		ps[i] = float64(i) / float64(n-1)
	}
	return ps
}

// A Trial is one run a figure needs (or, for theorem1 and kernel, one computation).
type Trial struct {
	// Key says what sets the trial apart within its figure, in the words of a link or of
	// the paper: "labels=random", "p=0.4", "wd+dropout/random", "rbf/p=1",
	// "rbf/random/n=375" (a kernel on 375 training images). Trials on different seeds
	// share their key.
	Key    string
	Config sim.Config // its Seed is the trial's seed
	// P is the label corruption level of the figures that vary it (sweep, kernel,
	// memorization; 0 or 1 for the kernel figure's trials at smaller n, on true or random
	// labels); 0 for the others.
	P float64
	// Kernel is the kernel figure's kernel, as sim/theory names it ("linear" or "rbf").
	Kernel string
}

// The strengths of the regularizers of Tables 1 and 2 (and of the claims that use them):
// the usual textbook ones.
const (
	WeightDecay = 5e-4 // L2 penalty
	Dropout     = 0.2  // share of hidden units dropped
	Augment     = 1    // random shifts of up to this many pixels
)

// A Regularizer is a row of Tables 1 and 2: a name, the key of its row, and what it
// switches on.
type Regularizer struct {
	Name  string
	Key   string
	Apply func(c *sim.Config)
}

// EarlyStoppingPatience is the early-stopping row (the paper's Table 2): stop after this
// many epochs without a better accuracy on the validation images, carved from the
// training images, and keep the best epoch's weights.
const EarlyStoppingPatience = 5

// AllExplicit is the key of Table 1's last row: every explicit regularizer at once (weight
// decay, dropout, random shifts), as the paper's rows combine them. Batch norm is not
// among them: the paper counts it, like early stopping, as an implicit regularizer, and
// it has a row of its own.
const AllExplicit = "wd+dropout+aug"

// Regularizers returns the rows of Tables 1 and 2, none first and the explicit ones all
// together last.
func Regularizers() []Regularizer {
	wd := func(c *sim.Config) { c.WeightDecay = WeightDecay }
	dropout := func(c *sim.Config) { c.Dropout = Dropout }
	aug := func(c *sim.Config) { c.Augment = Augment }
	bn := func(c *sim.Config) { c.BatchNorm = true }
	return []Regularizer{
		{"none", "none", func(*sim.Config) {}},
		{"weight decay", "wd", wd},
		{"dropout", "dropout", dropout},
		{"augmentation", "aug", aug},
		{"batch norm", "bn", bn},
		{"early stopping", "early-stop", func(c *sim.Config) { c.Patience = EarlyStoppingPatience }},
		{"all explicit", AllExplicit, func(c *sim.Config) { wd(c); dropout(c); aug(c) }},
	}
}

// trials lays out the trials of one seed: base has that seed.
func trials(k Kind, base sim.Config, o Options) []Trial {
	var ts []Trial
	add := func(key string, c sim.Config) { ts = append(ts, Trial{Key: key, Config: c}) }
	labels := func(c sim.Config, l data.LabelMode) sim.Config {
		c.Labels = l // Corrupt is left as it is: only corrupt labels read it
		return c
	}
	switch k {
	case Randomizations:
		add("labels=true", labels(base, data.TrueLabels))
		add("labels=random", labels(base, data.RandomLabels))
		for _, in := range []data.InputMode{data.ShuffledPixels, data.RandomPixels, data.Gaussian} {
			c := labels(base, data.TrueLabels)
			c.Inputs = in
			add("inputs="+in.String(), c)
		}
	case Sweep:
		for _, p := range levels(o.Levels) {
			ts = append(ts, Trial{Key: pKey(p), Config: corrupt(base, p), P: p})
		}
	case Table1:
		for _, r := range Regularizers() {
			for _, l := range []data.LabelMode{data.TrueLabels, data.RandomLabels} {
				c := labels(base, l)
				r.Apply(&c)
				add(r.Key+"/"+l.String(), c)
			}
		}
	case Theorem1:
		add("labels=true", labels(base, data.TrueLabels))
		add("labels=random", labels(base, data.RandomLabels))
	case Kernel:
		for _, kernel := range kernels {
			for _, p := range levels(o.Levels) {
				ts = append(ts, Trial{Key: kernel + "/" + pKey(p), Config: corrupt(base, p), Kernel: kernel, P: p})
			}
		}
		for _, kernel := range kernels {
			for _, p := range []float64{0, 1} {
				for _, n := range kernelSizes(base) {
					c := corrupt(base, p)
					c.Train = n
					ts = append(ts, Trial{Key: kernel + "/" + labelsName(p) + "/" + nKey(n), Config: c, Kernel: kernel, P: p})
				}
			}
		}
	case Memorization:
		// At the base's own corruption level (the p setting), labels corrupted even if the
		// base's are true or random: the figure compares clean and noisy examples.
		c := base
		c.Labels = data.CorruptLabels
		ts = append(ts, Trial{Key: pKey(c.Corrupt), Config: c, P: c.Corrupt})
	default:
		panic(fmt.Sprintf("figure: unknown %v", k))
	}
	return ts
}

// corrupt returns c with each label replaced with probability p: true labels at p = 0,
// and random labels at p = 1, which draw the same labels from the same stream (so these
// two are the very runs of the randomization tests and of the claims).
func corrupt(c sim.Config, p float64) sim.Config {
	switch p {
	case 0:
		c.Labels = data.TrueLabels
	case 1:
		c.Labels = data.RandomLabels
	default:
		c.Labels, c.Corrupt = data.CorruptLabels, p
	}
	return c
}

func pKey(p float64) string { return "p=" + strconv.FormatFloat(p, 'g', 4, 64) }

func nKey(n int) string { return "n=" + strconv.Itoa(n) }

// labelsName names the labels at p = 0 and 1 as keys do ("true", "random").
func labelsName(p float64) string {
	if p == 0 {
		return data.TrueLabels.String()
	}
	return data.RandomLabels.String()
}

// kernels are the kernel figure's kernels, as sim/theory names them.
var kernels = [...]string{"linear", "rbf"}

// kernelSizes returns the kernel figure's smaller training sets, smallest first. Besides
// its sweep of p at the base's n training images, the figure shows how the interpolants
// change with n, on true and on random labels (the ends of the sweep, whose trials give
// the series its last point, at the base's n). The sizes halve the base's n again and
// again, down to the first below the dimension d (the pixels), and no further:
//
//   - Halving spaces the sizes evenly on the scale that matters for a kernel method,
//     whose cost grows as n³ (all of them together cost less than a seventh of one solve
//     at the base's n), and whose fit changes with the ratio n/d, not the difference.
//   - Going below d is the point: a linear model has d weights, so the linear kernel can
//     interpolate any labels on n ≤ d points in general position, and none on n > d
//     (K = XXᵀ has rank at most d). The figure shows it stop interpolating where n passes
//     d, while the RBF kernel, whose features are infinitely many, keeps interpolating.
//   - Stopping there keeps the figure small: at the defaults (1,500 images of 12×12
//     pixels) the sizes are 93, 187, 375 and 750; at most 8 sizes (10,000 images of 8×8).
//
// A size no Config accepts (fewer training images than the least) ends the halving early.
func kernelSizes(base sim.Config) []int {
	d := base.Side * base.Side
	var sizes []int
	for n := base.Train / 2; n > 0; n /= 2 {
		c := base
		c.Train = n
		if c.Validate() != nil {
			break
		}
		sizes = append(sizes, n)
		if n < d {
			break
		}
	}
	slices.Reverse(sizes)
	return sizes
}
