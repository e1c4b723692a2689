package figure

import (
	"errors"
	"fmt"
	"math"

	"genlab/sim"
)

// A Picture is what the Theorem 1 figure draws of the network it built on one trial: the
// construction itself, so that a student sees why it fits any labels, not only that it does.
//
//   - The number line. Every training point x_i is projected on one random direction a,
//     z_i = <a, x_i>, and the projections are sorted. Line holds up to MaxLine of them,
//     evenly spaced by rank, as positions between Lo = z_(1) and Hi = z_(n), with each
//     point's label: the labels come in any order along the line, true or random alike.
//   - The interleaving. The hidden units' thresholds sit between the sorted projections,
//     b_1 < z_(1) < b_2 < z_(2) < … < b_n < z_(n). At the scale of the whole line they are
//     as dense as the points, so Zoom keeps the first ZoomPoints points and thresholds
//     exactly, where the alternation can be seen.
//   - The matrix. A_ij = ReLU(z_(i) − b_j) is lower triangular (unit j is off for every
//     point below its threshold) with a positive diagonal, so A w = y has exactly one
//     solution, found by forward substitution. A is n×n, up to 10⁸ entries; the picture is
//     the mean of A over Side×Side blocks of rows and columns (the same partition for
//     both, so the blocks above the diagonal are exactly zero and are not sent).
//
// Block means are shown on a log scale, in A's bytes: 0 is an entry that is exactly zero (above
// the diagonal), and 1..255 map log10 of a block's mean linearly from ALo to AHi. A linear
// scale would paint the diagonal as good as zero, since its entries (half the gap between
// neighbouring projections) are thousands of times smaller than those far below it; yet
// those small positive entries are the point of the theorem, and their smallness is what
// makes A badly conditioned. On a log scale every positive entry is visibly not zero.
//
// Everything is small on the wire (a few KB) whatever n is, and it is made from the sorted
// projections and thresholds in O(n + Side²) time, without ever forming A.
type Picture struct {
	// Key is the trial's key (labels=true, labels=random), set by Figure.Pictures; it is
	// not sent, since a picture travels in the message of its trial.
	Key string `json:"-"`

	N       int `json:"n"`       // training points, and hidden units
	Classes int `json:"classes"` // labels are 0..Classes-1

	Lo         float64  `json:"lo"`          // z_(1), the smallest projection
	Hi         float64  `json:"hi"`          // z_(n), the largest
	Line       []uint16 `json:"line"`        // points evenly spaced by rank: (z−Lo)/(Hi−Lo) in 65535ths
	LineLabels []byte   `json:"line_labels"` // and their labels

	ZoomZ      []float64 `json:"zoom_z"`      // z_(1), …, z_(m): the first m = min(n, ZoomPoints) projections
	ZoomB      []float64 `json:"zoom_b"`      // b_1, …, b_m: the thresholds interleaved with them
	ZoomLabels []byte    `json:"zoom_labels"` // their labels

	Side int     `json:"side"` // the image of A is Side×Side blocks, Side = min(n, MaxSide)
	A    []byte  `json:"a"`    // its lower triangle, row by row: row r has r+1 blocks
	ALo  float64 `json:"a_lo"` // log10 of the smallest block mean (byte 1)
	AHi  float64 `json:"a_hi"` // and of the largest (byte 255)
}

// Sizes of a Picture: enough points to show how they spread and a block image sharper than
// the canvas draws it, and no more, so that a picture stays a few KB for any n.
const (
	MaxLine    = 512
	ZoomPoints = 8
	MaxSide    = 96
	// MaxPictureDecades is the widest range of block means shown: smaller ones get byte 1.
	MaxPictureDecades = 8
	// MaxPicturePoints is the most points a picture may say it has: the train setting's
	// largest value.
	MaxPicturePoints = 10000
)

// NewPicture makes the picture of a construction from its sorted projections zs, its
// thresholds b (b[j] just below zs[j]) and the labels of the sorted points, each in
// 0..classes-1. It panics if the lengths differ or are zero.
func NewPicture(zs, b []float64, labels []int, classes int) Picture {
	n := len(zs)
	if n == 0 || len(b) != n || len(labels) != n {
		panic(fmt.Sprintf("figure: a picture of %d projections, %d thresholds, %d labels", n, len(b), len(labels)))
	}
	p := Picture{N: n, Classes: classes, Lo: zs[0], Hi: zs[n-1]}

	m := min(n, MaxLine)
	p.Line, p.LineLabels = make([]uint16, m), make([]byte, m)
	span := p.Hi - p.Lo
	for k := range m {
		i := 0
		if m > 1 {
			i = k * (n - 1) / (m - 1)
		}
		if span > 0 {
			p.Line[k] = uint16(math.Round(math.Min(1, math.Max(0, (zs[i]-p.Lo)/span)) * 65535))
		}
		p.LineLabels[k] = byte(labels[i])
	}

	m = min(n, ZoomPoints)
	p.ZoomZ, p.ZoomB = append([]float64(nil), zs[:m]...), append([]float64(nil), b[:m]...)
	p.ZoomLabels = make([]byte, m)
	for i := range m {
		p.ZoomLabels[i] = byte(labels[i])
	}

	p.Side = min(n, MaxSide)
	means := blockMeans(zs, b, p.Side)
	p.ALo, p.AHi = math.Inf(1), math.Inf(-1)
	for _, v := range means {
		if v > 0 {
			p.ALo, p.AHi = math.Min(p.ALo, math.Log10(v)), math.Max(p.AHi, math.Log10(v))
		}
	}
	if math.IsInf(p.AHi, -1) { // no positive block: cannot happen with interleaved thresholds
		p.ALo, p.AHi = 0, 0
	}
	p.ALo = math.Max(p.ALo, p.AHi-MaxPictureDecades)
	p.A = make([]byte, len(means))
	for k, v := range means {
		if !(v > 0) {
			continue
		}
		t := 1.0
		if p.AHi > p.ALo {
			t = (math.Log10(v) - p.ALo) / (p.AHi - p.ALo)
		}
		p.A[k] = byte(1 + math.Round(254*math.Min(1, math.Max(0, t))))
	}
	return p
}

