package canvas

import (
	"image"
	"math"
)

// The gauge puts the network's size next to the data's: the number of trainable parameters
// and the number of training examples on one logarithmic scale. The default MLP has about
// 40,000 parameters for 1,500 examples, 26 per example: far more than it needs to give
// every example its own answer. That is why it can fit random labels, and why its size alone
// cannot explain why, on true labels, it generalizes (the paper's central puzzle). A log scale
// is the honest one here: on a linear one the examples' bar would be a sliver.

// Gauge levels, from the richest: the layout picks the richest that leaves the wall room.
const (
	gaugeNone    = iota
	gaugeCompact // one sentence, and two thin bars
	gaugeBars    // a heading and two labelled bars
	gaugeFull    // and the decades of the scale
)

// gaugeBox is where a run's gauge goes.
type gaugeBox struct {
	rect   image.Rectangle
	level  int
	lines  int // lines of the compact sentence
	lo, hi int // decades of the scale: 10^lo to 10^hi
}

func (b *gaugeBox) plan(p *Painter, run *Card, level, width int) {
	*b = gaugeBox{level: level}
	most := max(run.Params, examples(run), 10)
	b.lo, b.hi = 0, max(3, int(math.Ceil(math.Log10(float64(most)*1.5))))
	if level == gaugeCompact {
		w := p.newPen(image.Rect(0, 0, width, 0), false)
		p.gaugeSentence(&w, run)
		b.lines = w.lines
	}
}

func examples(run *Card) int {
	if run.Images == nil {
		return 0
	}
	return len(run.Images.Labels)
}

func (b *gaugeBox) barH(p *Painter) int { return p.textH() + 4*p.scale }

func (b *gaugeBox) height(p *Painter) int {
	u := p.scale
	switch b.level {
	case gaugeCompact:
		return b.lines*p.lineH() + 7*u
	case gaugeBars:
		return p.lineH() + 2*b.barH(p) + 2*u
	case gaugeFull:
		return p.lineH() + 2*b.barH(p) + 2*u + p.lineH()
	}
	return 0
}

func (b *gaugeBox) place(r image.Rectangle) { b.rect = r }

// gaugeSentence lays out "39,690 parameters for 1,500 examples: 26 per example".
func (p *Painter) gaugeSentence(w *pen, run *Card) {
	n := examples(run)
	if run.Params <= 0 {
		w.str("parameters: unknown", colInk)
		return
	}
	w.text(append(appendGrouped(p.scratch(), run.Params), " parameters"...), colInk)
	if n == 0 {
		w.str("for no examples", colInk)
		return
	}
	w.text(append(appendGrouped(append(p.scratch(), "for "...), n), " examples:"...), colInk)
	w.text(append(appendRatio(p.scratch(), float64(run.Params)/float64(n)), " per example"...), colInk)
}

// paintGauge paints run's gauge in its colour c.
func (p *Painter) paintGauge(b *gaugeBox, run *Card, c rgb) {
	if b.level == gaugeNone {
		return
	}
	u, r := p.scale, b.rect
	p.r.setClip(r)
	defer p.r.resetClip()
	n := examples(run)
	scale := func(x0, w, v int) int {
		if v < 1 {
			return x0
		}
		t := (math.Log10(float64(v)) - float64(b.lo)) / float64(b.hi-b.lo)
		return x0 + int(clamp01(t)*float64(w)+0.5)
	}

	if b.level == gaugeCompact {
		w := p.newPen(r, true)
		p.gaugeSentence(&w, run)
		y := r.Min.Y + b.lines*p.lineH()
		track := image.Rect(r.Min.X, y, r.Max.X, y+7*u)
		p.r.fill(track, 0xeef1f4)
		p.r.fill(image.Rect(r.Min.X, y, scale(r.Min.X, r.Dx(), n), y+3*u), colInkFaint)
		p.r.fill(image.Rect(r.Min.X, y+4*u, scale(r.Min.X, r.Dx(), run.Params), y+7*u), c)
		return
	}

	// The point, in words.
	y := r.Min.Y
	buf := p.scratch()
	switch {
	case run.Params <= 0:
		buf = append(buf, "parameters: unknown"...)
	case n == 0:
		buf = append(appendGrouped(buf, run.Params), " parameters, no examples"...)
	default:
		buf = appendRatio(buf, float64(run.Params)/float64(n))
		mark := len(buf)
		buf = append(buf, " parameters per training example"...)
		if p.bytesW(buf) > r.Dx() {
			buf = append(buf[:mark], " params per example"...)
		}
	}
	p.text(r.Min.X, y, buf, colInk)
	y += p.lineH()

	// The bars: examples above, parameters below, on a shared log scale, each labelled
	// with its number and what it counts.
	bh := b.barH(p)
	track := image.Rect(r.Min.X, y, r.Max.X, y+2*bh+2*u)
	p.r.fill(track, 0xeef1f4)
	bar := func(y0, v int, col rgb, what string) {
		x1 := scale(track.Min.X, track.Dx(), v)
		p.r.fill(image.Rect(track.Min.X, y0, x1, y0+bh), col)
		buf := append(append(appendGrouped(p.scratch(), v), ' '), what...)
		w := p.bytesW(buf)
		ty := y0 + 2*u
		switch {
		case x1+4*u+w <= track.Max.X:
			p.text(x1+4*u, ty, buf, colInk)
		case w+8*u <= x1-track.Min.X:
			p.text(x1-4*u-w, ty, buf, 0xffffff)
		}
	}
	if n > 0 {
		bar(track.Min.Y+u, n, colInkFaint, "examples")
	}
	if run.Params > 0 {
		bar(track.Min.Y+u+bh, run.Params, c, "parameters")
	}

	// Decades, labelled where there is room.
	if b.level == gaugeFull {
		ly := track.Max.Y + 2*u
		next := track.Min.X - 1000
		for e := b.lo; e <= b.hi; e++ {
			v := int(math.Pow(10, float64(e)))
			x := min(scale(track.Min.X, track.Dx(), v), track.Max.X-1)
			p.r.vline(x, track.Max.Y-2*u, track.Max.Y+u, colAxis, 1, 0)
			buf := appendShort(p.scratch(), v)
			w := p.bytesW(buf)
			lx := clamp(x-w/2, track.Min.X, track.Max.X-w)
			if lx >= next {
				p.text(lx, ly, buf, colInkFaint)
				next = lx + w + p.widthOf(1)
			}
		}
	}
}
