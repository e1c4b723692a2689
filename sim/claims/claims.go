package claims

import (
	"fmt"

	"genlab/sim"
	"math"
	"slices"
	"strings"
)

// ChanceTolerance is how far from chance (1/K) one seed's test accuracy may be and still
// count as chance: 4 points, about four binomial standard deviations for 1,000 test images
// at K = 10. AverageChanceTolerance is the same for the average over seeds.
const (
	ChanceTolerance        = 0.04
	AverageChanceTolerance = 0.015
)

// earlyStopWithin bounds the epochs early stopping lets random labels train (S10b): the
// patience (figure.EarlyStoppingPatience) after a best validation epoch that comes early.
const earlyStopWithin = 15

// A Claim is one finding of the paper, judged on each seed's Figures: Figure says what the
// seed measured, Holds whether the claim holds on it, and the claim stands when it holds
// on at least Need of every 10 seeds (rounded up) and Overall, if set, accepts the seeds
// taken together.
type Claim struct {
	ID        string
	Statement string
	Need      int // seeds out of 10 on which the claim must hold
	Figure    func(f *Figures) string
	Holds     func(f *Figures) bool
	// Overall is a condition on all seeds together (an average, a median), described by
	// OverallText; nil if there is none. It returns the figure and whether it holds.
	Overall     func(fs []Figures) (string, bool)
	OverallText string
}

// Verdict is how a Claim fared over a list of seeds.
type Verdict struct {
	ID        string   `json:"id"`
	Statement string   `json:"statement"`
	Figures   []string `json:"figures"` // per seed
	Held      []bool   `json:"held"`    // per seed
	Count     int      `json:"count"`   // seeds it held on
	Need      int      `json:"need"`    // seeds it must hold on
	Overall   string   `json:"overall,omitempty"`
	OverallOK bool     `json:"overall_ok"`
	OK        bool     `json:"ok"` // Count >= Need and the overall condition holds
}

// Judge judges every claim on the figures of several seeds. A claim that must hold on
// need of 10 seeds must hold on ceil(need/10 × len(fs)) of these.
func Judge(fs []Figures, claims []Claim) []Verdict {
	var vs []Verdict
	for _, c := range claims {
		v := Verdict{ID: c.ID, Statement: c.Statement, OverallOK: true,
			Need: (c.Need*len(fs) + 9) / 10}
		for i := range fs {
			ok := c.Holds(&fs[i])
			v.Figures = append(v.Figures, c.Figure(&fs[i]))
			v.Held = append(v.Held, ok)
			if ok {
				v.Count++
			}
		}
		if c.Overall != nil {
			v.Overall, v.OverallOK = c.Overall(fs)
			v.Overall = c.OverallText + " " + v.Overall
		}
		v.OK = v.Count >= v.Need && v.OverallOK
		vs = append(vs, v)
	}
	return vs
}

func nearChance(acc, tol float64) bool { return math.Abs(acc-0.1) <= tol }

// between reports whether x lies strictly between a and b, in either order.
func between(x, a, b Number) bool { return min(a, b) < x && x < max(a, b) }

func pct(v float64) string { return fmt.Sprintf("%.1f", 100*v) }

func epochs(v Number) string {
	if math.IsInf(float64(v), 1) {
		return "never"
	}
	return fmt.Sprintf("%.2f", v)
}

