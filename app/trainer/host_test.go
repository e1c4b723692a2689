package trainer

import (
	"bytes"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"genlab/app/message"
	"genlab/sim"
	"genlab/sim/data"
)

// posted records what a Host posts, and the images it sent, by run.
type posted struct {
	msgs   []message.Envelope
	images map[int]data.Images
}

func (p *posted) post(e message.Envelope, snap []byte) {
	if (e.Kind == message.Ready || e.Kind == message.Metrics || e.Kind == message.Images) != (snap != nil) {
		panic("a report without its bytes, or bytes without a report")
	}
	if e.Kind == message.Images {
		im, err := message.DecodeImages(snap)
		if err != nil {
			panic(err)
		}
		if p.images == nil {
			p.images = map[int]data.Images{}
		}
		p.images[e.Run] = im
	}
	p.msgs = append(p.msgs, e)
}

func (p *posted) last(kind message.Kind, run int) (message.Envelope, bool) {
	for i := len(p.msgs) - 1; i >= 0; i-- {
		if e := p.msgs[i]; e.Kind == kind && e.Run == run {
			return e, true
		}
	}
	return message.Envelope{}, false
}

// A host trains the runs it was given in turns, each reporting under its own index. With
// each Ready come the run's training images, the very ones sim makes for its settings.
func TestHostTrainsItsRunsInTurns(t *testing.T) {
	clock := &fakeClock{tick: time.Millisecond}
	var out posted
	h := NewHost(clock.now, out.post)
	c, err := sim.ParseQuery(quick)
	must(t, err)
	want := sim.TrainingImages(c)
	for _, run := range []int{1, 3} { // another worker has runs 0 and 2
		must(t, h.Handle(message.Envelope{Kind: message.Setup, Query: quick, Run: run}))
		if _, ok := out.last(message.Ready, run); !ok {
			t.Fatalf("no Ready for run %d", run)
		}
		if n := len(out.msgs); out.msgs[n-2].Kind != message.Ready || out.msgs[n-1].Kind != message.Images {
			t.Fatalf("run %d: posted %v last, want Ready then Images", run, out.msgs)
		}
		if got := out.images[run]; !reflect.DeepEqual(got, want) {
			t.Errorf("run %d: images of %d, want sim's %d", run, got.Len(), want.Len())
		}
	}
	if h.Busy() {
		t.Fatal("busy before Play")
	}
	for _, run := range []int{1, 3} {
		must(t, h.Handle(message.Envelope{Kind: message.Play, Run: run}))
	}
	for range 1000 {
		if !h.Busy() {
			break
		}
		h.Turn(50 * time.Millisecond)
	}
	for _, run := range []int{1, 3} {
		e, ok := out.last(message.Metrics, run)
		if !ok || len(e.Stats) != 1 || e.Stats[0].Epoch != 5 || e.Playing {
			t.Errorf("run %d's last report %+v, want 5 epochs, not playing", run, e)
		}
	}
}

func TestHostRejects(t *testing.T) {
	var out posted
	h := NewHost(time.Now, out.post)
	if err := h.Handle(message.Envelope{Kind: message.Play, Run: 2}); err == nil {
		t.Error("Play for a run it was not given accepted")
	}
	if err := h.Handle(message.Envelope{Kind: message.Hello}); err == nil {
		t.Error("Hello accepted")
	}
	must(t, h.Handle(message.Envelope{Kind: message.Setup, Query: "side=40", Run: 1}))
	if e, ok := out.last(message.Problem, 1); !ok || e.Error == "" {
		t.Errorf("a bad Setup posted %+v, want a Problem about run 1", out.msgs)
	}
}

