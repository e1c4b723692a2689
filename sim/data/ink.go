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

// Figures (shapes and glyphs) carry 8–22% of the image's area in ink, about the range the
// figures had when each class was drawn with a pen of its own (10–20% on average per class,
// from the L to the square outline), a little wider so that stroke thickness varies from
// image to image as much as it used to from class to class. The soft edge is two pixels per
// pixel of side, which spreads over a pixel or less along a figure's outline, at every side:
// anti-aliasing. Full ink grows with the side (at side 8 a figure is nearly all edge, at side 32 mostly
// solid), as strokes of a fixed width in image units would. Textures are about a quarter full
// ink, half transition and a quarter background, as sine waves with a soft threshold were.
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

// counts draws the ink of one image (one Float64 from rng) and returns its number of full-ink
// pixels k and of soft-edge pixels m: the edge takes its m pixels and the full ink the rest of
// the total, u·d − m/2, at least one pixel, all of it fitting in the image.
func (p *inker) counts(rng *rand.Rand) (k, m int) {
	u := uniform(rng, p.budget.lo, p.budget.hi)
	d := p.side * p.side
	m = int(math.Round(p.budget.edgePerSide*float64(p.side) + p.budget.edgePerArea*float64(d)))
	m = min(m, d-1)
	k = max(1, min(d-m, int(math.Round(u*float64(d)-float64(m)/2))))
	return k, m
}

// paint sets dst from the ranking of key: the k pixels of highest key get 1, the next m fall
// linearly from 1 toward 0 (1 − r/(m+1) for the r-th), the rest get 0. Keys that agree to 42
// significant bits count as tied, and tied pixels are ranked by index, so the ranking is a
// strict order: the same on every platform, whatever algorithm finds it. key need only be
// exact for its k+m highest values (see renderer).
func (p *inker) paint(dst []float32, key []float64, k, m int) {
	order := p.order[:len(dst)]
	for i, v := range key {
		// An order-preserving map of float64 to uint64, then complemented so that larger keys
		// come first; the low bits are replaced by the index, which breaks ties.
		b := math.Float64bits(v)
		if b>>63 != 0 {
			b = ^b
		} else {
			b |= 1 << 63
		}
		order[i] = (^b)&^(1<<indexBits-1) | uint64(i)
	}
	// Only the ink needs ordering: pick the k+m first, among them the k first, and sort the
	// m between (the edge), which costs far less than sorting the image.
	selectSmallest(order, k+m)
	selectSmallest(order[:k+m], k)
	slices.Sort(order[k : k+m])
	clear(dst)
	for _, o := range order[:k] {
		dst[o&(1<<indexBits-1)] = 1
	}
	for r, o := range order[k : k+m] {
		dst[o&(1<<indexBits-1)] = float32(1 - float64(r+1)/float64(m+1))
	}
}

// selectSmallest reorders a so that a[:n] holds its n smallest elements, in no particular
// order (Hoare's quickselect with a median-of-three pivot). The elements must be distinct.
func selectSmallest(a []uint64, n int) {
	lo, hi := 0, len(a)
	if n <= 0 || n >= hi {
		return
	}
	for rounds := 0; hi-lo > 12; rounds++ {
		if rounds == 64 { // a pathological input: give up on selecting and sort what is left
			slices.Sort(a[lo:hi])
			return
		}
		x, y, z := a[lo], a[lo+(hi-lo)/2], a[hi-1]
		pivot := max(min(x, y), min(max(x, y), z)) // the median of the three
		i, j := lo, hi-1
		for i <= j {
			for a[i] < pivot {
				i++
			}
			for a[j] > pivot {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		// Now a[lo..j] ≤ pivot ≤ a[i..hi-1], and whatever lies between equals the pivot.
		switch {
		case n <= j+1:
			hi = j + 1
		case n >= i:
			lo = i
		default:
			return
		}
	}
	slices.Sort(a[lo:hi])
}
