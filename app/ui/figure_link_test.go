package ui

import (
	"strings"
	"testing"

	"genlab/app/message"
)

func TestFigureLinks(t *testing.T) {
	tests := []struct {
		link     string
		want     message.FigureSetup
		rewrites string // the link written back
		problems []string
	}{
		{"figure=sweep", message.FigureSetup{Kind: "sweep"}, "figure=sweep", nil},
		{"figure=sweep&levels=11&seeds=3&side=16", message.FigureSetup{Kind: "sweep", Seeds: 3, Levels: 11},
			"side=16&figure=sweep&seeds=3&levels=11", nil},
		{"figure=table1&seeds=1&levels=6", message.FigureSetup{Kind: "table1"}, "figure=table1", nil},
		{"figure=memorization&runs=labels=random", message.FigureSetup{Kind: "memorization"}, "runs=labels=random&figure=memorization", nil},
		{"figure=fig9", message.FigureSetup{}, "", []string{`figure = fig9 is not one of randomizations, sweep, table1, theorem1, kernel or memorization`}},
		{"figure=theorem1&train=5000", message.FigureSetup{Kind: "theorem1"}, "train=5000&figure=theorem1", nil},
		{"figure=kernel&levels=3", message.FigureSetup{Kind: "kernel", Levels: 3}, "figure=kernel&levels=3", nil},
		{"figure=sweep&seeds=11&levels=1", message.FigureSetup{Kind: "sweep"}, "figure=sweep",
			[]string{"seeds = 11 is not a whole number from 1 to 10 (using the default 1)", "levels = 1 is not a whole number from 2 to 11"}},
		{"seeds=3", message.FigureSetup{}, "", []string{"seeds = 3 belongs to a figure"}},
		{"figure=sweep&figure=table1", message.FigureSetup{}, "", []string{"2 times"}},
	}
	for _, tt := range tests {
		s, problems := parseLink(tt.link)
		if s.Exp.Figure != tt.want {
			t.Errorf("%s: figure %+v, want %+v", tt.link, s.Exp.Figure, tt.want)
		}
		all := strings.Join(problems, "\n")
		if len(problems) != len(tt.problems) {
			t.Errorf("%s: problems %q, want %d", tt.link, problems, len(tt.problems))
		}
		for _, p := range tt.problems {
			if !strings.Contains(all, p) {
				t.Errorf("%s: problems %q lack %q", tt.link, all, p)
			}
		}
		if got := linkQuery(s); got != tt.rewrites {
			t.Errorf("%s: written back as %q, want %q", tt.link, got, tt.rewrites)
		}
		if again, p := parseLink(linkQuery(s)); !again.Exp.equal(s.Exp) || len(p) != 0 {
			t.Errorf("%s: does not read back: %+v, %q", tt.link, again.Exp, p)
		}
	}
}

// A figure's Setup carries the figure and no runs; the runs come back with the figure gone.
func TestFigureSetup(t *testing.T) {
	e := defaultExperiment()
	e.Figure = message.FigureSetup{Kind: "sweep", Levels: 3}
	got := e.setup()
	if got.Figure == nil || *got.Figure != e.Figure || len(got.Runs) != 0 {
		t.Errorf("setup %+v, want the figure alone", got)
	}
	if _, err := message.Decode(message.Encode(got)); err != nil {
		t.Error(err)
	}
	e.Figure = message.FigureSetup{}
	if got := e.setup(); got.Figure != nil || !got.Runs.Equal(defaultExperiment().Runs) {
		t.Errorf("setup %+v, want the runs", got)
	}
	if activePreset(experiment{Config: defaultExperiment().Config, Runs: defaultExperiment().Runs, Figure: message.FigureSetup{Kind: "sweep"}}) != "" {
		t.Error("a figure counts as a lesson")
	}
}
