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
			c := small()
			c.Inputs, c.Labels = inputs, labels
			want, _ := Dataset(c)
			got := TrainingImages(c)
			if !slices.Equal(got.Pixels, want.Pixels) || !slices.Equal(got.Labels, want.Labels) ||
				!slices.Equal(got.True, want.True) {
				t.Errorf("inputs=%v labels=%v: TrainingImages differs from Dataset's training set", inputs, labels)
			}
		}
	}
}
