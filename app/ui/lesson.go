package ui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/figure"
)

// A Lesson is one finding of the paper taught as predict-then-run: a question, the
// student's prediction (made before the run and kept in the link), the runs, then what
// they measured next to the prediction and an explanation.
//
// # Why the outcome is read, not asserted
//
// A lesson never tells the student what happened: Outcome reads it from the live numbers
// of the lesson's own runs once they have all stopped, and says which of the choices the
// measurement is. So "Measured" and "That is" are true on whatever seed a student shares.
// What a lesson asserts in its own words (Right, the choice the paper's finding predicts,
// and Explain) is only what the claims it names (package sim/claims) assert at the
// defaults, where they are tested on ten seeds; the tests of this package check that
// every lesson's runs are runs those claims measure, that the claims exist, that the
// measurement at the ends of the claims' measured ranges reads as Right, and (without
// -short) that the lesson's runs, trained at the defaults, read as Right.
//
// # Why choices
//
// A choice is a prediction a student can make in one keystroke and a course page can
// count; each choice is a range of the measurement (Outcome maps every measurement to
// exactly one), so a prediction is never "nearly right".
//
// # Numbers
//
// Where the natural question is "how much?", a lesson asks for a number instead (Number:
// lesson 2, how many times longer random labels take). The number is kept in the link's
// guess= like a choice, and shown next to the measured number at the outcome ("You
// predicted ×3; measured ×2.6"). It is judged as the choice whose range it falls in, by
// the very ranges the measurement is read into (NumberQuestion.Choice), and never by its
// distance to the measured number: ×3 and ×9 both predict "a small factor longer", which
// is all the claims assert (S2: a ratio between 1.5 and 10 on 9 of 10 seeds); how close
// a number came on one seed is the student's to see, not a verdict the lesson could back.
type Lesson struct {
	N        int    // the finding's number in issue #11, and the link's lesson=N
	Title    string // short, for the lesson's heading and next/previous
	Question string // asked before the run
	Choices  []Choice
	// Number, when set, asks for the prediction as a number rather than one of Choices
	// (which still name the ranges the measurement is read into).
	Number *NumberQuestion
	Right  string // the ID of the choice the claims assert at the defaults
	Base   string // settings that differ from sim.Default, as a link query
	Runs   sim.Variants
	// Figure, when its Kind is set, is the paper's figure the lesson makes instead of
	// the runs side by side (which stay in the experiment, as for any figure).
	Figure message.FigureSetup
	Watch  string // step 2: what to watch while the runs train
	// Outcome reads the lesson's runs (stats), or its figure's cells once every run of
	// it is done: the measured numbers in a sentence, and the ID of the choice they are.
	Outcome func(stats []message.RunStats, fig *message.FigureProgress) outcome
	Explain string   // step 3: why, in the essay's terms; asserts only what Claims do
	Claims  []string // the IDs of the claims behind Right and Explain

	exp experiment
}

// Choice is one answer a student may predict.
type Choice struct {
	ID   string // stable, for the link's guess= and the parent API
	Text string
}

// NumberQuestion is a prediction asked as a number (see Lesson, "Numbers").
type NumberQuestion struct {
	Label    string  // the input's label, the question in a few words
	Min, Max float64 // the numbers a prediction may be, both included
	Unit     string  // written before the number: "×"
	// Choice returns the ID of the choice whose range v falls in: the same ranges as
	// the lesson's Outcome reads the measured number into.
	Choice func(v float64) string
}

// parse reads a number prediction as written in a link or typed in, and returns it in
// the link's words ("2.5"), or false for text that is not a number from Min to Max.
func (q *NumberQuestion) parse(text string) (string, float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil || !sim.Finite(v) || v < q.Min || v > q.Max {
		return "", 0, false
	}
	return strconv.FormatFloat(v, 'g', -1, 64), v, true
}

// rangeText says which numbers a prediction may be, for the input's hint and problems.
func (q *NumberQuestion) rangeText() string {
	return "a number from " + strconv.FormatFloat(q.Min, 'g', -1, 64) + " to " + strconv.FormatFloat(q.Max, 'g', -1, 64)
}

