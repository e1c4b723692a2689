package lab

import (
	"slices"
	"strings"
	"testing"
	"time"

	"genlab/app/message"
	"genlab/app/trainer"
	"genlab/sim"
)

const quick = "train=64&test=32&width=16&side=8&epochs=3"

func TestNew(t *testing.T) {
	l, err := New(quick, sim.DefaultVariants())
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Lanes) != 2 || l.Lanes[0].Title != "True labels" || l.Lanes[1].Title != "Random labels" {
		t.Fatalf("runs = %+v", l.Lanes)
	}
	if alone, err := New(quick, nil); err != nil || len(alone.Lanes) != 1 || alone.Lanes[0].Title != "Run 1" || alone.Lanes[0].Variant.String() != "" {
		t.Errorf("the base alone: %+v, %v", alone, err)
	}
	if got := l.Queries()[1]; !strings.Contains(got, "labels=random") || !strings.Contains(got, "side=8") {
		t.Errorf("second run's query = %q", got)
	}
	if l.Lanes[0].Images.Len() != 0 || l.Lanes[0].Stats.Examples != 64 || l.AllReady() {
		t.Errorf("before its images: images %d, examples %d, ready %v", l.Lanes[0].Images.Len(), l.Lanes[0].Stats.Examples, l.AllReady())
	}
}

// A run's images are the ones its worker trains on, as the worker sends them; images
// that do not fit the run are refused and change nothing.
func TestSetImages(t *testing.T) {
	l, err := New(quick, sim.DefaultVariants())
	if err != nil {
		t.Fatal(err)
	}
	tr, err := trainer.New(l.Queries()[1], time.Now)
	if err != nil {
		t.Fatal(err)
	}
	sent := message.AppendImages(nil, tr.Run().Train())
	other, err := trainer.New(strings.Replace(l.Queries()[1], "train=64", "train=80", 1), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		run     int
		b       []byte
		wantErr bool
	}{
		{"no such run", 2, sent, true},
		{"not images", 1, []byte("GLS2 snapshot"), true},
		{"images of other settings", 1, message.AppendImages(nil, other.Run().Train()), true},
		{"the worker's", 1, sent, false},
	}
	for _, tt := range tests {
		if err := l.SetImages(tt.run, tt.b); (err != nil) != tt.wantErr {
			t.Errorf("%s: error %v, want one: %v", tt.name, err, tt.wantErr)
		}
		if tt.wantErr && l.Lanes[1].Images.Len() != 0 {
			t.Fatalf("%s: the refused images were set", tt.name)
		}
	}
	if !slices.Equal(tr.Run().Train().Pixels, l.Lanes[1].Images.Pixels) || !slices.Equal(tr.Run().Train().Labels, l.Lanes[1].Images.Labels) {
		t.Fatal("the lab's images differ from the worker's")
	}
}

func TestNewRejects(t *testing.T) {
	tests := []struct{ query, runs, want string }{
		{"side=40", "", "side = 40"},
		{quick, "seed=1;seed=2;seed=3;seed=4;seed=5", "at most 4"},
	}
	for _, tt := range tests {
		if _, err := New(tt.query, sim.MustParseVariants(tt.runs)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%q, %q) error %v, want %q", tt.query, tt.runs, err, tt.want)
		}
	}
}

// workerReport is what a worker would post for its trainer.
func workerReport(t *testing.T, tr *trainer.Trainer, kind message.Kind) (message.Envelope, []byte) {
	var s sim.Snapshot
	tr.Snapshot(&s)
	e, err := message.Decode(message.Encode(message.Envelope{Kind: kind, Stats: []message.RunStats{tr.Stats()}}))
	if err != nil {
		t.Fatal(err)
	}
	return e, message.AppendSnapshot(nil, &s)
}

func TestReceive(t *testing.T) {
	l, _ := New(quick, sim.DefaultVariants())
	for i, q := range l.Queries() {
		tr, err := trainer.New(q, time.Now)
		if err != nil {
			t.Fatal(err)
		}
		e, b := workerReport(t, tr, message.Ready)
		if err := l.Receive(i, e, b); err != nil {
			t.Fatal(err)
		}
		tr.Handle(message.Envelope{Kind: message.Step})
		for tr.Busy() {
			tr.Work(time.Second)
		}
		e, b = workerReport(t, tr, message.Metrics)
		if err := l.Receive(i, e, b); err != nil {
			t.Fatal(err)
		}
	}
	if !l.AllReady() || l.Lanes[1].Snap.Epoch != 1 || l.Lanes[1].Stats.Name.String() != "labels=random" {
		t.Errorf("after one epoch: ready %v, epoch %d, name %q", l.AllReady(), l.Lanes[1].Snap.Epoch, l.Lanes[1].Stats.Name)
	}
	rep := l.Report(message.Metrics)
	if _, err := message.Decode(message.Encode(rep)); err != nil || len(rep.Stats) != 2 || rep.Stats[0].Epoch != 1 {
		t.Errorf("report %+v: %v", rep, err)
	}
}

func TestReceiveRejectsWhatDoesNotFit(t *testing.T) {
	l, _ := New(quick, sim.DefaultVariants())
	other, _ := trainer.New("train=100&side=8", time.Now) // 100 examples, not 64
	e, b := workerReport(t, other, message.Ready)
	if err := l.Receive(0, e, b); err == nil {
		t.Error("a snapshot of another size was accepted")
	}
	tr, _ := trainer.New(l.Queries()[0], time.Now)
	e, b = workerReport(t, tr, message.Ready)
	if err := l.Receive(0, e, b[:len(b)-3]); err == nil {
		t.Error("truncated snapshot accepted")
	}
	if err := l.Receive(5, e, b); err == nil {
		t.Error("report from run 5 accepted")
	}
	if err := l.Receive(0, message.Envelope{Kind: message.Play}, b); err == nil {
		t.Error("a Play report accepted")
	}
	if l.Lanes[0].Ready {
		t.Error("a rejected report made the run ready")
	}
}
