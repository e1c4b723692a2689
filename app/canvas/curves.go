package canvas

import (
	"image"
	"math"

	"genlab/sim"
)

// The learning curves of every run, overlaid on two charts: accuracy, and loss (softmax
// cross-entropy), against epochs; training solid, test dashed, each run in its colour. Side by
// side they show the paper's Figure 1: the training accuracy of random labels climbs to 100%
// only a little later than that of true labels, while its test accuracy stays on the dotted
// chance line, 1/K. On the loss chart the gap opens the other way: test loss rises as the
// network grows confident about labels that carry no information.

// chartBox is where one chart goes.
type chartBox struct {
	card, plot image.Rectangle
	title      image.Point
}

func (c *chartBox) plan(p *Painter, card image.Rectangle) {
	u, lh := p.scale, p.lineH()
	c.card = card
	in := card.Inset(6 * u)
	c.title = in.Min
	left := p.widthOf(5) + 4*u
	c.plot = image.Rect(in.Min.X+left, in.Min.Y+lh+2*u, in.Max.X-6*u, in.Max.Y-lh)
}

type metric uint8

const (
	accuracy metric = iota
	loss
)

func (p *Painter) paintCharts(runs []Card) {
	p.paintLegend(runs)
	xmax := epochAxis(runs)
	p.paintChart(&p.lay.acc, runs, accuracy, xmax)
	p.paintChart(&p.lay.los, runs, loss, xmax)
}

// epochAxis returns the x axis' extent: a round number of epochs a little beyond the last
// one measured, so that the curves fill the chart as they grow instead of crawling along the
// left edge of an axis as long as the epoch limit; never beyond that limit.
func epochAxis(runs []Card) float64 {
	last, limit := 0, 0
	for i := range runs {
		if h := snapHistory(runs[i].Snap); len(h) > 0 {
			last = max(last, h[len(h)-1].Epoch)
		}
		limit = max(limit, runs[i].MaxEpochs)
	}
	x := niceUp(float64(max(5, last+max(2, last/4))))
	if limit > 0 && x > float64(limit) {
		x = float64(max(limit, last))
	}
	return max(x, 1)
}

// niceUp returns the smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a
// power of ten) not below v.
func niceUp(v float64) float64 {
	if !sim.Finite(v) || v <= 1 {
		return 1
	}
	for m := 1.0; m < 1e12; m *= 10 {
		for _, s := range [10]float64{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8} {
			if s*m >= v {
				return s * m
			}
		}
	}
	return v
}

// tickStep returns a round step (1, 2, 5 times a power of ten, or 2.5 if quarters are
// allowed) giving at most n intervals over [0, span].
func tickStep(span float64, n int, quarters bool) float64 {
	if !(span > 0) || n < 1 {
		return 1
	}
	raw := span / float64(n)
	m := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, s := range [4]float64{1, 2, 2.5, 5} {
		if s == 2.5 && !quarters {
			continue
		}
		if s*m >= raw-1e-12 {
			return s * m
		}
	}
	return 10 * m
}

// value returns what a chart plots of an epoch.
func value(e *sim.Epoch, m metric, test bool) float64 {
	switch {
	case m == accuracy && test:
		return e.TestAcc
	case m == accuracy:
		return e.TrainAcc
	case test:
		return e.TestLoss
	}
	return e.TrainLoss
}

func (p *Painter) paintChart(c *chartBox, runs []Card, m metric, xmax float64) {
	u := p.scale
	p.r.card(c.card, 4*u, colCard, colCardEdge, colBackground, image.Rectangle{})
	p.r.setBase(c.card.Inset(1))
	defer p.r.setBase(p.lay.bounds)
	pl := c.plot
	if pl.Dx() < 10 || pl.Dy() < 10 {
		return
	}

	// Vertical extent: accuracy 0–100%; loss from 0 to a round number above every finite
	// loss and above chance, ln K.
	ymax := 1.0
	chanceK := 0
	for i := range runs {
		if k := runs[i].Classes; k > 1 && (chanceK == 0 || k < chanceK) {
			chanceK = k
		}
	}
	if m == loss {
		ymax = 0.1
		if chanceK > 1 {
			ymax = math.Log(float64(chanceK)) * 1.1
		}
		for i := range runs {
			h := snapHistory(runs[i].Snap)
			for j := range h {
				for _, v := range [2]float64{h[j].TrainLoss, h[j].TestLoss} {
					if sim.Finite(v) && v > ymax && v < 1e6 {
						ymax = v
					}
				}
			}
		}
	}
	a := axes{plot: pl, xmax: xmax, share: m == accuracy, xLabel: "epoch"}
	a.ymax, a.ystep = p.yTicks(pl, ymax, a.share)
	a.xstep = math.Max(1, tickStep(xmax, max(1, pl.Dx()/p.widthOf(6)), false))

	title := "accuracy"
	if m == loss {
		title = "loss (cross-entropy)"
	}
	p.str(c.title.X, c.title.Y, title, colInk)
	p.paintAxes(&a)

	// Chance: 1/K of the examples right, or a loss of ln K (a uniform guess).
	if chanceK > 1 {
		v := 1 / float64(chanceK)
		if m == loss {
			v = math.Log(float64(chanceK))
		}
		b := append(p.scratch(), "chance "...)
		if m == accuracy {
			b = appendPct(b, v)
		} else {
			b = append(b, "ln "...)
			b = appendGrouped(b, chanceK)
		}
		p.paintChance(&a, v, b)
	}

	// The curves, clipped to the plot (with room for the line's width at 0% and 100%).
	p.r.setClip(image.Rect(pl.Min.X, pl.Min.Y-2*u, pl.Max.X+2*u, pl.Max.Y+u))
	width := 2.0 * float64(u)
	for pass := range 2 { // test curves first, so that training ones lie on top
		test := pass == 0
		for i := range runs {
			h := snapHistory(runs[i].Snap)
			col := runColor(i)
			d := dash{}
			if test {
				d = dash{on: 6 * float64(u), off: 4 * float64(u)}
			}
			var px, py float64
			have := false
			for j := range h {
				v := value(&h[j], m, test)
				if !sim.Finite(v) {
					have = false
					continue
				}
				x, y := a.x(float64(h[j].Epoch)), a.y(math.Min(v, a.ymax*2))
				if have {
					p.r.segment(px, py, x, y, width, col, &d)
				}
				px, py, have = x, y, true
			}
			if have { // the latest point, marked
				rad := 2.5 * float64(u)
				if test {
					p.r.disc(px, py, rad+float64(u), colCard)
				}
				p.r.disc(px, py, rad, col)
				if test {
					p.r.disc(px, py, rad-float64(u), colCard)
				}
			}
		}
	}
	p.r.resetClip()
}

