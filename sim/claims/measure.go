package claims

import (
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"genlab/sim"
	"genlab/sim/data"
	"genlab/sim/figure"
	"genlab/sim/theory"
)

// Corruption levels of the sweep (paper Fig. 1b, 1c). p = 0 is the true-label run and
// p = 1 the random-label run: corrupting every label draws the same labels, from the same
// stream, as random labels do.
var Levels = []float64{0, 0.2, 0.4, 0.6, 0.8, 1}

// Regularize switches on weight decay, dropout and random shifts together, at the
// strengths of Table 1: its row of every explicit regularizer (S6).
func Regularize(c *sim.Config) { regularizer(figure.AllExplicit).Apply(c) }

// regularizer returns the row of Table 1 whose key is key.
func regularizer(key string) figure.Regularizer {
	for _, r := range figure.Regularizers() {
		if r.Key == key {
			return r
		}
	}
	panic("claims: Table 1 has no row " + key)
}

// The runs of one seed, in the order they are trained.
const (
	runTrue = iota // p = 0
	runCorrupt2
	runCorrupt4
	runCorrupt6
	runCorrupt8
	runRandom // p = 1
	runMLPShuffled
	runCNN
	runCNNShuffled
	runRandomPixels
	runGaussian
	runRegularized
	runDecayDropout // random labels with weight decay and dropout, without shifts (S7)
	runDecay        // random labels with each regularizer of Table 1 alone (S8, S10)
	runDropout
	runShifts
	runBatchNorm
	runEarlyStop
	runsPerSeed
)

// Runs returns the runs the claims measure on one seed: base (with its seed) varied as
// each claim needs. The page's lessons show some of them, and its tests check that every
// lesson's runs are among these, so that what a lesson says is what a claim asserts.
func Runs(base sim.Config) []sim.Config {
	cs := make([]sim.Config, runsPerSeed)
	for i := range cs {
		cs[i] = base
	}
	for i, p := range Levels[1 : len(Levels)-1] {
		cs[runCorrupt2+i].Labels, cs[runCorrupt2+i].Corrupt = data.CorruptLabels, p
	}
	cs[runRandom].Labels = data.RandomLabels
	cs[runMLPShuffled].Inputs = data.ShuffledPixels
	cs[runCNN].Model = sim.CNN
	cs[runCNNShuffled].Model, cs[runCNNShuffled].Inputs = sim.CNN, data.ShuffledPixels
	cs[runRandomPixels].Inputs = data.RandomPixels
	cs[runGaussian].Inputs = data.Gaussian
	cs[runRegularized].Labels = data.RandomLabels
	Regularize(&cs[runRegularized])
	cs[runDecayDropout].Labels = data.RandomLabels
	cs[runDecayDropout].WeightDecay, cs[runDecayDropout].Dropout = figure.WeightDecay, figure.Dropout
	// Table 1's rows, each on random labels, as figure.Regularizers switches them on.
	for run, key := range map[int]string{runDecay: "wd", runDropout: "dropout", runShifts: "aug", runBatchNorm: "bn", runEarlyStop: "early-stop"} {
		cs[run].Labels = data.RandomLabels
		regularizer(key).Apply(&cs[run])
	}
	return cs
}

// The computations of one seed, which need no training (paper Sections 4 and 5): Theorem
// 1's construction on true and on random labels, and the minimum-norm interpolant of the
// RBF kernel on the same two label sets, each the trial of its page figure (theorem1,
// kernel) with that key, so that a lesson showing the figure reads the very numbers the
// claims judge. The linear kernel and the figure's other levels and sizes are left to
// sim/theory's own tests: no claim needs them, and each RBF solve at the defaults costs
// about a second.
const (
	computeTheoremTrue = iota
	computeTheoremRandom
	computeKernelTrue
	computeKernelRandom
	computedPerSeed
)

// computedKeys are the figures' trials of the computations, by kind and key.
var computedKeys = [computedPerSeed]struct {
	kind figure.Kind
	key  string
}{
	computeTheoremTrue:   {figure.Theorem1, "labels=true"},
	computeTheoremRandom: {figure.Theorem1, "labels=random"},
	computeKernelTrue:    {figure.Kernel, "rbf/p=0"},
	computeKernelRandom:  {figure.Kernel, "rbf/p=1"},
}

// KernelLevels are the corruption levels of the kernel figure the claims compute:
// 2, that is p = 0 and p = 1 (true and random labels) only.
const KernelLevels = 2

