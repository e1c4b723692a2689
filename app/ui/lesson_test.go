package ui

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/claims"
	"genlab/sim/figure"
	"genlab/sim/theory"
)

// Every lesson is a valid experiment whose runs are runs the claims measure, names claims
// that exist, and has a question, choices with distinct IDs, a Right among them, and an
// explanation: what a lesson asserts is what the claims assert (see Lesson).
func TestLessonsSayWhatTheClaimsTest(t *testing.T) {
	ids := map[string]bool{}
	for _, c := range claims.Claims() {
		ids[c.ID] = true
	}
	measured := claims.Runs(sim.Default())
	seen := map[int]bool{}
	for _, l := range Lessons() {
		if seen[l.N] || l.N < 1 || l.N > 9 {
			t.Errorf("lesson %d: duplicate, or not one of the nine findings", l.N)
		}
		seen[l.N] = true
		if l.Question == "" || l.Explain == "" || l.Watch == "" || l.Title == "" || l.Outcome == nil {
			t.Errorf("lesson %d: missing a question, a title, what to watch, an outcome or an explanation", l.N)
		}
		if len(l.Choices) < 2 {
			t.Errorf("lesson %d: %d choices", l.N, len(l.Choices))
		}
		choiceIDs := map[string]bool{}
		for _, c := range l.Choices {
			if choiceIDs[c.ID] || c.ID == "" || c.Text == "" || c.ID != strings.ToLower(c.ID) {
				t.Errorf("lesson %d: choice %+v duplicate, empty or not a link-safe lower-case ID", l.N, c)
			}
			choiceIDs[c.ID] = true
		}
		if !choiceIDs[l.Right] {
			t.Errorf("lesson %d: Right %q is not a choice", l.N, l.Right)
		}
		if len(l.Claims) == 0 {
			t.Errorf("lesson %d: names no claim", l.N)
		}
		for _, id := range l.Claims {
			if !ids[id] {
				t.Errorf("lesson %d: no claim %s", l.N, id)
			}
		}
		e := l.experiment()
		if n := len(e.Runs); n < 2 || n > message.MaxRuns {
			t.Errorf("lesson %d: %d runs", l.N, n)
		}
		for i, c := range lessonRuns(t, l) {
			if !slices.Contains(measured, c) {
				t.Errorf("lesson %d: run %d (%s) is not one the claims measure", l.N, i+1, c.Encode())
			}
		}
		if e.Figure.Kind != "" && !lessonFigure(t, l).Kind.Trained() {
			// A computed figure: the claims compute some of its trials, the very ones (key
			// and settings), and its outcome is read from those alone.
			fig := claimsCells(t, l, 0.5)
			if len(fig.Cells) == 0 {
				t.Errorf("lesson %d: the claims compute none of the %s figure's trials", l.N, e.Figure.Kind)
			} else if o := l.read(nil, fig); !o.Known {
				t.Errorf("lesson %d: no outcome from the cells of the trials the claims compute", l.N)
			}
		}
	}
	// The order of work: 1, 2, 3 first.
	for _, n := range []int{1, 2, 3} {
		if !seen[n] {
			t.Errorf("no lesson %d", n)
		}
	}
}

// lessonRuns returns the runs a lesson trains: its figure's, or its runs side by side
// (none for a figure computed without training).
func lessonRuns(t *testing.T, l Lesson) []sim.Config {
	t.Helper()
	e := l.experiment()
	if e.Figure.Kind == "" {
		return e.Runs.Configs(e.Config)
	}
	f := lessonFigure(t, l)
	if !f.Kind.Trained() {
		return nil
	}
	var cs []sim.Config
	for _, tr := range f.Trials {
		cs = append(cs, tr.Config)
	}
	return cs
}

