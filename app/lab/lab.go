// Package lab is the canvas's model of the experiment: the runs side by side, each with
// its settings, its images (regenerated from the seed, so they never cross the wire), the
// latest snapshot and numbers its worker reported, and whether the lab is playing. The
// canvas binary feeds it the messages of the page and of the workers and paints what it
// holds; everything here is plain Go, tested natively.
package lab

import (
	"errors"
	"fmt"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/data"
)

// Run is one run of the lab.
type Run struct {
	Config  sim.Config
	Variant sim.Variant // what it changes in the base settings, e.g. labels=random
	Title   string      // for people, e.g. "Random labels"
	Images  data.Images
	Snap    sim.Snapshot
	Stats   message.Run
	Ready   bool // its worker has built it
}

// Lab is the experiment on screen. The zero value has no runs.
type Lab struct {
	Runs    []Run
	Playing bool
}

// New sets up the runs of the base settings in query (a link query) and the variants,
// without their images: MakeImages makes them, which takes a while, so the canvas first
// hands the runs to its workers. Settings come from the page, which validated them, so
// bad ones are an error, not a fallback.
func New(query string, variants sim.Variants) (*Lab, error) {
	base, err := sim.ParseQuery(query)
	if err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	if len(variants) > message.MaxRuns {
		return nil, fmt.Errorf("%d runs side by side; at most %d fit on the canvas", len(variants), message.MaxRuns)
	}
	runs, titles := variants.PerRun(), variants.Titles()
	l := &Lab{Runs: make([]Run, len(runs))}
	for i, v := range runs {
		r := &l.Runs[i]
		r.Config, r.Variant, r.Title = base.With(v), v, titles[i]
		r.Stats = message.Run{Name: v, Examples: r.Config.TrainingExamples(), Stop: sim.Running.String()}
	}
	return l, nil
}

// MakeImages makes run's training images, which the canvas shows: the same images, from
// the same seed, as its worker trains on.
func (l *Lab) MakeImages(run int) {
	l.Runs[run].Images = sim.TrainingImages(l.Runs[run].Config)
}

// Queries returns the settings of every run, as the link queries its worker is set up with.
func (l *Lab) Queries() []string {
	q := make([]string, len(l.Runs))
	for i, r := range l.Runs {
		q[i] = r.Config.Encode()
	}
	return q
}

// Receive applies what run's worker reported: numbers and, with Ready and Metrics, the
// snapshot's bytes. A report that does not fit (wrong kind, bad bytes, a snapshot of
// another size than the run's images) is an error and changes nothing.
func (l *Lab) Receive(run int, e message.Envelope, snap []byte) error {
	if run < 0 || run >= len(l.Runs) {
		return fmt.Errorf("report from unknown run %d", run)
	}
	r := &l.Runs[run]
	switch e.Kind {
	case message.Ready, message.Metrics:
	default:
		return fmt.Errorf("unexpected %s report from run %d", e.Kind, run)
	}
	if len(e.Stats) != 1 {
		return errors.New("a run reports exactly one run's numbers")
	}
	var s sim.Snapshot
	s, r.Snap = r.Snap, sim.Snapshot{} // decode into the old buffers, keep them on failure
	if err := message.DecodeSnapshot(&s, snap); err != nil {
		r.Snap = s
		return err
	}
	if len(s.Fitted) != r.Config.TrainingExamples() {
		r.Snap = s
		return fmt.Errorf("snapshot of %d examples for a run of %d", len(s.Fitted), r.Config.TrainingExamples())
	}
	r.Snap = s
	st := e.Stats[0]
	st.Name = r.Variant
	r.Stats = st
	r.Ready = true
	return nil
}

// AllReady reports whether every run's worker has built its run.
func (l *Lab) AllReady() bool {
	for _, r := range l.Runs {
		if !r.Ready {
			return false
		}
	}
	return len(l.Runs) > 0
}

// Busy reports whether any run still trains: the lab stops playing when all are done.
func (l *Lab) Busy() bool {
	for _, r := range l.Runs {
		if r.Stats.Stop == sim.Running.String() {
			return true
		}
	}
	return false
}

// Report is the page's view of the lab: Ready when kind is Ready, else Metrics.
func (l *Lab) Report(kind message.Kind) message.Envelope {
	e := message.Envelope{Kind: kind, Playing: l.Playing && l.Busy(), Stats: make([]message.Run, len(l.Runs))}
	for i, r := range l.Runs {
		e.Stats[i] = r.Stats
	}
	return e
}
