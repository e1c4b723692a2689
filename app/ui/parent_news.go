package ui

import (
	"genlab/app/message"
	"genlab/sim"
)

// parentNews decides what the course page is told (see the parent API in package
// message), from the canvas's reports as Lab receives them. It is pure, so its rules are
// tested natively: a "ready" for every Ready; for Metrics, a "progress" whenever a run
// reached another epoch, changed state, or the lesson started or stopped playing (the
// canvas reports several times a second, mostly with nothing new, and those stay quiet);
// and a "fitted" for each run that has just fitted every training example.
type parentNews struct {
	last    []message.RunStats // what the course page was last told
	playing bool
	known   bool // the course page has had a ready since the last Setup
}

// ready returns the events for a Ready report.
func (n *parentNews) ready(playing bool, stats []message.RunStats) []message.ParentEvent {
	n.last, n.playing, n.known = append(n.last[:0], stats...), playing, true
	return []message.ParentEvent{{Type: message.ParentReady, Playing: playing, Runs: parentRuns(stats)}}
}

// metrics returns the events for a Metrics report, often none.
func (n *parentNews) metrics(playing bool, stats []message.RunStats) []message.ParentEvent {
	if !n.known {
		return nil // numbers of runs the course page was not told were built
	}
	changed := playing != n.playing || len(stats) != len(n.last)
	var fitted []int
	for i, r := range stats {
		if i >= len(n.last) {
			continue
		}
		old := n.last[i]
		if r.Epoch != old.Epoch || r.Stop != old.Stop {
			changed = true
		}
		if r.EpochsToFit > 0 && old.EpochsToFit == 0 {
			fitted = append(fitted, i)
		}
	}
	if !changed && len(fitted) == 0 {
		return nil
	}
	n.last, n.playing = append(n.last[:0], stats...), playing
	runs := parentRuns(stats)
	events := []message.ParentEvent{{Type: message.ParentProgress, Playing: playing, Runs: runs}}
	for _, i := range fitted {
		events = append(events, message.ParentEvent{Type: message.ParentFitted, Playing: playing, Run: &i, Runs: runs})
	}
	return events
}

// reset forgets the runs: a Setup replaces them, and until its Ready nothing is said.
func (n *parentNews) reset() {
	n.last, n.known = n.last[:0], false
}

// parentRuns is the runs as the course page sees them.
func parentRuns(stats []message.RunStats) []message.ParentRunStats {
	variants := make(sim.Variants, len(stats))
	for i, r := range stats {
		variants[i] = r.Name
	}
	titles := variants.Titles()
	runs := make([]message.ParentRunStats, len(stats))
	for i, r := range stats {
		runs[i] = message.ParentRunStats{
			Name: r.Name, Title: titles[i], Epoch: r.Epoch,
			TrainAcc: r.TrainAcc, TestAcc: r.TestAcc, Fitted: r.Fitted, Examples: r.Examples,
			EpochsToFit: r.EpochsToFit, FitEpochs: r.FitEpochs, State: r.Stop,
		}
	}
	return runs
}
