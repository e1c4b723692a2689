package canvas

import (
	"encoding/binary"
	"image"
	"math"
)

// rgb is an opaque colour 0xRRGGBB. The palette is made of untyped-constant colours of this
// type rather than color.RGBA variables, so that nothing in the package can change it.
type rgb uint32

func (c rgb) r() uint8 { return uint8(c >> 16) }
func (c rgb) g() uint8 { return uint8(c >> 8) }
func (c rgb) b() uint8 { return uint8(c) }

// pixel returns c as the four bytes R, G, B, A of an RGBA pixel, read as a little-endian
// uint32: one store paints a pixel.
func (c rgb) pixel() uint32 { return 0xff000000 | uint32(c.b())<<16 | uint32(c.g())<<8 | uint32(c.r()) }

// mix returns a blended toward b by t in [0, 1].
func mix(a, b rgb, t float64) rgb {
	t = clamp01(t)
	ch := func(x, y uint8) rgb { return rgb(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return ch(a.r(), b.r())<<16 | ch(a.g(), b.g())<<8 | ch(a.b(), b.b())
}

func clamp01(t float64) float64 {
	if !(t > 0) { // also NaN
		return 0
	}
	if t > 1 {
		return 1
	}
	return t
}

// raster paints into one RGBA image. Every write is clipped to clip, which always lies inside
// base, which always lies inside the image: no drawing mistake can write out of bounds or
// panic, and no part of the scene can spill over another (base is the card being painted).
type raster struct {
	img        *image.RGBA
	base, clip image.Rectangle
}

// setBase sets the outer clip (a card); setClip narrows it for one element, resetClip
// returns to it.
func (r *raster) setBase(rc image.Rectangle) { r.base = rc.Intersect(r.img.Rect); r.clip = r.base }
func (r *raster) setClip(rc image.Rectangle) { r.clip = rc.Intersect(r.base) }
func (r *raster) resetClip()                 { r.clip = r.base }

// fill paints rc with c: the first row pixel by pixel, the others by copying it, which is
// the fastest way to clear large areas, natively and in WebAssembly.
func (r *raster) fill(rc image.Rectangle, c rgb) {
	rc = rc.Intersect(r.clip)
	if rc.Empty() {
		return
	}
	img := r.img
	o := img.PixOffset(rc.Min.X, rc.Min.Y)
	w := rc.Dx() * 4
	row := img.Pix[o : o+w : o+w]
	px := c.pixel()
	for i := 0; i < w; i += 4 {
		binary.LittleEndian.PutUint32(row[i:i+4], px)
	}
	for y := rc.Min.Y + 1; y < rc.Max.Y; y++ {
		o += img.Stride
		copy(img.Pix[o:o+w], row)
	}
}

// shade blends c over rc with opacity a (0..256): soft shadows and highlights.
func (r *raster) shade(rc image.Rectangle, c rgb, a int) {
	rc = rc.Intersect(r.clip)
	for y := rc.Min.Y; y < rc.Max.Y; y++ {
		o := r.img.PixOffset(rc.Min.X, y)
		for x := rc.Min.X; x < rc.Max.X; x++ {
			blendAt(r.img.Pix[o:o+4:o+4], c, a)
			o += 4
		}
	}
}

// set paints one pixel.
func (r *raster) set(x, y int, c rgb) {
	if !(image.Point{x, y}).In(r.clip) {
		return
	}
	o := r.img.PixOffset(x, y)
	p := r.img.Pix[o : o+4 : o+4]
	p[0], p[1], p[2], p[3] = c.r(), c.g(), c.b(), 255
}

// blend paints c over one pixel with opacity a in 0..256.
func (r *raster) blend(x, y int, c rgb, a int) {
	if a <= 0 || !(image.Point{x, y}).In(r.clip) {
		return
	}
	o := r.img.PixOffset(x, y)
	blendAt(r.img.Pix[o:o+4:o+4], c, a)
}

func blendAt(p []uint8, c rgb, a int) {
	if a >= 256 {
		p[0], p[1], p[2], p[3] = c.r(), c.g(), c.b(), 255
		return
	}
	p[0] = uint8(int(p[0]) + (int(c.r())-int(p[0]))*a/256)
	p[1] = uint8(int(p[1]) + (int(c.g())-int(p[1]))*a/256)
	p[2] = uint8(int(p[2]) + (int(c.b())-int(p[2]))*a/256)
	p[3] = 255
}

// frame outlines rc with a line of width w inside it.
func (r *raster) frame(rc image.Rectangle, w int, c rgb) {
	if w <= 0 || rc.Empty() {
		return
	}
	r.fill(image.Rect(rc.Min.X, rc.Min.Y, rc.Max.X, rc.Min.Y+w), c)
	r.fill(image.Rect(rc.Min.X, rc.Max.Y-w, rc.Max.X, rc.Max.Y), c)
	r.fill(image.Rect(rc.Min.X, rc.Min.Y+w, rc.Min.X+w, rc.Max.Y-w), c)
	r.fill(image.Rect(rc.Max.X-w, rc.Min.Y+w, rc.Max.X, rc.Max.Y-w), c)
}

// keep, as a card's outside colour, leaves the pixels outside its rounded corners as they are.
const keep rgb = 1 << 24

// card paints a rounded rectangle filled with fill and outlined with edge (radius rad): the
// panels every part of the scene sits on. The pixels of rc outside the rounded corners get
// outside (or are kept). Nothing is painted in hole (empty: none), which its owner paints:
// every pixel is painted once, which matters on big canvases, where painting is mostly
// moving memory.
func (r *raster) card(rc image.Rectangle, rad int, fill, edge, outside rgb, hole image.Rectangle) {
	if rc.Dx() < 2*rad+2 || rc.Dy() < 2*rad+2 {
		r.fill(rc, fill)
		r.frame(rc, 1, edge)
		return
	}
	r.fillAround(image.Rect(rc.Min.X+1, rc.Min.Y+1, rc.Max.X-1, rc.Max.Y-1), fill, hole)
	r.fill(image.Rect(rc.Min.X+rad, rc.Min.Y, rc.Max.X-rad, rc.Min.Y+1), edge)
	r.fill(image.Rect(rc.Min.X+rad, rc.Max.Y-1, rc.Max.X-rad, rc.Max.Y), edge)
	r.fill(image.Rect(rc.Min.X, rc.Min.Y+rad, rc.Min.X+1, rc.Max.Y-rad), edge)
	r.fill(image.Rect(rc.Max.X-1, rc.Min.Y+rad, rc.Max.X, rc.Max.Y-rad), edge)
	// The corners: pixels outside the quarter circle get the outside colour, pixels on its
	// edge the outline, anti-aliased by their distance from the arc.
	fr := float64(rad)
	for j := range rad {
		for i := range rad {
			dx, dy := fr-float64(i)-0.5, fr-float64(j)-0.5
			d := math.Sqrt(dx*dx+dy*dy) - (fr - 0.5) // >0 outside the arc
			for k := range 4 {
				x, y := rc.Min.X+i, rc.Min.Y+j
				if k&1 != 0 {
					x = rc.Max.X - 1 - i
				}
				if k&2 != 0 {
					y = rc.Max.Y - 1 - j
				}
				if d > -0.5 && outside != keep {
					r.set(x, y, outside)
				}
				switch {
				case d > 0.5:
				case d > -0.5:
					r.blend(x, y, edge, int((0.5-d)*256))
				default:
					r.set(x, y, fill)
				}
			}
		}
	}
}

// fillAround fills rc except hole.
func (r *raster) fillAround(rc image.Rectangle, c rgb, hole image.Rectangle) {
	h := hole.Intersect(rc)
	if h.Empty() {
		r.fill(rc, c)
		return
	}
	r.fill(image.Rect(rc.Min.X, rc.Min.Y, rc.Max.X, h.Min.Y), c)
	r.fill(image.Rect(rc.Min.X, h.Max.Y, rc.Max.X, rc.Max.Y), c)
	r.fill(image.Rect(rc.Min.X, h.Min.Y, h.Min.X, h.Max.Y), c)
	r.fill(image.Rect(h.Max.X, h.Min.Y, rc.Max.X, h.Max.Y), c)
}

// fillAroundAll fills rc except the disjoint rectangles holes: the background around the cards.
func (r *raster) fillAroundAll(rc image.Rectangle, c rgb, holes []image.Rectangle) {
	rc = rc.Intersect(r.clip)
	for len(holes) > 0 && !holes[0].Overlaps(rc) {
		holes = holes[1:]
	}
	if rc.Empty() {
		return
	}
	if len(holes) == 0 {
		r.fill(rc, c)
		return
	}
	h, rest := holes[0].Intersect(rc), holes[1:]
	r.fillAroundAll(image.Rect(rc.Min.X, rc.Min.Y, rc.Max.X, h.Min.Y), c, rest)
	r.fillAroundAll(image.Rect(rc.Min.X, h.Max.Y, rc.Max.X, rc.Max.Y), c, rest)
	r.fillAroundAll(image.Rect(rc.Min.X, h.Min.Y, h.Min.X, h.Max.Y), c, rest)
	r.fillAroundAll(image.Rect(h.Max.X, h.Min.Y, rc.Max.X, h.Max.Y), c, rest)
}

// hline and vline draw one-pixel lines; every on pixels out of every on+off are painted, so
// on=2, off=2 gives a dotted line (off=0: solid).
func (r *raster) hline(x0, x1, y int, c rgb, on, off int) {
	for x := x0; x < x1; x++ {
		if off == 0 || (x-x0)%(on+off) < on {
			r.set(x, y, c)
		}
	}
}

func (r *raster) vline(x, y0, y1 int, c rgb, on, off int) {
	for y := y0; y < y1; y++ {
		if off == 0 || (y-y0)%(on+off) < on {
			r.set(x, y, c)
		}
	}
}

// corner paints the right triangle of legs m in the top-right corner of the square whose
// top-right pixel is (x, y): the mark of a corrupted label.
func (r *raster) corner(x, y, m int, c rgb) {
	for j := range m {
		r.fill(image.Rect(x-m+1+j, y+j, x+1, y+j+1), c)
	}
}

// disc paints an anti-aliased filled circle.
func (r *raster) disc(cx, cy, rad float64, c rgb) {
	if !(rad > 0) || math.IsInf(cx, 0) || math.IsInf(cy, 0) || cx != cx || cy != cy {
		return
	}
	x0, x1 := int(math.Floor(cx-rad-1)), int(math.Ceil(cx+rad+1))
	y0, y1 := int(math.Floor(cy-rad-1)), int(math.Ceil(cy+rad+1))
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy
			if a := rad + 0.5 - math.Sqrt(dx*dx+dy*dy); a > 0 {
				r.blend(x, y, c, int(math.Min(a, 1)*256))
			}
		}
	}
}

