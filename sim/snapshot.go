package sim

import "genlab/sim/nn"

// Snapshot is a compact copy of what a canvas draws of a run: where it is, which
// training examples it fits, its curves so far and its first-layer weights. A drawing
// loop reads a Snapshot while training goes on elsewhere; Run.Snapshot refills one in
// place, reusing its slices, so taking one per frame allocates nothing once warm.
type Snapshot struct {
	Epoch         int
	Steps         int
	StepsPerEpoch int
	Stop          Stop

	Fitted   []bool  // per training example, at the last epoch's end
	FirstFit []int32 // per training example, the epoch it was first fitted, 0 = not yet
	Pred     []uint8 // per training example, the predicted class
	History  []Epoch

	// First-layer weights as images: Filters images of FilterSide×FilterSide values,
	// one after another (at most MaxFilters of them).
	Filters    int
	FilterSide int
	Weights    []float32
}

// MaxFilters bounds the first-layer weight images in a Snapshot.
const MaxFilters = 64

// Snapshot copies the run's current state into dst.
func (r *Run) Snapshot(dst *Snapshot) {
	dst.Epoch, dst.Steps, dst.StepsPerEpoch, dst.Stop = r.epoch, r.steps, r.StepsPerEpoch(), r.stop
	dst.Fitted = append(dst.Fitted[:0], r.fitted...)
	dst.FirstFit = append(dst.FirstFit[:0], r.firstFit...)
	dst.Pred = append(dst.Pred[:0], r.pred...)
	dst.History = append(dst.History[:0], r.history...)

	switch first := r.net.Layers[0].(type) {
	case *nn.Dense:
		dst.Filters, dst.FilterSide = min(first.Units, MaxFilters), r.cfg.Side
		dst.Weights = resize(dst.Weights, dst.Filters*first.In)
		for j := range dst.Filters {
			for i := range first.In {
				dst.Weights[j*first.In+i] = first.W.Value[i*first.Units+j]
			}
		}
	case *nn.Conv:
		k := 9 * first.In
		dst.Filters, dst.FilterSide = min(first.Filters, MaxFilters), 3
		dst.Weights = resize(dst.Weights, dst.Filters*k)
		for f := range dst.Filters {
			for i := range k {
				dst.Weights[f*k+i] = first.K.Value[i*first.Filters+f]
			}
		}
	}
}

func resize(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	return s[:n]
}