// lessonFigure is the figure a lesson makes.
func lessonFigure(t *testing.T, l Lesson) *figure.Figure {
	t.Helper()
	e := l.experiment()
	k, opts, err := e.Figure.Options()
	if err != nil {
		t.Fatal(err)
	}
	f, err := figure.New(k, e.Config, opts)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// claimsCells returns, for a lesson that shows a computed figure, the progress of that
// figure, done, with the cells of only the trials the claims compute at the defaults
// (claims.Computations), each trial checked to be the figure's (same key, same settings).
// Every value is v, but for what set overrides: key and metric to value.
func claimsCells(t *testing.T, l Lesson, v float64, set ...map[string]float64) *message.FigureProgress {
	t.Helper()
	f := lessonFigure(t, l)
	computed, err := claims.Computations(sim.Default())
	if err != nil {
		t.Fatal(err)
	}
	fig := &message.FigureProgress{Done: 1, Total: 1}
	for _, c := range computed {
		if (c.Kernel != "") != (f.Kind == figure.Kernel) {
			continue // a trial of the other computed figure
		}
		i := slices.IndexFunc(f.Trials, func(tr figure.Trial) bool { return tr.Key == c.Key })
		if i < 0 || f.Trials[i].Config != c.Config || f.Trials[i].Kernel != c.Kernel {
			t.Errorf("lesson %d: the claims compute %s (%s), the lesson's figure does not", l.N, c.Key, c.Config.Encode())
			continue
		}
		for _, m := range f.Kind.Metrics() {
			x := v
			for _, s := range set {
				if y, ok := s[c.Key+" "+m]; ok {
					x = y
				}
			}
			fig.Cells = append(fig.Cells, message.FigureCell{Key: c.Key, Metric: m, Value: &x})
		}
	}
	return fig
}

// memorized is the memorization figure's progress, done, with median first fits.
func memorized(clean, noisy float64) *message.FigureProgress {
	v := func(x float64) *float64 { return &x }
	return &message.FigureProgress{Done: 1, Total: 1, Cells: []message.FigureCell{
		{Key: "p=0.4", Metric: figure.CleanMedianFit, Value: v(clean)},
		{Key: "p=0.4", Metric: figure.NoisyMedianFit, Value: v(noisy)},
	}}
}

// fitted is a run that fitted its training set at fit epochs, testing at test.
func fitted(fit, test float64) message.RunStats {
	return message.RunStats{Epoch: int(fit) + 1, TrainAcc: 1, TestAcc: test, Fitted: 1500, Examples: 1500,
		EpochsToFit: int(fit) + 1, FitEpochs: fit, Stop: "fitted"}
}

// The outcome at the ends of the claims' measured ranges at the defaults (README, "The
// science": the ranges over seeds 1–10) reads as the lesson's Right choice; and a
// measurement against the claims reads as another choice, so the outcome is read, not
// assumed. Runs not all stopped give no outcome.
func TestLessonOutcomesAtTheClaimsRanges(t *testing.T) {
	notFitted := func(acc, test float64) message.RunStats {
		return message.RunStats{Epoch: 60, TrainAcc: acc, TestAcc: test, Fitted: int(acc * 1500), Examples: 1500, Stop: "max-epochs"}
	}
	tests := []struct {
		n          int
		stats      []message.RunStats
		want, text string
	}{
		// S1: random labels fit, test at chance (7.9–13.0%).
		{1, []message.RunStats{fitted(7.1, 0.9), fitted(21.5, 0.079)}, "all", "Random labels fitted all 1,500 training images in 21.5 epochs; test accuracy 7.9% (chance: 10%)."},
		{1, []message.RunStats{fitted(9.1, 0.9), fitted(23.5, 0.13)}, "all", ""},
		{1, []message.RunStats{fitted(9.1, 0.9), notFitted(0.11, 0.1)}, "none", "did not fit all 1,500 training images (11.0% fitted by epoch 60)"},
		{1, []message.RunStats{fitted(9.1, 0.9), notFitted(0.6, 0.1)}, "some", ""},
		// S2: 21.5–23.5 epochs against 7.1–9.1 (×2.4–3.2).
		{2, []message.RunStats{fitted(9.125, 0.9), fitted(21.5, 0.1)}, "factor", "True labels took 9.1 epochs, random labels 21.5 (×2.4)."},
		{2, []message.RunStats{fitted(7.125, 0.9), fitted(23.5, 0.1)}, "factor", "(×3.3)"},
		{2, []message.RunStats{fitted(8, 0.9), fitted(9, 0.1)}, "same", ""},
		{2, []message.RunStats{fitted(8, 0.9), notFitted(0.5, 0.1)}, "much", ""},
		// S3a: test error rises with p.
		{3, []message.RunStats{fitted(9, 0.8), fitted(12, 0.6), fitted(18, 0.3)}, "lower", "With 20% wrong labels: fitted all 1,500 training images in 9.0 epochs, test accuracy 80.0%. With 80%:"},
		{3, []message.RunStats{fitted(9, 0.8), fitted(12, 0.6), fitted(18, 0.81)}, "same", ""},
		// S4a: shuffled pixels cost the CNN 12–19 points.
		{4, []message.RunStats{fitted(5, 0.95), fitted(9, 0.83)}, "drops", "(−12.0 points)"},
		{4, []message.RunStats{fitted(5, 0.95), fitted(9, 0.90)}, "small", ""},
		// S5a: random pixels and Gaussian inputs are fitted.
		{5, []message.RunStats{fitted(8, 0.9), fitted(15, 0.1), fitted(14, 0.1)}, "both", "Random pixels fitted all 1,500 training images in 15.0 epochs; Gaussian inputs fitted all"},
		{5, []message.RunStats{fitted(8, 0.9), fitted(15, 0.1), notFitted(0.5, 0.1)}, "one", ""},
		// S7: with weight decay and dropout, 36–42 epochs, later than without.
		{6, []message.RunStats{fitted(22, 0.1), fitted(36, 0.1)}, "slower", "With weight decay and dropout: fitted all 1,500 training images in 36.0 epochs; test accuracy 10.0% (chance: 10%)."},
		{6, []message.RunStats{fitted(22, 0.1), notFitted(0.3, 0.1)}, "no", ""},
	}
	// S9: at p = 0.4, clean images in epoch 1, noisy ones around epoch 7–8.
	for _, tt := range []struct {
		fig        *message.FigureProgress
		want, text string
	}{
		{memorized(1, 7.5), "clean", "Half of the clean images were first fitted in epoch 1, half of the noisy ones in epoch 7.5."},
		{memorized(3, 3), "same", ""},
		{memorized(5, 2), "noisy", ""},
	} {
		l, _ := lessonByN(9)
		if o := l.read(nil, tt.fig); !o.Known || o.Answer != tt.want || !strings.Contains(o.Measured, tt.text) {
			t.Errorf("lesson 9: read %+v, want %q with %q", o, tt.want, tt.text)
		}
		running := *tt.fig
		running.Done = 0
		if o := l.read(nil, &running); o.Known {
			t.Errorf("lesson 9: an outcome before the figure is done: %+v", o)
		}
	}
	// S11a, S11b: the RBF interpolant fits exactly, tests at 94.3–96.5% on true labels and
	// at chance (7.6–11.6%) on random ones, with a norm of 75.4–77.1 against 33.6–34.4. S12:
	// the construction fits every label, true and random, and tests at 10.1–12.6% on true
	// labels, 9.0–11.1% on random ones.
	for _, tt := range []struct {
		n          int
		set        map[string]float64
		want, text string
	}{
		{7, map[string]float64{"rbf/p=0 test-acc": 0.956, "rbf/p=0 norm": 34.4, "rbf/p=1 test-acc": 0.087, "rbf/p=1 norm": 76.5}, "well",
			"The RBF interpolant fitted every true training label exactly and tests at 95.6% on true labels. On random labels it tests at 8.7% (chance: 10%), with a norm of 76.5 against 34.4 on true labels."},
		{7, map[string]float64{"rbf/p=0 test-acc": 0.943, "rbf/p=0 norm": 33.6, "rbf/p=1 test-acc": 0.116, "rbf/p=1 norm": 75.4}, "well", "tests at 94.3% on true labels"},
		{7, map[string]float64{"rbf/p=0 test-acc": 0.965}, "well", ""},
		{7, map[string]float64{"rbf/p=0 test-acc": 0.6}, "some", ""},
		{7, map[string]float64{"rbf/p=0 test-acc": 0.13}, "chance", ""},
		{7, map[string]float64{"rbf/p=0 interpolates": 0, "rbf/p=0 train-acc": 0.9, "rbf/p=0 test-acc": 0.95}, "well", "did not fit the true labels exactly (90.0% of them)"},
		{8, map[string]float64{"labels=random weights-one": 3144, "labels=random weights": 16644, "labels=random test-acc": 0.09, "labels=true test-acc": 0.126}, "all",
			"With 3,144 weights per output (16,644 in all), the construction fitted 100.0% of the random labels and 100.0% of the true ones; it tests at 9.0% on random labels and 12.6% on true labels (chance: 10%)."},
		{8, map[string]float64{"labels=random test-acc": 0.111, "labels=true test-acc": 0.101}, "all", "11.1% on random labels and 10.1% on true labels"},
		{8, map[string]float64{"labels=random train-acc": 0.7}, "most", ""},
		{8, map[string]float64{"labels=random train-acc": 0.1}, "few", ""},
	} {
		l, _ := lessonByN(tt.n)
		base := map[string]float64{"rbf/p=0 interpolates": 1, "rbf/p=1 interpolates": 1, "rbf/p=0 train-acc": 1, "rbf/p=1 train-acc": 1,
			"labels=true train-acc": 1, "labels=random train-acc": 1}
		fig := claimsCells(t, l, 0.1, base, tt.set)
		if o := l.read(nil, fig); !o.Known || o.Answer != tt.want || !strings.Contains(o.Measured, tt.text) {
			t.Errorf("lesson %d: read %+v, want %q with %q", tt.n, o, tt.want, tt.text)
		}
		running := *fig
		running.Done = 0
		if o := l.read(nil, &running); o.Known {
			t.Errorf("lesson %d: an outcome before the figure is done: %+v", tt.n, o)
		}
	}
	for _, tt := range tests {
		l, ok := lessonByN(tt.n)
		if !ok {
			t.Fatalf("no lesson %d", tt.n)
		}
		o := l.read(tt.stats, nil)
		if !o.Known || o.Answer != tt.want || !strings.Contains(o.Measured, tt.text) {
			t.Errorf("lesson %d: read %+v, want %q with %q", tt.n, o, tt.want, tt.text)
		}
		if _, ok := l.choice(o.Answer); !ok {
			t.Errorf("lesson %d: outcome %q is not a choice", tt.n, o.Answer)
		}
		running := slices.Clone(tt.stats)
		running[0].Stop = "running"
		if o := l.read(running, nil); o.Known {
			t.Errorf("lesson %d: an outcome before every run stopped: %+v", tt.n, o)
		}
		if o := l.read(tt.stats[:1], nil); o.Known {
			t.Errorf("lesson %d: an outcome from runs that are not the lesson's", tt.n)
		}
	}
}

// The lesson's own runs, trained at the defaults, read as the choice the claims predict:
// the sentences a lesson says, checked against the calibrated runs themselves.
func TestLessonOutcomesOfTheirRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("trains every lesson's runs at the defaults")
	}
	for _, l := range Lessons() {
		var stats []message.RunStats
		var fig *message.FigureProgress
		var f *figure.Figure
		if l.experiment().Figure.Kind != "" {
			f = lessonFigure(t, l)
		}
		if f != nil && !f.Kind.Trained() {
			for i, tr := range f.Trials {
				res, err := theory.Compute(tr)
				if err != nil {
					t.Fatalf("lesson %d, %s: %v", l.N, tr.Key, err)
				}
				f.Set(i, res)
			}
		}
		for i, c := range lessonRuns(t, l) {
			r, err := sim.NewRun(c)
			if err != nil {
				t.Fatal(err)
			}
			r.RunToEnd()
			stats = append(stats, statsOf(r))
			if f != nil {
				f.Set(i, figure.ResultOf(r))
			}
		}
		if f != nil {
			stats, fig = nil, &message.FigureProgress{Done: f.Done(), Total: len(f.Trials), Cells: message.Cells(f)}
		}
		o := l.read(stats, fig)
		t.Logf("lesson %d: %s → %s", l.N, o.Measured, o.Answer)
		if o.Answer != l.Right {
			t.Errorf("lesson %d at the defaults: measured %q, that is %q; the claims say %q", l.N, o.Measured, o.Answer, l.Right)
		}
	}
}