// triangle paints an anti-aliased filled triangle pointing up, h high and about as wide,
// centred on (cx, cy): the mark of a value never reached. Each pixel is covered by its
// signed distance to the nearest edge, as disc does with the circle.
func (r *raster) triangle(cx, cy, h float64, c rgb) {
	if !(h > 0) || h > 1e4 || math.IsInf(cx, 0) || math.IsInf(cy, 0) || cx != cx || cy != cy {
		return
	}
	hw := h * 0.58 // half the base: an equilateral triangle's
	// Clockwise on the screen (y down): apex, bottom right, bottom left.
	vx := [3]float64{cx, cx + hw, cx - hw}
	vy := [3]float64{cy - h/2, cy + h/2, cy + h/2}
	var nx, ny, off [3]float64 // each edge's inward unit normal and offset
	for i := range 3 {
		j := (i + 1) % 3
		ex, ey := vx[j]-vx[i], vy[j]-vy[i]
		l := math.Hypot(ex, ey)
		nx[i], ny[i] = -ey/l, ex/l
		off[i] = nx[i]*vx[i] + ny[i]*vy[i]
	}
	for y := int(math.Floor(cy - h/2 - 1)); y <= int(math.Ceil(cy+h/2+1)); y++ {
		for x := int(math.Floor(cx - hw - 1)); x <= int(math.Ceil(cx+hw+1)); x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			d := math.Inf(1)
			for i := range 3 {
				d = math.Min(d, nx[i]*px+ny[i]*py-off[i])
			}
			if a := d + 0.5; a > 0 {
				r.blend(x, y, c, int(math.Min(a, 1)*256))
			}
		}
	}
}

