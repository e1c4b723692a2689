package sim

import "genlab/sim/data"

// Dataset generates the training and test images of c and applies c's randomization
// tests to them. It panics on an invalid c (validate first).
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

// TrainingImages returns the training set of c, as Dataset does, for a view that only
// shows it (the canvas's memory wall): without making the test set, which halves the
// work, except for Gaussian inputs, which take their mean and variance from both sets.
// The training images are made first, from the same streams, so they are the same.
func TrainingImages(c Config) data.Images {
	if c.Inputs == data.Gaussian {
		train, _ := Dataset(c)
		return train
	}
	c.Test = 0
	train, _ := Dataset(c)
	return train
}
