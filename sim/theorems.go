package sim

import (
	"genlab/sim/theory"
)

// The two experiments of the paper that need no training, on the data of a Config: its
// images, with its labels and its randomization tests applied.

// Construction is what Theorem 1's network does on a Config's data.
type Construction struct {
	N        int     `json:"n"`       // training points
	D        int     `json:"d"`       // input dimensions
	Classes  int     `json:"classes"` // outputs
	Weights  int     `json:"weights"` // parameters: n·K + n + d
	Cond     float64 `json:"cond"`    // condition number of the triangular system A
	TrainAcc float64 `json:"train_acc"`
	TestAcc  float64 `json:"test_acc"`
}

// Construct builds Theorem 1's network on the training set of c and measures it.
func Construct(c Config) (Construction, error) {
	if err := c.Validate(); err != nil {
		return Construction{}, err
	}
	train, test := Dataset(c)
	d := c.Side * c.Side
	net, err := theory.Construct(train.Pixels, d, train.Labels, c.Classes, newStream(c.Seed, streamConstruct))
	if err != nil {
		return Construction{}, err
	}
	return Construction{
		N: train.Len(), D: d, Classes: c.Classes, Weights: net.Weights, Cond: net.Cond,
		TrainAcc: net.Accuracy(train.Pixels, d, train.Labels),
		TestAcc:  net.Accuracy(test.Pixels, d, test.Labels),
	}, nil
}

// Interpolation is what the minimum-norm interpolant of a kernel does on a Config's data.
type Interpolation struct {
	Kernel       string  `json:"kernel"`
	Gamma        float64 `json:"gamma,omitempty"`
	Interpolates bool    `json:"interpolates"` // the kernel system was solved exactly
	Norm         float64 `json:"norm"`         // RKHS norm of the solution
	Residual     float64 `json:"residual"`     // max |Kα − Y|
	TrainAcc     float64 `json:"train_acc"`
	TestAcc      float64 `json:"test_acc"`
}

// Interpolate fits the minimum-norm interpolant of kernel k to the training set of c,
// with no regularization, and measures it.
func Interpolate(c Config, k theory.Kernel) (Interpolation, error) {
	if err := c.Validate(); err != nil {
		return Interpolation{}, err
	}
	train, test := Dataset(c)
	d := c.Side * c.Side
	ip, err := theory.Interpolate(train.Pixels, d, train.Labels, c.Classes, k)
	if err != nil {
		return Interpolation{}, err
	}
	return Interpolation{
		Kernel: ip.Kernel.Kind.String(), Gamma: ip.Kernel.Gamma,
		Interpolates: ip.Interpolates, Norm: ip.Norm, Residual: ip.Residual,
		TrainAcc: ip.Accuracy(train.Pixels, d, train.Labels),
		TestAcc:  ip.Accuracy(test.Pixels, d, test.Labels),
	}, nil
}
