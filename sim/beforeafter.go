package sim

import "genlab/sim/data"

// BeforeAfter is a few training images of a run, before and after its input
// randomization (Config.Inputs): the same examples, as generated and as the network is
// given them. The page shows them beside a lesson on shuffled pixels, random pixels or
// Gaussian inputs, so that a student sees what each test does to an image before
// watching a network memorize the result.
type BeforeAfter struct {
	Inputs   data.InputMode
	Side     int
	Examples []int       // training examples shown, one per class from class 0
	Classes  []int       // their true classes
	Before   [][]float32 // their pixels as generated (Side² each, row by row)
	After    [][]float32 // and after the randomization, as the network sees them
}

// InputsBeforeAfter returns the first training image of each of the first n classes of
// c (fewer when some class has no image), before and after c's input randomization:
// the training images of c with Inputs set to original, then those of c itself, made
// by TrainingImages from the same seed, so that "after" is exactly what a run of c
// trains on. It panics on an invalid c, as Dataset does.
func InputsBeforeAfter(c Config, n int) BeforeAfter {
	orig := c
	orig.Inputs = data.Original
	before := TrainingImages(orig)
	after := before
	if c.Inputs != data.Original {
		after = TrainingImages(c)
	}
	ba := BeforeAfter{Inputs: c.Inputs, Side: before.Side}
	for k := range min(n, c.Classes) {
		for i := range before.Len() {
			if before.True[i] == k {
				ba.Examples = append(ba.Examples, i)
				ba.Classes = append(ba.Classes, k)
				ba.Before = append(ba.Before, append([]float32(nil), before.At(i)...))
				ba.After = append(ba.After, append([]float32(nil), after.At(i)...))
				break
			}
		}
	}
	return ba
}