// outcome is what a lesson's runs measured.
type outcome struct {
	Known    bool
	Measured string // "Random labels: all 1,500 training images fitted by epoch 22.1; …"
	Answer   string // the ID of the choice the measurement is
	// Number is the measured number of a lesson that asks for one (Lesson.Number), when
	// HasNumber: there may be none (no ratio when the true labels were never fitted).
	Number    float64
	HasNumber bool
}

// prediction is a guess= read for the lesson: the choice it is (a number's by its
// range), and the number when it is one.
type prediction struct {
	Choice    Choice
	Text      string // what the student predicted, in words: the choice's text or "×3"
	Number    float64
	HasNumber bool
}

// predicted reads guess (a choice's ID, or for a number lesson a number in range); ok is
// false for "" and for anything else.
func (l Lesson) predicted(guess string) (prediction, bool) {
	if c, ok := l.choice(guess); ok {
		return prediction{Choice: c, Text: c.Text}, true
	}
	if l.Number == nil {
		return prediction{}, false
	}
	canonical, v, ok := l.Number.parse(guess)
	if !ok || canonical != guess {
		return prediction{}, false
	}
	c, _ := l.choice(l.Number.Choice(v))
	return prediction{Choice: c, Text: l.Number.Unit + canonical, Number: v, HasNumber: true}, true
}

// lessonSteps are the steps of a lesson, in the link's step=.
const (
	stepQuestion = 1 // the question and the prediction
	stepRun      = 2 // the runs (or figure), the prediction shown above them
	stepOutcome  = 3 // the outcome next to the prediction, and the explanation
)

// Lessons returns the lessons there are, in the order of their N (next and previous
// follow it). Issue #11 lists nine findings; those without a lesson yet are absent, and a
// link to one is a bad link (one alert, the page without a lesson).
func Lessons() []Lesson { return slices.Clone(lessonTable()) }

// lessonTable builds the lessons once, like presets: the page asks for the lesson on
// screen at every render.
var lessonTable = sync.OnceValue(func() []Lesson {
	ls := lessonList()
	for i := range ls {
		l := &ls[i]
		cfg, err := sim.ParseQuery(l.Base)
		if err != nil {
			panic(fmt.Sprintf("lesson %d: %v", l.N, err))
		}
		if len(l.Runs) > message.MaxRuns {
			panic(fmt.Sprintf("lesson %d: %d runs, want at most %d", l.N, len(l.Runs), message.MaxRuns))
		}
		l.exp = experiment{Config: cfg, Runs: l.Runs, Figure: l.Figure}
	}
	return ls
})

// lessonByN returns lesson n, and whether there is one.
func lessonByN(n int) (Lesson, bool) {
	for _, l := range lessonTable() {
		if l.N == n {
			return l, true
		}
	}
	return Lesson{}, false
}

// lessonNumbers lists the lessons' N, for problems.
func lessonNumbers() []string {
	var ns []string
	for _, l := range lessonTable() {
		ns = append(ns, strconv.Itoa(l.N))
	}
	return ns
}

// neighbours returns the lessons before and after n (N 0 when there is none).
func neighbours(n int) (prev, next Lesson) {
	ls := lessonTable()
	for i, l := range ls {
		if l.N == n {
			if i > 0 {
				prev = ls[i-1]
			}
			if i+1 < len(ls) {
				next = ls[i+1]
			}
		}
	}
	return prev, next
}

// choice returns the choice called id.
func (l Lesson) choice(id string) (Choice, bool) {
	for _, c := range l.Choices {
		if c.ID == id {
			return c, true
		}
	}
	return Choice{}, false
}

// choiceIDs lists the IDs of the choices, for problems.
func (l Lesson) choiceIDs() []string {
	ids := make([]string, len(l.Choices))
	for i, c := range l.Choices {
		ids[i] = c.ID
	}
	return ids
}

