package figure

// The memorization figure (after Arpit et al., "A closer look at memorization in deep
// networks", 2017) asks when each training example was first fitted: with some labels
// corrupted, a network fits the clean examples first, class by class, as it learns the
// structure they share, and the noisy ones later, one by one, as it memorizes them.

// Memorized returns, for each epoch 1..epochs, the share of the clean examples and of the
// noisy ones first fitted at or before that epoch (nil for a group without examples).
func (r *Result) Memorized(epochs int) (clean, noisy []float64) {
	clean = r.fittedBy(epochs, func(i int) bool { return !r.Noisy[i] })
	noisy = r.fittedBy(epochs, func(i int) bool { return r.Noisy[i] })
	return clean, noisy
}

// fittedBy returns, for each epoch 1..epochs, the share of the examples that pick selects
// whose first fit came at or before that epoch, or nil when pick selects none.
func (r *Result) fittedBy(epochs int, pick func(i int) bool) []float64 {
	counts := make([]float64, epochs+1)
	n := 0
	for i, e := range r.FirstFit {
		if !pick(i) {
			continue
		}
		n++
		if e > 0 && int(e) <= epochs {
			counts[e]++
		}
	}
	if n == 0 {
		return nil
	}
	share := make([]float64, epochs)
	total := 0.0
	for e := 1; e <= epochs; e++ {
		total += counts[e]
		share[e-1] = total / float64(n)
	}
	return share
}

// ByClass returns, for each class 0..classes−1, the share of its clean examples fitted by
// each epoch (nil for a class without clean examples): real structure is learned class by
// class, some classes well before others.
func (r *Result) ByClass(classes, epochs int) [][]float64 {
	out := make([][]float64, classes)
	for k := range out {
		out[k] = r.fittedBy(epochs, func(i int) bool { return !r.Noisy[i] && r.Classes[i] == k })
	}
	return out
}
