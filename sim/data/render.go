package data

import (
	"math"
	"math/rand/v2"
)

// Drawing happens in image units: the image is the square [0,1]², x to the right, y down,
// pixel (row i, column j) centered at ((j+½)/side, (i+½)/side). Geometry and stroke widths are
// given in these units, so a shape drawn at side 8 and at side 32 is the same shape, sampled
// coarser or finer. Anti-aliasing comes from computing, per pixel, how much of it a stroke
// covers, rather than from supersampling.

// vec is a point or a displacement.
type vec struct{ x, y float64 }

// affine maps p to (a·x + b·y + tx, c·x + d·y + ty).
type affine struct{ a, b, c, d, tx, ty float64 }

func (m affine) apply(p vec) vec {
	return vec{m.a*p.x + m.b*p.y + m.tx, m.c*p.x + m.d*p.y + m.ty}
}

// scale is the transform's mean linear scale factor, √|det|, used to scale lengths such as the
// radius of a filled disc.
func (m affine) scale() float64 { return math.Sqrt(math.Abs(m.a*m.d - m.b*m.c)) }

// jitter is the range of the random pose of one object: each image draws its own pose, so
// that a class is a family of images rather than one template.
type jitter struct {
	sizeLo, sizeHi float64 // image units per object unit
	shift          float64 // max offset of the center from the image center, image units, per axis
	rot            float64 // max rotation, radians, either way
	aspect         float64 // max relative stretch of x against y
	shear          float64 // max shear (slant): x += k·y, object units
	penLo, penHi   float64 // stroke half-width, image units
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

// pen draws anti-aliased strokes into one image. Strokes combine by maximum, not sum, so the
// joints of a polyline and the crossing of a plus sign are no brighter than a plain stroke.
type pen struct {
	side int
	n    float64 // side as a float: image units → pixels
	ink  []float32
	pts  []vec // scratch for transformed polylines
}

func newPen(side int) *pen { return &pen{side: side, n: float64(side)} }

// capsule draws the set of points within r of the segment ab (image units): a stroke with
// round caps, or a filled disc when a == b. Only pixels in the segment's bounding box are
// visited, so cost grows with ink, not with the number of strokes times the image area.
func (p *pen) capsule(a, b vec, r float64) {
	// Bounding box in pixel indices, grown by half a pixel for the soft edge.
	pad := r + 0.5/p.n
	j0, j1 := p.pixelRange(min(a.x, b.x)-pad, max(a.x, b.x)+pad)
	i0, i1 := p.pixelRange(min(a.y, b.y)-pad, max(a.y, b.y)+pad)
	// Work in pixel units from here on: the soft edge is one pixel wide at every side.
	ax, ay := a.x*p.n, a.y*p.n
	ex, ey := b.x*p.n-ax, b.y*p.n-ay
	ee := ex*ex + ey*ey
	inv := 0.0 // 1/|e|², or 0 for a disc, which pins t at 0
	if ee > 0 {
		inv = 1 / ee
	}
	rp := r * p.n
	reach := (rp + 0.5) * (rp + 0.5) // beyond this squared distance a pixel gets no ink
	for i := i0; i <= i1; i++ {
		row := p.ink[i*p.side : (i+1)*p.side]
		qy := float64(i) + 0.5 - ay
		for j := j0; j <= j1; j++ {
			qx := float64(j) + 0.5 - ax
			// Distance from the pixel center to the nearest point of the segment.
			t := max(0, min(1, (qx*ex+qy*ey)*inv))
			dx, dy := qx-t*ex, qy-t*ey
			d2 := dx*dx + dy*dy
			if d2 >= reach {
				continue
			}
			dist := math.Sqrt(d2)
			// Fraction of a one-pixel-wide box, centered at the pixel, covered by a band of
			// half-width rp at distance dist: exact for a straight edge along a pixel axis,
			// close enough otherwise, and right for strokes thinner than a pixel (they come
			// out faint instead of vanishing or turning into a full pixel).
			cov := min(0.5, dist+rp) - max(-0.5, dist-rp)
			if c := float32(cov); c > row[j] {
				row[j] = c
			}
		}
	}
}

// pixelRange returns the pixel indices whose centers can lie within [lo, hi] (image units),
// clipped to the image; an empty range has first > last.
func (p *pen) pixelRange(lo, hi float64) (first, last int) {
	first = max(0, int(math.Floor(lo*p.n)))
	last = min(p.side-1, int(math.Floor(hi*p.n)))
	return first, last
}

// polyline draws the strokes between consecutive points of pts (object units) mapped by m,
// closing the loop if closed, with half-width r (image units).
func (p *pen) polyline(pts []vec, closed bool, m affine, r float64) {
	p.pts = p.pts[:0]
	for _, q := range pts {
		p.pts = append(p.pts, m.apply(q))
	}
	p.strokes(p.pts, closed, r)
}

// strokes draws the strokes between consecutive points of pts (image units).
func (p *pen) strokes(pts []vec, closed bool, r float64) {
	if len(pts) == 1 {
		p.capsule(pts[0], pts[0], r)
		return
	}
	for k := 1; k < len(pts); k++ {
		p.capsule(pts[k-1], pts[k], r)
	}
	if closed && len(pts) > 2 {
		p.capsule(pts[len(pts)-1], pts[0], r)
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

// begin zeroes dst and makes it the pen's target.
func (p *pen) begin(dst []float32) {
	clear(dst)
	p.ink = dst
}