// Claims returns the paper's findings as the simulator checks them, at K = 10 classes.
func Claims() []Claim {
	return []Claim{
		{
			ID:        "S1",
			Statement: "random labels reach 100% training accuracy; test accuracy at chance (10% ± 4 pts)",
			Need:      10,
			Figure: func(f *Figures) string {
				return "train " + pct(f.RandomTrainAcc) + " test " + pct(f.RandomTestAcc)
			},
			Holds: func(f *Figures) bool {
				return f.RandomTrainAcc == 1 && nearChance(f.RandomTestAcc, ChanceTolerance)
			},
			OverallText: "mean test acc (want 10 ± 1.5):",
			Overall: func(fs []Figures) (string, bool) {
				var sum float64
				for _, f := range fs {
					sum += f.RandomTestAcc
				}
				m := sum / float64(len(fs))
				return pct(m), nearChance(m, AverageChanceTolerance)
			},
		},
		{
			ID:        "S2",
			Statement: "random labels take a small constant factor longer to fit: time ratio random/true in [1.5, 10]",
			Need:      9,
			Figure: func(f *Figures) string {
				return epochs(f.TrueFit) + " → " + epochs(f.RandomFit) + fmt.Sprintf(" ×%.2f", f.FitRatio)
			},
			Holds:       func(f *Figures) bool { return f.FitRatio >= 1.5 && f.FitRatio <= 10 },
			OverallText: "median ratio (want ≥ 2):",
			Overall: func(fs []Figures) (string, bool) {
				r := make([]float64, len(fs))
				for i, f := range fs {
					r[i] = float64(f.FitRatio)
				}
				m := lowerMedian(r)
				return fmt.Sprintf("%.2f", m), m >= 2
			},
		},
		{
			ID:        "S3a",
			Statement: "test error rises with label corruption p (Spearman ρ ≥ 0.9), every level fitted",
			Need:      10,
			Figure: func(f *Figures) string {
				return fmt.Sprintf("ρ %.2f, err %s", f.ErrorRho, joinPct(f.TestError))
			},
			Holds: func(f *Figures) bool {
				return f.ErrorRho >= 0.9 && !slices.ContainsFunc(f.CorruptAcc, func(a float64) bool { return a != 1 })
			},
		},
		{
			ID:        "S3b",
			Statement: "time to fit rises with label corruption p (Spearman ρ ≥ 0.8)",
			Need:      8,
			Figure: func(f *Figures) string {
				s := make([]string, len(f.CorruptFit))
				for i, v := range f.CorruptFit {
					s[i] = epochs(v)
				}
				return fmt.Sprintf("ρ %.2f, %s", f.FitRho, strings.Join(s, " "))
			},
			Holds: func(f *Figures) bool { return f.FitRho >= 0.8 },
		},
		{
			ID:        "S4a",
			Statement: "shuffled pixels cost the CNN ≥ 10 pts of test accuracy",
			Need:      9,
			Figure: func(f *Figures) string {
				return pct(f.CNNTestAcc) + " → " + pct(f.CNNShuffledTestAcc)
			},
			Holds: func(f *Figures) bool { return f.CNNTestAcc-f.CNNShuffledTestAcc >= 0.10 },
		},
		{
			ID:        "S4b",
			Statement: "the CNN on true labels tests at ≥ 90% (it never collapses)",
			Need:      10,
			Figure:    func(f *Figures) string { return pct(f.CNNTestAcc) + " " + f.CNNStop },
			Holds:     func(f *Figures) bool { return f.CNNTestAcc >= 0.9 },
		},
		{
			ID:        "S4c",
			Statement: "shuffled pixels leave the MLP's test accuracy unchanged (± 3 pts)",
			Need:      9,
			Figure: func(f *Figures) string {
				return pct(f.TrueTestAcc) + " → " + pct(f.MLPShuffledTestAcc)
			},
			Holds: func(f *Figures) bool { return math.Abs(f.MLPShuffledTestAcc-f.TrueTestAcc) <= 0.03 },
		},
		{
			ID:        "S5a",
			Statement: "random pixels and Gaussian inputs are fitted 100%",
			Need:      10,
			Figure: func(f *Figures) string {
				return pct(f.RandomPixelsTrainAcc) + " " + pct(f.GaussianTrainAcc)
			},
			Holds: func(f *Figures) bool { return f.RandomPixelsTrainAcc == 1 && f.GaussianTrainAcc == 1 },
		},
		{
			ID:        "S5b",
			Statement: "random pixels and Gaussian inputs take longer to fit than true labels, less long than random labels",
			Need:      8,
			Figure: func(f *Figures) string {
				return epochs(f.RandomPixelsFit) + " " + epochs(f.GaussianFit)
			},
			Holds: func(f *Figures) bool {
				return between(f.RandomPixelsFit, f.TrueFit, f.RandomFit) && between(f.GaussianFit, f.TrueFit, f.RandomFit)
			},
		},
		{
			// The paper's runs memorized random labels under these regularizers too, in
			// many more epochs than the simulator's budget; within the budget the honest
			// finding is that memorization goes on, slowly, rather than that it completes.
			ID: "S6",
			Statement: "with weight decay, dropout and random shifts together, random labels are still being memorized, " +
				"only far more slowly: at the epoch budget, training accuracy ≥ 15% (chance 10%) and still rising",
			Need: 9,
			Figure: func(f *Figures) string {
				return pct(f.RegularizedHalfwayAcc) + " → " + pct(f.RegularizedTrainAcc) + " at epoch " + fmt.Sprint(f.RegularizedEpochs)
			},
			Holds: func(f *Figures) bool {
				return stillMemorizing(f.RegularizedHalfwayAcc, f.RegularizedTrainAcc)
			},
		},
		{
			ID: "S7",
			Statement: "with weight decay and dropout, random labels still reach 100% training accuracy within the " +
				"epoch budget, later than without them, and test at chance (10% ± 4 pts)",
			Need: 9,
			Figure: func(f *Figures) string {
				return pct(f.DecayDropoutTrainAcc) + " train at " + epochs(f.DecayDropoutFit) +
					" (without: " + epochs(f.RandomFit) + "), test " + pct(f.DecayDropoutTestAcc)
			},
			Holds: func(f *Figures) bool {
				return f.DecayDropoutTrainAcc == 1 && f.DecayDropoutFit > f.RandomFit &&
					nearChance(f.DecayDropoutTestAcc, ChanceTolerance)
			},
		},
		{
			// Table 1's rows one at a time: the paper's finding that explicit
			// regularizers are not sufficient to stop memorization.
			ID: "S8",
			Statement: "with weight decay, dropout or batch norm alone, random labels still reach 100% training " +
				"accuracy within the epoch budget, and test at chance (10% ± 4 pts)",
			Need: 9,
			Figure: func(f *Figures) string {
				return "wd " + pct(f.DecayTrainAcc) + "/" + pct(f.DecayTestAcc) +
					", dropout " + pct(f.DropoutTrainAcc) + "/" + pct(f.DropoutTestAcc) +
					", bn " + pct(f.BatchNormTrainAcc) + "/" + pct(f.BatchNormTestAcc)
			},
			Holds: func(f *Figures) bool {
				return f.DecayTrainAcc == 1 && f.DropoutTrainAcc == 1 && f.BatchNormTrainAcc == 1 &&
					nearChance(f.DecayTestAcc, ChanceTolerance) && nearChance(f.DropoutTestAcc, ChanceTolerance) &&
					nearChance(f.BatchNormTestAcc, ChanceTolerance)
			},
		},
		{
			// Random shifts change the very images to be memorized at every epoch, so that
			// an image's label must hold for all its shifted copies: memorizing goes on,
			// as in S6, only far more slowly than the budget allows.
			ID: "S10a",
			Statement: "with random shifts alone, random labels are still being memorized, only far more slowly: " +
				"at the epoch budget, training accuracy ≥ 15% (chance 10%) and still rising",
			Need: 9,
			Figure: func(f *Figures) string {
				return pct(f.ShiftsHalfwayAcc) + " → " + pct(f.ShiftsTrainAcc)
			},
			Holds: func(f *Figures) bool {
				return stillMemorizing(f.ShiftsHalfwayAcc, f.ShiftsTrainAcc)
			},
		},
		{
			// Early stopping watches a validation split whose (random) labels no network
			// can predict, so its accuracy never rises above chance: the run stops after
			// the patience and keeps the weights of an early epoch. It is the one row of
			// Tables 1 and 2 that stops memorization, by not training long enough.
			ID: "S10b",
			Statement: "early stopping stops random labels within " + fmt.Sprint(earlyStopWithin) + " epochs, " +
				"before they are memorized (training accuracy of the weights kept under 50%)",
			Need: 9,
			Figure: func(f *Figures) string {
				return pct(f.EarlyStopTrainAcc) + ", " + f.EarlyStopStop + " at epoch " + fmt.Sprint(f.EarlyStopEpochs)
			},
			Holds: func(f *Figures) bool {
				return f.EarlyStopStop == sim.EarlyStop.String() && f.EarlyStopEpochs <= earlyStopWithin && f.EarlyStopTrainAcc < 0.5
			},
		},
		{
			ID:        "S9",
			Statement: "at p = 0.4 noisy examples are fitted after clean ones (median first-fit epoch)",
			Need:      10,
			Figure: func(f *Figures) string {
				return epochs(f.CleanMedianFit) + " < " + epochs(f.NoisyMedianFit)
			},
			Holds: func(f *Figures) bool { return f.NoisyMedianFit > f.CleanMedianFit },
		},
		{
			// Section 5: no regularizer at all, and yet the solution SGD converges to on a
			// linear model (of the kernel's features) generalizes on true labels.
			ID: "S11a",
			Statement: "the minimum-norm RBF kernel interpolant, with no regularization, fits every true training " +
				"label exactly and tests at ≥ " + pct(KernelGeneralizes) + "% on true labels (chance 10%)",
			Need: 10,
			Figure: func(f *Figures) string {
				return fmt.Sprintf("exact %v, train %s, test %s", f.KernelTrue.Interpolates, pct(f.KernelTrue.TrainAcc), pct(f.KernelTrue.TestAcc))
			},
			Holds: func(f *Figures) bool {
				k := f.KernelTrue
				return k.Interpolates && k.TrainAcc == 1 && k.TestAcc >= KernelGeneralizes
			},
		},
		{
			// Section 5: fitting random labels is possible but costly, and the norm
			// measures the cost.
			ID: "S11b",
			Statement: "the minimum-norm RBF kernel interpolant fits every random label exactly too, tests at chance " +
				"(10% ± 4 pts) on them, and its norm is larger than on true labels",
			Need: 10,
			Figure: func(f *Figures) string {
				return fmt.Sprintf("exact %v, train %s, test %s, norm %.4g (true labels: %.4g)", f.KernelRandom.Interpolates,
					pct(f.KernelRandom.TrainAcc), pct(f.KernelRandom.TestAcc), f.KernelRandom.Norm, f.KernelTrue.Norm)
			},
			Holds: func(f *Figures) bool {
				k := f.KernelRandom
				return k.Interpolates && k.TrainAcc == 1 && nearChance(k.TestAcc, ChanceTolerance) && k.Norm > f.KernelTrue.Norm
			},
		},
		{
			// Theorem 1 (Section 4): a two-layer ReLU network with n hidden units fits any
			// labels on n points, by construction, with no training.
			ID: "S12",
			Statement: "Theorem 1's construction, a two-layer ReLU network of 2n + d weights per output (n·K + n + d " +
				"in all), fits all n training labels exactly, true and random, and tests at chance (10% ± 4 pts) on both",
			Need: 10,
			Figure: func(f *Figures) string {
				return fmt.Sprintf("%d weights (%d per output) on n = %d: true %s/%s, random %s/%s", f.ConstructWeights,
					f.ConstructWeightsOne, f.ConstructN, pct(f.ConstructTrueTrainAcc), pct(f.ConstructTrueTestAcc),
					pct(f.ConstructRandomTrainAcc), pct(f.ConstructRandomTestAcc))
			},
			Holds: func(f *Figures) bool {
				n, d := f.ConstructN, f.ConstructD
				return f.ConstructWeightsOne == 2*n+d && f.ConstructWeights == n*f.ConstructClasses+n+d &&
					f.ConstructTrueTrainAcc == 1 && f.ConstructRandomTrainAcc == 1 &&
					nearChance(f.ConstructTrueTestAcc, ChanceTolerance) && nearChance(f.ConstructRandomTestAcc, ChanceTolerance)
			},
		},
	}
}

// KernelGeneralizes is the test accuracy on true labels that S11a asks of the minimum-norm
// interpolant: far above chance (10%), which is what "generalizes" means in a lesson.
const KernelGeneralizes = 0.8

// stillMemorizing says that random labels are being memorized, if slowly, by a run whose
// training accuracy was halfway halfway through its epochs and final at their end (S6,
// S10a): either all memorized, or well above chance (10% at K = 10) and still rising.
func stillMemorizing(halfway, final float64) bool {
	return final == 1 || final >= 0.15 && final > halfway
}

// lowerMedian returns the lower middle value of v (for an even count, the smaller of the
// two middle values, so that "median ≥ x" is not met by half the seeds).
func lowerMedian(v []float64) float64 {
	v = slices.Clone(v)
	slices.Sort(v)
	return v[(len(v)-1)/2]
}

func joinPct(v []float64) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = pct(x)
	}
	return strings.Join(s, " ")
}
