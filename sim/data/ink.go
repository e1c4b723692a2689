package data

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Why ink is handed out by rank: the paper's "random pixels" test gives each image its own
// permutation of pixel positions, which keeps nothing of the image but its multiset of pixel
// values. If that multiset depended on the class (a filled disc has more ink than a thin
// plus), a network could learn the class from it and beat chance on the test set, and the
// lesson would be wrong. So every image gets its pixel values from one profile that does not
// know the class, and the class only decides where they go:
//
//  1. the renderer computes a key field, larger where the pattern is more inside;
//  2. an ink budget is drawn: the image's total ink u·d (d = Side² pixels) with u ~ U(lo, hi),
//     the same distribution for every class of the family, spent as a soft edge of m pixels
//     (m depends on the side only) and k = u·d − m/2 pixels of full ink;
//  3. pixels are ranked by key, highest first, and take their value by rank: the first k get 1,
//     the next m fall linearly from 1 toward 0, the rest get 0.
//
// Every clean image of a family with the same k then holds exactly the same values, whatever
// its class. This is histogram specification, done by rank.

// inkBudget is the class-independent profile of pixel values of one family.
type inkBudget struct {
	lo, hi      float64 // total ink (the mean pixel value of a clean image), drawn uniformly
	edgePerSide float64 // soft-edge pixels per pixel of side (about one pixel around an outline)
	edgePerArea float64 // soft-edge pixels as a fraction of the image (patterns that fill it)
}

// Figures (shapes and glyphs) carry 11–18% of the image's area in ink, with a soft edge of two
// pixels per pixel of side: about one pixel of anti-aliasing around each side of a stroke, at
// every side. Their full ink grows with the side (at side 8 a figure is nearly all edge, at
// side 32 mostly solid), as the strokes of a pen of fixed width in image units would. These
// are the amounts the figures had when each was drawn with its own pen, averaged over classes.
// Textures are about a quarter full ink, half transition and a quarter background, as sine
// waves with a soft threshold are.
var (
	figureInk  = inkBudget{lo: 0.08, hi: 0.22, edgePerSide: 2}
	textureInk = inkBudget{lo: 0.40, hi: 0.55, edgePerArea: 0.45}
)

// inker paints images from key fields with one budget; it holds the scratch of the ranking.
type inker struct {
	budget inkBudget
	side   int
	order  []uint64 // per pixel: its rank key in the high bits, its index in the low bits
}

func newInker(b inkBudget, side int) *inker {
	return &inker{budget: b, side: side, order: make([]uint64, side*side)}
}

// indexBits is how many low bits of a rank key hold the pixel index: 32×32 = 2¹⁰ pixels.
const indexBits = 10

// paint draws the image's ink (one Float64 from rng) and sets dst from the ranking of key.
// Pixels are ranked by key, highest first; keys that agree to 42 significant bits count as tied
// and tied pixels are ranked by index, so the result is the same on every platform and sort.
func (p *inker) paint(dst []float32, key []float64, rng *rand.Rand) {
	d := len(dst)
	k, m := p.counts(uniform(rng, p.budget.lo, p.budget.hi))
	for i, v := range key {
		// An order-preserving map of float64 to uint64, then complemented so that larger keys
		// sort first; the low bits are replaced by the index, which breaks ties.
		b := math.Float64bits(v)
		if b>>63 != 0 {
			b = ^b
		} else {
			b |= 1 << 63
		}
		p.order[i] = (^b)&^(1<<indexBits-1) | uint64(i)
	}
	order := p.order[:d]
	slices.Sort(order)
	clear(dst)
	for r, o := range order[:k+m] {
		v := float32(1)
		if r >= k {
			v = float32(1 - float64(r-k+1)/float64(m+1))
		}
		dst[o&(1<<indexBits-1)] = v
	}
}

// counts returns the number of full-ink and soft-edge pixels for total ink u·d, both clipped
// so that there is at least one full-ink pixel and everything fits in the image.
func (p *inker) counts(u float64) (k, m int) {
	d := p.side * p.side
	m = int(math.Round(p.budget.edgePerSide*float64(p.side) + p.budget.edgePerArea*float64(d)))
	m = min(m, d-1)
	k = max(1, min(d-m, int(math.Round(u*float64(d)-float64(m)/2))))
	return k, m
}
