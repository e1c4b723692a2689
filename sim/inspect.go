package sim

import "math"

// Probs returns what the network now gives training example i: the softmax of its logits,
// one probability per class, written into dst (reused when it is large enough). It is what
// a student inspecting one image wants to see beside its labels: not only which class the
// network predicts, but how sure it is, and how much it gives the true class of an image
// whose label was randomized.
//
// It runs the network in evaluation mode on that one example, exactly as the measurements
// between steps do (evaluate): no dropout is drawn, batch normalization uses its running
// statistics and updates nothing, and no random stream is read. The layers' buffers it
// overwrites are rewritten by the next step's forward pass before anything reads them, so
// calling Probs between any two steps leaves the run's numbers, bit for bit, as they would
// have been (TestProbsLeaveTheRunAlone). It allocates nothing once dst is large enough;
// it is not part of Step, which the inspector never slows down.
func (r *Run) Probs(i int, dst []float64) []float64 {
	dst = dst[:0]
	if i < 0 || i >= r.train.Len() {
		return dst
	}
	logits := r.net.Forward(r.train.Pixels[i*r.inputs:(i+1)*r.inputs], 1, false)[:r.classes]
	top := logits[argmax(logits)]
	sum := 0.0
	for _, z := range logits {
		e := math.Exp(float64(z - top)) // shifted by the largest: no overflow
		dst = append(dst, e)
		sum += e
	}
	for k := range dst {
		dst[k] /= sum
	}
	return dst
}