// statsOf is what a worker reports of a finished run (trainer.Stats), the fields a lesson reads.
func statsOf(r *sim.Run) message.RunStats {
	s := r.Summary()
	st := message.RunStats{Epoch: s.Epochs, Examples: s.Examples, Stop: s.Stop.String()}
	h := r.History()
	e := h[len(h)-1]
	st.TrainAcc, st.TestAcc, st.Fitted = e.TrainAcc, e.TestAcc, e.Fitted
	if s.EpochsToFit != nil {
		st.EpochsToFit, st.FitEpochs = *s.EpochsToFit, *s.FitEpochs
	}
	return st
}

// A lesson's link opens at its step with its prediction, and writes itself back the same;
// the lesson's experiment is the starting one, and settings on top of it are kept.
func TestLessonLinkRoundTrip(t *testing.T) {
	for _, q := range []string{
		"lesson=1",
		"lesson=2&step=3&guess=factor",
		"lesson=3&step=2&guess=lower",
		"view=embed&lesson=4&step=3&guess=drops&controls=play,reset",
		"lesson=4&model=mlp", // back to sim's default, against the lesson's cnn
		"lesson=1&step=2&seed=7&runs=labels=true",
		"lesson=6&guess=slower", // predicted, not yet locked in
		"lesson=2&step=3&guess=3",
		"lesson=2&step=2&guess=2.5",
		"lesson=2&guess=0.1",
		"lesson=2&step=3&guess=factor", // written before lesson 2 asked for a number
		"lesson=7&step=3&guess=well",
		"view=embed&lesson=8&step=2&guess=all",
	} {
		s, problems := parseLink(q)
		if len(problems) > 0 {
			t.Errorf("%s: problems %q", q, problems)
		}
		if got := linkQuery(s); got != q {
			t.Errorf("%s: written back as %s", q, got)
		}
	}
	s, _ := parseLink("lesson=4&step=2&guess=drops")
	l, _ := lessonByN(4)
	if s.View.Lesson != 4 || s.View.Step != stepRun || s.View.Guess != "drops" || !s.Exp.equal(l.experiment()) {
		t.Errorf("lesson=4: %+v, experiment %+v", s.View, s.Exp)
	}
	if s, _ := parseLink("lesson=1"); s.View.Step != stepQuestion {
		t.Errorf("a lesson without step= opens at step %d, want the question", s.View.Step)
	}
}

