package sim

import (
	"fmt"
	"math"
)

// Epoch is what one epoch measured, after its last step, with the network in evaluation
// mode (no dropout; batch norm on running statistics).
type Epoch struct {
	Epoch int     `json:"epoch"` // 1-based
	Steps int     `json:"steps"` // minibatch steps so far
	LR    float64 `json:"lr"`    // learning rate used during the epoch

	TrainLoss float64 `json:"train_loss"`
	TrainAcc  float64 `json:"train_acc"` // share of training examples whose prediction is their given label
	TestLoss  float64 `json:"test_loss"`
	TestAcc   float64 `json:"test_acc"`
	// Loss and accuracy on the validation images (early stopping only; -1 without them).
	ValLoss float64 `json:"val_loss"`
	ValAcc  float64 `json:"val_acc"`

	// Training accuracy on the examples whose given label is right (clean) and on those
	// whose label was corrupted to a wrong class. -1 when the subset is empty.
	CleanAcc   float64 `json:"clean_acc"`
	CorruptAcc float64 `json:"corrupt_acc"`

	Fitted int `json:"fitted"` // training examples fitted now
}

// Summary is what a whole run measured.
type Summary struct {
	Epochs    int     `json:"epochs"`
	Steps     int     `json:"steps"`
	TrainAcc  float64 `json:"train_acc"`
	TestAcc   float64 `json:"test_acc"`
	TrainLoss float64 `json:"train_loss"`
	TestLoss  float64 `json:"test_loss"`

	// StepsToFit is the time to fit, the paper's Fig. 1b: the minibatch step after which
	// every training example was first found fitted (100% training accuracy). The training
	// set is checked at every epoch's end and, once fewer than an eighth of its examples are
	// unfitted, every eighth of an epoch, so this is exact to an eighth of an epoch.
	// FitEpochs is the same time in epochs (StepsToFit over the steps of an epoch), and
	// EpochsToFit the epoch it falls in (FitEpochs rounded up). All three are nil when the
	// training set was never fitted.
	StepsToFit  *int     `json:"steps_to_fit"`
	FitEpochs   *float64 `json:"fit_epochs"`
	EpochsToFit *int     `json:"epochs_to_fit"`

	// ValAcc is the validation accuracy (-1 without early stopping), and BestEpoch the epoch
	// of the best one, whose weights early stopping keeps (0 without early stopping). The
	// test set decides nothing: TestAcc is the test accuracy of the network kept.
	ValAcc    float64 `json:"val_acc"`
	BestEpoch int     `json:"best_epoch"`

	WrongLabels float64 `json:"wrong_labels"` // share of training labels that are wrong, ≈ p(1−1/K)
	Params      int     `json:"params"`       // trainable values of the network
	Examples    int     `json:"examples"`     // training examples (validation images excluded)
	Validation  int     `json:"validation"`   // validation images held out of the training images
	Stop        Stop    `json:"stop"`
}

// Stop says why a run ended.
//
// The values are ordered so that Diverged stays the largest, as the snapshot encoding
// between the page's workers and its canvas bounds them; Stops lists them all.
type Stop uint8

const (
	Running     Stop = iota // not stopped yet
	Fitted                  // every training example fitted (StopFitted)
	EarlyStop               // no better validation accuracy for Patience epochs; the best weights restored
	MaxEpochs               // Epochs reached while learning
	NotLearning             // the training loss stuck at ln K and accuracy at chance (see Run)
	Diverged                // the loss became NaN or infinite, or exploded past 4 ln K
)

var stopNames = [...]string{Running: "running", Fitted: "fitted", EarlyStop: "early-stop", MaxEpochs: "max-epochs",
	NotLearning: "not-learning", Diverged: "diverged"}

// Stops returns every Stop, in order.
func Stops() []Stop { return []Stop{Running, Fitted, EarlyStop, MaxEpochs, NotLearning, Diverged} }

func (s Stop) String() string { return stopNames[s] }

// MarshalText implements encoding.TextMarshaler.
func (s Stop) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: it reads the names String writes.
func (s *Stop) UnmarshalText(b []byte) error {
	for _, stop := range Stops() {
		if string(b) == stop.String() {
			*s = stop
			return nil
		}
	}
	return fmt.Errorf("no stop %q", b)
}

// Finite reports whether v is a number: neither NaN nor infinite. A run whose loss is
// not finite has diverged (see Diverged), and whatever shows a run's numbers shows such
// values as a dash, never as "NaN".
func Finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
