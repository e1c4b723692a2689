package relay

import (
	"slices"
	"testing"
)

func TestSchedule(t *testing.T) {
	s := NewSchedule(5, 2)
	if s.Complete() || !s.Paused() {
		t.Fatal("a new schedule is complete or not paused")
	}
	steps := []struct {
		name string
		do   func() []Assignment
		want []Assignment
		run  []int
	}{
		{"start fills every worker", s.Start, []Assignment{{0, 0}, {1, 1}}, []int{0, 1}},
		{"worker 1 finishes first", func() []Assignment { _, a := s.Finished(1, 1); return a }, []Assignment{{1, 2}}, []int{0, 2}},
		{"a stale report counts for nothing", func() []Assignment { _, a := s.Finished(0, 1); return a }, nil, []int{0, 2}},
		{"pause, then a finish hands out nothing", func() []Assignment { s.Pause(); _, a := s.Finished(0, 0); return a }, nil, []int{-1, 2}},
		{"resume fills the idle worker", s.Start, []Assignment{{0, 3}}, []int{3, 2}},
		{"the last trial", func() []Assignment { _, a := s.Finished(0, 3); return a }, []Assignment{{0, 4}}, []int{4, 2}},
		{"nothing left to hand out", func() []Assignment { _, a := s.Finished(1, 2); return a }, nil, []int{4, -1}},
	}
	for _, st := range steps {
		if got := st.do(); !slices.Equal(got, st.want) {
			t.Errorf("%s: assignments %v, want %v", st.name, got, st.want)
		}
		if got := s.Running(); !slices.Equal(got, st.run) {
			t.Errorf("%s: running %v, want %v", st.name, got, st.run)
		}
	}
	if done, total := s.Progress(); done != 4 || total != 5 || s.Complete() {
		t.Errorf("progress %d/%d (complete %v), want 4/5", done, total, s.Complete())
	}
	if ok, _ := s.Finished(0, 4); !ok || !s.Complete() {
		t.Error("the last finish does not complete the schedule")
	}
	if ok, _ := s.Finished(0, 4); ok {
		t.Error("a second report of the same trial counted")
	}
}

func TestScheduleBounds(t *testing.T) {
	s := NewSchedule(1, 0) // at least one worker
	if got := s.Start(); !slices.Equal(got, []Assignment{{0, 0}}) {
		t.Errorf("one trial, no workers asked: %v", got)
	}
	for _, w := range []int{-1, 1, 7} {
		if ok, _ := s.Finished(w, 0); ok {
			t.Errorf("a report from worker %d counted", w)
		}
	}
	var zero Schedule
	if got := zero.Start(); len(got) != 0 || !zero.Complete() {
		t.Errorf("the zero schedule: %v, complete %v", got, zero.Complete())
	}
}