// Computations returns the computed trials the claims measure on one seed (base with its
// seed): trials of the theorem1 figure and of the kernel figure at KernelLevels, with
// their keys and configs. The page's lessons that show these figures read only their
// cells, and its tests check that.
func Computations(base sim.Config) ([]figure.Trial, error) {
	ts := make([]figure.Trial, computedPerSeed)
	for i, want := range computedKeys {
		f, err := figure.New(want.kind, base, figure.Options{Levels: KernelLevels})
		if err != nil {
			return nil, err
		}
		found := false
		for _, t := range f.Trials {
			if t.Key == want.key {
				ts[i], found = t, true
			}
		}
		if !found {
			return nil, fmt.Errorf("claims: the %v figure has no trial %s", want.kind, want.key)
		}
	}
	return ts, nil
}

// Number is a measured figure that may be infinite (a time to fit that never came) or NaN
// (a correlation of constant values); JSON has neither, so it is written as null then.
type Number float64

// MarshalJSON implements json.Marshaler.
func (n Number) MarshalJSON() ([]byte, error) {
	if math.IsInf(float64(n), 0) || math.IsNaN(float64(n)) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(n))
}

// Figures are the numbers one seed's runs measured, from which every claim is judged.
// Times to fit are in epochs, to an eighth of an epoch (see sim.Summary.FitEpochs), and
// +Inf for a run that never fitted its training set.
type Figures struct {
	Seed uint64 `json:"seed"`

	// S1 (and p = 1 of S3): random labels.
	RandomTrainAcc float64 `json:"random_train_acc"`
	RandomTestAcc  float64 `json:"random_test_acc"`

	// S2: the time to fit of true and random labels, and their ratio.
	TrueFit   Number `json:"true_fit"`
	RandomFit Number `json:"random_fit"`
	FitRatio  Number `json:"fit_ratio"`

	// S3: for each of Levels, test error, time to fit, and final training accuracy; and
	// the rank correlations of test error and time to fit with p.
	TestError   []float64 `json:"test_error"`
	CorruptFit  []Number  `json:"corrupt_fit"`
	CorruptAcc  []float64 `json:"corrupt_train_acc"`
	ErrorRho    Number    `json:"error_rho"`
	FitRho      Number    `json:"fit_rho"`
	TrueTestAcc float64   `json:"true_test_acc"`

	// S4: test accuracy of the MLP and the CNN on shuffled pixels (and on the originals:
	// TrueTestAcc for the MLP, CNNTestAcc for the CNN).
	MLPShuffledTestAcc float64 `json:"mlp_shuffled_test_acc"`
	CNNTestAcc         float64 `json:"cnn_test_acc"`
	CNNShuffledTestAcc float64 `json:"cnn_shuffled_test_acc"`
	CNNStop            string  `json:"cnn_stop"`

	// S5: random pixels and Gaussian inputs (with their true, now meaningless, labels).
	RandomPixelsTrainAcc float64 `json:"random_pixels_train_acc"`
	RandomPixelsFit      Number  `json:"random_pixels_fit"`
	GaussianTrainAcc     float64 `json:"gaussian_train_acc"`
	GaussianFit          Number  `json:"gaussian_fit"`

	// S6: random labels with weight decay, dropout and random shifts together.
	// RegularizedHalfwayAcc is the training accuracy halfway through its epochs.
	RegularizedTrainAcc   float64 `json:"regularized_train_acc"`
	RegularizedHalfwayAcc float64 `json:"regularized_halfway_acc"`
	RegularizedEpochs     int     `json:"regularized_epochs"`
	RegularizedFit        Number  `json:"regularized_fit"`

	// S7: random labels with weight decay and dropout (no shifts).
	DecayDropoutTrainAcc float64 `json:"decay_dropout_train_acc"`
	DecayDropoutTestAcc  float64 `json:"decay_dropout_test_acc"`
	DecayDropoutFit      Number  `json:"decay_dropout_fit"`

	// S8: random labels with weight decay, dropout or batch norm alone (Table 1's rows).
	DecayTrainAcc     float64 `json:"decay_train_acc"`
	DecayTestAcc      float64 `json:"decay_test_acc"`
	DropoutTrainAcc   float64 `json:"dropout_train_acc"`
	DropoutTestAcc    float64 `json:"dropout_test_acc"`
	BatchNormTrainAcc float64 `json:"batch_norm_train_acc"`
	BatchNormTestAcc  float64 `json:"batch_norm_test_acc"`

	// S10: random labels with random shifts alone (training accuracy at the end and
	// halfway), and with early stopping (training accuracy of the weights kept, and the
	// epoch it stopped at).
	ShiftsTrainAcc    float64 `json:"shifts_train_acc"`
	ShiftsHalfwayAcc  float64 `json:"shifts_halfway_acc"`
	EarlyStopTrainAcc float64 `json:"early_stop_train_acc"`
	EarlyStopEpochs   int     `json:"early_stop_epochs"`
	EarlyStopStop     string  `json:"early_stop_stop"`

	// S9: at p = 0.4, the median epoch at which clean and noisy examples were first fitted
	// (+Inf for examples never fitted).
	CleanMedianFit Number `json:"clean_median_fit"`
	NoisyMedianFit Number `json:"noisy_median_fit"`

	// S11: the minimum-norm interpolant of the RBF kernel, with no regularization, on
	// true and on random labels: whether it solved K α = Y exactly, its training and test
	// accuracy, and its norm.
	KernelTrue   Interpolant `json:"kernel_true"`
	KernelRandom Interpolant `json:"kernel_random"`

	// S12: Theorem 1's construction on true and on random labels, and its weights: n·K + n
	// + d in all, 2n + d for one output, on n training points of d pixels.
	ConstructTrueTrainAcc   float64 `json:"construct_true_train_acc"`
	ConstructTrueTestAcc    float64 `json:"construct_true_test_acc"`
	ConstructRandomTrainAcc float64 `json:"construct_random_train_acc"`
	ConstructRandomTestAcc  float64 `json:"construct_random_test_acc"`
	ConstructWeights        int     `json:"construct_weights"`
	ConstructWeightsOne     int     `json:"construct_weights_one"`
	ConstructN              int     `json:"construct_n"`
	ConstructD              int     `json:"construct_d"`
	ConstructClasses        int     `json:"construct_classes"`
}