// A bad lesson key is one problem, naming the default used, and the rest of the link applies.
func TestLessonLinkProblems(t *testing.T) {
	tests := []struct {
		q, want string
		lesson  int
		step    int
		guess   string
	}{
		{"lesson=99&seed=3", "lesson = 99 is not one of 1, 2, 3, 4, 5, 6, 7, 8 or 9", 0, 0, ""},
		{"lesson=&seed=3", "lesson = \"\" is empty", 0, 0, ""},
		{"lesson=2&step=4", "step = 4 is not 1, 2 or 3", 2, 1, ""},
		{"lesson=2&step=x&guess=factor", "step = x is not 1, 2 or 3", 2, 1, "factor"},
		{"lesson=3&step=3&guess=maybe", "guess = maybe is not one of lower, same or higher", 3, 3, ""},
		// Lesson 2 asks for a number: a guess that is none, out of range, or not finite
		// is dropped, and the problem says what a guess may be.
		{"lesson=2&step=3&guess=maybe", "guess = maybe is not a number from 0.1 to 100 (nor one of same, factor or much)", 2, 3, ""},
		{"lesson=2&step=3&guess=500", "guess = 500 is not a number from 0.1 to 100", 2, 3, ""},
		{"lesson=2&step=3&guess=-3", "guess = -3 is not a number from 0.1 to 100", 2, 3, ""},
		{"lesson=2&step=3&guess=NaN", "guess = NaN is not a number from 0.1 to 100", 2, 3, ""},
		{"lesson=2&step=3&guess=Inf", "guess = Inf is not a number from 0.1 to 100", 2, 3, ""},
		{"lesson=2&step=3&guess=3x", "guess = 3x is not a number from 0.1 to 100", 2, 3, ""},
		{"lesson=1&guess=3", "guess = 3 is not one of all, some or none", 1, 1, ""},
		{"step=2", "step = 2 is given without a lesson", 0, 0, ""},
		{"guess=all", "guess = all is given without a lesson", 0, 0, ""},
		{"lesson=1&lesson=2", "is given 2 times", 0, 0, ""},
	}
	for _, tt := range tests {
		s, problems := parseLink(tt.q)
		if len(problems) != 1 || !strings.Contains(problems[0], strings.ReplaceAll(tt.want, `""`, "")) && !strings.Contains(problems[0], tt.want) {
			t.Errorf("%s: problems %q, want one with %q", tt.q, problems, tt.want)
		}
		if s.View.Lesson != tt.lesson || s.View.Step != tt.step || s.View.Guess != tt.guess {
			t.Errorf("%s: lesson %d step %d guess %q, want %d %d %q", tt.q, s.View.Lesson, s.View.Step, s.View.Guess, tt.lesson, tt.step, tt.guess)
		}
		if strings.Contains(tt.q, "seed=3") && s.Exp.Config.Seed != 3 {
			t.Errorf("%s: the rest of the link did not apply", tt.q)
		}
	}
}

