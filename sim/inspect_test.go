package sim

import (
	"math"
	"testing"

	"genlab/sim/data"
)

// TestProbsLeaveTheRunAlone runs the pinned runs of TestSameSettingsSameRun again, asking
// for an example's probabilities after every step (as a worker does while a student
// inspects an image): every number must come out the same, bit for bit.
func TestProbsLeaveTheRunAlone(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *Config)
	}{
		{"mlp", func(c *Config) {}},
		{"mlp random labels, every regularizer", func(c *Config) {
			c.Labels, c.BatchNorm, c.Dropout, c.Augment, c.WeightDecay = data.RandomLabels, true, 0.3, 2, 1e-3
		}},
		{"cnn", func(c *Config) { c.Model, c.Family = CNN, data.Glyphs }},
	}
	for _, tt := range tests {
		c := small()
		c.Epochs = 2
		tt.edit(&c)
		plain, looked := mustRun(t, c), mustRun(t, c)
		plain.RunToEnd()
		var p []float64
		for !looked.Done() {
			looked.Step()
			p = looked.Probs(looked.StepsTaken()%looked.Train().Len(), p)
		}
		if a, b := historyHash(plain), historyHash(looked); a != b {
			t.Errorf("%s: hash %#x with Probs between steps, %#x without", tt.name, b, a)
		}
	}
}

// TestProbsAreTheNetworksAnswer checks that the probabilities sum to 1, that their most
// likely class is the one the run's last evaluation predicted (same weights, same
// arithmetic), and that asking allocates nothing.
func TestProbsAreTheNetworksAnswer(t *testing.T) {
	c := small()
	c.Labels = data.RandomLabels
	r := mustRun(t, c)
	r.RunEpoch()
	var snap Snapshot
	r.Snapshot(&snap)
	p := make([]float64, 0, c.Classes)
	for i := range r.Train().Len() {
		p = r.Probs(i, p)
		if len(p) != c.Classes {
			t.Fatalf("example %d: %d probabilities, want %d", i, len(p), c.Classes)
		}
		sum, best := 0.0, 0
		for k, v := range p {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("example %d: probability %v", i, v)
			}
			sum += v
			if v > p[best] {
				best = k
			}
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Fatalf("example %d: probabilities sum to %v", i, sum)
		}
		if best != int(snap.Pred[i]) {
			t.Errorf("example %d: most likely class %d, the evaluation predicted %d", i, best, snap.Pred[i])
		}
	}
	if n := testing.AllocsPerRun(10, func() { p = r.Probs(3, p) }); n != 0 {
		t.Errorf("Probs allocates %v times", n)
	}
	if got := r.Probs(-1, p); len(got) != 0 {
		t.Errorf("Probs(-1) = %v, want none", got)
	}
}