// blockStart is the first row (and column) of block r of s over n rows.
func blockStart(r, n, s int) int { return r * n / s }

// blockMeans returns the mean of A_ij = ReLU(zs_i − b_j) over each block (r, c), c ≤ r, of
// the s×s partition of its rows and columns, row by row. A block left of the diagonal has
// every j < i, so its mean is mean(z over its rows) − mean(b over its columns); a block on
// the diagonal is summed row by row with a running sum of its thresholds, its entries above
// the diagonal counting as the zeros they are. Values are taken relative to the block's
// first projection, which keeps the subtractions between numbers of the block's size.
func blockMeans(zs, b []float64, s int) []float64 {
	n := len(zs)
	zMean, bMean := make([]float64, s), make([]float64, s)
	for r := range s {
		lo, hi := blockStart(r, n, s), blockStart(r+1, n, s)
		for i := lo; i < hi; i++ {
			zMean[r] += zs[i] - zs[lo]
			bMean[r] += b[i] - zs[lo]
		}
		zMean[r] = zMean[r]/float64(hi-lo) + zs[lo]
		bMean[r] = bMean[r]/float64(hi-lo) + zs[lo]
	}
	out := make([]float64, 0, s*(s+1)/2)
	for r := range s {
		for c := range r {
			out = append(out, zMean[r]-bMean[c])
		}
		lo, hi := blockStart(r, n, s), blockStart(r+1, n, s)
		ref, sum, bsum := zs[lo], 0.0, 0.0
		for i := lo; i < hi; i++ {
			bsum += b[i] - ref
			sum += float64(i-lo+1)*(zs[i]-ref) - bsum
		}
		out = append(out, sum/float64((hi-lo)*(hi-lo)))
	}
	return out
}

// Check reports whether p is a picture the canvas can draw: sizes within bounds and
// consistent, finite numbers, labels within the classes. A message carrying one is
// refused otherwise.
func (p *Picture) Check() error {
	m := min(p.N, MaxLine)
	switch {
	case p.N < 1 || p.N > MaxPicturePoints || p.Classes < 1 || p.Classes > 255:
		return fmt.Errorf("picture of %d points in %d classes", p.N, p.Classes)
	case len(p.Line) != m || len(p.LineLabels) != m:
		return fmt.Errorf("picture line of %d points and %d labels, want %d", len(p.Line), len(p.LineLabels), m)
	case len(p.ZoomZ) != min(p.N, ZoomPoints) || len(p.ZoomB) != len(p.ZoomZ) || len(p.ZoomLabels) != len(p.ZoomZ):
		return errors.New("picture zoom of the wrong size")
	case p.Side != min(p.N, MaxSide) || len(p.A) != p.Side*(p.Side+1)/2:
		return fmt.Errorf("picture of A with side %d and %d blocks", p.Side, len(p.A))
	case !sim.Finite(p.Lo) || !sim.Finite(p.Hi) || p.Lo > p.Hi || !sim.Finite(p.ALo) || !sim.Finite(p.AHi) || p.ALo > p.AHi:
		return errors.New("picture ranges are not ordered finite numbers")
	}
	for _, v := range p.ZoomZ {
		if !sim.Finite(v) {
			return errors.New("picture zoom is not finite")
		}
	}
	for _, v := range p.ZoomB {
		if !sim.Finite(v) {
			return errors.New("picture zoom is not finite")
		}
	}
	for _, ls := range [][]byte{p.LineLabels, p.ZoomLabels} {
		for _, l := range ls {
			if int(l) >= p.Classes {
				return fmt.Errorf("picture label %d of %d classes", l, p.Classes)
			}
		}
	}
	return nil
}

// Pictures returns the pictures of the trials done that have one, in the order of the
// trials, each with its trial's Key: the base seed's only, since later seeds draw the same
// kind of picture on other data.
func (f *Figure) Pictures() []Picture {
	var out []Picture
	seed := uint64(0)
	for i, t := range f.Trials {
		if i == 0 {
			seed = t.Config.Seed
		}
		if !f.done[i] || f.results[i].Picture == nil || t.Config.Seed != seed {
			continue
		}
		p := *f.results[i].Picture
		p.Key = t.Key
		out = append(out, p)
	}
	return out
}
