package sim

import (
	"slices"
	"testing"

	"genlab/sim/data"
)

// TrainingImages must be Dataset's training set, whatever the randomization test.
func TestTrainingImagesAreDatasets(t *testing.T) {
	for _, inputs := range []data.InputMode{data.Original, data.ShuffledPixels, data.RandomPixels, data.Gaussian} {
		for _, labels := range []data.LabelMode{data.TrueLabels, data.CorruptLabels, data.RandomLabels} {
			for _, patience := range []int{0, 5} { // 5: early stopping carves a validation set off
				c := small()
				c.Inputs, c.Labels, c.Patience = inputs, labels, patience
				want, _, _ := Sets(c)
				got := TrainingImages(c)
				if !slices.Equal(got.Pixels, want.Pixels) || !slices.Equal(got.Labels, want.Labels) ||
					!slices.Equal(got.True, want.True) || got.Len() != c.TrainingExamples() {
					t.Errorf("inputs=%v labels=%v patience=%d: TrainingImages differs from the training set of Sets", inputs, labels, patience)
				}
			}
		}
	}
}