// The steps: the prediction is asked first, kept at the run, and shown next to the
// outcome; next and previous follow the table.
func TestLessonSteps(t *testing.T) {
	first, second := Lessons()[0], Lessons()[1]
	prev, next := neighbours(first.N)
	if prev.N != 0 || next.N != second.N {
		t.Errorf("neighbours of the first lesson: %d, %d", prev.N, next.N)
	}
	stats := []message.RunStats{fitted(8, 0.9), fitted(22, 0.1)}
	tests := []struct {
		step        int
		guess       string
		stats       []message.RunStats
		has, hasNot []string
	}{
		{stepQuestion, "", nil, []string{`type="radio"`, "Lock in my prediction", "Lesson 2 →"}, []string{"You predicted", "Measured"}},
		{stepRun, "all", nil, []string{"Yes: it fits every training image.", "See the outcome", "press Play"}, []string{`type="radio"`, "Measured"}},
		{stepOutcome, "none", nil, []string{"You predicted", "appears here when the runs have all stopped"}, []string{"Measured"}},
		{stepOutcome, "none", stats, []string{`data-prediction="none"`, `data-outcome="all"`, "Random labels fitted all", "differs from what the runs measured", "claim S1"}, nil},
		{stepOutcome, "all", stats, []string{"matches what the runs measured"}, []string{"differs"}},
	}
	for _, tt := range tests {
		p := &LessonPanel{N: first.N, Step: tt.step, Guess: tt.guess, Outcome: first.read(tt.stats, nil)}
		html := app.HTMLString(p)
		for _, s := range tt.has {
			if !strings.Contains(html, s) {
				t.Errorf("step %d, guess %q: no %q in\n%s", tt.step, tt.guess, s, html)
			}
		}
		for _, s := range tt.hasNot {
			if strings.Contains(html, s) {
				t.Errorf("step %d, guess %q: %q in\n%s", tt.step, tt.guess, s, html)
			}
		}
	}
}

