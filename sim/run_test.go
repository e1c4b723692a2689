package sim

import (
	"hash/fnv"
	"math"
	"testing"

	"genlab/sim/data"
	"genlab/sim/nn"
)

// small returns a quick config for tests of mechanics (not of science).
func small() Config {
	c := Default()
	c.Train, c.Test = 200, 100
	c.Width = 64
	c.Epochs = 3
	return c
}

func mustRun(t testing.TB, c Config) *Run {
	t.Helper()
	r, err := NewRun(c)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestTrainingStepAllocatesNothing(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *Config)
	}{
		{"mlp", func(c *Config) {}},
		{"linear", func(c *Config) { c.Model = Linear }},
		{"mlp with every regularizer", func(c *Config) {
			c.Depth, c.BatchNorm, c.Dropout, c.Augment, c.WeightDecay = 2, true, 0.3, 2, 1e-3
		}},
		{"cnn with batch norm", func(c *Config) { c.Model, c.BatchNorm = CNN, true }},
		{"step schedule", func(c *Config) { c.Schedule = StepSchedule }},
		{"early stopping with batch norm", func(c *Config) { c.Patience, c.BatchNorm = 1000, true }},
	}
	for _, tt := range tests {
		c := small()
		c.Epochs = 1000
		c.StopFitted = false
		tt.edit(&c)
		r := mustRun(t, c)
		r.Step() // the first step may grow nothing, but warm up anyway
		// Epoch ends are included: 200 examples at batch 32 end an epoch every 7 steps.
		if got := testing.AllocsPerRun(30, func() { r.Step() }); got != 0 {
			t.Errorf("%s: Run.Step allocates %v times per step, want 0", tt.name, got)
		}
	}
}

func TestSnapshotAllocatesNothingWhenWarm(t *testing.T) {
	r := mustRun(t, small())
	r.RunEpoch()
	var s Snapshot
	r.Snapshot(&s)
	if got := testing.AllocsPerRun(10, func() { r.Snapshot(&s) }); got != 0 {
		t.Errorf("Snapshot allocates %v times when warm, want 0", got)
	}
	d := Default().Side * Default().Side
	if s.Epoch != 1 || len(s.Fitted) != 200 || len(s.History) != 1 || s.Filters != 64 || s.FilterSide != Default().Side || len(s.Weights) != 64*d {
		t.Errorf("snapshot = epoch %d, %d fitted flags, %d epochs, %d filters of side %d, %d weights",
			s.Epoch, len(s.Fitted), len(s.History), s.Filters, s.FilterSide, len(s.Weights))
	}
	// The snapshot is a copy: training on does not change it.
	before := s.Weights[0]
	r.RunEpoch()
	if s.Weights[0] != before || s.Epoch != 1 {
		t.Error("training changed a snapshot taken before it")
	}
	// First-layer weights are the columns of the first dense layer.
	first := r.Network().Layers[0].(*nn.Dense)
	r.Snapshot(&s)
	if got, want := s.Weights[3*d+17], first.W.Value[17*first.Units+3]; got != want {
		t.Errorf("filter 3, pixel 17 = %v, want %v", got, want)
	}
}

// historyHash hashes every number a run measured.
func historyHash(r *Run) uint64 {
	h := fnv.New64a()
	var b [8]byte
	put := func(v float64) {
		u := math.Float64bits(v)
		for i := range b {
			b[i] = byte(u >> (8 * i))
		}
		h.Write(b[:])
	}
	for _, e := range r.History() {
		put(e.TrainLoss)
		put(e.TestLoss)
		put(e.TrainAcc)
		put(e.TestAcc)
	}
	for _, p := range r.Network().Params() {
		for _, v := range p.Value {
			put(float64(v))
		}
	}
	return h.Sum64()
}

