package figure

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPictureByHand draws the three points of sim/theory's TestConstructByHand: projections
// 0, 1, 3, thresholds −0.75, 0.5, 2, so that
//
//	A = [0.75 0 0; 1.75 0.5 0; 3.75 2.5 1],
//
// small enough that every block is one entry and the log scale can be checked by hand.
func TestPictureByHand(t *testing.T) {
	p := NewPicture([]float64{0, 1, 3}, []float64{-0.75, 0.5, 2}, []int{1, 0, 1}, 2)
	if err := p.Check(); err != nil {
		t.Fatal(err)
	}
	if p.N != 3 || p.Side != 3 || p.Lo != 0 || p.Hi != 3 {
		t.Errorf("n %d side %d, line %v..%v; want 3, 3, 0..3", p.N, p.Side, p.Lo, p.Hi)
	}
	if want := []uint16{0, 21845, 65535}; !slices.Equal(p.Line, want) {
		t.Errorf("line %v, want %v", p.Line, want)
	}
	if want := []byte{1, 0, 1}; !slices.Equal(p.LineLabels, want) || !slices.Equal(p.ZoomLabels, want) {
		t.Errorf("labels %v and %v, want %v", p.LineLabels, p.ZoomLabels, want)
	}
	if !slices.Equal(p.ZoomB, []float64{-0.75, 0.5, 2}) || !slices.Equal(p.ZoomZ, []float64{0, 1, 3}) {
		t.Errorf("zoom z %v b %v", p.ZoomZ, p.ZoomB)
	}
	lo, hi := math.Log10(0.5), math.Log10(3.75)
	if math.Abs(p.ALo-lo) > 1e-12 || math.Abs(p.AHi-hi) > 1e-12 {
		t.Errorf("log range %v..%v, want %v..%v", p.ALo, p.AHi, lo, hi)
	}
	byteOf := func(v float64) byte { return byte(1 + math.Round(254*(math.Log10(v)-lo)/(hi-lo))) }
	want := []byte{byteOf(0.75), byteOf(1.75), 1, 255, byteOf(2.5), byteOf(1)}
	if !slices.Equal(p.A, want) {
		t.Errorf("A's lower triangle %v, want %v", p.A, want)
	}
}

// TestBlockMeans compares the block means, made without forming A, with the means of an
// explicit A, on sizes that the blocks do not divide.
func TestBlockMeans(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 5))
	for _, tc := range []struct{ n, s int }{{1, 1}, {7, 7}, {250, 96}, {1000, 96}, {97, 96}} {
		zs := make([]float64, tc.n)
		for i := range zs {
			zs[i] = 40 + rng.NormFloat64() // offset, as projections of images are
		}
		slices.Sort(zs)
		b := make([]float64, tc.n)
		b[0] = zs[0] - 0.1
		for i := 1; i < tc.n; i++ {
			b[i] = (zs[i-1] + zs[i]) / 2
		}
		got := blockMeans(zs, b, tc.s)
		k := 0
		for r := range tc.s {
			for c := range r + 1 {
				sum, cnt := 0.0, 0
				for i := blockStart(r, tc.n, tc.s); i < blockStart(r+1, tc.n, tc.s); i++ {
					for j := blockStart(c, tc.n, tc.s); j < blockStart(c+1, tc.n, tc.s); j++ {
						sum += max(0, zs[i]-b[j])
						cnt++
					}
				}
				if want := sum / float64(cnt); math.Abs(got[k]-want) > 1e-9*max(1, want) {
					t.Fatalf("n %d, block (%d, %d): mean %v, want %v", tc.n, r, c, got[k], want)
				}
				k++
			}
		}
		if k != len(got) {
			t.Errorf("n %d: %d blocks, want %d", tc.n, len(got), k)
		}
	}
}

// A picture stays a few KB whatever n is, every block of its lower triangle is drawn (not
// zero), and a picture made wrong is refused.
func TestPictureSizeAndCheck(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 7))
	n := 10000
	zs := make([]float64, n)
	labels := make([]int, n)
	for i := range zs {
		zs[i], labels[i] = rng.NormFloat64(), rng.IntN(10)
	}
	slices.Sort(zs)
	b := make([]float64, n)
	b[0] = zs[0] - 1e-3
	for i := 1; i < n; i++ {
		b[i] = (zs[i-1] + zs[i]) / 2
	}
	p := NewPicture(zs, b, labels, 10)
	if err := p.Check(); err != nil {
		t.Fatal(err)
	}
	if len(p.Line) != MaxLine || p.Side != MaxSide || len(p.ZoomZ) != ZoomPoints {
		t.Errorf("line %d, side %d, zoom %d; want %d, %d, %d", len(p.Line), p.Side, len(p.ZoomZ), MaxLine, MaxSide, ZoomPoints)
	}
	if slices.Contains(p.A, 0) {
		t.Errorf("a block of A's lower triangle is drawn as zero")
	}
	if !slices.IsSorted(p.Line) || p.Line[0] != 0 || p.Line[len(p.Line)-1] != 65535 {
		t.Errorf("line not sorted from 0 to 65535")
	}
	for i, z := range p.ZoomZ {
		if !(p.ZoomB[i] < z) || i > 0 && !(p.ZoomZ[i-1] < p.ZoomB[i]) {
			t.Errorf("zoom %d: b %v, z %v not interleaved", i, p.ZoomB[i], z)
		}
	}
	for _, tc := range []struct {
		name  string
		spoil func(p *Picture)
	}{
		{"no points", func(p *Picture) { p.N = 0 }},
		{"too many points", func(p *Picture) { p.N = MaxPicturePoints + 1 }},
		{"short line", func(p *Picture) { p.Line = p.Line[1:] }},
		{"label out of range", func(p *Picture) { p.LineLabels[3] = 10 }},
		{"zoom labels missing", func(p *Picture) { p.ZoomLabels = nil }},
		{"side too large", func(p *Picture) { p.Side = MaxSide + 1 }},
		{"A short", func(p *Picture) { p.A = p.A[:10] }},
		{"NaN", func(p *Picture) { p.ZoomB[2] = math.NaN() }},
		{"range reversed", func(p *Picture) { p.ALo, p.AHi = p.AHi, p.ALo }},
		{"infinite", func(p *Picture) { p.Hi = math.Inf(1) }},
	} {
		q := p
		q.Line, q.LineLabels, q.ZoomB = slices.Clone(p.Line), slices.Clone(p.LineLabels), slices.Clone(p.ZoomB)
		tc.spoil(&q)
		if q.Check() == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}
