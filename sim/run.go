package sim

import (
	"math"
	"math/rand/v2"

	"genlab/sim/data"
	"genlab/sim/nn"
)

// Run trains one network on one dataset, a minibatch at a time, and measures it after
// every epoch. It is deterministic: the same Config gives the same numbers, bit for bit,
// natively and in WebAssembly. A Run is not safe for concurrent use.
type Run struct {
	cfg              Config
	train, val, test data.Images // val is empty unless early stopping is on
	net              *nn.Network
	batches          *rand.Rand // minibatch order and augmentation
	classes          int
	inputs           int // pixels per image

	order []int // this epoch's order of training examples
	pos   int   // next position in order
	epoch int   // completed epochs
	steps int

	// step buffers
	x       []float32
	labels  []int
	dlogits []float32
	correct []bool

	// measurements
	fitted   []bool  // per training example, at the last evaluation
	firstFit []int32 // per training example, the epoch it was first fitted, 0 = not yet
	pred     []uint8 // per training example, the predicted class at the last evaluation
	history  []Epoch
	best     Epoch   // the epoch of the best validation accuracy so far (early stopping only)
	bestNet  weights // the network's weights at the end of that epoch
	stuck    int     // consecutive epochs that looked like a network not learning (see notLearning)
	fitEpoch int     // epoch during which every training example was first fitted, 0 = not yet
	fitSteps int     // step at the check that first found every training example fitted

	// Between two epoch ends the training set is checked every checkEvery steps (an eighth
	// of an epoch), so that the time to fit is known to that resolution rather than in whole
	// epochs. A check evaluates only the examples in unfit, those not fitted at the last
	// check, and evaluates the whole set only when all of those have become fitted; it is
	// skipped while more than an eighth of the set is unfitted, which keeps its cost below
	// one evaluation of the training set per epoch.
	checkEvery int
	epochSteps int     // steps taken in the current epoch
	unfit      []int32 // training examples not fitted at the last check
	stop       Stop
}

// fitChecksPerEpoch is the resolution of the time to fit: the fitted set is checked this
// many times an epoch (once fewer than 1/fitChecksPerEpoch of the examples are unfitted).
const fitChecksPerEpoch = 8

// NewRun validates c and prepares its data and network. The error, for invalid
// settings, names every bad field.
func NewRun(c Config) (*Run, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	train, val, test := Sets(c)
	capacity := max(c.Batch, evalChunk)
	r := &Run{
		cfg: c, train: train, val: val, test: test,
		net:      Model(c, capacity, newStream(c.Seed, streamInit), newStream(c.Seed, streamDropout)),
		batches:  newStream(c.Seed, streamBatches),
		classes:  c.Classes,
		inputs:   c.Side * c.Side,
		order:    make([]int, train.Len()),
		x:        make([]float32, capacity*c.Side*c.Side),
		labels:   make([]int, capacity),
		dlogits:  make([]float32, capacity*c.Classes),
		correct:  make([]bool, capacity),
		fitted:   make([]bool, train.Len()),
		firstFit: make([]int32, train.Len()),
		pred:     make([]uint8, train.Len()),
		history:  make([]Epoch, 0, c.Epochs),
		unfit:    make([]int32, 0, train.Len()),
	}
	r.checkEvery = max(1, (r.StepsPerEpoch()+fitChecksPerEpoch-1)/fitChecksPerEpoch)
	if val.Len() > 0 {
		r.bestNet = newWeights(r.net)
	}
	for i := range r.order {
		r.order[i] = i
	}
	return r, nil
}

// Config returns the run's settings.
func (r *Run) Config() Config { return r.cfg }

// Train, Validation and Test return the run's images and labels (read-only). The
// validation set is empty unless early stopping is on.
func (r *Run) Train() *data.Images      { return &r.train }
func (r *Run) Validation() *data.Images { return &r.val }
func (r *Run) Test() *data.Images       { return &r.test }

// Network returns the network being trained (read-only outside Step).
func (r *Run) Network() *nn.Network { return r.net }