// TestSameSettingsSameRun pins the exact numbers of a few short runs to constants computed
// natively. The suite runs again under WebAssembly, where the same constants must come out:
// that is the proof that a shared link replays the same run in the browser.
func TestSameSettingsSameRun(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *Config)
		want uint64
	}{
		{"mlp", func(c *Config) {}, 0xb24f981ea0bed272},
		{"mlp random labels, every regularizer", func(c *Config) {
			c.Labels, c.BatchNorm, c.Dropout, c.Augment, c.WeightDecay = data.RandomLabels, true, 0.3, 2, 1e-3
		}, 0x6a9893548c265472},
		{"cnn", func(c *Config) { c.Model, c.Family = CNN, data.Glyphs }, 0x1a65aa037a47406f},
	}
	for _, tt := range tests {
		c := small()
		c.Epochs = 2
		tt.edit(&c)
		a, b := mustRun(t, c), mustRun(t, c)
		a.RunToEnd()
		b.RunToEnd()
		ha, hb := historyHash(a), historyHash(b)
		if ha != hb {
			t.Errorf("%s: two runs of the same settings differ", tt.name)
		}
		if ha != tt.want {
			t.Errorf("%s: hash = %#x, want %#x", tt.name, ha, tt.want)
		}
	}
}

// TestVariantsShareEverythingElse checks that runs differing only in labels see the same
// images, the same initial weights and the same batches.
func TestVariantsShareEverythingElse(t *testing.T) {
	cfgs := DefaultVariants().Configs(small())
	a, b := mustRun(t, cfgs[0]), mustRun(t, cfgs[1])
	if a.Config().Labels != data.TrueLabels || b.Config().Labels != data.RandomLabels {
		t.Fatalf("variants = %v, %v", a.Config().Labels, b.Config().Labels)
	}
	for i, v := range a.Train().Pixels {
		if b.Train().Pixels[i] != v {
			t.Fatal("the two variants have different images")
		}
	}
	pa, pb := a.Network().Params(), b.Network().Params()
	for i := range pa {
		for j, v := range pa[i].Value {
			if pb[i].Value[j] != v {
				t.Fatal("the two variants start from different weights")
			}
		}
	}
	if w := data.WrongLabelRate(b.Train()); w < 0.8 {
		t.Errorf("random labels: %.2f wrong, want about 0.9", w)
	}
}

func TestDivergingRunStopsCleanly(t *testing.T) {
	c := small()
	c.LR, c.Momentum = 10, 0.99
	r := mustRun(t, c)
	r.RunToEnd()
	if r.Stopped() != Diverged {
		t.Fatalf("lr 10: stopped %v, want diverged", r.Stopped())
	}
	for _, e := range r.History() {
		for _, v := range []float64{e.TrainLoss, e.TestLoss, e.TrainAcc, e.TestAcc} {
			if !Finite(v) {
				t.Errorf("epoch %d recorded a non-finite number", e.Epoch)
			}
		}
	}
	if r.Step() {
		t.Error("a diverged run still steps")
	}
	s := r.Summary()
	if s.Stop != Diverged || !Finite(s.TrainLoss) {
		t.Errorf("summary %+v", s)
	}
}

