package ui

import (
	"strings"
	"testing"

	"genlab/sim"
)

// variant reads one variant written in a test.
func variant(text string) sim.Variant {
	vs := sim.MustParseVariants(text)
	if len(vs) != 1 {
		panic("variant: not one run: " + text)
	}
	return vs[0]
}

func TestParseRuns(t *testing.T) {
	for _, runs := range []string{"", "labels=true;labels=random", "labels=corrupt,p=0.4;inputs=shuffled", "model=mlp;model=cnn;model=linear;labels=random", " labels=true ; ; labels=random "} {
		if _, err := parseRuns(runs); err != nil {
			t.Errorf("parseRuns(%q) = %v", runs, err)
		}
	}
	bad := map[string]string{
		"labels=true;labels=rand":               `labels = rand`,
		"side=40":                               "out of range 8..32",
		"labels":                                "no value",
		"colour=red":                            "not a known parameter",
		"side=8;side=9;side=10;side=11;side=12": "5 runs, want at most 4",
		"labels=true;labels=random;p=0.1;p=0.2;p=0.3;p=0.4": "6 runs",
	}
	for runs, want := range bad {
		_, err := parseRuns(runs)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseRuns(%q) = %v, want an error saying %q", runs, err, want)
		}
	}
}

func TestReadRunsTextTidiesAndExplains(t *testing.T) {
	runs, problem := readRunsText(" labels = true ;; labels=corrupt , p=0.50 ", sim.DefaultVariants())
	if problem != "" || runs.String() != "labels=true;labels=corrupt,p=0.5" {
		t.Errorf("got %q, %q", runs, problem)
	}
	_, problem = readRunsText("labels=true;labels=rand", sim.DefaultVariants())
	for _, want := range []string{"Runs side by side", `"labels=rand"`, "labels = rand", "true, corrupt or random", "Still using labels=true;labels=random."} {
		if !strings.Contains(problem, want) {
			t.Errorf("%q does not say %q", problem, want)
		}
	}
	if _, problem = readRunsText("colour=red", nil); strings.Contains(problem, "ignored") || !strings.Contains(problem, "settings below alone") {
		t.Errorf("unknown name: %q", problem)
	}
	if runs, problem := readRunsText("  ", sim.DefaultVariants()); len(runs) != 0 || problem != "" {
		t.Errorf("empty runs: %q, %q; want the base alone", runs, problem)
	}
}

func TestLowerLearningRate(t *testing.T) {
	e := defaultExperiment()
	if err := e.Config.Set("lr", "3"); err != nil {
		t.Fatal(err)
	}
	if err := e.Config.Set("cnnlr", "0.5"); err != nil {
		t.Fatal(err)
	}
	e.Runs = sim.MustParseVariants("labels=true,lr=0.3;labels=random;model=cnn,cnnlr=0.2")
	got, err := lowerLearningRate(e)
	if err != nil {
		t.Fatal(err)
	}
	if lr, cnnlr := got.Config.Get("lr"), got.Config.Get("cnnlr"); lr != "0.3" || cnnlr != "0.05" {
		t.Errorf("base lr %s, cnnlr %s; want 0.3 and 0.05", lr, cnnlr)
	}
	if got.Runs.String() != "labels=true,lr=0.03;labels=random;model=cnn,cnnlr=0.02" {
		t.Errorf("runs %q, want the variants' rates lowered too", got.Runs)
	}
	if e.Config.Get("lr") != "3" || e.Runs.String() != "labels=true,lr=0.3;labels=random;model=cnn,cnnlr=0.2" {
		t.Error("the experiment given was changed")
	}
	if alone, err := lowerLearningRate(defaultExperiment()); err != nil || !alone.Runs.Equal(sim.DefaultVariants()) {
		t.Errorf("runs without a rate of their own: %q, %v", alone.Runs, err)
	}

	// At the bottom of the range there is nowhere to go, and the error says so.
	if err := e.Config.Set("lr", "1e-05"); err != nil {
		t.Fatal(err)
	}
	if _, err := lowerLearningRate(e); err == nil || !strings.Contains(err.Error(), "as low as it goes") {
		t.Errorf("lowering the minimum: %v", err)
	}
	e = defaultExperiment()
	e.Runs = sim.MustParseVariants("lr=1e-05")
	if _, err := lowerLearningRate(e); err == nil || !strings.Contains(err.Error(), `run "lr=1e-05"`) {
		t.Errorf("lowering a variant's minimum: %v", err)
	}
}
