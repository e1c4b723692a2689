package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/claims"
	"genlab/sim/figure"
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
	}
	// The order of work: 1, 2, 3 first.
	for _, n := range []int{1, 2, 3} {
		if !seen[n] {
			t.Errorf("no lesson %d", n)
		}
	}
}

// lessonRuns returns the runs a lesson trains: its figure's, or its runs side by side.
func lessonRuns(t *testing.T, l Lesson) []sim.Config {
	t.Helper()
	e := l.experiment()
	if e.Figure.Kind == "" {
		return e.Runs.Configs(e.Config)
	}
	f := lessonFigure(t, l)
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
		{"lesson=99&seed=3", "lesson = 99 is not one of 1, 2, 3, 4, 5, 6 or 9", 0, 0, ""},
		{"lesson=&seed=3", "lesson = \"\" is empty", 0, 0, ""},
		{"lesson=2&step=4", "step = 4 is not 1, 2 or 3", 2, 1, ""},
		{"lesson=2&step=x&guess=factor", "step = x is not 1, 2 or 3", 2, 1, "factor"},
		{"lesson=2&step=3&guess=maybe", "guess = maybe is not one of same, factor or much", 2, 3, ""},
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
