package sim

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

	BestTestAcc float64 `json:"best_test_acc"` // what early stopping would keep
	BestEpoch   int     `json:"best_epoch"`

	WrongLabels float64 `json:"wrong_labels"` // share of training labels that are wrong, ≈ p(1−1/K)
	Params      int     `json:"params"`       // trainable values of the network
	Examples    int     `json:"examples"`     // training examples
	Stop        Stop    `json:"stop"`
}

// Stop says why a run ended.
type Stop uint8

const (
	Running   Stop = iota // not stopped yet
	Fitted                // every training example fitted (StopFitted)
	EarlyStop             // no better test accuracy for Patience epochs
	MaxEpochs             // Epochs reached
	Diverged              // the loss became NaN or infinite
)

var stopNames = [...]string{Running: "running", Fitted: "fitted", EarlyStop: "early-stop", MaxEpochs: "max-epochs", Diverged: "diverged"}

func (s Stop) String() string { return stopNames[s] }

// MarshalText implements encoding.TextMarshaler.
func (s Stop) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