// Interpolant is what a kernel's minimum-norm interpolant measured (S11).
type Interpolant struct {
	Interpolates bool    `json:"interpolates"`
	TrainAcc     float64 `json:"train_acc"`
	TestAcc      float64 `json:"test_acc"`
	Norm         float64 `json:"norm"`
}

// Measure trains every run of the claims on each seed (base with its Seed replaced) and
// returns one Figures per seed, in order. It trains up to workers runs at once (at least
// one; 0 means GOMAXPROCS), longest first; runs share nothing, so the figures do not
// depend on workers. progress, if not nil, is called after every finished run, from one
// goroutine at a time.
func Measure(base sim.Config, seeds []uint64, workers int, progress func(done, total int)) ([]Figures, error) {
	runs := make([]*sim.Run, 0, len(seeds)*runsPerSeed)
	trials := make([]figure.Trial, 0, len(seeds)*computedPerSeed)
	for _, seed := range seeds {
		base.Seed = seed
		for _, c := range Runs(base) {
			r, err := sim.NewRun(c)
			if err != nil {
				return nil, err
			}
			runs = append(runs, r)
		}
		ts, err := Computations(base)
		if err != nil {
			return nil, err
		}
		trials = append(trials, ts...)
	}
	computed := make([]figure.Result, len(trials))
	errs := make([]error, len(trials))
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// The slow runs (regularized, CNN) go first, so that no worker is left with one at the
	// end; the computations (indices from len(runs) on), a second or less each, go last.
	order := make([]int, len(runs)+len(trials))
	for i := range order {
		order[i] = i
	}
	slowness := func(i int) int {
		if i >= len(runs) {
			return -1
		}
		switch i % runsPerSeed {
		case runRegularized, runShifts:
			return 2
		case runCNN, runCNNShuffled, runDecayDropout, runDecay, runDropout, runBatchNorm:
			return 1
		}
		return 0
	}
	slices.SortStableFunc(order, func(a, b int) int { return slowness(b) - slowness(a) })

	var mu sync.Mutex
	next, done := 0, 0
	var wg sync.WaitGroup
	for range min(workers, len(runs)) {
		wg.Go(func() {
			for {
				mu.Lock()
				if next == len(order) {
					mu.Unlock()
					return
				}
				i := order[next]
				next++
				mu.Unlock()
				if i < len(runs) {
					runs[i].RunToEnd()
				} else {
					i -= len(runs)
					computed[i], errs[i] = theory.Compute(trials[i])
				}
				mu.Lock()
				done++
				if progress != nil {
					progress(done, len(order))
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("claims: seed %d, %s: %w", trials[i].Config.Seed, trials[i].Key, err)
		}
	}

	figs := make([]Figures, len(seeds))
	for i, seed := range seeds {
		figs[i] = figures(seed, runs[i*runsPerSeed:(i+1)*runsPerSeed])
		readComputed(&figs[i], trials[i*computedPerSeed:(i+1)*computedPerSeed], computed[i*computedPerSeed:(i+1)*computedPerSeed])
	}
	return figs, nil
}

// readComputed reads one seed's computations (see Computations) into f.
func readComputed(f *Figures, trials []figure.Trial, res []figure.Result) {
	interpolant := func(r figure.Result) Interpolant {
		v := r.Values
		return Interpolant{Interpolates: v[figure.Interpolates] == 1, TrainAcc: v[figure.TrainAcc],
			TestAcc: v[figure.TestAcc], Norm: v[figure.Norm]}
	}
	f.KernelTrue, f.KernelRandom = interpolant(res[computeKernelTrue]), interpolant(res[computeKernelRandom])
	tr, rn := res[computeTheoremTrue].Values, res[computeTheoremRandom].Values
	f.ConstructTrueTrainAcc, f.ConstructTrueTestAcc = tr[figure.TrainAcc], tr[figure.TestAcc]
	f.ConstructRandomTrainAcc, f.ConstructRandomTestAcc = rn[figure.TrainAcc], rn[figure.TestAcc]
	f.ConstructWeights, f.ConstructWeightsOne = int(rn[figure.Weights]), int(rn[figure.WeightsOne])
	c := trials[computeTheoremRandom].Config
	f.ConstructN, f.ConstructD, f.ConstructClasses = c.Train, c.Side*c.Side, c.Classes
}

// figures reads one seed's finished runs.
func figures(seed uint64, runs []*sim.Run) Figures {
	s := make([]sim.Summary, len(runs))
	for i, r := range runs {
		s[i] = r.Summary()
	}
	f := Figures{Seed: seed}
	f.RandomTrainAcc, f.RandomTestAcc = s[runRandom].TrainAcc, s[runRandom].TestAcc
	f.TrueFit, f.RandomFit = fitTime(s[runTrue]), fitTime(s[runRandom])
	f.FitRatio = f.RandomFit / f.TrueFit
	for i := range Levels {
		f.TestError = append(f.TestError, 1-s[runTrue+i].TestAcc)
		f.CorruptFit = append(f.CorruptFit, fitTime(s[runTrue+i]))
		f.CorruptAcc = append(f.CorruptAcc, s[runTrue+i].TrainAcc)
	}
	fits := make([]float64, len(f.CorruptFit))
	for i, v := range f.CorruptFit {
		fits[i] = float64(v)
	}
	f.ErrorRho, f.FitRho = Number(Spearman(Levels, f.TestError)), Number(Spearman(Levels, fits))
	f.TrueTestAcc = s[runTrue].TestAcc
	f.MLPShuffledTestAcc = s[runMLPShuffled].TestAcc
	f.CNNTestAcc, f.CNNShuffledTestAcc = s[runCNN].TestAcc, s[runCNNShuffled].TestAcc
	f.CNNStop = s[runCNN].Stop.String()
	f.RandomPixelsTrainAcc, f.RandomPixelsFit = s[runRandomPixels].TrainAcc, fitTime(s[runRandomPixels])
	f.GaussianTrainAcc, f.GaussianFit = s[runGaussian].TrainAcc, fitTime(s[runGaussian])
	f.RegularizedTrainAcc, f.RegularizedEpochs = s[runRegularized].TrainAcc, s[runRegularized].Epochs
	f.RegularizedFit = fitTime(s[runRegularized])
	if h := runs[runRegularized].History(); len(h) > 0 {
		f.RegularizedHalfwayAcc = h[(len(h)-1)/2].TrainAcc
	}
	d := s[runDecayDropout]
	f.DecayDropoutTrainAcc, f.DecayDropoutTestAcc, f.DecayDropoutFit = d.TrainAcc, d.TestAcc, fitTime(d)
	f.DecayTrainAcc, f.DecayTestAcc = s[runDecay].TrainAcc, s[runDecay].TestAcc
	f.DropoutTrainAcc, f.DropoutTestAcc = s[runDropout].TrainAcc, s[runDropout].TestAcc
	f.BatchNormTrainAcc, f.BatchNormTestAcc = s[runBatchNorm].TrainAcc, s[runBatchNorm].TestAcc
	f.ShiftsTrainAcc = s[runShifts].TrainAcc
	if h := runs[runShifts].History(); len(h) > 0 {
		f.ShiftsHalfwayAcc = h[(len(h)-1)/2].TrainAcc
	}
	e := s[runEarlyStop]
	f.EarlyStopTrainAcc, f.EarlyStopEpochs, f.EarlyStopStop = e.TrainAcc, e.Epochs, e.Stop.String()
	f.CleanMedianFit, f.NoisyMedianFit = medianFits(runs[runCorrupt4])
	return f
}

func fitTime(s sim.Summary) Number {
	if s.FitEpochs == nil {
		return Number(math.Inf(1))
	}
	return Number(*s.FitEpochs)
}

// medianFits returns the median epoch at which the clean and the noisy training examples
// of r were first fitted; an example never fitted counts as later than any epoch.
func medianFits(r *sim.Run) (clean, noisy Number) {
	res := figure.ResultOf(r)
	c, n := figure.MedianFits(res.FirstFit, res.Noisy)
	return Number(c), Number(n)
}
