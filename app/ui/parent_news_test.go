package ui

import (
	"reflect"
	"testing"

	"genlab/app/message"
)

func newsRun(name string, epoch int, stop string, epochsToFit int) message.RunStats {
	return message.RunStats{Name: variant(name), Epoch: epoch, Stop: stop, EpochsToFit: epochsToFit, Examples: 100, Fitted: epoch * 10}
}

func types(events []message.ParentEvent) []string {
	var out []string
	for _, e := range events {
		t := e.Type
		if e.Run != nil {
			t += ":" + string(rune('0'+*e.Run))
		}
		out = append(out, t)
	}
	return out
}

func TestParentNews(t *testing.T) {
	var n parentNews
	steps := []struct {
		name    string
		ready   bool
		playing bool
		runs    []message.RunStats
		want    []string
	}{
		{"metrics before ready: silence", false, false, []message.RunStats{newsRun("labels=true", 0, "running", 0)}, nil},
		{"ready", true, false, []message.RunStats{newsRun("labels=true", 0, "running", 0), newsRun("labels=random", 0, "running", 0)}, []string{"ready"}},
		{"nothing new", false, false, []message.RunStats{newsRun("labels=true", 0, "running", 0), newsRun("labels=random", 0, "running", 0)}, nil},
		{"playing starts", false, true, []message.RunStats{newsRun("labels=true", 0, "running", 0), newsRun("labels=random", 0, "running", 0)}, []string{"progress"}},
		{"mid-epoch: nothing new", false, true, []message.RunStats{newsRun("labels=true", 0, "running", 0), newsRun("labels=random", 0, "running", 0)}, nil},
		{"an epoch", false, true, []message.RunStats{newsRun("labels=true", 1, "running", 0), newsRun("labels=random", 0, "running", 0)}, []string{"progress"}},
		{"run a fits", false, true, []message.RunStats{newsRun("labels=true", 2, "fitted", 2), newsRun("labels=random", 1, "running", 0)}, []string{"progress", "fitted:0"}},
		{"run b epochs on", false, true, []message.RunStats{newsRun("labels=true", 2, "fitted", 2), newsRun("labels=random", 2, "running", 0)}, []string{"progress"}},
		{"run b fits, all stop", false, false, []message.RunStats{newsRun("labels=true", 2, "fitted", 2), newsRun("labels=random", 3, "fitted", 3)}, []string{"progress", "fitted:1"}},
		{"reset: epoch 0 again", false, false, []message.RunStats{newsRun("labels=true", 0, "running", 0), newsRun("labels=random", 0, "running", 0)}, []string{"progress"}},
		{"fits again after the reset", false, true, []message.RunStats{newsRun("labels=true", 2, "fitted", 2), newsRun("labels=random", 1, "running", 0)}, []string{"progress", "fitted:0"}},
	}
	for _, s := range steps {
		var got []message.ParentEvent
		if s.ready {
			got = n.ready(s.playing, s.runs)
		} else {
			got = n.metrics(s.playing, s.runs)
		}
		if g := types(got); len(g) != len(s.want) || (len(g) > 0 && join(g) != join(s.want)) {
			t.Errorf("%s: events %v, want %v", s.name, g, s.want)
		}
		for _, e := range got {
			if len(e.Runs) != len(s.runs) || e.Playing != s.playing {
				t.Errorf("%s: event %+v", s.name, e)
			}
		}
	}
	// A Setup silences the runs it replaced until their Ready.
	n.reset()
	if got := n.metrics(true, []message.RunStats{newsRun("labels=true", 5, "running", 0)}); got != nil {
		t.Errorf("after a Setup: %v", types(got))
	}
}

func TestParentRuns(t *testing.T) {
	runs := parentRuns([]message.RunStats{
		{Name: variant("labels=random"), Epoch: 3, TrainAcc: 0.5, TestAcc: 0.1, Fitted: 500, Examples: 1000, Stop: "running"},
		{Examples: 1000, Stop: "running"}, // the base settings alone
	})
	want := []message.ParentRunStats{
		{Name: variant("labels=random"), Title: "Random labels", Epoch: 3, TrainAcc: 0.5, TestAcc: 0.1, Fitted: 500, Examples: 1000, State: "running"},
		{Title: "Run 2", Examples: 1000, State: "running"},
	}
	if !reflect.DeepEqual(runs, want) {
		t.Errorf("got %+v", runs)
	}
}

func join(s []string) string {
	out := ""
	for _, x := range s {
		out += x + " "
	}
	return out
}
