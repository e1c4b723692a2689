package relay

import (
	"fmt"
	"slices"

	"genlab/app/lab"
	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/figure"
)

// Study makes one of the paper's figures (package sim/figure) on the pool's workers:
// worker w trains one trial at a time as its run w (its slot), at full speed, and the
// Schedule hands out the next trial when one ends. Each slot is followed as a lab.Lane,
// like a run of a bench, so that its snapshots can be checked and shown; when the lane's
// numbers say the run has stopped, its Summary and curves become the figure's result.
//
// A trial's Setup goes to a worker that may still be sending reports of the trial before:
// a slot ignores every report between a new Setup and the Ready that answers it, so that
// the last numbers of one trial are never taken for the first of the next.
type Study struct {
	Figure *figure.Figure
	// Slots are the trials being trained, lane w on worker w; a lane's Config is its
	// trial's, and Playing says whether the study plays.
	Slots lab.Bench

	schedule *Schedule
	awaiting []bool // slot w was given a trial and has not answered Ready
}

// NewStudy lays out the figure of setup (a Setup with a Figure) over workers slots: the
// training workers' for a trained figure, the one theory worker's for a computed one.
func NewStudy(setup message.Envelope, workers int) (*Study, error) {
	if setup.Figure == nil {
		return nil, fmt.Errorf("a %s message without a figure", setup.Kind)
	}
	kind, opts, err := setup.Figure.Options()
	if err != nil {
		return nil, err
	}
	base, err := sim.ParseQuery(setup.Query)
	if err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	f, err := figure.New(kind, base, opts)
	if err != nil {
		return nil, err
	}
	workers = max(workers, 1)
	return &Study{
		Figure:   f,
		Slots:    lab.Bench{Lanes: make([]lab.Lane, workers)},
		schedule: NewSchedule(len(f.Trials), workers),
		awaiting: make([]bool, workers),
	}, nil
}

// Play starts or resumes the study: it returns the trials to hand out, and the slots
// whose paused trials go on (to play).
func (s *Study) Play() (assign []Assignment, resume []int) {
	s.Slots.Playing = !s.schedule.Complete()
	for w, t := range s.schedule.Running() {
		if t >= 0 {
			resume = append(resume, w)
		}
	}
	assign = s.schedule.Start()
	s.begin(assign)
	return assign, resume
}

// Pause stops handing out trials and returns the slots training one, to pause.
func (s *Study) Pause() []int {
	s.schedule.Pause()
	s.Slots.Playing = false
	var running []int
	for w, t := range s.schedule.Running() {
		if t >= 0 {
			running = append(running, w)
		}
	}
	return running
}

// begin makes slot lanes for new assignments.
func (s *Study) begin(assign []Assignment) {
	for _, a := range assign {
		t := s.Figure.Trials[a.Trial]
		s.Slots.Lanes[a.Worker] = lab.Lane{
			Config: t.Config, Title: t.Key,
			Stats: message.RunStats{Examples: t.Config.TrainingExamples(), Stop: sim.Running.String()},
		}
		s.awaiting[a.Worker] = true
	}
}

// Receive applies a report of slot w. It returns the trials to hand out next (when the
// report ended one), and whether the figure got a new result.
func (s *Study) Receive(w int, e message.Envelope, snap []byte) (assign []Assignment, result bool, err error) {
	if w < 0 || w >= len(s.awaiting) {
		return nil, false, fmt.Errorf("report from unknown slot %d", w)
	}
	trial := s.schedule.Running()[w]
	switch {
	case trial < 0:
		return nil, false, nil // a slot with no trial: a report of a trial already done
	case e.Kind == message.Ready:
		s.awaiting[w] = false
	case s.awaiting[w]:
		return nil, false, nil // about the trial before
	}
	if err := s.Slots.Receive(w, e, snap); err != nil {
		return nil, false, err
	}
	lane := &s.Slots.Lanes[w]
	if lane.Stats.Summary == nil {
		return nil, false, nil
	}
	s.Figure.Set(trial, resultOf(s.Figure.Kind, lane))
	_, assign = s.schedule.Finished(w, trial)
	s.begin(assign)
	if s.schedule.Complete() {
		s.Slots.Playing = false
	}
	return assign, true, nil
}

// resultOf reads a finished trial's result from its lane. Memorization also needs to know
// which training labels were corrupted and the classes of the images: they are made
// again from the seed, as the canvas makes a lane's images.
func resultOf(kind figure.Kind, lane *lab.Lane) figure.Result {
	r := figure.Result{Summary: *lane.Stats.Summary, History: slices.Clone(lane.Snap.History)}
	if kind == figure.Memorization {
		im := sim.TrainingImages(lane.Config)
		r.FirstFit = slices.Clone(lane.Snap.FirstFit)
		r.Noisy = make([]bool, im.Len())
		for i := range r.Noisy {
			r.Noisy[i] = im.Corrupted(i)
		}
		r.Classes = slices.Clone(im.True)
	}
	return r
}

// Computed applies the theory worker's answer to the trial it computes (slot 0). An
// answer to another computation (of a figure shown before) changes nothing.
func (s *Study) Computed(e message.Envelope) (assign []Assignment, result bool) {
	trial := s.schedule.Running()[0]
	if trial < 0 || trial != e.Trial {
		return nil, false
	}
	t := s.Figure.Trials[trial]
	if t.Config.Encode() != e.Query || t.Kernel != e.Kernel {
		return nil, false
	}
	s.Figure.Set(trial, figure.Result{Values: e.Values, Picture: e.Picture})
	_, assign = s.schedule.Finished(0, trial)
	if s.schedule.Complete() {
		s.Slots.Playing = false
	}
	return assign, true
}

// Progress is what the page hears of the study.
func (s *Study) Progress() *message.FigureProgress {
	done, total := s.schedule.Progress()
	return &message.FigureProgress{Done: done, Total: total, Cells: message.Cells(s.Figure)}
}

// Computing reports whether the theory worker is computing a trial of this (computed)
// figure.
func (s *Study) Computing() bool {
	return !s.Figure.Kind.Trained() && s.schedule.Running()[0] >= 0
}

// Busy reports whether trials remain to be trained.
func (s *Study) Busy() bool { return !s.schedule.Complete() }

// Started reports whether any trial was handed out: a study not playing is then paused.
func (s *Study) Started() bool {
	return slices.ContainsFunc(s.schedule.Running(), func(t int) bool { return t >= 0 }) || s.Figure.Done() > 0
}