// A worker builds its share of the page's runs from its address before the canvas asks;
// the canvas's Setup of such a run only gets the Ready (and images) a fresh build would
// have posted.
func TestHostPrebuilds(t *testing.T) {
	clock := &fakeClock{tick: time.Millisecond}
	page := message.Envelope{Kind: message.Setup, Query: quick, Runs: sim.MustParseVariants("labels=true;labels=random;labels=corrupt,p=0.5")}
	base, err := sim.ParseQuery(quick)
	must(t, err)
	cfgs := page.Runs.Configs(base)

	var out posted
	var snaps [][]byte
	h := NewHost(clock.now, func(e message.Envelope, snap []byte) {
		out.post(e, snap)
		snaps = append(snaps, slices.Clone(snap))
	})
	must(t, h.Prebuild(page, 1, 2))
	if len(out.msgs) != 0 {
		t.Fatalf("Prebuild posted %v", out.msgs)
	}
	if len(h.runs) != 2 || h.runs[0] != nil || h.runs[1] == nil {
		t.Fatalf("worker 1 of 2 built runs %v, want only run 1", h.runs)
	}
	built := h.runs[1]
	must(t, h.Handle(message.Envelope{Kind: message.Setup, Query: cfgs[1].Encode(), Run: 1}))
	if h.runs[1] != built {
		t.Error("the canvas's Setup of the prebuilt run built it again")
	}

	// The Ready is the one a fresh build posts, bytes and all.
	var fresh posted
	var freshSnaps [][]byte
	f := NewHost(clock.now, func(e message.Envelope, snap []byte) {
		fresh.post(e, snap)
		freshSnaps = append(freshSnaps, slices.Clone(snap))
	})
	must(t, f.Handle(message.Envelope{Kind: message.Setup, Query: cfgs[1].Encode(), Run: 1}))
	if len(out.msgs) != 2 || !reflect.DeepEqual(out.msgs, fresh.msgs) || !bytes.Equal(snaps[0], freshSnaps[0]) || !bytes.Equal(snaps[1], freshSnaps[1]) {
		t.Errorf("prebuilt Ready %+v differs from a fresh build's %+v", out.msgs, fresh.msgs)
	}

	// Once it has trained, or for other settings, a Setup builds afresh.
	must(t, h.Handle(message.Envelope{Kind: message.Step, Run: 1}))
	for h.Busy() {
		h.Turn(time.Second)
	}
	trained := h.runs[1]
	must(t, h.Handle(message.Envelope{Kind: message.Setup, Query: cfgs[1].Encode(), Run: 1}))
	if h.runs[1] == trained || h.runs[1].tr.Stats().Steps != 0 {
		t.Error("a Setup of a trained run did not build it afresh")
	}
	again := h.runs[1]
	must(t, h.Handle(message.Envelope{Kind: message.Setup, Query: cfgs[0].Encode(), Run: 1}))
	if h.runs[1] == again {
		t.Error("a Setup of other settings did not build afresh")
	}

	for _, bad := range []struct {
		setup           message.Envelope
		worker, workers int
	}{
		{page, 2, 2},
		{page, 0, 0},
		{page, -1, 2},
		{message.Envelope{Kind: message.Play}, 0, 1},
		{message.Envelope{Kind: message.Setup, Query: "train=-3"}, 0, 1},
	} {
		if err := NewHost(clock.now, out.post).Prebuild(bad.setup, bad.worker, bad.workers); err == nil {
			t.Errorf("Prebuild(%+v, %d, %d) = nil, want an error", bad.setup, bad.worker, bad.workers)
		}
	}
}

func TestParseName(t *testing.T) {
	setup := message.Envelope{Kind: message.Setup, Query: "width=64&lr=0.01", Runs: sim.DefaultVariants()}
	name := func(worker, workers string, setup string) string {
		return "worker=" + worker + "&workers=" + workers + "&setup=" + url.QueryEscape(setup)
	}
	good := message.Encode(setup)
	tests := []struct {
		name            string
		worker, workers int
		ok, err         bool
	}{
		{"", 0, 0, false, false},
		{name("1", "2", good), 1, 2, true, false},
		{name("0", "1", good), 0, 1, true, false},
		{name("x", "2", good), 0, 0, false, true},
		{"worker=0&setup=" + url.QueryEscape(good), 0, 0, false, true},
		{name("0", "2", "{not json"), 0, 0, false, true},
		{name("0", "2", ""), 0, 0, false, true},
		{name("0", "2", `{"v":1,"kind":"setup","runs":"labels=nonsense"}`), 0, 0, false, true},
		{"%zz", 0, 0, false, true},
	}
	for _, tt := range tests {
		got, worker, workers, ok, err := ParseName(tt.name)
		if ok != tt.ok || (err != nil) != tt.err || worker != tt.worker || workers != tt.workers {
			t.Errorf("ParseName(%q) = worker %d of %d, ok %v, err %v; want %d of %d, ok %v, error %v",
				tt.name, worker, workers, ok, err, tt.worker, tt.workers, tt.ok, tt.err)
		}
		if ok && (got.Kind != setup.Kind || got.Query != setup.Query || !got.Runs.Equal(setup.Runs)) {
			t.Errorf("ParseName(%q) setup = %+v, want %+v", tt.name, got, setup)
		}
	}
}

// Serve applies what arrives and trains between messages until the inbox is closed and
// nothing is left to train; what it ignores goes to warn.
func TestHostServes(t *testing.T) {
	clock := &fakeClock{tick: time.Millisecond}
	var out posted
	h := NewHost(clock.now, out.post)
	inbox := make(chan message.Envelope, 4)
	inbox <- message.Envelope{Kind: message.Setup, Query: quick, Run: 0}
	inbox <- message.Envelope{Kind: message.Play, Run: 0}
	inbox <- message.Envelope{Kind: message.Pause, Run: 3} // a run it was not given
	close(inbox)
	var warned []string
	h.Serve(inbox, func(s string) { warned = append(warned, s) })
	if e, ok := out.last(message.Metrics, 0); !ok || e.Stats[0].Epoch != 5 || e.Playing {
		t.Errorf("last report %+v, want 5 epochs trained and stopped", e)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "run 3") {
		t.Errorf("warned %q, want one warning about run 3", warned)
	}
}

func TestHostPrebuildNamed(t *testing.T) {
	clock := &fakeClock{tick: time.Millisecond}
	var out posted
	h := NewHost(clock.now, out.post)
	if err := h.PrebuildNamed(""); err != nil || len(h.runs) != 0 {
		t.Errorf("no name: err %v, %d runs", err, len(h.runs))
	}
	name := "worker=0&workers=1&setup=" + url.QueryEscape(message.Encode(message.Envelope{Kind: message.Setup, Query: quick, Runs: sim.DefaultVariants()}))
	if err := h.PrebuildNamed(name); err != nil || len(h.runs) != 2 {
		t.Errorf("named: err %v, %d runs, want 2", err, len(h.runs))
	}
	if err := h.PrebuildNamed("worker=x"); err == nil {
		t.Error("a bad name was taken")
	}
}