// experiment returns the lesson's settings and runs.
func (l Lesson) experiment() experiment { return l.exp }

// read returns what the lesson's runs measured, once they have all stopped: stats for runs
// side by side, fig for a figure (nil before its first report).
func (l Lesson) read(stats []message.RunStats, fig *message.FigureProgress) outcome {
	if l.exp.Figure.Kind != "" {
		if fig == nil || fig.Total == 0 || fig.Done != fig.Total {
			return outcome{}
		}
		return l.Outcome(nil, fig)
	}
	if len(stats) != len(l.Runs) || !allStopped(stats) {
		return outcome{}
	}
	return l.Outcome(stats, nil)
}

// cell returns the value of a figure's cell (+Inf for a time that never came), and
// whether the figure has it.
func cell(fig *message.FigureProgress, key, metric string) (float64, bool) {
	for _, c := range fig.Cells {
		if c.Key == key && c.Metric == metric {
			if c.Value == nil {
				return math.Inf(1), true
			}
			return *c.Value, true
		}
	}
	return 0, false
}

// epochText writes a median epoch of first fit: "epoch 7.5", or "never".
func epochText(v float64) string {
	if math.IsInf(v, 1) {
		return "never"
	}
	return "in epoch " + strconv.FormatFloat(v, 'g', 4, 64)
}

// Helpers of the outcomes: numbers as the readouts write them.

func fitText(r message.RunStats) string {
	if r.EpochsToFit == 0 {
		return "did not fit all " + formatCount(r.Examples) + " training images (" + formatPercent(r.TrainAcc) + " fitted by epoch " + strconv.Itoa(r.Epoch) + ")"
	}
	return "fitted all " + formatCount(r.Examples) + " training images in " + strconv.FormatFloat(r.FitEpochs, 'f', 1, 64) + " epochs"
}

func testText(r message.RunStats) string { return "test accuracy " + formatPercent(r.TestAcc) }

