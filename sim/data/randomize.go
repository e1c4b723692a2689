package data

import (
	"fmt"
	"math"
	"math/rand/v2"

	"genlab/sim/internal/portable"
)

// CorruptLabels replaces each label, with probability p, by a class drawn uniformly from all
// classes 0..classes-1, which may be the true one; so the wrong-label rate is p(1-1/K). This is
// the paper's "partially corrupted labels" (p = 1: "random labels"). It is meant to be called
// once per dataset and seed, so the corruption is fixed, not redrawn each epoch. It draws one
// Float64 per label, and an IntN for each replaced one. True is left alone, so Corrupted and
// WrongLabelRate can tell which examples are noisy.
func (im *Images) CorruptLabels(p float64, classes int, rng *rand.Rand) {
	if !(p >= 0 && p <= 1) {
		panic(fmt.Sprintf("data.CorruptLabels: p %v outside 0..1", p))
	}
	if classes < 1 {
		panic(fmt.Sprintf("data.CorruptLabels: %d classes", classes))
	}
	for i := range im.Labels {
		if rng.Float64() < p {
			im.Labels[i] = rng.IntN(classes)
		}
	}
}

// Permute applies the same pixel permutation to every image: new[j] = old[perm[j]]. This is
// the paper's "shuffled pixels": call it on the training and the test set with the same perm,
// so the test images are scrambled the same way. All structure is still there for a network
// that does not care where pixels are (an MLP learns exactly as well); the local structure a
// convolution relies on is gone. It panics if perm is not a permutation of 0..Side²-1.
func (im *Images) Permute(perm []int) {
	d := im.Side * im.Side
	if len(perm) != d {
		panic(fmt.Sprintf("data.Permute: perm of length %d for %d pixels", len(perm), d))
	}
	seen := make([]bool, d)
	for _, k := range perm {
		if k < 0 || k >= d || seen[k] {
			panic(fmt.Sprintf("data.Permute: not a permutation (index %d)", k))
		}
		seen[k] = true
	}
	old := make([]float32, d)
	for i := range im.Len() {
		px := im.At(i)
		copy(old, px)
		for j, k := range perm {
			px[j] = old[k]
		}
	}
}

// PermuteEach shuffles each image's pixels with a fresh random permutation. This is the paper's
// "random pixels": each image keeps its histogram of pixel values but loses any structure
// shared with other images, so the labels can only be memorized, image by image. Generate
// makes the histogram independent of the class (see ink.go), so nothing carries over to the
// test set.
func (im *Images) PermuteEach(rng *rand.Rand) {
	for i := range im.Len() {
		px := im.At(i)
		for j := len(px) - 1; j > 0; j-- {
			k := rng.IntN(j + 1)
			px[j], px[k] = px[k], px[j]
		}
	}
}

// FillGaussian sets every pixel to a draw from N(mean, std²), keeping the labels. This is the
// paper's "Gaussian" input: pass the mean and std of the original data (see MeanStd) so the
// inputs keep their scale and only their content is gone.
func (im *Images) FillGaussian(mean, std float64, rng *rand.Rand) {
	portable.FillNormal(im.Pixels, mean, std, rng)
}

// MeanStd returns the mean and the (population) standard deviation over all pixels of all sets,
// or 0, 0 if there are none. It sums in float64, two passes, so 10⁷ float32 pixels lose nothing.
func MeanStd(sets ...*Images) (mean, std float64) {
	n := 0
	for _, s := range sets {
		n += len(s.Pixels)
		for _, v := range s.Pixels {
			mean += float64(v)
		}
	}
	if n == 0 {
		return 0, 0
	}
	mean /= float64(n)
	var ss float64
	for _, s := range sets {
		for _, v := range s.Pixels {
			d := float64(v) - mean
			ss += d * d
		}
	}
	return mean, math.Sqrt(ss / float64(n))
}

// WrongLabelRate returns the fraction of images whose label is not their true class, or 0 for
// an empty set.
func WrongLabelRate(im *Images) float64 {
	if im.Len() == 0 {
		return 0
	}
	wrong := 0
	for i := range im.Labels {
		if im.Corrupted(i) {
			wrong++
		}
	}
	return float64(wrong) / float64(im.Len())
}