// Done reports whether the run has stopped, and Stopped why.
func (r *Run) Done() bool    { return r.stop != Running }
func (r *Run) Stopped() Stop { return r.stop }

// Epochs returns the number of completed epochs, and StepsTaken the minibatch steps.
func (r *Run) Epochs() int     { return r.epoch }
func (r *Run) StepsTaken() int { return r.steps }

// StepsPerEpoch is the number of minibatches in an epoch (the last may be smaller).
func (r *Run) StepsPerEpoch() int { return (r.train.Len() + r.cfg.Batch - 1) / r.cfg.Batch }

// History returns the measurements of every completed epoch (read-only).
func (r *Run) History() []Epoch { return r.history }

// LR returns the learning rate of the current epoch under the schedule: the model's rate
// (CNNLR for the CNN, LR otherwise) times what the schedule has applied so far.
func (r *Run) LR() float64 {
	c := r.cfg
	lr := c.LR
	if c.Model == CNN {
		lr = c.CNNLR
	}
	switch c.Schedule {
	case StepSchedule:
		return lr * math.Pow(c.Gamma, float64(r.epoch/c.StepEvery))
	case DecaySchedule:
		return lr * math.Pow(c.Gamma, float64(r.epoch))
	}
	return lr
}

// Step trains on one minibatch: forward, loss, backward, SGD update. After the last
// minibatch of an epoch it measures the epoch (see Epoch) and decides whether to stop.
// It reports whether an epoch ended. It allocates nothing (the measurement at the end
// of an epoch appends to a history sized for Epochs). It does nothing once Done.
func (r *Run) Step() (epochEnded bool) {
	if r.Done() {
		return false
	}
	if r.pos == 0 {
		r.batches.Shuffle(len(r.order), func(i, j int) { r.order[i], r.order[j] = r.order[j], r.order[i] })
	}
	n := min(r.cfg.Batch, len(r.order)-r.pos)
	for b, idx := range r.order[r.pos : r.pos+n] {
		r.gather(r.x[b*r.inputs:(b+1)*r.inputs], r.train.At(idx))
		r.labels[b] = r.train.Labels[idx]
	}
	r.net.ZeroGrad()
	logits := r.net.Forward(r.x, n, true)
	loss := nn.SoftmaxCrossEntropy(logits, r.labels, n, r.classes, r.dlogits, nil)
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		r.stop = Diverged
		return false
	}
	r.net.Backward(r.dlogits, n)
	r.net.SGD(r.LR(), r.cfg.Momentum, r.cfg.WeightDecay)
	r.pos += n
	r.steps++
	r.epochSteps++
	if r.pos < len(r.order) {
		if r.epochSteps%r.checkEvery == 0 {
			r.checkFitted()
		}
		return false
	}
	r.pos = 0
	r.epochSteps = 0
	r.endEpoch()
	return true
}

// checkFitted is the check between epoch ends (see Run.checkEvery): it re-evaluates the
// examples that were unfitted at the last check and, if all of them are now fitted, the
// whole training set, and records the time to fit if nothing is left unfitted.
func (r *Run) checkFitted() {
	if r.fitSteps != 0 || r.epoch == 0 || len(r.unfit)*fitChecksPerEpoch > r.train.Len() {
		return
	}
	still := r.unfit[:0]
	for start := 0; start < len(r.unfit); start += evalChunk {
		chunk := r.unfit[start:min(start+evalChunk, len(r.unfit))]
		for b, idx := range chunk {
			copy(r.x[b*r.inputs:(b+1)*r.inputs], r.train.At(int(idx)))
		}
		logits := r.net.Forward(r.x[:len(chunk)*r.inputs], len(chunk), false)
		for b, idx := range chunk {
			if argmax(logits[b*r.classes:(b+1)*r.classes]) != r.train.Labels[idx] {
				still = append(still, idx) // still ⊆ r.unfit, written behind the reads
			}
		}
	}
	r.unfit = still
	if len(r.unfit) > 0 {
		return
	}
	// Every example unfitted at the last check is fitted now; some fitted then may not be.
	r.unfit = r.unfit[:0]
	for start := 0; start < r.train.Len(); start += evalChunk {
		n := min(evalChunk, r.train.Len()-start)
		logits := r.net.Forward(r.train.Pixels[start*r.inputs:(start+n)*r.inputs], n, false)
		for i := range n {
			if argmax(logits[i*r.classes:(i+1)*r.classes]) != r.train.Labels[start+i] {
				r.unfit = append(r.unfit, int32(start+i))
			}
		}
	}
	if len(r.unfit) == 0 {
		r.fitEpoch, r.fitSteps = r.epoch+1, r.steps
	}
}

