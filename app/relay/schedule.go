package relay

// Schedule decides which worker trains which trial of a figure (sim/figure): each worker
// trains one trial at a time, to its end, and the trials wait in their order for a free
// worker. A figure of fourteen runs on a machine with one core to spare thus trains one
// run after another at full speed, rather than fourteen at once at a fourteenth of it,
// and its first numbers come early.
//
// The Schedule only decides; the hub sends the messages. Its zero value has nothing to
// train.
type Schedule struct {
	running []int  // per worker, the trial it trains, or -1
	done    []bool // per trial
	next    int    // the first trial not yet handed out
	paused  bool
}

// An Assignment tells worker Worker to train trial Trial.
type Assignment struct{ Worker, Trial int }

// NewSchedule returns the schedule of trials trials over workers workers (at least one).
// Nothing is handed out until Start.
func NewSchedule(trials, workers int) *Schedule {
	s := &Schedule{running: make([]int, max(workers, 1)), done: make([]bool, trials), paused: true}
	for w := range s.running {
		s.running[w] = -1
	}
	return s
}

// Start (or resume) hands a trial to every idle worker, while trials wait; it returns the
// new assignments. The trials that were running when Pause was called go on by themselves
// (their workers are told to play by the caller, see Running).
func (s *Schedule) Start() []Assignment {
	s.paused = false
	return s.fill(nil)
}

// Pause stops handing out trials; the caller pauses the Running ones.
func (s *Schedule) Pause() { s.paused = true }

// Paused reports whether the schedule is paused (as it is before Start).
func (s *Schedule) Paused() bool { return s.paused }

// Finished records that worker finished trial (a worker's report, which may be stale:
// one for a trial the worker is not training, or already done, changes nothing and
// returns false). It returns whether the report counted, and the next assignments.
func (s *Schedule) Finished(worker, trial int) (bool, []Assignment) {
	if worker < 0 || worker >= len(s.running) || s.running[worker] != trial || s.done[trial] {
		return false, nil
	}
	s.done[trial], s.running[worker] = true, -1
	if s.paused {
		return true, nil
	}
	return true, s.fill(nil)
}

// Running returns the trials being trained, by worker (-1: idle).
func (s *Schedule) Running() []int { return s.running }

// Progress returns how many trials are done, out of how many.
func (s *Schedule) Progress() (done, total int) {
	for _, d := range s.done {
		if d {
			done++
		}
	}
	return done, len(s.done)
}

// Complete reports whether every trial is done.
func (s *Schedule) Complete() bool {
	done, total := s.Progress()
	return done == total
}

func (s *Schedule) fill(out []Assignment) []Assignment {
	for w, t := range s.running {
		if t >= 0 || s.next >= len(s.done) {
			continue
		}
		s.running[w] = s.next
		out = append(out, Assignment{Worker: w, Trial: s.next})
		s.next++
	}
	return out
}
