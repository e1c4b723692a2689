package trainer

import (
	"testing"
	"time"

	"genlab/app/message"
	"genlab/sim"
)

// fakeClock advances by tick every time it is read, so time-sliced loops end.
type fakeClock struct {
	t    time.Time
	tick time.Duration
}

func (c *fakeClock) now() time.Time { c.t = c.t.Add(c.tick); return c.t }

const quick = "train=64&test=32&width=16&side=8&epochs=5&stopfitted=false"

func newTrainer(t *testing.T, clock *fakeClock) *Trainer {
	t.Helper()
	tr, err := New(quick, clock.now)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestPlayPauseStepReset(t *testing.T) {
	clock := &fakeClock{tick: time.Millisecond}
	tr := newTrainer(t, clock)
	if tr.Busy() || tr.Work(time.Second) {
		t.Fatal("a new trainer trains before Play")
	}
	must(t, tr.Handle(message.Envelope{Kind: message.Step}))
	for tr.Busy() {
		tr.Work(time.Second)
	}
	if got := tr.Stats().Epoch; got != 1 {
		t.Errorf("Step trained %d epochs, want exactly 1", got)
	}
	must(t, tr.Handle(message.Envelope{Kind: message.Play}))
	tr.Work(time.Second)
	must(t, tr.Handle(message.Envelope{Kind: message.Pause}))
	before := tr.Stats().Steps
	if tr.Work(time.Second); tr.Stats().Steps != before {
		t.Error("Pause did not stop training")
	}
	must(t, tr.Handle(message.Envelope{Kind: message.Play}))
	for tr.Busy() {
		tr.Work(time.Second)
	}
	if s := tr.Stats(); s.Epoch != 5 || s.Stop != "max-epochs" || tr.Playing() {
		t.Errorf("played to the end: epoch %d, stop %s, playing %v", s.Epoch, s.Stop, tr.Playing())
	}
	must(t, tr.Handle(message.Envelope{Kind: message.Reset}))
	if s := tr.Stats(); s.Epoch != 0 || s.Steps != 0 || s.Stop != "running" {
		t.Errorf("after Reset: %+v", s)
	}
}

func TestSameSettingsSameNumbers(t *testing.T) {
	// However the work is sliced, a run computes the same numbers.
	a, b := newTrainer(t, &fakeClock{tick: time.Millisecond}), newTrainer(t, &fakeClock{tick: 50 * time.Millisecond})
	for _, tr := range []*Trainer{a, b} {
		must(t, tr.Handle(message.Envelope{Kind: message.Play}))
		for tr.Busy() {
			tr.Work(100 * time.Millisecond)
		}
	}
	var sa, sb sim.Snapshot
	a.Snapshot(&sa)
	b.Snapshot(&sb)
	if string(message.AppendSnapshot(nil, &sa)) != string(message.AppendSnapshot(nil, &sb)) {
		t.Error("differently sliced runs differ")
	}
}

func TestSlowSpeedLimitsSteps(t *testing.T) {
	clock := &fakeClock{tick: time.Millisecond}
	tr := newTrainer(t, clock)
	must(t, tr.Handle(message.Envelope{Kind: message.Speed, Speed: 1}))
	must(t, tr.Handle(message.Envelope{Kind: message.Play}))
	// Simulate one second of a worker loop: work, then sleep as told.
	end := clock.t.Add(time.Second)
	for clock.t.Before(end) {
		tr.Work(10 * time.Millisecond)
		clock.t = clock.t.Add(max(tr.Wait(), time.Millisecond))
	}
	want := message.StepsPerSecond(1)
	if got := float64(tr.Stats().Steps); got < want-1 || got > want+1 {
		t.Errorf("speed 1 took %v steps in a second, want about %v", got, want)
	}
}

func TestMsPerExample(t *testing.T) {
	tr := newTrainer(t, &fakeClock{tick: time.Millisecond})
	must(t, tr.Handle(message.Envelope{Kind: message.Step}))
	for tr.Busy() {
		tr.Work(time.Second)
	}
	// Each step reads the clock twice around Step: 1 ms per step, 2 steps of 32 = 64 examples.
	if got := tr.Stats().MsPerExample; got <= 0 || got > 1 {
		t.Errorf("ms per example = %v", got)
	}
}

func TestBadSettingsAreAnError(t *testing.T) {
	if _, err := New("side=40", time.Now); err == nil {
		t.Error("side=40 accepted")
	}
}

func TestStatsAreValidMessages(t *testing.T) {
	tr := newTrainer(t, &fakeClock{tick: time.Millisecond})
	must(t, tr.Handle(message.Envelope{Kind: message.Step}))
	for tr.Busy() {
		tr.Work(time.Second)
	}
	e := message.Envelope{Kind: message.Metrics, Stats: []message.RunStats{tr.Stats()}}
	if _, err := message.Decode(message.Encode(e)); err != nil {
		t.Error(err)
	}
}

// A run's stats carry its Summary once it has stopped, and only then: a figure is made of
// them, and it must be the very summary the run computes (with early stopping, that of
// the network kept, not of the last epoch).
func TestStatsCarryTheSummaryAtTheEnd(t *testing.T) {
	tr, err := New("train=64&test=32&width=16&side=8&epochs=30&patience=2&val=0.25", (&fakeClock{tick: time.Millisecond}).now)
	must(t, err)
	if tr.Stats().Summary != nil {
		t.Fatal("a summary before the run stopped")
	}
	must(t, tr.Handle(message.Envelope{Kind: message.Play}))
	for tr.Busy() {
		tr.Work(time.Second)
	}
	st := tr.Stats()
	want := tr.Run().Summary()
	if st.Summary == nil || message.Encode(message.Envelope{Kind: message.Metrics, Stats: []message.RunStats{{Summary: st.Summary}}}) !=
		message.Encode(message.Envelope{Kind: message.Metrics, Stats: []message.RunStats{{Summary: &want}}}) {
		t.Fatalf("summary %+v, want %+v", st.Summary, want)
	}
	e := message.Envelope{Kind: message.Metrics, Stats: []message.RunStats{st}}
	got, err := message.Decode(message.Encode(e))
	if err != nil {
		t.Fatal(err)
	}
	if s := got.Stats[0].Summary; s.Stop != want.Stop || s.TestAcc != want.TestAcc {
		t.Errorf("after the wire: stop %v test acc %v, want %v %v", s.Stop, s.TestAcc, want.Stop, want.TestAcc)
	}
	t.Logf("stopped %v at epoch %d, best %d", want.Stop, want.Epochs, want.BestEpoch)
}

// The stats count the wrong labels and those of them fitted, as the memory wall marks
// and lights them: the same counts as the training images' corrupted flags and the
// snapshot's fitted ones, after an epoch.
func TestStatsCountWrongLabels(t *testing.T) {
	tr, err := New(quick+"&labels=corrupt&p=0.5", (&fakeClock{tick: time.Millisecond}).now)
	must(t, err)
	for range 3 {
		must(t, tr.Handle(message.Envelope{Kind: message.Step}))
		for tr.Busy() {
			tr.Work(time.Second)
		}
	}
	var snap sim.Snapshot
	tr.Snapshot(&snap)
	train := tr.Run().Train()
	wrong, wrongFitted := 0, 0
	for i := range train.Len() {
		if train.Corrupted(i) {
			wrong++
			if snap.Fitted[i] {
				wrongFitted++
			}
		}
	}
	st := tr.Stats()
	if st.Wrong != wrong || st.WrongFitted != wrongFitted {
		t.Errorf("wrong %d, of them fitted %d; want %d, %d", st.Wrong, st.WrongFitted, wrong, wrongFitted)
	}
	if wrong == 0 || wrongFitted == 0 {
		t.Errorf("%d wrong labels, %d of them fitted: the test checks nothing", wrong, wrongFitted)
	}
	if clean := newTrainer(t, &fakeClock{tick: time.Millisecond}).Stats(); clean.Wrong != 0 || clean.WrongFitted != 0 {
		t.Errorf("true labels: wrong %d, of them fitted %d; want 0, 0", clean.Wrong, clean.WrongFitted)
	}
}