// axes is a chart's frame: how its values map to the pixels of plot, from 0 to xmax
// across and 0 to ymax up, and the steps between its ticks. The learning curves and the
// figures' plots share it, so that every chart on the canvas reads the same way.
type axes struct {
	plot         image.Rectangle
	xmax, ymax   float64
	xstep, ystep float64
	share        bool   // y is a share of 0..1, labelled as a percentage
	xLabel       string // what x measures: at the right end of the ticks' line...
	xLabelBelow  bool   // ...or centred on a line of its own below them (long labels)
}

func (a *axes) x(v float64) float64 {
	return float64(a.plot.Min.X) + v/a.xmax*float64(a.plot.Dx()-1)
}

func (a *axes) y(v float64) float64 {
	return float64(a.plot.Max.Y-1) - v/a.ymax*float64(a.plot.Dy()-1)
}

// yTicks returns the top of a y axis from 0 holding ymax, and the step between its ticks:
// a share 0–100% by quarters (halves when there is room for fewer than four rows of
// labels), any other quantity up to a round multiple of a round step.
func (p *Painter) yTicks(pl image.Rectangle, ymax float64, share bool) (top, step float64) {
	rows := max(1, min(5, pl.Dy()/(2*p.textH())))
	if share {
		if rows < 4 {
			return 1, 0.5
		}
		return 1, 0.25
	}
	step = tickStep(ymax, rows, true)
	return math.Ceil(ymax/step-1e-9) * step, step
}

// paintAxes paints a chart's grid, tick labels, axis lines and x label.
func (p *Painter) paintAxes(a *axes) {
	u, th := p.scale, p.textH()
	pl := a.plot
	for v := 0.0; v <= a.ymax+1e-9; v += a.ystep {
		y := int(math.Round(a.y(v)))
		p.r.hline(pl.Min.X, pl.Max.X, y, colGrid, 1, 0)
		b := p.scratch()
		if a.share {
			b = append(appendTick(b, v*100, a.ystep*100), '%')
		} else {
			b = appendTick(b, v, a.ystep)
		}
		p.text(pl.Min.X-4*u-p.bytesW(b), y-th/2, b, colInkFaint)
	}
	lw := p.strW(a.xLabel)
	ly := pl.Max.Y + 3*u
	if a.xLabelBelow {
		p.str(pl.Min.X+(pl.Dx()-lw)/2, ly+p.lineH(), a.xLabel, colInkSoft)
		lw = -p.widthOf(1) // the ticks' line is theirs alone
	} else {
		p.str(pl.Max.X-lw, ly, a.xLabel, colInkFaint)
	}
	for e := 0.0; e <= a.xmax+1e-9; e += a.xstep {
		x := int(math.Round(a.x(e)))
		p.r.vline(x, pl.Min.Y, pl.Max.Y, colGrid, 1, 0)
		p.r.vline(x, pl.Max.Y, pl.Max.Y+2*u, colAxis, 1, 0)
		b := appendTick(p.scratch(), e, a.xstep)
		bw := p.bytesW(b)
		lx := clamp(x-bw/2, pl.Min.X-p.widthOf(1), pl.Max.X)
		if a.xLabelBelow {
			lx = min(lx, pl.Max.X+p.widthOf(1)-bw) // the last tick's label stays in the card
		}
		if lx+bw < pl.Max.X-lw-p.widthOf(1) || e == 0 || a.xLabelBelow {
			p.text(lx, ly, b, colInkFaint)
		}
	}
	p.r.hline(pl.Min.X, pl.Max.X, pl.Max.Y-1, colAxis, 1, 0)
	p.r.vline(pl.Min.X, pl.Min.Y, pl.Max.Y, colAxis, 1, 0)
}

// paintChance paints the dotted line of the level a guess reaches, v, labelled with label
// at the right end: above the line, or below it when there is no room above.
func (p *Painter) paintChance(a *axes, v float64, label []byte) {
	u, th := p.scale, p.textH()
	pl := a.plot
	y := int(math.Round(a.y(v)))
	p.r.hline(pl.Min.X, pl.Max.X, y, colChance, 2*u, 2*u)
	if u > 1 {
		p.r.hline(pl.Min.X, pl.Max.X, y+1, colChance, 2*u, 2*u)
	}
	bw := p.bytesW(label)
	ty := y - th - 3*u
	if ty < pl.Min.Y {
		ty = y + 3*u
	}
	p.r.fill(image.Rect(pl.Max.X-bw-4*u, ty-u, pl.Max.X-u, ty+th+u), colCard)
	p.text(pl.Max.X-bw-2*u, ty, label, colChance)
}
