package canvas

import (
	"image"
	"math"

	"genlab/sim"
)

// The first-layer weights are what the network "looks for" in an image. Each hidden unit of
// an MLP has one weight per pixel, drawn here as an image of the input's size; a CNN's first
// filters are 3×3. On true labels, training turns the random initial weights into strokes
// and blobs shaped like the classes; on random labels they stay mostly noise, because there is
// no shared structure to find, only examples to remember. Each image is scaled by its own
// largest |w|, in a diverging map: blue negative, dark zero, orange positive (a blue–orange map
// reads the same with the common colour-vision deficiencies, and brightness alone tells
// strength).

// weightsBox is where a run's weight images go and how big they are.
type weightsBox struct {
	rect              image.Rectangle // the caption line and the images
	zoom, cell, gap   int             // pixels per weight, per image, between images
	cols, rows, count int
	side, stride      int // weights per image side; values per image in Snap.Weights
	maxShown          int
}

// plan sizes the weights for a width and at most maxRows rows of images (0: none).
func (b *weightsBox) plan(p *Painter, s *sim.Snapshot, width, maxRows int, wide bool) {
	*b = weightsBox{}
	if s == nil || maxRows <= 0 || s.Filters <= 0 || s.FilterSide <= 0 {
		return
	}
	u := p.scale
	b.side = s.FilterSide
	b.stride = len(s.Weights) / s.Filters
	if b.stride < b.side*b.side {
		return
	}
	b.zoom = max(1, (16*u+b.side/2)/b.side)
	b.cell, b.gap = b.side*b.zoom, 3*u
	b.maxShown = 16
	if wide {
		b.maxShown = 32
	}
	limit := min(b.maxShown, s.Filters)
	b.cols = (width + b.gap) / (b.cell + b.gap)
	if b.cols < 1 {
		return
	}
	b.rows = min(maxRows, (limit+b.cols-1)/b.cols)
	b.count = min(limit, b.cols*b.rows)
	b.cols = min(b.cols, b.count)
	// Few filters (a CNN's 3×3 ones): when two rows were allowed, one row of images twice
	// as big takes the same height and shows them better.
	if maxRows >= 2 && b.rows == 1 && b.count == limit && limit*(2*b.cell+b.gap) <= width+b.gap {
		b.zoom, b.cell = 2*b.zoom, 2*b.cell
	}
}

func (b *weightsBox) height(p *Painter) int {
	if b.count == 0 {
		return 0
	}
	return p.lineH() + b.rows*b.cell + (b.rows-1)*b.gap
}

func (b *weightsBox) place(r image.Rectangle) { b.rect = r }

func (p *Painter) paintWeights(b *weightsBox, s *sim.Snapshot) {
	if b.count == 0 || s == nil || len(s.Weights) < b.count*b.stride {
		return
	}
	r := b.rect
	p.r.setClip(r)
	x, y := r.Min.X, r.Min.Y
	if p.strW("first-layer weights: blue < 0 < orange") <= r.Dx() {
		x = p.str(x, y, "first-layer weights: ", colInkSoft)
		x = p.str(x, y, "blue", colWeightNeg)
		x = p.str(x, y, " < 0 < ", colInkSoft)
		p.str(x, y, "orange", colWeightPos)
	} else {
		p.str(x, y, "first-layer weights", colInkSoft)
	}
	top := r.Min.Y + p.lineH()
	n := b.side * b.side
	for f := range b.count {
		w := s.Weights[f*b.stride : f*b.stride+n]
		m := 0.0
		for _, v := range w {
			if a := math.Abs(float64(v)); a > m {
				m = a
			}
		}
		ox := r.Min.X + f%b.cols*(b.cell+b.gap)
		oy := top + f/b.cols*(b.cell+b.gap)
		for j := range b.side {
			for i := range b.side {
				t := 0.5
				if m > 0 && !math.IsInf(m, 0) {
					t = (float64(w[j*b.side+i])/m + 1) / 2
				}
				c := p.weightLUT[int(clamp01(t)*255+0.5)]
				if b.zoom == 1 {
					p.r.set(ox+i, oy+j, c)
				} else {
					x, y := ox+i*b.zoom, oy+j*b.zoom
					p.r.fill(image.Rect(x, y, x+b.zoom, y+b.zoom), c)
				}
			}
		}
	}
	p.r.resetClip()
}