// RunEpoch steps until the current epoch ends or the run stops.
func (r *Run) RunEpoch() {
	for !r.Done() && !r.Step() {
	}
}

// RunToEnd trains until the run stops.
func (r *Run) RunToEnd() {
	for !r.Done() {
		r.Step()
	}
}

// gather copies a training image into the batch, shifted by up to Augment pixels in
// each direction (zeros fill what comes in from outside).
func (r *Run) gather(dst, img []float32) {
	a := r.cfg.Augment
	if a == 0 {
		copy(dst, img)
		return
	}
	side := r.cfg.Side
	dx := r.batches.IntN(2*a+1) - a
	dy := r.batches.IntN(2*a+1) - a
	for y := 0; y < side; y++ {
		row := dst[y*side : (y+1)*side]
		sy := y - dy
		if sy < 0 || sy >= side {
			clear(row)
			continue
		}
		src := img[sy*side : (sy+1)*side]
		for x := range row {
			if sx := x - dx; sx >= 0 && sx < side {
				row[x] = src[sx]
			} else {
				row[x] = 0
			}
		}
	}
}

// evaluate runs the network in evaluation mode over a whole set and returns its mean
// loss and accuracy; for the training set (fitted != nil) it also records which
// examples are fitted and what each is predicted.
func (r *Run) evaluate(im *data.Images, fitted []bool, pred []uint8) (loss, acc float64) {
	total := im.Len()
	right := 0
	for start := 0; start < total; start += evalChunk {
		n := min(evalChunk, total-start)
		x := im.Pixels[start*r.inputs : (start+n)*r.inputs]
		logits := r.net.Forward(x, n, false)
		labels := im.Labels[start : start+n]
		loss += float64(n) * nn.SoftmaxCrossEntropy(logits, labels, n, r.classes, nil, r.correct)
		for i := range n {
			if r.correct[i] {
				right++
			}
			if fitted != nil {
				fitted[start+i] = r.correct[i]
				pred[start+i] = uint8(argmax(logits[i*r.classes : (i+1)*r.classes]))
			}
		}
	}
	return loss / float64(total), float64(right) / float64(total)
}

func argmax(v []float32) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}

// explodedLoss: a run has diverged when its training loss passes this many times ln K,
// the loss of guessing uniformly. Such a run is not learning: its steps are too large,
// its units die or its logits blow up, and its loss only grows until it overflows.
const explodedLoss = 4

