package data

import (
	"math"
	"math/rand/v2"
)

// Drawing happens in image units: the image is the square [0,1]², x to the right, y down,
// pixel (row i, column j) centered at ((j+½)/side, (i+½)/side). Geometry is given in these
// units, so a shape drawn at side 8 and at side 32 is the same shape, sampled coarser or finer.
// A renderer does not paint pixels: it computes a key field, a number per pixel that is larger
// where the pattern is "more inside" (for a figure, closer to its strokes), and inkBudget turns
// the key field into pixels by rank (see ink.go).

// vec is a point or a displacement.
type vec struct{ x, y float64 }

// affine maps p to (a·x + b·y + tx, c·x + d·y + ty).
type affine struct{ a, b, c, d, tx, ty float64 }

func (m affine) apply(p vec) vec {
	return vec{m.a*p.x + m.b*p.y + m.tx, m.c*p.x + m.d*p.y + m.ty}
}

// jitter is the range of the random pose of one object: each image draws its own pose, so
// that a class is a family of images rather than one template.
type jitter struct {
	sizeLo, sizeHi float64 // image units per object unit
	shift          float64 // max offset of the center from the image center, image units, per axis
	rot            float64 // max rotation, radians, either way
	aspect         float64 // max relative stretch of x against y
	shear          float64 // max shear (slant): x += k·y, object units
}

// pose draws an object-to-image transform: shear, stretch, rotate, scale, then move.
func (j jitter) pose(rng *rand.Rand) affine {
	size := uniform(rng, j.sizeLo, j.sizeHi)
	asp := uniform(rng, -j.aspect, j.aspect)
	rot := uniform(rng, -j.rot, j.rot)
	k := uniform(rng, -j.shear, j.shear)
	cx := 0.5 + uniform(rng, -j.shift, j.shift)
	cy := 0.5 + uniform(rng, -j.shift, j.shift)
	sx, sy := size*(1+asp), size*(1-asp)
	cos, sin := math.Cos(rot), math.Sin(rot)
	// R · diag(sx, sy) · [[1 k] [0 1]]
	return affine{
		a: cos * sx, b: cos*sx*k - sin*sy,
		c: sin * sx, d: sin*sx*k + cos*sy,
		tx: cx, ty: cy,
	}
}

// sketch computes the key field of a figure: for every pixel, minus its squared distance (in
// pixels) to the nearest point of the figure's strokes, its skeleton. The field falls off
// smoothly away from the skeleton, over the whole image, so ranking by it (see ink.go) never
// meets a plateau of ties next to the figure. Ranking by distance to the skeleton grows the
// figure evenly on every side until it has the ink it is given: a point becomes a disc, a
// segment a bar, an outline a band.
//
// A renderer first records the skeleton (begin, polyline), then field computes the key.
type sketch struct {
	side   int
	n      float64 // side as a float: image units → pixels
	segs   []segment
	length float64 // total length of the skeleton, pixels
	pts    []vec   // scratch for transformed polylines
}

// segment is a piece of skeleton in pixel units: from a to a+e, with inv = 1/|e|² (0 for a
// point, which pins the nearest point at a).
type segment struct{ ax, ay, ex, ey, inv float64 }

func newSketch(side int) *sketch { return &sketch{side: side, n: float64(side)} }

// begin forgets the skeleton: nothing drawn yet.
func (p *sketch) begin() {
	p.segs = p.segs[:0]
	p.length = 0
}

// segment adds the segment ab (image units) to the skeleton, or the point a when a == b.
func (p *sketch) segment(a, b vec) {
	ax, ay := a.x*p.n, a.y*p.n
	ex, ey := b.x*p.n-ax, b.y*p.n-ay
	ee := ex*ex + ey*ey
	inv := 0.0
	if ee > 0 {
		inv = 1 / ee
	}
	p.segs = append(p.segs, segment{ax, ay, ex, ey, inv})
	p.length += math.Sqrt(ee)
}

