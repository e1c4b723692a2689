package data

import (
	"math"
	"math/rand/v2"
)

// textureNames is a read-only table: class c of the Textures family.
var textureNames = [...]string{"hstripes", "vstripes", "diag", "antidiag", "checker", "dots", "rings", "pinwheel", "grid", "waves"}

// Textures have no object to move; their jitter is the pattern's origin (which shifts its
// phase), orientation and scale. Periods are about a third of the side: three cycles per image,
// still above the Nyquist limit at side 8 (2.6 pixels a cycle). The origin moves less than an
// object does (a quarter of a period or so), so class-average images keep some structure and a
// linear model gets part of the way; the rest needs features that do not care about phase.
const (
	texPeriod = 0.33         // mean period, image units
	texScale  = 0.15         // the period varies by up to ±15%
	texShift  = 0.09         // max offset of the pattern's origin from the image center, per axis
	texRot    = math.Pi / 12 // max rotation, ±15°: horizontal stripes stay distinct from diagonal ones
)

// textureRenderer draws one texture per image.
type textureRenderer struct {
	side   int
	xs, ys []float64 // pixel-center coordinates relative to the pattern's origin
	w1, w2 wave
	// The image being drawn: its class, wavenumber (radians per image unit) and the cosine
	// and sine of its rotation.
	class   int
	k, c, s float64
}

func newTextureRenderer(side int) *textureRenderer {
	return &textureRenderer{
		side: side,
		xs:   make([]float64, side), ys: make([]float64, side),
		w1: newWave(side), w2: newWave(side),
	}
}

// draw draws the period, orientation and origin of one texture of class and sets up its
// pattern (see value).
func (t *textureRenderer) draw(class int, rng *rand.Rand) {
	period := texPeriod * uniform(rng, 1-texScale, 1+texScale)
	rot := uniform(rng, -texRot, texRot)
	ox := 0.5 + uniform(rng, -texShift, texShift)
	oy := 0.5 + uniform(rng, -texShift, texShift)
	n := float64(t.side)
	for j := range t.xs {
		t.xs[j] = (float64(j)+0.5)/n - ox
		t.ys[j] = (float64(j)+0.5)/n - oy
	}
	k := 2 * math.Pi / period
	c, s := math.Cos(rot), math.Sin(rot)
	t.class, t.k, t.c, t.s = class, k, c, s
	// The pattern's own axes, turned by rot: u = c·x + s·y, v = −s·x + c·y. A wave along
	// direction (dx, dy) with wavenumber k is sin(k·(dx·x + dy·y)).
	const h = math.Sqrt2 / 2
	switch class {
	case 0: // horizontal stripes: ink varies down the image, along v
		t.w1.set(k*-s, k*c, t.xs, t.ys)
	case 1: // vertical stripes: along u
		t.w1.set(k*c, k*s, t.xs, t.ys)
	case 2: // diagonal stripes: along (u+v)/√2
		t.w1.set(k*h*(c-s), k*h*(s+c), t.xs, t.ys)
	case 3: // the other diagonal: along (u−v)/√2
		t.w1.set(k*h*(c+s), k*h*(s-c), t.xs, t.ys)
	case 4: // checkerboard, with cells a little larger than the stripes
		kc := 0.75 * k
		t.w1.set(kc*c, kc*s, t.xs, t.ys)
		t.w2.set(kc*-s, kc*c, t.xs, t.ys)
	case 5, 8: // dots and grid: two gratings along u and v
		t.w1.set(k*c, k*s, t.xs, t.ys)
		t.w2.set(k*-s, k*c, t.xs, t.ys)
	case 9: // wavy stripes: the bend runs along u
		t.w1.set(0.8*k*c, 0.8*k*s, t.xs, t.ys)
	}
}

// value is the pattern at row i, column j: its continuous value before any thresholding (a
// sine wave for stripes, a product of two for a checkerboard, ...), larger where the ink goes.
func (t *textureRenderer) value(i, j int) float64 {
	switch t.class {
	case 0, 1, 2, 3: // stripes
		return t.w1.sin(i, j)
	case 4: // checkerboard
		return t.w1.sin(i, j) * t.w2.sin(i, j)
	case 5: // a square lattice of round dots
		return (1 + t.w1.cos(i, j)) * (1 + t.w2.cos(i, j))
	case 6: // concentric rings around the origin
		x, y := t.xs[j], t.ys[i]
		return math.Sin(t.k * math.Sqrt(x*x+y*y))
	case 7: // four bright wedges turning around the origin, like a pinwheel: sin 4θ, computed
		// from the position as 4uv(u²−v²)/r⁴ rather than with atan2 and a sine
		x, y := t.xs[j], t.ys[i]
		u, v := t.c*x+t.s*y, -t.s*x+t.c*y
		r2 := u*u + v*v
		if r2 == 0 {
			return 0
		}
		return 4 * u * v * (u*u - v*v) / (r2 * r2)
	case 8: // a grid of lines: a plaid of two line gratings, inked where either crest is
		return max(t.w1.cos(i, j), t.w2.cos(i, j))
	default: // 9: horizontal stripes bent into waves
		x, y := t.xs[j], t.ys[i]
		v := -t.s*x + t.c*y
		return math.Sin(t.k * (v + 0.07*t.w1.sin(i, j)))
	}
}

// field evaluates the pattern at every pixel center (need does not matter: every pixel is
// computed). The pattern fills the image. Values are sampled without supersampling: the
// patterns are smooth (sine-based), so at small sides they blur more than they alias.
func (t *textureRenderer) field(key []float64, need int) {
	for i := range t.side {
		row := key[i*t.side : (i+1)*t.side]
		for j := range row {
			row[j] = t.value(i, j)
		}
	}
}

// wave tabulates a plane wave sin(kx·x + ky·y) along the columns (x) and rows (y) of an image:
// by sin(a+b) = sin a cos b + cos a sin b it then costs two products a pixel, not a sine.
type wave struct{ sx, cx, sy, cy []float64 }

func newWave(side int) wave {
	return wave{make([]float64, side), make([]float64, side), make([]float64, side), make([]float64, side)}
}

func (w *wave) set(kx, ky float64, xs, ys []float64) {
	for j, x := range xs {
		w.sx[j], w.cx[j] = math.Sin(kx*x), math.Cos(kx*x)
	}
	for i, y := range ys {
		w.sy[i], w.cy[i] = math.Sin(ky*y), math.Cos(ky*y)
	}
}

// sin is the wave at row i, column j.
func (w *wave) sin(i, j int) float64 { return w.sx[j]*w.cy[i] + w.cx[j]*w.sy[i] }

// cos is the wave a quarter period on, at row i, column j.
func (w *wave) cos(i, j int) float64 { return w.cx[j]*w.cy[i] - w.sx[j]*w.sy[i] }
