package ui

import (
	"strings"
	"testing"

	"genlab/sim"
)

// A link replays its experiment exactly: parseLink reads back what linkQuery writes.
func TestLinkRoundTrip(t *testing.T) {
	var experiments []experiment
	for _, p := range Presets() {
		e, err := p.experiment()
		if err != nil {
			t.Fatal(err)
		}
		experiments = append(experiments, e)
	}
	custom := defaultExperiment()
	for name, value := range map[string]string{"side": "12", "lr": "0.003", "labels": "corrupt", "p": "0.35", "bn": "true", "seed": "9007199254740991"} {
		if err := custom.Config.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	custom.Runs = "labels=true,wd=0.0005;inputs=gaussian"
	alone := defaultExperiment()
	alone.Runs = ""
	experiments = append(experiments, custom, alone)

	for _, e := range experiments {
		q := linkQuery(e)
		got, problems := parseLink("?" + q)
		if len(problems) > 0 {
			t.Errorf("%q: problems %q", q, problems)
		}
		if got != e {
			t.Errorf("%q: read back %+v, want %+v", q, got, e)
		}
	}
}

func TestLinkOfTheDefaultIsEmpty(t *testing.T) {
	if q := linkQuery(defaultExperiment()); q != "" {
		t.Errorf("link of the default = %q, want empty", q)
	}
	if e, problems := parseLink(""); e != defaultExperiment() || problems != nil {
		t.Errorf("empty link = %+v, %q", e, problems)
	}
}

func TestLinkKeepsRunsReadable(t *testing.T) {
	e := defaultExperiment()
	e.Runs = "labels=corrupt,p=0.5;labels=random"
	if q := linkQuery(e); q != "runs=labels=corrupt,p=0.5%3Blabels=random" {
		t.Errorf("link %q", q)
	}
}

// A bad link still opens: every bad part is named and replaced by its default, every good
// part applies.
func TestBadLinkIsReportedAndTheRestApplies(t *testing.T) {
	e, problems := parseLink("?side=40&labels=random&runs=labels=true%3Blabels=nope&bogus=1")
	if e.Config.Side != sim.Default().Side {
		t.Errorf("side %d, want the default", e.Config.Side)
	}
	if got := e.Config.Get("labels"); got != "random" {
		t.Errorf("labels %s, want random: good settings apply", got)
	}
	if e.Runs != sim.DefaultVariants {
		t.Errorf("runs %q, want the default", e.Runs)
	}
	all := strings.Join(problems, "\n")
	for _, want := range []string{"side = 40", "8..32", "bogus", `labels = nope`, "using the default " + sim.DefaultVariants} {
		if !strings.Contains(all, want) {
			t.Errorf("problems %q do not mention %q", all, want)
		}
	}
	if len(problems) != 3 {
		t.Errorf("%d problems, want 3: %q", len(problems), problems)
	}
}

func TestLinkWithRunsTwice(t *testing.T) {
	e, problems := parseLink("runs=labels=true&runs=labels=random")
	if e.Runs != sim.DefaultVariants || len(problems) != 1 || !strings.Contains(problems[0], "2 times") {
		t.Errorf("got %q, %q", e.Runs, problems)
	}
}

func TestLinkWithTooManyRuns(t *testing.T) {
	_, problems := parseLink("runs=side=8%3Bside=9%3Bside=10%3Bside=11%3Bside=12")
	if len(problems) != 1 || !strings.Contains(problems[0], "at most 4") {
		t.Errorf("problems %q", problems)
	}
}
