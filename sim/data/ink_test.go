package data

import (
	"math"
	"slices"
	"testing"
)

func TestSelectSmallest(t *testing.T) {
	rng := newRNG(9)
	for _, size := range []int{0, 1, 2, 5, 13, 64, 256, 1024} {
		for trial := range 20 {
			a := make([]uint64, size)
			for i := range a {
				switch trial % 3 {
				case 0: // random
					a[i] = rng.Uint64()
				case 1: // ascending
					a[i] = uint64(i)
				default: // descending
					a[i] = uint64(size - i)
				}
			}
			want := slices.Clone(a)
			slices.Sort(want)
			n := 0
			if size > 0 {
				n = rng.IntN(size + 1)
			}
			selectSmallest(a, n)
			got := slices.Clone(a[:n])
			slices.Sort(got)
			if !slices.Equal(got, want[:n]) {
				t.Fatalf("size %d, n %d: a[:n] is not the n smallest", size, n)
			}
			rest := slices.Clone(a)
			slices.Sort(rest)
			if !slices.Equal(rest, want) {
				t.Fatalf("size %d, n %d: elements lost or duplicated", size, n)
			}
		}
	}
}

// paint hands out the profile by rank: k ones, then the edge falling from 1 toward 0, then
// zeros, ties broken by pixel index.
func TestPaintByRank(t *testing.T) {
	key := []float64{0.5, 3, 3, -1, 2, math.Inf(-1), 7, 0.5}
	p := newInker(figureInk, 3) // 9 pixels; only 8 used here
	dst := make([]float32, len(key))
	p.paint(dst, key, 2, 3)
	// Ranks: 6 (7), 1 (3), 2 (3, tie: lower index first), 4 (2), 0 (0.5), 7 (0.5), 3, 5.
	want := []float32{0.25, 1, 0.75, 0, 0.5, 0, 1, 0}
	if !slices.Equal(dst, want) {
		t.Errorf("paint = %v, want %v", dst, want)
	}
}

// A figure's key field is computed exactly only within some reach of its skeleton; the
// pixels that get ink must be exactly those, in the same order, that the field computed over
// the whole image gives. The second case asks for ink on every pixel, which makes field widen
// its first reach (the band around the skeleton is clipped by the image) until it covers all.
func TestFigureFieldReach(t *testing.T) {
	for _, f := range []Family{Shapes, Glyphs} {
		for _, side := range []int{8, 13, 16, 32} {
			g := newGenerator(Spec{Family: f, Side: side, Classes: 10})
			var sk *sketch
			switch r := g.render.(type) {
			case *figureRenderer:
				sk = r.sketch
			case *glyphRenderer:
				sk = r.sketch
			}
			d := side * side
			full := make([]float64, d)
			a, b := make([]float32, d), make([]float32, d)
			rng := newRNG(uint64(side))
			for i := range 300 {
				class := i % 10
				g.render.draw(class, rng)
				k, m := g.ink.counts(rng)
				if i%2 == 1 {
					k, m = d/2, d-d/2
				}
				g.render.field(g.key, k+m)
				g.ink.paint(a, g.key, k, m)
				for j := range full {
					full[j] = math.Inf(-1)
				}
				for _, s := range sk.segs {
					sk.draw(full, s, math.Inf(1))
				}
				g.ink.paint(b, full, k, m)
				if !slices.Equal(a, b) {
					t.Fatalf("%v side %d image %d (%s), %d+%d inked pixels: the ink differs from that of the whole-image field",
						f, side, i, className(f, class), k, m)
				}
			}
		}
	}
}

// Ranking by distance to the skeleton inflates a figure evenly: the disc, a single point,
// comes out round. Its full-ink pixels all lie within the radius of a disc of their area
// (plus a pixel for the grid) of their centroid.
func TestDiscStaysRound(t *testing.T) {
	spec := Spec{Family: Shapes, Side: 16, Classes: 10, Train: 500}
	train, _ := Generate(spec, newRNG(4))
	for i := range train.Len() {
		if train.True[i] != 0 {
			continue
		}
		var sx, sy, n float64
		px := train.At(i)
		for j, v := range px {
			if v == 1 {
				sx += float64(j % 16)
				sy += float64(j / 16)
				n++
			}
		}
		cx, cy := sx/n, sy/n
		r := math.Sqrt(n/math.Pi) + 1
		for j, v := range px {
			if v == 1 && math.Hypot(float64(j%16)-cx, float64(j/16)-cy) > r {
				t.Fatalf("image %d: full-ink pixel %d is %.2f from the centroid of %v such pixels, want within %.2f",
					i, j, math.Hypot(float64(j%16)-cx, float64(j/16)-cy), n, r)
			}
		}
	}
}

// The mean ink of clean images follows the family's budget, whatever the class: each class
// averages the middle of the budget's range, and every image lies within the range (up to
// the rounding to whole pixels).
func TestInkFollowsTheBudget(t *testing.T) {
	for _, f := range Families() {
		t.Run(f.String(), func(t *testing.T) {
			b := figureInk
			if f == Textures {
				b = textureInk
			}
			spec := Spec{Family: f, Side: 16, Classes: 10, Train: 3000}
			train, _ := Generate(spec, newRNG(8))
			d := float64(spec.Side * spec.Side)
			var sum [10]float64
			var count [10]int
			for i := range train.Len() {
				var ink float64
				for _, v := range train.At(i) {
					ink += float64(v)
				}
				if u := ink / d; u < b.lo-1/d || u > b.hi+1/d {
					t.Fatalf("image %d: mean ink %.4f outside the budget %v..%v", i, u, b.lo, b.hi)
				}
				sum[train.True[i]] += ink / d
				count[train.True[i]]++
			}
			mid, sd := (b.lo+b.hi)/2, (b.hi-b.lo)/math.Sqrt(12)
			for c := range 10 {
				mean := sum[c] / float64(count[c])
				// Four standard errors of the mean of 300 uniform draws.
				if math.Abs(mean-mid) > 4*sd/math.Sqrt(float64(count[c])) {
					t.Errorf("class %s: mean ink %.4f, want %.4f (the middle of the budget)", className(f, c), mean, mid)
				}
			}
		})
	}
}