// lessonList is the table of lessons, as written. Run indices in the Outcome functions
// are those of Runs.
func lessonList() []Lesson {
	return []Lesson{
		{
			N: 1, Title: "Random labels are memorized",
			Question: "Every training image gets a label drawn at random: there is nothing left to learn. " +
				"Will the network still fit all the training labels?",
			Choices: []Choice{
				{"all", "Yes: it fits every training image"},
				{"some", "Partly: it fits some of them, not all"},
				{"none", "No: it stays near chance (10%)"},
			},
			Right: "all",
			Runs:  sim.DefaultVariants(),
			Watch: "Press Play. On the left the true labels, on the right the random ones; each square of " +
				"the memory wall lights up when its training image is fitted.",
			Outcome: func(s []message.RunStats, _ *message.FigureProgress) outcome {
				r := s[1]
				o := outcome{Known: true, Measured: "Random labels " + fitText(r) + "; " + testText(r) + " (chance: 10%)."}
				switch {
				case r.EpochsToFit > 0:
					o.Answer = "all"
				case r.TrainAcc >= 0.2:
					o.Answer = "some"
				default:
					o.Answer = "none"
				}
				return o
			},
			Explain: "A network of this size has the capacity to memorize a label for every image, even " +
				"labels with no structure at all, and then tests at chance: fitting the training data says " +
				"nothing about generalization. Nothing in the network or its training (there is no " +
				"explicit regularizer here) kept it from memorizing.",
			Claims: []string{"S1"},
		},
		{
			N: 2, Title: "Only a constant factor longer",
			Question: "The same network, true labels against random labels. How much longer does it take " +
				"to fit every random label than every true one?",
			Choices: []Choice{
				{"same", "About as long (less than 1.5 times)"},
				{"factor", "A small factor longer (1.5 to 10 times)"},
				{"much", "Far longer (over 10 times), or never"},
			},
			Number: &NumberQuestion{Label: "Random labels take this many times as long:", Min: 0.1, Max: 100, Unit: "×",
				Choice: ratioChoice},
			Right: "factor",
			Runs:  sim.DefaultVariants(),
			Watch: "Press Play and watch the two times to fit in the numbers: true labels on the left, " +
				"random labels on the right.",
			Outcome: func(s []message.RunStats, _ *message.FigureProgress) outcome {
				t, r := s[0], s[1]
				if t.EpochsToFit == 0 || t.FitEpochs <= 0 {
					return outcome{Known: true, Measured: "True labels " + fitText(t) + ": there is no ratio to compare.", Answer: "much"}
				}
				if r.EpochsToFit == 0 {
					return outcome{Known: true, Measured: "True labels " + fitText(t) + "; random labels " + fitText(r) + ".", Answer: "much"}
				}
				ratio := r.FitEpochs / t.FitEpochs
				return outcome{Known: true, Measured: fmt.Sprintf("True labels took %.1f epochs, random labels %.1f (×%.1f).",
					t.FitEpochs, r.FitEpochs, ratio), Answer: ratioChoice(ratio), Number: ratio, HasNumber: true}
			},
			Explain: "Optimization on random labels stays easy: it takes only a small constant factor " +
				"longer than on true labels, not an impossible search. The network does not need " +
				"structure in the data to reach zero training error; it uses the structure when there " +
				"is some, and fits the rest by brute force.",
			Claims: []string{"S2"},
		},
		{
			N: 3, Title: "Corrupted labels and test error",
			Question: "Three runs: 20%, 40% and 80% of the labels replaced by random ones. How does the run " +
				"with 80% wrong labels test, against the one with 20%?",
			Choices: []Choice{
				{"lower", "Lower: more noise, worse test accuracy"},
				{"same", "About the same (within 2 points)"},
				{"higher", "Higher"},
			},
			Right: "lower",
			Runs:  sim.MustParseVariants("labels=corrupt,p=0.2;labels=corrupt,p=0.4;labels=corrupt,p=0.8"),
			Watch: "Press Play. Each run fits its noisy labels; watch the test accuracies as the corruption grows " +
				"from left to right.",
			Outcome: func(s []message.RunStats, _ *message.FigureProgress) outcome {
				lo, hi := s[0], s[2]
				o := outcome{Known: true, Measured: fmt.Sprintf("With 20%% wrong labels: %s, %s. With 80%%: %s, %s.",
					fitText(lo), testText(lo), fitText(hi), testText(hi))}
				switch d := hi.TestAcc - lo.TestAcc; {
				case d < -0.02:
					o.Answer = "lower"
				case d > 0.02:
					o.Answer = "higher"
				default:
					o.Answer = "same"
				}
				return o
			},
			Explain: "Every run still fits all its labels, right and wrong: training error is zero whatever " +
				"the noise, and the test error is what changes, rising with the corruption (Fig. 1c of the paper). " +
				"Training error alone cannot tell these runs apart; only held-out data (the plainest notion " +
				"of generalization: the error on images not trained on) can.",
			Claims: []string{"S3a"},
		},
		{
			N: 4, Title: "Shuffled pixels: regularization by construction",
			Question: "A CNN, built to look for local patterns. Shuffle every image's pixels with one fixed " +
				"permutation: every pixel is kept, but neighbours are no longer neighbours. What happens to " +
				"the CNN's test accuracy?",
			Choices: []Choice{
				{"drops", "It drops by 10 points or more"},
				{"small", "It drops by less than 10 points"},
				{"rises", "It rises"},
			},
			Right: "drops",
			Base:  "model=cnn",
			Runs:  sim.MustParseVariants("inputs=original;inputs=shuffled"),
			Watch: "Press Play and compare the two CNNs' test accuracies: original images on the left, " +
				"shuffled pixels on the right.",
			Outcome: func(s []message.RunStats, _ *message.FigureProgress) outcome {
				a, b := s[0], s[1]
				d := a.TestAcc - b.TestAcc
				o := outcome{Known: true, Measured: fmt.Sprintf("Original images: %s. Shuffled pixels: %s (%s points).",
					testText(a), testText(b), signedPoints(-d))}
				switch {
				case d >= 0.10:
					o.Answer = "drops"
				case d >= 0:
					o.Answer = "small"
				default:
					o.Answer = "rises"
				}
				return o
			},
			Explain: "The convolution is regularization by construction: weights shared across neighbouring " +
				"pixels are an assumption about images, present in training and at test time alike, and " +
				"it pays off only while neighbourhoods mean something. An MLP, which makes no such assumption, " +
				"keeps its test accuracy within a few points when the pixels are shuffled.",
			Claims: []string{"S4a", "S4c"},
		},
		{
			N: 5, Title: "Random pixels and Gaussian inputs",
			Question: "Replace the images by noise: each image's pixels in a random order of its own, or " +
				"Gaussian noise of the same mean and variance. Can the network still fit every training label?",
			Choices: []Choice{
				{"both", "Yes, on both kinds of noise"},
				{"one", "On one of them only"},
				{"neither", "No: noise cannot be fitted"},
			},
			Right: "both",
			Runs:  sim.MustParseVariants("inputs=original;inputs=random;inputs=gaussian"),
			Watch: "Press Play: the real images on the left, random pixels in the middle, Gaussian inputs on the right.",
			Outcome: func(s []message.RunStats, _ *message.FigureProgress) outcome {
				rp, g := s[1], s[2]
				o := outcome{Known: true, Measured: "Random pixels " + fitText(rp) + "; Gaussian inputs " + fitText(g) + "."}
				switch n := btoi(rp.EpochsToFit > 0) + btoi(g.EpochsToFit > 0); n {
				case 2:
					o.Answer = "both"
				case 1:
					o.Answer = "one"
				default:
					o.Answer = "neither"
				}
				return o
			},
			Explain: "With nothing left to learn, the network memorizes images it has no reason to tell apart " +
				"but their noise: its capacity is enough to fit any labels to any inputs. A measure of " +
				"capacity alone cannot explain why the same network generalizes on real images.",
			Claims: []string{"S5a"},
		},
		{
			N: 6, Title: "Explicit regularizers are not sufficient",
			Question: "Random labels again, now with weight decay and dropout, the usual regularizers. " +
				"Will the network still fit every random label?",
			Choices: []Choice{
				{"slower", "Yes, but more slowly than without them"},
				{"same", "Yes, and no more slowly"},
				{"no", "No: the regularizers prevent it"},
			},
			Right: "slower",
			Runs:  sim.MustParseVariants("labels=random;labels=random,wd=0.0005,dropout=0.2"),
			Watch: "Press Play: random labels without regularizers on the left, with weight decay and dropout on the right.",
			Outcome: func(s []message.RunStats, _ *message.FigureProgress) outcome {
				a, b := s[0], s[1]
				o := outcome{Known: true, Measured: "Without: " + fitText(a) + ". With weight decay and dropout: " +
					fitText(b) + "; " + testText(b) + " (chance: 10%)."}
				switch {
				case b.EpochsToFit == 0:
					o.Answer = "no"
				case a.EpochsToFit > 0 && b.FitEpochs > a.FitEpochs:
					o.Answer = "slower"
				default:
					o.Answer = "same"
				}
				return o
			},
			Explain: "Weight decay and dropout are explicit regularization, added with the intent to regularize " +
				"and gone at test time (regularization by training). They slow memorization down, but do not " +
				"stop it, and the network still tests at chance: explicit regularization may help, but it is " +
				"not by itself sufficient to control generalization error.",
			Claims: []string{"S7"},
		},
		{
			N: 7, Title: "Implicit regularization: SGD and the minimum norm",
			Question: "No weight decay, no dropout, no early stopping: the solution fits every true training " +
				"label exactly. It is the minimum-norm one, which SGD converges to on a linear model (here of an " +
				"RBF kernel's features) started from zero. How will it test on images it was not fitted to?",
			Choices: []Choice{
				{"well", "Well: 80% or more"},
				{"some", "Better than chance, but under 80%"},
				{"chance", "Near chance (10%): fitting every label exactly is overfitting"},
			},
			Right:  "well",
			Runs:   sim.DefaultVariants(),
			Figure: message.FigureSetup{Kind: figure.Kernel.String(), Levels: 2},
			Watch: "Press Play: the kernel figure solves for the minimum-norm interpolants (no training: one linear " +
				"system each), for a linear and an RBF kernel, on true labels (p = 0) and random ones (p = 1), and " +
				"on fewer images. The lesson reads the RBF kernel's rows at p = 0 and p = 1.",
			Outcome: func(_ []message.RunStats, fig *message.FigureProgress) outcome {
				exact, ok1 := cell(fig, "rbf/p=0", figure.Interpolates)
				train, ok2 := cell(fig, "rbf/p=0", figure.TrainAcc)
				test, ok3 := cell(fig, "rbf/p=0", figure.TestAcc)
				norm, ok4 := cell(fig, "rbf/p=0", figure.Norm)
				randomTest, ok5 := cell(fig, "rbf/p=1", figure.TestAcc)
				randomNorm, ok6 := cell(fig, "rbf/p=1", figure.Norm)
				if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || !ok6 {
					return outcome{}
				}
				fit := "fitted every true training label exactly"
				if exact != 1 || train != 1 {
					fit = "did not fit the true labels exactly (" + formatPercent(train) + " of them)"
				}
				o := outcome{Known: true, Measured: fmt.Sprintf("The RBF interpolant %s and tests at %s on true labels. "+
					"On random labels it tests at %s (chance: 10%%), with a norm of %s against %s on true labels.",
					fit, formatPercent(test), formatPercent(randomTest), formatNorm(randomNorm), formatNorm(norm))}
				switch {
				case test >= kernelGeneralizes:
					o.Answer = "well"
				case test > 0.1+chanceTolerance:
					o.Answer = "some"
				default:
					o.Answer = "chance"
				}
				return o
			},
			Explain: "Nothing explicit kept this solution from overfitting: no regularizer, and a training error of " +
				"exactly zero. Yet it generalizes on true labels. The regularization is implicit, in the algorithm: " +
				"SGD on a linear model started from zero stays in the span of the training data, and so converges " +
				"to the interpolant of minimum norm, a choice nobody wrote down. The same method fits random labels " +
				"exactly too, and tests at chance on them, with a larger norm: the fit is the same, the norm tells " +
				"the two apart. The paper warns that norm alone does not explain generalization; here it measures " +
				"what fitting noise costs.",
			Claims: []string{"S11a", "S11b"},
		},
		{
			N: 8, Title: "Theorem 1: capacity against data",
			Question: "A network of one hidden layer of ReLUs, one hidden unit per training image: 2n + d weights " +
				"per output, for n images of d pixels. Its weights are not trained but built from the images " +
				"themselves (Theorem 1). Can it fit every one of the n random labels exactly?",
			Choices: []Choice{
				{"all", "Yes: every one of them"},
				{"most", "Most of them, not all"},
				{"few", "No: about one in ten, as a guess would"},
			},
			Right:  "all",
			Runs:   sim.DefaultVariants(),
			Figure: message.FigureSetup{Kind: figure.Theorem1.String()},
			Watch: "Press Play: the figure builds the network on true labels and on random labels (one projection " +
				"of the images on a line, a bias between each two, a triangular system solved) and draws the " +
				"construction. Its table gives the weights and the training and test accuracy.",
			Outcome: func(_ []message.RunStats, fig *message.FigureProgress) outcome {
				one, ok1 := cell(fig, "labels=random", figure.WeightsOne)
				all, ok2 := cell(fig, "labels=random", figure.Weights)
				train, ok3 := cell(fig, "labels=random", figure.TrainAcc)
				test, ok4 := cell(fig, "labels=random", figure.TestAcc)
				trueTrain, ok5 := cell(fig, "labels=true", figure.TrainAcc)
				trueTest, ok6 := cell(fig, "labels=true", figure.TestAcc)
				if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || !ok6 {
					return outcome{}
				}
				o := outcome{Known: true, Measured: fmt.Sprintf("With %s weights per output (%s in all), the construction "+
					"fitted %s of the random labels and %s of the true ones; it tests at %s on random labels and %s on "+
					"true labels (chance: 10%%).", formatCount(int(one)), formatCount(int(all)), formatPercent(train),
					formatPercent(trueTrain), formatPercent(test), formatPercent(trueTest))}
				switch {
				case train == 1:
					o.Answer = "all"
				case train >= 0.5:
					o.Answer = "most"
				default:
					o.Answer = "few"
				}
				return o
			},
			Explain: "Capacity against data: as soon as a two-layer ReLU network has as many hidden units as there are " +
				"training points, it can fit any labels on them, with no search at all, and 2n + d weights is not many " +
				"next to the networks the paper trains. So fitting the training set, even exactly, says nothing about " +
				"generalization: this network fits true labels as exactly as random ones, and tests at chance on both. " +
				"What a network learns from real data is decided by how its weights are found, not by what it can fit.",
			Claims: []string{"S12"},
		},
		{
			N: 9, Title: "What is learned first",
			Question: "40% of the training labels are replaced by random ones. Which training images does " +
				"the network fit first: those whose label is still right (clean), or those whose label was " +
				"changed (noisy)?",
			Choices: []Choice{
				{"clean", "The clean ones, the noisy ones later"},
				{"same", "Both at the same time"},
				{"noisy", "The noisy ones, the clean ones later"},
			},
			Right:  "clean",
			Base:   "p=0.4",
			Runs:   sim.DefaultVariants(),
			Figure: message.FigureSetup{Kind: figure.Memorization.String()},
			Watch: "Press Play: one run at p = 0.4 trains to its end, and the figure draws, epoch by epoch, " +
				"the share of the clean and of the noisy images fitted so far.",
			Outcome: func(_ []message.RunStats, fig *message.FigureProgress) outcome {
				clean, ok1 := cell(fig, "p=0.4", figure.CleanMedianFit)
				noisy, ok2 := cell(fig, "p=0.4", figure.NoisyMedianFit)
				if !ok1 || !ok2 {
					return outcome{}
				}
				o := outcome{Known: true, Measured: "Half of the clean images were first fitted " + epochText(clean) +
					", half of the noisy ones " + epochText(noisy) + "."}
				switch {
				case noisy > clean:
					o.Answer = "clean"
				case noisy < clean:
					o.Answer = "noisy"
				default:
					o.Answer = "same"
				}
				return o
			},
			Explain: "Clean images of a class share their structure, so what the network learns from one helps " +
				"with the others: it learns that structure first, and memorizes the noisy labels, which share " +
				"nothing, afterwards, one by one (Arpit et al., 2017). The same network does both; which it is " +
				"doing shows in when each image is fitted, not in the final training error.",
			Claims: []string{"S9"},
		},
	}
}

// The thresholds of claims the lessons read at their words: the page does not link
// sim/claims (it would bring sim/theory's linear algebra into app.wasm), so the tests
// check that these are the claims' own.
const (
	kernelGeneralizes = 0.8  // claims.KernelGeneralizes: S11a's test accuracy on true labels
	chanceTolerance   = 0.04 // claims.ChanceTolerance: how far from 10% is still chance
)

// formatNorm writes an interpolant's norm with three significant digits: "34.4".
func formatNorm(v float64) string { return strconv.FormatFloat(v, 'g', 3, 64) }

// ratioChoice is the choice of lesson 2 that a ratio of times to fit is, measured or
// predicted.
func ratioChoice(ratio float64) string {
	switch {
	case ratio < 1.5:
		return "same"
	case ratio <= 10:
		return "factor"
	default:
		return "much"
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// signedPoints writes a difference of accuracies in points, with its sign: "−14.2", "+0.4".
func signedPoints(d float64) string {
	s := strconv.FormatFloat(100*d, 'f', 1, 64)
	if d >= 0 {
		return "+" + s
	}
	return "−" + s[1:]
}
