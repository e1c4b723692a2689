// Package lab is the canvas's model of the experiment, a Bench: the runs side by side,
// one Lane each, with its settings, its images (sent once by its worker, which made them
// to train on), the latest snapshot and numbers its worker reported, and whether the
// experiment is playing. The runs train elsewhere, in workers (package app/trainer); a
// Bench only follows them. The canvas binary feeds it the messages of the page and of the
// workers and paints what it holds; everything here is plain Go, tested natively.
package lab

import (
	"errors"
	"fmt"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/data"
)

// Lane is one run on the bench, as the canvas follows it: what it trains on, what it is
// called, and what its worker last reported.
type Lane struct {
	Config  sim.Config
	Variant sim.Variant // what it changes in the base settings, e.g. labels=random
	Title   string      // for people, e.g. "Random labels"
	Images  data.Images
	Snap    sim.Snapshot
	Stats   message.RunStats
	Ready   bool // its worker has built it
}

// Bench is the experiment on screen: its runs, one Lane each, in order. The zero value
// has no runs.
type Bench struct {
	Lanes   []Lane
	Playing bool
}

// New sets up the runs of the base settings in query (a link query) and the variants,
// without their images: each run's worker sends them after its Ready (see SetImages).
// Settings come from the page, which validated them, so bad ones are an error, not a
// fallback.
func New(query string, variants sim.Variants) (*Bench, error) {
	base, err := sim.ParseQuery(query)
	if err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	if len(variants) > message.MaxRuns {
		return nil, fmt.Errorf("%d runs side by side; at most %d fit on the canvas", len(variants), message.MaxRuns)
	}
	runs, titles := variants.PerRun(), variants.Titles()
	b := &Bench{Lanes: make([]Lane, len(runs))}
	for i, v := range runs {
		r := &b.Lanes[i]
		r.Config, r.Variant, r.Title = base.With(v), v, titles[i]
		r.Stats = message.RunStats{Name: v, Examples: r.Config.TrainingExamples(), Stop: sim.Running.String()}
	}
	return b, nil
}

// SetImages sets run's training images from the bytes of its worker's Images message
// (message.AppendImages). Images that do not fit the run's settings (another count or
// size) are an error and change nothing.
//
// Why the worker sends them: it made them to train on, and making them again here took a
// quarter of a second or more per run of the thread the canvas shares with the page,
// right when the first epoch's numbers were due.
func (b *Bench) SetImages(run int, images []byte) error {
	if run < 0 || run >= len(b.Lanes) {
		return fmt.Errorf("images of unknown run %d", run)
	}
	im, err := message.DecodeImages(images)
	if err != nil {
		return fmt.Errorf("run %d: %w", run, err)
	}
	c := &b.Lanes[run].Config
	if im.Len() != c.TrainingExamples() || im.Side != c.Side {
		return fmt.Errorf("run %d: %d images of side %d, want %d of side %d", run, im.Len(), im.Side, c.TrainingExamples(), c.Side)
	}
	b.Lanes[run].Images = im
	return nil
}

// Queries returns the settings of every run, as the link queries its worker is set up with.
func (b *Bench) Queries() []string {
	q := make([]string, len(b.Lanes))
	for i, r := range b.Lanes {
		q[i] = r.Config.Encode()
	}
	return q
}

// Receive applies what run's worker reported: numbers and, with Ready and Metrics, the
// snapshot's bytes. A report that does not fit (wrong kind, bad bytes, a snapshot of
// another size than the run's images) is an error and changes nothing.
func (b *Bench) Receive(run int, e message.Envelope, snap []byte) error {
	if run < 0 || run >= len(b.Lanes) {
		return fmt.Errorf("report from unknown run %d", run)
	}
	r := &b.Lanes[run]
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
func (b *Bench) AllReady() bool {
	for _, r := range b.Lanes {
		if !r.Ready {
			return false
		}
	}
	return len(b.Lanes) > 0
}

// Busy reports whether any run still trains: the lab stops playing when all are done.
func (b *Bench) Busy() bool {
	for _, r := range b.Lanes {
		if r.Stats.Stop == sim.Running.String() {
			return true
		}
	}
	return false
}

// Report is the page's view of the lab: Ready when kind is Ready, else Metrics.
func (b *Bench) Report(kind message.Kind) message.Envelope {
	e := message.Envelope{Kind: kind, Playing: b.Playing && b.Busy(), Stats: make([]message.RunStats, len(b.Lanes))}
	for i, r := range b.Lanes {
		e.Stats[i] = r.Stats
	}
	return e
}