func TestStopping(t *testing.T) {
	t.Run("fitted", func(t *testing.T) {
		c := small()
		c.Train, c.Epochs = 100, 200
		r := mustRun(t, c)
		r.RunToEnd()
		s := r.Summary()
		if s.Stop != Fitted || s.EpochsToFit == nil || *s.EpochsToFit > s.Epochs || s.TrainAcc != 1 {
			t.Fatalf("stop %v after %d epochs, train acc %v, epochs to fit %v", s.Stop, s.Epochs, s.TrainAcc, s.EpochsToFit)
		}
		spe := r.StepsPerEpoch()
		if st := *s.StepsToFit; st <= (*s.EpochsToFit-1)*spe || st > *s.EpochsToFit*spe || *s.FitEpochs != float64(st)/float64(spe) {
			t.Errorf("steps to fit %d, fit epochs %v: want them in epoch %d of %d steps", st, *s.FitEpochs, *s.EpochsToFit, spe)
		}
	})
	t.Run("max epochs", func(t *testing.T) {
		c := small()
		r := mustRun(t, c)
		r.RunToEnd()
		if r.Stopped() != MaxEpochs || r.Epochs() != 3 || len(r.History()) != 3 {
			t.Errorf("stopped %v after %d epochs", r.Stopped(), r.Epochs())
		}
	})
	t.Run("early stopping", func(t *testing.T) {
		c := small()
		c.Epochs, c.Patience, c.StopFitted = 200, 3, false
		r := mustRun(t, c)
		r.RunToEnd()
		s := r.Summary()
		if s.Stop != EarlyStop || s.Epochs != s.BestEpoch+3 {
			t.Fatalf("stopped %v at epoch %d, best epoch %d, want early-stop 3 epochs after the best", s.Stop, s.Epochs, s.BestEpoch)
		}
		if s.Validation != 20 || s.Examples != 180 || r.Validation().Len() != 20 || r.Train().Len() != 180 {
			t.Errorf("%d training and %d validation images, want 180 and 20 (val = 0.1 of 200)", s.Examples, s.Validation)
		}
		// The best epoch is the first of the highest validation accuracy, whatever the test set says.
		best := 0
		for i, e := range r.History() {
			if e.ValAcc > r.History()[best].ValAcc {
				best = i
			}
		}
		kept := r.History()[best]
		if s.BestEpoch != kept.Epoch || s.ValAcc != kept.ValAcc || s.TestAcc != kept.TestAcc || s.TrainAcc != kept.TrainAcc {
			t.Errorf("summary: best epoch %d, val %v, test %v; history's best validation epoch %d, val %v, test %v",
				s.BestEpoch, s.ValAcc, s.TestAcc, kept.Epoch, kept.ValAcc, kept.TestAcc)
		}
		// The weights of the best epoch are back: evaluating them gives its numbers again.
		if _, acc := r.evaluate(r.Test(), nil, nil); acc != kept.TestAcc {
			t.Errorf("test accuracy of the kept weights %v, want the best epoch's %v", acc, kept.TestAcc)
		}
		if _, acc := r.evaluate(r.Validation(), nil, nil); acc != kept.ValAcc {
			t.Errorf("validation accuracy of the kept weights %v, want the best epoch's %v", acc, kept.ValAcc)
		}
	})
	t.Run("no validation without early stopping", func(t *testing.T) {
		r := mustRun(t, small())
		r.RunToEnd()
		s := r.Summary()
		if r.Validation().Len() != 0 || s.Examples != 200 || s.ValAcc != -1 || s.BestEpoch != 0 || r.History()[0].ValAcc != -1 {
			t.Errorf("patience 0: %d validation images, %d training, val acc %v, best epoch %d", r.Validation().Len(), s.Examples, s.ValAcc, s.BestEpoch)
		}
	})
	t.Run("not learning", func(t *testing.T) {
		c := small()
		c.LR, c.Epochs = 1e-5, 30
		r := mustRun(t, c)
		r.RunToEnd()
		if r.Stopped() != NotLearning || r.Epochs() != stuckEpochs {
			t.Errorf("lr 1e-5: stopped %v after %d epochs, want not-learning after %d", r.Stopped(), r.Epochs(), stuckEpochs)
		}
	})
}

func TestLearningRateSchedules(t *testing.T) {
	tests := []struct {
		schedule Schedule
		epoch    int
		want     float64
	}{
		{ConstantSchedule, 0, 0.1}, {ConstantSchedule, 7, 0.1},
		{StepSchedule, 0, 0.1}, {StepSchedule, 9, 0.1}, {StepSchedule, 10, 0.05}, {StepSchedule, 25, 0.025},
		{DecaySchedule, 0, 0.1}, {DecaySchedule, 1, 0.05}, {DecaySchedule, 3, 0.0125},
	}
	for _, tt := range tests {
		c := small()
		c.LR, c.Gamma, c.StepEvery, c.Schedule = 0.1, 0.5, 10, tt.schedule
		r := mustRun(t, c)
		r.epoch = tt.epoch
		if got := r.LR(); math.Abs(got-tt.want) > 1e-15 {
			t.Errorf("%v at epoch %d: lr %v, want %v", tt.schedule, tt.epoch, got, tt.want)
		}
	}
}

func TestMeasurementsAddUp(t *testing.T) {
	c := small()
	c.Labels, c.Corrupt = data.CorruptLabels, 0.5
	r := mustRun(t, c)
	r.RunEpoch()
	e := r.History()[0]
	var s Snapshot
	r.Snapshot(&s)
	fitted, wrong := 0, 0
	for i, ok := range s.Fitted {
		if ok {
			fitted++
			if s.FirstFit[i] != 1 {
				t.Fatalf("example %d fitted at epoch 1 but first-fit says %d", i, s.FirstFit[i])
			}
			if int(s.Pred[i]) != r.Train().Labels[i] {
				t.Fatalf("example %d fitted but predicted %d, label %d", i, s.Pred[i], r.Train().Labels[i])
			}
		}
		if r.Train().Corrupted(i) {
			wrong++
		}
	}
	if fitted != e.Fitted || math.Abs(float64(fitted)/200-e.TrainAcc) > 1e-12 {
		t.Errorf("fitted %d, epoch says %d and train acc %v", fitted, e.Fitted, e.TrainAcc)
	}
	// Train accuracy is the weighted mean of the clean and corrupt accuracies.
	mix := (e.CleanAcc*float64(200-wrong) + e.CorruptAcc*float64(wrong)) / 200
	if math.Abs(mix-e.TrainAcc) > 1e-12 {
		t.Errorf("clean %v and corrupt %v accuracies do not add up to %v", e.CleanAcc, e.CorruptAcc, e.TrainAcc)
	}
}

