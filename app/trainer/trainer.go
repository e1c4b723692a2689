// Package trainer drives one training run on behalf of a worker: it applies the
// page's commands (play, pause, step, reset, speed) to a sim.Run and trains it in
// time slices, so the loop around it can come up for air to receive the next command and
// report progress. It knows nothing of JavaScript: the worker binary (wasm/worker) only
// wires it to postMessage, and everything here is tested natively.
package trainer

import (
	"fmt"
	"math"
	"time"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/nn/kernel"
)

// Trainer owns one run. The zero value is not usable; call New.
type Trainer struct {
	cfg   sim.Config
	query string
	run   *sim.Run
	now   func() time.Time

	playing  bool
	stepping bool // finish the current epoch, then pause
	speed    int

	allowance float64   // steps that may be taken now at a limited speed
	lastTick  time.Time // when allowance was last refilled

	epochWork    time.Duration // time spent stepping in the current epoch
	msPerExample float64       // of the last finished epoch
}

// New builds the run of the settings in query (a link query, sim.Config.Encode). Unlike a
// page reading a link, it is strict: the page has validated the settings, so anything bad
// here is a bug or a forged message, and is an error. now is the clock (time.Now).
func New(query string, now func() time.Time) (*Trainer, error) {
	cfg, err := sim.ParseQuery(query)
	if err != nil {
		return nil, fmt.Errorf("settings %q: %w", query, err)
	}
	run, err := sim.NewRun(cfg)
	if err != nil {
		return nil, err
	}
	return &Trainer{cfg: cfg, query: query, run: run, now: now, speed: message.DefaultSpeed}, nil
}

// Untouched reports whether the trainer is what New(query) builds: the same settings,
// paused, not one step trained.
func (t *Trainer) Untouched(query string) bool {
	return t.query == query && !t.Busy() && !t.playing && t.run.Summary().Steps == 0
}

// Run returns the run being trained (read-only).
func (t *Trainer) Run() *sim.Run { return t.run }

// Playing reports whether the trainer trains on its own.
func (t *Trainer) Playing() bool { return t.playing }

// Handle applies a command. Setup is not handled here: a new setup is a new Trainer.
func (t *Trainer) Handle(e message.Envelope) error {
	switch e.Kind {
	case message.Play:
		t.playing = !t.run.Done()
		t.lastTick = t.now()
	case message.Pause:
		t.playing, t.stepping = false, false
	case message.Step:
		t.playing = false
		t.stepping = !t.run.Done()
	case message.Reset:
		run, err := sim.NewRun(t.cfg)
		if err != nil {
			return err // cannot happen: the same settings built a run before
		}
		t.run = run
		t.playing, t.stepping = false, false
		t.epochWork, t.msPerExample = 0, 0
	case message.Speed:
		t.speed = e.Speed
		t.allowance = 0
		t.lastTick = t.now()
	default:
		return fmt.Errorf("trainer: cannot handle a %s message", e.Kind)
	}
	return nil
}

// Busy reports whether there is training to do.
func (t *Trainer) Busy() bool { return (t.playing || t.stepping) && !t.run.Done() }

// Work trains for up to budget, or until the epoch ends, the run stops or a limited
// speed runs out of steps for now. It reports whether an epoch ended.
func (t *Trainer) Work(budget time.Duration) (epochEnded bool) {
	start := t.now()
	rate := message.StepsPerSecond(t.speed)
	for t.Busy() && t.now().Sub(start) < budget {
		if rate > 0 && !t.stepping {
			now := t.now()
			t.allowance = min(t.allowance+rate*now.Sub(t.lastTick).Seconds(), max(1, rate/10))
			t.lastTick = now
			if t.allowance < 1 {
				return false
			}
			t.allowance--
		}
		s := t.now()
		ended := t.run.Step()
		t.epochWork += t.now().Sub(s)
		if t.run.Done() {
			t.playing, t.stepping = false, false
		}
		if ended {
			t.msPerExample = float64(t.epochWork.Microseconds()) / 1000 / float64(t.run.Train().Len())
			t.epochWork = 0
			if t.stepping {
				t.stepping = false
			}
			return true
		}
	}
	return false
}

// Wait returns how long to sleep before Work can take another step at the current speed
// (0 when it can now).
func (t *Trainer) Wait() time.Duration {
	rate := message.StepsPerSecond(t.speed)
	if rate == 0 || t.stepping || t.allowance >= 1 {
		return 0
	}
	return time.Duration((1 - t.allowance) / rate * float64(time.Second))
}

// Stats returns the run's live numbers.
func (t *Trainer) Stats() message.RunStats {
	s := t.run.Summary()
	// The name is the canvas's to give: a worker knows a run by its settings alone, and the
	// canvas by its variant (see lab.Bench.Receive).
	st := message.RunStats{
		Epoch:        s.Epochs,
		Steps:        s.Steps,
		Examples:     s.Examples,
		MsPerExample: t.msPerExample,
		Params:       s.Params,
		Stop:         s.Stop.String(),
		Path:         message.PathGo,
	}
	if kernel.SIMD() {
		st.Path = message.PathSIMD
	}
	// Summary and Epoch keep shares, which came from counts: rounding gives the counts back.
	st.Wrong = int(math.Round(s.WrongLabels * float64(s.Examples)))
	if h := t.run.History(); len(h) > 0 {
		e := h[len(h)-1]
		st.TrainAcc, st.TestAcc, st.TrainLoss, st.TestLoss, st.Fitted = e.TrainAcc, e.TestAcc, e.TrainLoss, e.TestLoss, e.Fitted
		if e.CorruptAcc >= 0 {
			st.WrongFitted = int(math.Round(e.CorruptAcc * float64(st.Wrong)))
		}
		if s.Validation > 0 {
			st.Validation, st.ValAcc = s.Validation, e.ValAcc
		}
	}
	if s.EpochsToFit != nil {
		st.EpochsToFit, st.FitEpochs, st.StepsToFit = *s.EpochsToFit, *s.FitEpochs, *s.StepsToFit
	}
	if t.run.Done() {
		st.Summary = &s // what a figure takes of the run (see message.FigureSetup)
	}
	return st
}

// Snapshot copies the run's state into dst (see sim.Run.Snapshot).
func (t *Trainer) Snapshot(dst *sim.Snapshot) { t.run.Snapshot(dst) }