// dash is the pattern of a stroked polyline: on pixels of ink then off pixels of gap, along
// the line; pos carries the position in the pattern from one segment to the next so that a
// dashed curve made of many short segments keeps its rhythm. off = 0 is a solid line.
type dash struct {
	on, off float64
	pos     float64
}

// segment strokes the segment (x0,y0)–(x1,y1) with width w. It walks the segment's major axis
// one pixel at a time and covers, across it, only the few pixels near the line, each blended
// by its distance from the line (anti-aliasing). Its ends are flat and half-open, so that
// consecutive segments of a polyline meet without painting their joint twice.
func (r *raster) segment(x0, y0, x1, y1, w float64, c rgb, d *dash) {
	dx, dy := x1-x0, y1-y0
	length := math.Hypot(dx, dy)
	if !(length > 0) || math.IsInf(length, 0) {
		return
	}
	// Bound the work for absurd coordinates (the clip would discard it anyway).
	if length > 1e5 {
		return
	}
	hw := w / 2
	nx, ny := -dy/length, dx/length // unit normal
	period := d.on + d.off
	steep := math.Abs(dy) > math.Abs(dx)
	a0, a1, b0, db := x0, x1, y0, dy/dx // major axis a, minor b = b0 + (a-a0)*db
	if steep {
		a0, a1, b0, db = y0, y1, x0, dx/dy
	}
	dir := 1.0
	if a1 < a0 {
		dir = -1
	}
	reach := hw*length/math.Abs(a1-a0) + 1.5 // half-thickness across the minor axis, plus AA
	start, end := int(math.Floor(math.Min(a0, a1))), int(math.Ceil(math.Max(a0, a1)))
	for a := start; a <= end; a++ {
		ac := float64(a) + 0.5
		t := (ac - a0) * dir / math.Abs(a1-a0) // position along the segment, 0..1
		if t < 0 || t >= 1 {
			continue
		}
		if period > 0 && d.off > 0 {
			if s := d.pos + t*length; s-math.Floor(s/period)*period >= d.on {
				continue
			}
		}
		bc := b0 + (ac-a0)*db
		for b := int(math.Floor(bc - reach)); b <= int(math.Ceil(bc+reach)); b++ {
			px, py := ac, float64(b)+0.5
			if steep {
				px, py = py, px
			}
			dist := math.Abs((px-x0)*nx + (py-y0)*ny)
			cov := hw + 0.5 - dist
			if cov <= 0 {
				continue
			}
			x, y := a, b
			if steep {
				x, y = b, a
			}
			r.blend(x, y, c, int(math.Min(cov, 1)*256))
		}
	}
	d.pos += length
}

// blit paints a t×t block of intensities at (x, y) through a table of pixels (see
// rgb.pixel): a thumbnail.
func (r *raster) blit(x, y, t int, src []uint8, lut *[256]uint32) {
	if len(src) < t*t {
		return
	}
	if !image.Rect(x, y, x+t, y+t).In(r.clip) {
		for j := range t {
			for i := range t {
				if (image.Point{x + i, y + j}).In(r.clip) {
					o := r.img.PixOffset(x+i, y+j)
					binary.LittleEndian.PutUint32(r.img.Pix[o:o+4], lut[src[j*t+i]])
				}
			}
		}
		return
	}
	for j := range t {
		o := r.img.PixOffset(x, y+j)
		row := r.img.Pix[o : o+4*t : o+4*t]
		for i, v := range src[j*t : (j+1)*t] {
			binary.LittleEndian.PutUint32(row[4*i:4*i+4], lut[v])
		}
	}
}
