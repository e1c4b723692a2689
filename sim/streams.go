package sim

import "math/rand/v2"

// Every random choice of a run draws from its own stream of the run's seed, so that
// changing one setting changes only what depends on it: a run with random labels sees
// the very same images, in the same order, from the same initial weights, as a run
// with true labels and the same seed. That is what makes the two comparable.
const (
	streamImages     = iota + 1 // generating the images
	streamLabels                // corrupting training labels
	streamTestLabels            // corrupting test labels
	streamInputs                // shuffled, random or Gaussian pixels
	streamInit                  // initial weights
	streamBatches               // minibatch order and augmentation shifts
	streamDropout               // dropout masks
)

func newStream(seed uint64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream))
}
