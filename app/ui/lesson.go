package ui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
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
type Lesson struct {
	N        int    // the finding's number in issue #11, and the link's lesson=N
	Title    string // short, for the lesson's heading and next/previous
	Question string // asked before the run
	Choices  []Choice
	Right    string // the ID of the choice the claims assert at the defaults
	Base     string // settings that differ from sim.Default, as a link query
	Runs     sim.Variants
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

// outcome is what a lesson's runs measured.
type outcome struct {
	Known    bool
	Measured string // "Random labels: all 1,500 training images fitted by epoch 22.1; …"
	Answer   string // the ID of the choice the measurement is
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
				o := outcome{Known: true, Measured: fmt.Sprintf("True labels took %.1f epochs, random labels %.1f (×%.1f).",
					t.FitEpochs, r.FitEpochs, ratio)}
				switch {
				case ratio < 1.5:
					o.Answer = "same"
				case ratio <= 10:
					o.Answer = "factor"
				default:
					o.Answer = "much"
				}
				return o
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