// field sets key to minus the squared distance from every pixel center to the skeleton,
// exactly wherever that distance is within some reach, and to something below −reach²
// elsewhere, with the reach large enough that at least need pixels are within it. Ranking
// the pixels by key then gives the same first need pixels, in the same order, as the exact
// field would; only the order of pixels that get no ink differs. Visiting only the pixels
// within reach of each segment, rather than all of them, is what keeps a 32-pixel glyph of
// fifty segments cheap.
func (p *sketch) field(key []float64, need int) {
	// The band within r of a skeleton of length L covers about 2rL + πr² pixels (less where
	// strokes cross or leave the image): start from the r that gives need, plus a pixel, and
	// widen it in the rare case that it falls short.
	L := p.length
	reach := (math.Sqrt(L*L+math.Pi*float64(need))-L)/math.Pi + 1
	for {
		if reach >= 2*p.n { // beyond the image's diagonal: every pixel is within reach
			reach = math.Inf(1)
		}
		for i := range key {
			key[i] = math.Inf(-1)
		}
		for _, s := range p.segs {
			p.draw(key, s, reach)
		}
		r2 := reach * reach
		within := 0
		for _, v := range key {
			if -v <= r2 {
				within++
			}
		}
		if within >= need || math.IsInf(reach, 1) {
			return
		}
		reach *= 2
	}
}

// draw lowers the squared distance in key to that from segment s for every pixel whose center
// can be within reach of s, and a pixel more: a pixel left out is more than reach+1 from s,
// so rounding cannot make it look within reach.
func (p *sketch) draw(key []float64, s segment, reach float64) {
	pad := reach + 1
	j0, j1 := p.pixelRange(min(s.ax, s.ax+s.ex)-pad, max(s.ax, s.ax+s.ex)+pad)
	i0, i1 := p.pixelRange(min(s.ay, s.ay+s.ey)-pad, max(s.ay, s.ay+s.ey)+pad)
	for i := i0; i <= i1; i++ {
		row := key[i*p.side : (i+1)*p.side]
		qy := float64(i) + 0.5 - s.ay
		for j := j0; j <= j1; j++ {
			qx := float64(j) + 0.5 - s.ax
			// Squared distance from the pixel center to the nearest point of the segment.
			t := max(0, min(1, (qx*s.ex+qy*s.ey)*s.inv))
			dx, dy := qx-t*s.ex, qy-t*s.ey
			if k := -(dx*dx + dy*dy); k > row[j] {
				row[j] = k
			}
		}
	}
}

// pixelRange returns the indices of the pixels whose centers lie in [lo, hi] (pixel units),
// clipped to the image; an empty range has first > last.
func (p *sketch) pixelRange(lo, hi float64) (first, last int) {
	if math.IsInf(hi-lo, 1) {
		return 0, p.side - 1
	}
	first = max(0, int(math.Ceil(lo-0.5)))
	last = min(p.side-1, int(math.Floor(hi-0.5)))
	return first, last
}

// polyline adds the segments between consecutive points of pts (object units) mapped by m,
// closing the loop if closed; a single point is added as a point.
func (p *sketch) polyline(pts []vec, closed bool, m affine) {
	p.pts = p.pts[:0]
	for _, q := range pts {
		p.pts = append(p.pts, m.apply(q))
	}
	if len(p.pts) == 1 {
		p.segment(p.pts[0], p.pts[0])
		return
	}
	for k := 1; k < len(p.pts); k++ {
		p.segment(p.pts[k-1], p.pts[k])
	}
	if closed && len(p.pts) > 2 {
		p.segment(p.pts[len(p.pts)-1], p.pts[0])
	}
}

// arc returns points along the ellipse arc centered at c with radii (rx, ry), from angle a0 to
// a1 in degrees (0° = +x, 90° = +y, which is down), one point per 15° or less. Circles come out
// as polygons of 24 sides: at 32 pixels the chord is within 0.1 pixel of the true curve.
func arc(c vec, rx, ry, a0, a1 float64) []vec {
	steps := max(2, int(math.Ceil(math.Abs(a1-a0)/15)))
	pts := make([]vec, steps+1)
	for k := range pts {
		a := degrees(a0 + (a1-a0)*float64(k)/float64(steps))
		pts[k] = vec{c.x + rx*math.Cos(a), c.y + ry*math.Sin(a)}
	}
	return pts
}

// ellipse returns a closed polygon approximating the ellipse centered at c with radii (rx, ry);
// the last point is not repeated (draw it with closed = true).
func ellipse(c vec, rx, ry float64) []vec {
	pts := arc(c, rx, ry, 0, 360)
	return pts[:len(pts)-1]
}
