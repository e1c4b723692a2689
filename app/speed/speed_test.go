package speed

import (
	"math/rand/v2"
	"testing"
	"time"
)

// W1 must train (its loss on random labels falls as it memorizes them) without
// allocating, or the benchmark would measure something else than the lab's training.
func TestW1Trains(t *testing.T) {
	w := NewW1(rand.New(rand.NewPCG(1, 1)))
	w.step()
	first := w.Loss
	for range 20 * w1Examples / w1Batch {
		w.step()
	}
	if !(w.Loss < first/2) {
		t.Errorf("loss went from %.3f to %.3f after 20 epochs; want it halved", first, w.Loss)
	}
	if got := testing.AllocsPerRun(10, w.step); got != 0 {
		t.Errorf("a W1 step allocates %v times, want 0", got)
	}
	if n, d := w.Train(10 * time.Millisecond); n <= 0 || n%w1Batch != 0 || d < 10*time.Millisecond {
		t.Errorf("Train(10ms) = %d examples in %v", n, d)
	}
}

func TestW1Gemms(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range W1Gemms() {
		if g := s.GFLOPS(5*time.Millisecond, rng); !(g > 0) {
			t.Errorf("%s: %v GFLOP/s", s.Name(), g)
		}
	}
	if got := W1Gemms()[0].Name(); got != "fwd-32x256x256" {
		t.Errorf("the first shape is named %q", got)
	}
}
