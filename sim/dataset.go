package sim

import (
	"math"

	"genlab/sim/data"
)

// Dataset generates the training and test images of c and applies c's randomization
// tests to them. The training images are all c.Train of them: a run with early stopping
// trains on fewer (see Sets). It panics on an invalid c (validate first).
func Dataset(c Config) (train, test data.Images) {
	train, test = data.Generate(data.Spec{
		Family: c.Family, Side: c.Side, Classes: c.Classes,
		Train: c.Train, Test: c.Test, Noise: c.Noise,
	}, newStream(c.Seed, streamImages))

	corrupt := func(im *data.Images, mode data.LabelMode, stream uint64) {
		switch mode {
		case data.CorruptLabels:
			im.CorruptLabels(c.Corrupt, c.Classes, newStream(c.Seed, stream))
		case data.RandomLabels:
			im.CorruptLabels(1, c.Classes, newStream(c.Seed, stream))
		}
	}
	corrupt(&train, c.Labels, streamLabels)
	corrupt(&test, c.TestLabels, streamTestLabels)

	rng := newStream(c.Seed, streamInputs)
	switch c.Inputs {
	case data.ShuffledPixels:
		perm := rng.Perm(c.Side * c.Side)
		train.Permute(perm)
		test.Permute(perm)
	case data.RandomPixels:
		train.PermuteEach(rng)
		test.PermuteEach(rng)
	case data.Gaussian:
		mean, std := data.MeanStd(&train, &test)
		train.FillGaussian(mean, std, rng)
		test.FillGaussian(mean, std, rng)
	}
	return train, test
}

// Sets returns the images a run of c uses: what Dataset makes, with, when early stopping
// is on (Patience > 0), the last ValidationImages of the training images carved off as
// the validation set. The validation images keep their training labels, randomized or not,
// as a validation split does in practice; they are never trained on.
func Sets(c Config) (train, val, test data.Images) {
	all, test := Dataset(c)
	train, val = all.Split(c.ValidationImages())
	return train, val, test
}

// ValidationImages is how many of the c.Train training images a run of c holds out to
// validate on: round(Validation × Train) when early stopping is on, else none.
func (c Config) ValidationImages() int {
	if c.Patience == 0 {
		return 0
	}
	return int(math.Round(c.Validation * float64(c.Train)))
}

// TrainingExamples is how many images a run of c trains on: Train less the validation images.
func (c Config) TrainingExamples() int { return c.Train - c.ValidationImages() }

// TrainingImages returns the training set of c, as Sets does, for a view that only
// shows it (the canvas's memory wall): without making the test set, which halves the
// work, except for Gaussian inputs, which take their mean and variance from both sets.
// The training images are made first, from the same streams, so they are the same.
func TrainingImages(c Config) data.Images {
	if c.Inputs == data.Gaussian {
		train, _, _ := Sets(c)
		return train
	}
	c.Test = 0
	train, _, _ := Sets(c)
	return train
}
