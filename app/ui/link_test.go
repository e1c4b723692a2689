package ui

import (
	"strings"
	"testing"

	"genlab/sim"
)

// sameState reports whether a and b are the same page.
func sameState(a, b pageState) bool { return a.Exp.equal(b.Exp) && a.View == b.View }

// A link replays its experiment exactly: parseLink reads back what linkQuery writes.
func TestLinkRoundTrip(t *testing.T) {
	var experiments []experiment
	for _, p := range Presets() {
		experiments = append(experiments, p.experiment())
	}
	custom := defaultExperiment()
	for name, value := range map[string]string{"side": "12", "lr": "0.003", "labels": "corrupt", "p": "0.35", "bn": "true", "seed": "9007199254740991"} {
		if err := custom.Config.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	custom.Runs = sim.MustParseVariants("labels=true,wd=0.0005;inputs=gaussian")
	alone := defaultExperiment()
	alone.Runs = nil
	experiments = append(experiments, custom, alone)

	for _, e := range experiments {
		q := linkQuery(pageState{Exp: e, View: defaultView()})
		got, problems := parseLink("?" + q)
		if len(problems) > 0 {
			t.Errorf("%q: problems %q", q, problems)
		}
		if !got.Exp.equal(e) || got.View != defaultView() {
			t.Errorf("%q: read back %+v, want %+v", q, got, e)
		}
	}
}

func TestLinkOfTheDefaultIsEmpty(t *testing.T) {
	if q := linkQuery(defaultState()); q != "" {
		t.Errorf("link of the default = %q, want empty", q)
	}
	if s, problems := parseLink(""); !sameState(s, defaultState()) || problems != nil {
		t.Errorf("empty link = %+v, %q", s, problems)
	}
}

func TestLinkKeepsRunsReadable(t *testing.T) {
	e := defaultExperiment()
	e.Runs = sim.MustParseVariants("labels=corrupt,p=0.5;labels=random")
	if q := linkQuery(pageState{Exp: e, View: defaultView()}); q != "runs=labels=corrupt,p=0.5%3Blabels=random" {
		t.Errorf("link %q", q)
	}
}

// A bad link still opens: every bad part is named and replaced by its default, every good
// part applies.
func TestBadLinkIsReportedAndTheRestApplies(t *testing.T) {
	s, problems := parseLink("?side=40&labels=random&runs=labels=true%3Blabels=nope&bogus=1")
	e := s.Exp
	if e.Config.Side != sim.Default().Side {
		t.Errorf("side %d, want the default", e.Config.Side)
	}
	if got := e.Config.Get("labels"); got != "random" {
		t.Errorf("labels %s, want random: good settings apply", got)
	}
	if !e.Runs.Equal(sim.DefaultVariants()) {
		t.Errorf("runs %q, want the default", e.Runs)
	}
	all := strings.Join(problems, "\n")
	for _, want := range []string{"side = 40", "8..32", "bogus", `labels = nope`, "using the default " + sim.DefaultVariants().String()} {
		if !strings.Contains(all, want) {
			t.Errorf("problems %q do not mention %q", all, want)
		}
	}
	if len(problems) != 3 {
		t.Errorf("%d problems, want 3: %q", len(problems), problems)
	}
}

func TestLinkWithRunsTwice(t *testing.T) {
	s, problems := parseLink("runs=labels=true&runs=labels=random")
	if e := s.Exp; !e.Runs.Equal(sim.DefaultVariants()) || len(problems) != 1 || !strings.Contains(problems[0], "2 times") {
		t.Errorf("got %q, %q", s.Exp.Runs, problems)
	}
}

func TestLinkWithTooManyRuns(t *testing.T) {
	_, problems := parseLink("runs=side=8%3Bside=9%3Bside=10%3Bside=11%3Bside=12")
	if len(problems) != 1 || !strings.Contains(problems[0], "at most 4") {
		t.Errorf("problems %q", problems)
	}
}

// preset= gives the starting experiment; the link's settings and runs change it, and a
// bad setting falls back to the lesson's value, which the problem names.
func TestLinkPresetWithChanges(t *testing.T) {
	s, problems := parseLink("preset=shuffled-pixels&seed=7")
	if len(problems) > 0 || s.Exp.Config.Model != sim.CNN || s.Exp.Config.Seed != 7 || s.Exp.Runs.String() != "inputs=original;inputs=shuffled" {
		t.Errorf("got %+v, %q", s.Exp, problems)
	}
	s, problems = parseLink("preset=shuffled-pixels&model=banana&runs=inputs=nope")
	if s.Exp.Config.Model != sim.CNN || s.Exp.Runs.String() != "inputs=original;inputs=shuffled" {
		t.Errorf("bad values did not keep the lesson's: %+v", s.Exp)
	}
	all := strings.Join(problems, "\n")
	for _, want := range []string{"model = banana", "(using the default cnn)", "(using the default inputs=original;inputs=shuffled)"} {
		if !strings.Contains(all, want) {
			t.Errorf("problems %q lack %q", all, want)
		}
	}
	// A setting back at sim's default still overrides the lesson.
	s, _ = parseLink("preset=shuffled-pixels&model=mlp")
	if s.Exp.Config.Model != sim.MLP {
		t.Errorf("model %v, want mlp", s.Exp.Config.Model)
	}
	// Written back, a changed lesson is its settings, not preset=: the link says what runs.
	q := linkQuery(s)
	if strings.Contains(q, "preset=") {
		t.Errorf("link of a changed lesson %q", q)
	}
	if again, problems := parseLink(q); !sameState(again, s) || len(problems) > 0 {
		t.Errorf("%q read back %+v, %q", q, again, problems)
	}
}

// Ten kinds of malformed link, as the browser tests open them: each problem names its
// parameter, and the rest of the link applies (here, width=64).
func TestMalformedLinks(t *testing.T) {
	for _, tt := range malformedLinks {
		s, problems := parseLink(tt.Query + "&width=64")
		if len(problems) == 0 {
			t.Errorf("%s: no problem reported", tt.Query)
			continue
		}
		if !strings.Contains(strings.Join(problems, "\n"), tt.Param) {
			t.Errorf("%s: problems %q do not name %s", tt.Query, problems, tt.Param)
		}
		if !strings.Contains(strings.Join(problems, "\n"), "using the default") && !strings.Contains(tt.Param, "bogus") {
			t.Errorf("%s: problems %q do not say what is used instead", tt.Query, problems)
		}
		if s.Exp.Config.Width != 64 {
			t.Errorf("%s: the rest of the link did not apply: %+v", tt.Query, s.Exp)
		}
	}
}

// malformedLinks are bad links of every kind, with the parameter their problem names.
var malformedLinks = []struct{ Query, Param string }{
	{"lr=abc", "lr"},                                         // a bad number
	{"bogus=1", "bogus"},                                     // an unknown name
	{"side=40", "side"},                                      // out of range
	{"speed=2&speed=3", "speed"},                             // a duplicated key
	{"seed=99999999999999999999999999", "seed"},              // a huge value
	{"controls=", "controls"},                                // an empty value
	{"preset=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "preset"}, // script-like text
	{"view=popup", "view"},                                   // an unknown view
	{"panels=play", "panels"},                                // an unknown panel
	{"autoplay=maybe", "autoplay"},                           // not a flag
}
