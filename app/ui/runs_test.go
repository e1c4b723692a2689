package ui

import (
	"slices"
	"strings"
	"testing"

	"genlab/sim"
)

func TestCheckRuns(t *testing.T) {
	base := sim.Default()
	for _, runs := range []string{"", sim.DefaultVariants, "labels=corrupt,p=0.4;inputs=shuffled", "model=mlp;model=cnn;model=linear;labels=random", " labels=true ; ; labels=random "} {
		if err := checkRuns(base, runs); err != nil {
			t.Errorf("checkRuns(%q) = %v", runs, err)
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
		err := checkRuns(base, runs)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("checkRuns(%q) = %v, want an error saying %q", runs, err, want)
		}
	}
}

func TestCheckRunsTextTidiesAndExplains(t *testing.T) {
	runs, problem := checkRunsText(" labels = true ;; labels=corrupt , p=0.5 ", sim.DefaultVariants)
	if problem != "" || runs != "labels=true;labels=corrupt,p=0.5" {
		t.Errorf("got %q, %q", runs, problem)
	}
	_, problem = checkRunsText("labels=true;labels=rand", sim.DefaultVariants)
	for _, want := range []string{"Runs side by side", `"labels=rand"`, "labels = rand", "true, corrupt or random", "Still using " + sim.DefaultVariants} {
		if !strings.Contains(problem, want) {
			t.Errorf("%q does not say %q", problem, want)
		}
	}
	if _, problem = checkRunsText("colour=red", ""); strings.Contains(problem, "ignored") || !strings.Contains(problem, "settings below alone") {
		t.Errorf("unknown name: %q", problem)
	}
	if runs, problem := checkRunsText("  ", sim.DefaultVariants); runs != "" || problem != "" {
		t.Errorf("empty runs: %q, %q; want the base alone", runs, problem)
	}
}

func TestRunNames(t *testing.T) {
	tests := map[string][]string{
		sim.DefaultVariants:             {"labels=true", "labels=random"},
		"":                              {""},
		" ; labels=random ;":            {"labels=random"},
		"inputs=original;inputs=random": {"inputs=original", "inputs=random"},
	}
	for runs, want := range tests {
		if got := runNames(runs); !slices.Equal(got, want) {
			t.Errorf("runNames(%q) = %q, want %q", runs, got, want)
		}
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
	e.Runs = "labels=true,lr=0.3;labels=random;model=cnn,cnnlr=0.2"
	got, err := lowerLearningRate(e)
	if err != nil {
		t.Fatal(err)
	}
	if lr, cnnlr := got.Config.Get("lr"), got.Config.Get("cnnlr"); lr != "0.3" || cnnlr != "0.05" {
		t.Errorf("base lr %s, cnnlr %s; want 0.3 and 0.05", lr, cnnlr)
	}
	if got.Runs != "labels=true,lr=0.03;labels=random;model=cnn,cnnlr=0.02" {
		t.Errorf("runs %q, want the variants' rates lowered too", got.Runs)
	}
	if e.Config.Get("lr") != "3" {
		t.Error("the experiment given was changed")
	}

	// At the bottom of the range there is nowhere to go, and the error says so.
	if err := e.Config.Set("lr", "1e-05"); err != nil {
		t.Fatal(err)
	}
	if _, err := lowerLearningRate(e); err == nil || !strings.Contains(err.Error(), "as low as it goes") {
		t.Errorf("lowering the minimum: %v", err)
	}
}

func TestTidyRuns(t *testing.T) {
	if got := tidyRuns(" a = 1 , b=2 ;; ;c=3"); got != "a=1,b=2;c=3" {
		t.Errorf("tidyRuns = %q", got)
	}
}