// A lesson is embeddable on its own: the embed shows it whatever controls= lists, with
// no lesson buttons of the presets; the full page shows it in the presets' place, and
// offers the lessons when there is none. While the student predicts, nothing can be played.
func TestLessonInThePage(t *testing.T) {
	for _, q := range []string{"view=embed&lesson=2", "view=embed&lesson=2&controls=none", "lesson=2"} {
		html := app.HTMLString(labAt(t, q))
		if !strings.Contains(html, `data-lesson="2"`) || strings.Contains(html, `data-preset=`) {
			t.Errorf("%s: no lesson 2, or the presets beside it", q)
		}
		if strings.Contains(html, `data-command="play"`) {
			t.Errorf("%s: Play offered before the prediction", q)
		}
		if embed := strings.Contains(q, "view=embed"); embed == strings.Contains(html, "Leave the lessons") {
			t.Errorf("%s: leaving the lessons offered %v, want only on the full page", q, !embed)
		}
	}
	if html := app.HTMLString(labAt(t, "lesson=2&step=2&guess=factor")); !strings.Contains(html, `data-command="play"`) {
		t.Error("no Play at step 2")
	}
	if html := app.HTMLString(labAt(t, "")); !strings.Contains(html, `data-lessons="start"`) {
		t.Error("the full page does not offer the guided lessons")
	}
	if html := app.HTMLString(labAt(t, "view=embed&controls=presets")); strings.Contains(html, `data-lessons="start"`) {
		t.Error("an embed offers the guided lessons its teacher did not choose")
	}
	if got := claimsNote([]string{"S4a", "S4c"}); !strings.Contains(got, "claims S4a and S4c") {
		t.Errorf("claimsNote = %q", got)
	}
}