func TestNewRunRejectsBadSettings(t *testing.T) {
	c := small()
	c.Side = 40
	if _, err := NewRun(c); err == nil {
		t.Error("side 40 accepted")
	}
}

// BenchmarkEpoch measures whole epochs (training, then evaluating both sets) of the
// default settings, with the default MLP and with the CNN (conv–pool–conv–pool–dense).
func BenchmarkEpoch(b *testing.B) {
	for _, bc := range []struct {
		name string
		edit func(c *Config)
	}{
		{"default", func(c *Config) {}},
		{"cnn", func(c *Config) { c.Model = CNN }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c := Default()
			bc.edit(&c)
			c.StopFitted = false
			c.Epochs = 1000
			r := mustRun(b, c)
			for b.Loop() {
				r.RunEpoch()
			}
			b.ReportMetric(float64(b.N*c.Train)/b.Elapsed().Seconds(), "examples/s")
		})
	}
}

// TestTimeToFitHasSubEpochResolution replays each run for exactly StepsToFit steps and
// checks that the network then fits every training example, and that the time to fit is
// not always a whole number of epochs (the checks between epoch ends work).
func TestTimeToFitHasSubEpochResolution(t *testing.T) {
	whole := 0
	labels := []data.LabelMode{data.TrueLabels, data.RandomLabels}
	seeds := []uint64{1, 2}
	for _, seed := range seeds {
		for _, l := range labels {
			c := small()
			c.Train, c.Epochs, c.Seed, c.Labels = 400, 300, seed, l
			r := mustRun(t, c)
			r.RunToEnd()
			s := r.Summary()
			if s.StepsToFit == nil {
				t.Fatalf("seed %d, %v labels: never fitted (%v)", seed, l, s.Stop)
			}
			replay := mustRun(t, c)
			for range *s.StepsToFit {
				replay.Step()
			}
			if _, acc := replay.evaluate(&replay.train, nil, nil); acc != 1 {
				t.Errorf("seed %d, %v labels: after the %d steps to fit, training accuracy %v, want 1", seed, l, *s.StepsToFit, acc)
			}
			if *s.StepsToFit%r.StepsPerEpoch() == 0 {
				whole++
			}
		}
	}
	if whole == len(seeds)*len(labels) {
		t.Error("every time to fit is a whole number of epochs: the checks between epoch ends never found the fit")
	}
}

func TestStopNames(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Stops() {
		name := s.String()
		if name == "" || seen[name] {
			t.Errorf("stop %d has the name %q, empty or taken", s, name)
		}
		seen[name] = true
		if s > Diverged {
			t.Errorf("stop %v is past Diverged, the bound a snapshot is checked against", s)
		}
	}
	if len(seen) != len(stopNames) {
		t.Errorf("Stops lists %d stops, there are %d names", len(seen), len(stopNames))
	}
}

// The checks between epoch ends run inside Step, so they must not allocate either: both
// the re-check of the unfitted examples and the full pass it leads to.
func TestFitCheckAllocatesNothing(t *testing.T) {
	r := mustRun(t, small())
	r.RunEpoch()
	var fitted []int32
	for i, ok := range r.fitted {
		if ok && len(fitted) < 3 {
			fitted = append(fitted, int32(i))
		}
	}
	if len(fitted) == 0 {
		t.Fatal("no example fitted after an epoch")
	}
	got := testing.AllocsPerRun(10, func() {
		r.unfit = append(r.unfit[:0], fitted...) // all fitted now: the full pass runs too
		r.fitSteps, r.fitEpoch = 0, 0
		r.checkFitted()
	})
	if got != 0 {
		t.Errorf("checkFitted allocates %v times, want 0", got)
	}
}
