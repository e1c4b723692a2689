package sim

import "genlab/sim/data"

// Default returns the settings a first visit starts from: a one-hidden-layer MLP of 512 units
// trained with momentum SGD on 1000 noisy images of shapes with their true labels; switching
// labels to corrupt then replaces each label with probability p = 0.5.
// With 16×16 = 256 inputs the network has about 137,000 weights for 1000 labels, far more
// than it needs to memorize them, which is the situation the paper studies.
//
// Every setting of a link or of the command line that is absent keeps this value, so the
// defaults are part of the link format: changing one changes what old links mean.
func Default() Config {
	return Config{
		Family:  data.Shapes,
		Side:    16,
		Classes: 10,
		Train:   1000,
		Test:    1000,
		Noise:   0.15,
		Seed:    1,

		Labels:     data.TrueLabels,
		Corrupt:    0.5,
		TestLabels: data.TrueLabels,
		Inputs:     data.Original,

		Model:   MLP,
		Depth:   1,
		Width:   512,
		Filters: 8,

		LR:          0.05,
		CNNLR:       0.01,
		Schedule:    Constant,
		Gamma:       0.5,
		StepEvery:   10,
		Batch:       32,
		Momentum:    0.9,
		WeightDecay: 0,
		Dropout:     0,
		Augment:     0,
		BatchNorm:   false,
		Epochs:      100,
		Patience:    0,
		StopFitted:  true,
	}
}

// Validate checks every setting of c against its range in the parameter table and returns
// an Errors naming each bad one, or nil.
//
// There are no rules between settings: every combination of allowed values is a valid
// experiment. In particular Batch may exceed Train (a step then uses the whole training
// set), so that shrinking the training set never invalidates the default batch size, and
// settings that the chosen model or schedule ignores, such as Filters for an MLP, are
// checked but otherwise harmless.
func (c Config) Validate() error {
	var errs Errors
	for _, p := range Params() {
		if e := p.check(&c); e != nil {
			errs = append(errs, e)
		}
	}
	return errs.err()
}
