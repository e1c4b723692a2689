package sim

import (
	"math"
	"slices"
	"testing"

	"genlab/sim/data"
)

// TestInputsBeforeAfter: the "after" images are the randomization of the "before" ones.
// Shuffled pixels move every image's pixels by one permutation, the same for all; random
// pixels keep each image's multiset of pixels, in another order; Gaussian inputs replace
// them with draws of the data's mean and standard deviation. And "after" is what a run
// trains on.
func TestInputsBeforeAfter(t *testing.T) {
	for _, mode := range []data.InputMode{data.ShuffledPixels, data.RandomPixels, data.Gaussian} {
		c := Default()
		c.Train, c.Test, c.Inputs = 300, 100, mode
		ba := InputsBeforeAfter(c, 5)
		if len(ba.Examples) != 5 || ba.Side != c.Side || ba.Inputs != mode {
			t.Fatalf("%v: %d examples of side %d", mode, len(ba.Examples), ba.Side)
		}
		run := TrainingImages(c)
		for j, i := range ba.Examples {
			if ba.Classes[j] != j || run.True[i] != j {
				t.Errorf("%v: example %d of class %d shown as class %d", mode, i, run.True[i], j)
			}
			if !slices.Equal(ba.After[j], run.At(i)) {
				t.Errorf("%v: example %d after is not what the run trains on", mode, i)
			}
			if slices.Equal(ba.Before[j], ba.After[j]) {
				t.Errorf("%v: example %d unchanged", mode, i)
			}
		}
		switch mode {
		case data.ShuffledPixels, data.RandomPixels:
			for j := range ba.Examples {
				b, a := slices.Clone(ba.Before[j]), slices.Clone(ba.After[j])
				slices.Sort(b)
				slices.Sort(a)
				if !slices.Equal(a, b) {
					t.Errorf("%v: image %d does not keep its pixels", mode, j)
				}
			}
			// One permutation for all (shuffled), or one each (random): find where pixel
			// k of image 0 went, for pixels that are unique in it, and see if image 1
			// follows.
			same := samePermutation(ba.Before[0], ba.After[0], ba.Before[1], ba.After[1])
			if same != (mode == data.ShuffledPixels) {
				t.Errorf("%v: the images share a permutation: %v", mode, same)
			}
		case data.Gaussian:
			c0 := c
			c0.Inputs = data.Original
			train, test := Dataset(c0)
			mean, std := data.MeanStd(&train, &test)
			var s, s2 float64
			var n int
			for _, px := range ba.After {
				for _, v := range px {
					s, s2, n = s+float64(v), s2+float64(v)*float64(v), n+1
				}
			}
			m := s / float64(n)
			sd := math.Sqrt(s2/float64(n) - m*m)
			// 720 draws: the mean is within 4 standard errors, the deviation within 15%.
			if math.Abs(m-mean) > 4*std/math.Sqrt(float64(n)) || math.Abs(sd-std) > 0.15*std {
				t.Errorf("gaussian: mean %.3f, std %.3f; the data's %.3f, %.3f", m, sd, mean, std)
			}
		}
	}
}

// samePermutation reports whether the permutation taking b0 to a0 also takes b1 to a1,
// judged on the pixels whose value is unique in b0 (and in b1).
func samePermutation(b0, a0, b1, a1 []float32) bool {
	unique := func(px []float32, v float32) int {
		at := -1
		for k, w := range px {
			if w == v {
				if at >= 0 {
					return -1
				}
				at = k
			}
		}
		return at
	}
	checked := 0
	for k := range b0 {
		from, to := k, unique(a0, b0[k])
		if unique(b0, b0[k]) < 0 || to < 0 || unique(b1, b1[from]) < 0 {
			continue
		}
		checked++
		if a1[to] != b1[from] {
			return false
		}
	}
	return checked > 0
}
