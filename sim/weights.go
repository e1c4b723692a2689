package sim

import "genlab/sim/nn"

// weights is a copy of everything a network needs to compute what it computes: its
// trainable values and the running statistics of its batch normalizations. Early stopping
// keeps the weights of the best epoch in one, to put them back when it stops. Saving and
// restoring copy between slices found once, so they allocate nothing.
type weights struct {
	live, saved [][]float32
}

// newWeights makes a buffer for the weights of net.
func newWeights(net *nn.Network) weights {
	var w weights
	for _, p := range net.Params() {
		w.live = append(w.live, p.Value)
	}
	for _, l := range net.Layers {
		if bn, ok := l.(*nn.BatchNorm); ok {
			w.live = append(w.live, bn.RunMean, bn.RunVar)
		}
	}
	for _, s := range w.live {
		w.saved = append(w.saved, make([]float32, len(s)))
	}
	return w
}

func (w *weights) save() {
	for i, s := range w.live {
		copy(w.saved[i], s)
	}
}

func (w *weights) restore() {
	for i, s := range w.live {
		copy(s, w.saved[i])
	}
}
