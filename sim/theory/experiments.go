package theory

import (
	"math/rand/v2"

	"genlab/sim"
	"genlab/sim/figure"
)

// The two experiments of the paper that need no training, on the data of a sim.Config: its
// images, with its labels and its randomization tests applied. They live here, not in sim,
// so that the binaries that train (the canvas, the worker) do not link gonum's mat.

// ConstructionResult is what Theorem 1's network does on a Config's data.
type ConstructionResult struct {
	N        int     `json:"n"`       // training points
	D        int     `json:"d"`       // input dimensions
	Classes  int     `json:"classes"` // outputs
	Weights  int     `json:"weights"` // parameters: n·K + n + d
	Cond     float64 `json:"cond"`    // condition number of the triangular system A
	TrainAcc float64 `json:"train_acc"`
	TestAcc  float64 `json:"test_acc"`
	// Picture is the construction drawn (figure.Picture); not printed by genlab.
	Picture figure.Picture `json:"-"`
}

// constructStream is the stream of the seed that draws the direction a; the simulator's
// own streams (sim/streams.go) are small integers, so this one cannot collide.
const constructStream = 0x7468656f72656d31 // "theorem1"

// ConstructFor builds Theorem 1's network on the training set of c and measures it.
func ConstructFor(c sim.Config) (ConstructionResult, error) {
	if err := c.Validate(); err != nil {
		return ConstructionResult{}, err
	}
	train, test := sim.Dataset(c)
	d := c.Side * c.Side
	net, err := Construct(train.Pixels, d, train.Labels, c.Classes, rand.New(rand.NewPCG(c.Seed, constructStream)))
	if err != nil {
		return ConstructionResult{}, err
	}
	return ConstructionResult{
		N: train.Len(), D: d, Classes: c.Classes, Weights: net.Weights, Cond: net.Cond,
		TrainAcc: net.Accuracy(train.Pixels, d, train.Labels),
		TestAcc:  net.Accuracy(test.Pixels, d, test.Labels),
		Picture:  net.Picture(train.Labels),
	}, nil
}

// InterpolationResult is what the minimum-norm interpolant of a kernel does on a Config's data.
type InterpolationResult struct {
	Kernel       string  `json:"kernel"`
	Gamma        float64 `json:"gamma,omitempty"`
	Interpolates bool    `json:"interpolates"` // the kernel system was solved exactly
	Norm         float64 `json:"norm"`         // RKHS norm of the solution
	Residual     float64 `json:"residual"`     // max |Kα − Y|
	TrainAcc     float64 `json:"train_acc"`
	TestAcc      float64 `json:"test_acc"`
}

// InterpolateFor fits the minimum-norm interpolant of kernel k to the training set of c,
// with no regularization, and measures it.
func InterpolateFor(c sim.Config, k Kernel) (InterpolationResult, error) {
	if err := c.Validate(); err != nil {
		return InterpolationResult{}, err
	}
	train, test := sim.Dataset(c)
	d := c.Side * c.Side
	ip, err := Interpolate(train.Pixels, d, train.Labels, c.Classes, k)
	if err != nil {
		return InterpolationResult{}, err
	}
	return InterpolationResult{
		Kernel: ip.Kernel.Kind.String(), Gamma: ip.Kernel.Gamma,
		Interpolates: ip.Interpolates, Norm: ip.Norm, Residual: ip.Residual,
		TrainAcc: ip.TrainAcc, // from the fit itself: scoring the training set again costs n² kernel values
		TestAcc:  ip.Accuracy(test.Pixels, d, test.Labels),
	}, nil
}

// Compute makes one trial of the theorem1 or kernel figure (sim/figure), which need no
// training: Theorem 1's construction on the trial's data, or the minimum-norm interpolant
// of its kernel. Its Result holds the figure's metrics as Values, and Theorem 1's the
// picture of its construction.
func Compute(t figure.Trial) (figure.Result, error) {
	if t.Kernel == "" {
		res, err := ConstructFor(t.Config)
		if err != nil {
			return figure.Result{}, err
		}
		return figure.Result{Values: map[string]float64{
			figure.TrainAcc: res.TrainAcc, figure.TestAcc: res.TestAcc,
			figure.WeightsOne: float64(2*res.N + res.D), figure.Weights: float64(res.Weights), figure.Cond: res.Cond,
		}, Picture: &res.Picture}, nil
	}
	var k Kernel
	if err := k.Kind.UnmarshalText([]byte(t.Kernel)); err != nil {
		return figure.Result{}, err
	}
	res, err := InterpolateFor(t.Config, k)
	if err != nil {
		return figure.Result{}, err
	}
	interpolates := 0.0
	if res.Interpolates {
		interpolates = 1
	}
	return figure.Result{Values: map[string]float64{
		figure.TrainAcc: res.TrainAcc, figure.TestAcc: res.TestAcc,
		figure.Norm: res.Norm, figure.Interpolates: interpolates,
	}}, nil
}