// endEpoch measures the finished epoch and decides whether to stop.
func (r *Run) endEpoch() {
	lr := r.LR()
	r.epoch++
	e := Epoch{Epoch: r.epoch, Steps: r.steps, LR: lr}
	e.TrainLoss, e.TrainAcc = r.evaluate(&r.train, r.fitted, r.pred)
	e.TestLoss, e.TestAcc = r.evaluate(&r.test, nil, nil)
	e.ValLoss, e.ValAcc = -1, -1
	if r.val.Len() > 0 {
		e.ValLoss, e.ValAcc = r.evaluate(&r.val, nil, nil)
	}
	var clean, cleanRight, wrong, wrongRight int
	for i, ok := range r.fitted {
		if ok {
			e.Fitted++
			if r.firstFit[i] == 0 {
				r.firstFit[i] = int32(r.epoch)
			}
		}
		if r.train.Corrupted(i) {
			wrong++
			if ok {
				wrongRight++
			}
		} else {
			clean++
			if ok {
				cleanRight++
			}
		}
	}
	e.CleanAcc, e.CorruptAcc = share(cleanRight, clean), share(wrongRight, wrong)
	r.unfit = r.unfit[:0]
	for i, ok := range r.fitted {
		if !ok {
			r.unfit = append(r.unfit, int32(i))
		}
	}
	if !Finite(e.TrainLoss) || !Finite(e.TestLoss) {
		// A diverged epoch is not recorded: its numbers mean nothing and would show as NaN.
		r.stop = Diverged
		return
	}
	r.history = append(r.history, e)
	if r.val.Len() > 0 && (r.best.Epoch == 0 || e.ValAcc > r.best.ValAcc) {
		r.best = e
		r.bestNet.save()
	}
	if r.fitEpoch == 0 && e.Fitted == r.train.Len() {
		r.fitEpoch, r.fitSteps = r.epoch, r.steps
	}
	if r.notLearning(e) {
		r.stuck++
	} else {
		r.stuck = 0
	}
	switch {
	case e.TrainLoss > explodedLoss*math.Log(float64(r.classes)):
		r.stop = Diverged
	case r.cfg.StopFitted && e.Fitted == r.train.Len():
		r.stop = Fitted
	case r.cfg.Patience > 0 && r.epoch-r.best.Epoch >= r.cfg.Patience:
		r.stop = EarlyStop
		r.bestNet.restore()
	case r.stuck >= stuckEpochs || r.epoch >= r.cfg.Epochs && r.stuck > 0:
		r.stop = NotLearning
	case r.epoch >= r.cfg.Epochs:
		r.stop = MaxEpochs
	}
}

// A network is not learning when its training loss stays at ln K, the loss of a uniform
// guess, and its accuracy at chance: its steps are too small to move it, or it has
// collapsed (every ReLU dead, or every input mapped to the same output). A run stops as
// NotLearning after stuckEpochs such epochs in a row, or at its epoch budget after one.
// Random labels start near ln K too, but their loss leaves it within a few epochs.
const (
	stuckEpochs   = 20
	stuckLoss     = 0.995 // of ln K
	stuckAccuracy = 0.02  // above chance, 1/K
)

func (r *Run) notLearning(e Epoch) bool {
	k := float64(r.classes)
	return e.TrainLoss >= stuckLoss*math.Log(k) && e.TrainAcc <= 1/k+stuckAccuracy
}

func share(k, n int) float64 {
	if n == 0 {
		return -1
	}
	return float64(k) / float64(n)
}

// Summary returns what the run has measured so far. After early stopping it describes
// the network the run kept, the one of the best validation accuracy: its accuracies and
// losses are those of BestEpoch, while Epochs and Steps count all the training done.
func (r *Run) Summary() Summary {
	s := Summary{
		Epochs: r.epoch, Steps: r.steps,
		BestEpoch:   r.best.Epoch,
		ValAcc:      -1,
		WrongLabels: data.WrongLabelRate(&r.train),
		Params:      r.net.Size(),
		Examples:    r.train.Len(),
		Validation:  r.val.Len(),
		Stop:        r.stop,
	}
	if n := len(r.history); n > 0 {
		last := r.history[n-1]
		if r.stop == EarlyStop {
			last = r.best
		}
		s.TrainAcc, s.TestAcc, s.TrainLoss, s.TestLoss, s.ValAcc = last.TrainAcc, last.TestAcc, last.TrainLoss, last.TestLoss, last.ValAcc
	}
	if r.fitEpoch != 0 {
		e, st, f := r.fitEpoch, r.fitSteps, float64(r.fitSteps)/float64(r.StepsPerEpoch())
		s.EpochsToFit, s.StepsToFit, s.FitEpochs = &e, &st, &f
	}
	return s
}
