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