// The lessons' thresholds are their claims' own: the page cannot link sim/claims.
func TestLessonThresholdsAreTheClaims(t *testing.T) {
	l, _ := lessonByN(7)
	if kernelGeneralizes != claims.KernelGeneralizes || chanceTolerance != claims.ChanceTolerance ||
		l.Figure.Levels != claims.KernelLevels {
		t.Errorf("lesson thresholds %v, %v, levels %d; the claims' %v, %v, %d", kernelGeneralizes, chanceTolerance,
			l.Figure.Levels, claims.KernelGeneralizes, claims.ChanceTolerance, claims.KernelLevels)
	}
}

// Lesson 2 asks for a number: typed as the student likes, written back in the link's
// words, shown at the run and next to the measured number at the outcome, and judged by
// the range it falls in (see Lesson, "Numbers"); the course page gets both numbers.
// lockInButton finds the tag of a lesson's "Lock in" button.
var lockInButton = regexp.MustCompile(`<button[^>]*>Lock in`)

func TestNumberPrediction(t *testing.T) {
	s, problems := parseLink("lesson=2&step=3&guess=2.50")
	if len(problems) > 0 || s.View.Guess != "2.5" || linkQuery(s) != "lesson=2&step=3&guess=2.5" {
		t.Errorf("guess=2.50: guess %q, link %q, problems %q", s.View.Guess, linkQuery(s), problems)
	}
	les, _ := lessonByN(2)
	measured := les.read([]message.RunStats{fitted(8, 0.9), fitted(21, 0.1)}, nil) // ×2.625
	tests := []struct {
		name        string
		step        int
		guess       string
		outcome     outcome
		has, hasNot []string
	}{
		{"question", stepQuestion, "", outcome{}, []string{`type="number"`, `<label for="guess-number"`, `id="guess-number"`,
			`aria-describedby="guess-number-hint"`, "a number from 0.1 to 100", `min="0.1"`, `max="100"`, "Lock in"}, []string{`type="radio"`}},
		{"question, predicted", stepQuestion, "3", outcome{}, []string{`value="3"`, "Lock in"}, nil},
		{"run", stepRun, "3", outcome{}, []string{"You predicted: </strong> ×3.", `data-prediction="factor"`, `data-prediction-number="3"`}, []string{`type="number"`}},
		{"outcome, same range", stepOutcome, "3", measured, []string{"You predicted ×3; measured ×2.6.", `data-measured-number="2.6"`,
			"same range as the measurement: a small factor longer (1.5 to 10 times).", "lesson-match"}, []string{"lesson-miss", "You predicted: "}},
		{"outcome, not yet", stepOutcome, "3", outcome{}, []string{"You predicted: </strong> ×3.", "appears here when the runs have all stopped"},
			[]string{"measured ×"}},
		{"outcome, another range", stepOutcome, "12", measured, []string{"You predicted ×12; measured ×2.6.",
			"another range than the measurement: you predicted far longer (over 10 times), or never.", "lesson-miss"}, []string{"lesson-match"}},
		{"outcome, a choice", stepOutcome, "factor", measured, []string{"You predicted: </strong> A small factor longer", "matches what the runs measured"},
			[]string{"You predicted ×"}},
	}
	for _, tt := range tests {
		// One space for each run of white space: the sentences, whatever the indentation.
		html := strings.Join(strings.Fields(app.HTMLString(&LessonPanel{N: 2, Step: tt.step, Guess: tt.guess, Outcome: tt.outcome})), " ")
		for _, want := range tt.has {
			if !strings.Contains(html, want) {
				t.Errorf("%s: no %q in\n%s", tt.name, want, html)
			}
		}
		for _, not := range tt.hasNot {
			if strings.Contains(html, not) {
				t.Errorf("%s: %q in\n%s", tt.name, not, html)
			}
		}
		// The button is disabled until the field holds a number in range. (Its tag is
		// read whole: go-app writes attributes in no fixed order.)
		if tag := lockInButton.FindString(html); tag != "" {
			disabled := strings.Contains(tag, " disabled") && !strings.Contains(tag, `disabled="false"`)
			if want := tt.step == stepQuestion && tt.guess == ""; disabled != want {
				t.Errorf("%s: lock-in button disabled %v, want %v: %s", tt.name, disabled, want, tag)
			}
		}
	}

	num := func(v float64) *float64 { return &v }
	for _, tt := range []struct {
		guess     string
		o         outcome
		want      message.ParentLesson
		predicted *float64
		measured  *float64
	}{
		{"3", measured, message.ParentLesson{Prediction: "factor", PredictionText: "×3", Outcome: "factor", Matched: true}, num(3), num(2.625)},
		{"12", measured, message.ParentLesson{Prediction: "much", PredictionText: "×12", Outcome: "factor"}, num(12), num(2.625)},
		{"3", outcome{}, message.ParentLesson{Prediction: "factor", PredictionText: "×3"}, num(3), nil},
		{"factor", measured, message.ParentLesson{Prediction: "factor", PredictionText: "A small factor longer (1.5 to 10 times)", Outcome: "factor", Matched: true}, nil, num(2.625)},
	} {
		got := parentLesson(les, stepOutcome, tt.guess, tt.o)
		if got.Prediction != tt.want.Prediction || got.PredictionText != tt.want.PredictionText || got.Outcome != tt.want.Outcome ||
			got.Matched != tt.want.Matched || !sameNumber(got.PredictionNumber, tt.predicted) || !sameNumber(got.MeasuredNumber, tt.measured) {
			t.Errorf("guess %s: %+v (numbers %v, %v), want %+v (numbers %v, %v)", tt.guess, got, deref(got.PredictionNumber),
				deref(got.MeasuredNumber), tt.want, deref(tt.predicted), deref(tt.measured))
		}
	}
}

func sameNumber(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
