package sim

import (
	"fmt"

	"genlab/sim/data"
)

// Config is every setting of one training run: the data, the randomization test applied to it,
// the network and the optimizer. The zero value is not useful; start from Default.
//
// A Config round-trips losslessly through a URL query string (see Config.Encode and ParseQuery)
// and through command-line flags (see Config.RegisterFlags and Config.Args): the parameter names are the same in both.
type Config struct {
	// Data.
	Family  data.Family // image family
	Side    int         // image side in pixels, 8..32
	Classes int         // number of classes, 2..10
	Train   int         // training images, 10..10000
	Test    int         // test images, 10..10000
	Noise   float64     // standard deviation of the Gaussian pixel noise, 0..1
	Seed    uint64      // seeds everything: data, labels, initialization, batches

	// Randomization tests.
	Labels     data.LabelMode // true, corrupt or random training labels
	Corrupt    float64        // p: probability that a label is replaced by a uniform class (Labels == corrupt), 0..1
	TestLabels data.LabelMode // true (default) or corrupt/random: test labels randomized the same way
	Inputs     data.InputMode // original, shuffled, random pixels or gaussian

	// Model.
	Model   Arch // linear, mlp or cnn
	Depth   int  // hidden layers of the MLP, 1..3
	Width   int  // units per hidden layer of the MLP, and of the CNN's dense layer, 1..1024
	Filters int  // channels of the CNN's first convolution (the second has twice as many), 1..32

	// Training.
	LR          float64  // learning rate of the linear model and the MLP, 1e-5..10
	CNNLR       float64  // learning rate of the CNN, 1e-5..10
	Schedule    Schedule // constant, step or decay
	Gamma       float64  // learning-rate factor of the schedule, 0.01..1
	StepEvery   int      // epochs between step decays, 1..1000
	Batch       int      // minibatch size, 1..1024
	Momentum    float64  // SGD momentum, 0..0.99
	WeightDecay float64  // L2 penalty on weights (not biases), 0..0.1
	Dropout     float64  // drop probability of hidden units, 0..0.9
	Augment     int      // random shift of each training image by up to this many pixels, 0..4
	BatchNorm   bool     // batch normalization after every hidden layer
	Epochs      int      // maximum epochs, 1..1000
	Patience    int      // early stopping: stop after this many epochs without a better validation accuracy, 0 = off
	Validation  float64  // share of the training images held out to validate on when Patience > 0, 0.05..0.5
	StopFitted  bool     // stop as soon as every training example is fitted
}

// Arch is a network architecture.
type Arch uint8

const (
	// Linear is softmax regression on the pixels.
	Linear Arch = iota
	// MLP is a multilayer perceptron with Depth hidden ReLU layers of Width units.
	MLP
	// CNN is conv3×3–pool–conv3×3–pool–dense(Width)–dense.
	CNN
)

var archNames = [...]string{Linear: "linear", MLP: "mlp", CNN: "cnn"}

func (a Arch) String() string {
	if int(a) < len(archNames) {
		return archNames[a]
	}
	return fmt.Sprintf("Arch(%d)", uint8(a))
}

// MarshalText implements encoding.TextMarshaler.
func (a Arch) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *Arch) UnmarshalText(b []byte) error {
	return parseName(b, archNames[:], (*uint8)(a), "model")
}

// Schedule is a learning-rate schedule.
type Schedule uint8

const (
	// ConstantSchedule keeps the learning rate.
	ConstantSchedule Schedule = iota
	// StepSchedule multiplies the learning rate by Gamma every StepEvery epochs.
	StepSchedule
	// DecaySchedule multiplies the learning rate by Gamma after every epoch.
	DecaySchedule
)

var scheduleNames = [...]string{ConstantSchedule: "constant", StepSchedule: "step", DecaySchedule: "decay"}

func (s Schedule) String() string {
	if int(s) < len(scheduleNames) {
		return scheduleNames[s]
	}
	return fmt.Sprintf("Schedule(%d)", uint8(s))
}

// MarshalText implements encoding.TextMarshaler.
func (s Schedule) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Schedule) UnmarshalText(b []byte) error {
	return parseName(b, scheduleNames[:], (*uint8)(s), "schedule")
}

// parseName sets *dst to the index of b in names, or returns an error listing the names.
func parseName(b []byte, names []string, dst *uint8, what string) error {
	for i, n := range names {
		if string(b) == n {
			*dst = uint8(i)
			return nil
		}
	}
	return fmt.Errorf("unknown %s %q (want one of %v)", what, b, names)
}
