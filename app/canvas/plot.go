package canvas

import (
	"image"
	"math"
	"strings"

	"genlab/sim"
	"genlab/sim/figure"
)

// A figure's chart (figure.Plot) is painted on the same frame as the learning curves
// (axes), with what a figure adds: a legend of its own series, seeds after the first drawn
// fainter beneath the first, and values never reached (a time to fit that never came, +Inf)
// drawn as triangles on a lane above the top of the axis, labelled "never", so that a
// run that failed to fit is on the chart rather than silently missing from it.

// plotBox is where one of a figure's charts goes.
type plotBox struct {
	chartBox
	legend image.Rectangle
	yLabel image.Point // where what y measures is written, over the tick labels
	showY  bool        // false when the title begins by saying it
	first  int         // the plot's legend entries are figureShape.keys[first:]
}

func (p *Painter) planPlot(c *plotBox, card image.Rectangle, first int, ps *plotShape) {
	u, lh := p.scale, p.lineH()
	c.card, c.first = card, first
	in := card.Inset(6 * u)
	c.title = in.Min
	w := p.newPen(in, false)
	p.plotLegendItems(&w, p.fig.shape.keys[first:first+ps.keys], ps)
	c.legend = image.Rect(in.Min.X, in.Min.Y+lh, in.Max.X, in.Min.Y+lh+w.lines*lh)
	top := c.legend.Max.Y + 2*u
	c.showY = ps.y != "" && !(len(ps.title) >= len(ps.y) && strings.EqualFold(ps.title[:len(ps.y)], ps.y))
	if c.showY {
		c.yLabel = image.Point{in.Min.X, top}
		top += lh
	}
	// Below the plot: a line of tick labels, and one for what x measures.
	left := p.widthOf(5) + 4*u
	c.plot = image.Rect(in.Min.X+left, top+u, in.Max.X-6*u, in.Max.Y-2*lh)
}

// seriesColors is how many colours a figure's series take before they repeat, dashed.
const seriesColors = 7

// seriesColor is the colour of the i-th key of a figure's chart: the runs' four colours,
// then the rest of the Okabe–Ito palette (orange, sky blue, black) but its yellow, which
// is too pale on white to read as a line. Beyond seven, colours repeat on dashed lines.
func seriesColor(i int) rgb {
	switch i % seriesColors {
	case 4:
		return 0xe69f00 // orange
	case 5:
		return 0x56b4e9 // sky blue
	case 6:
		return 0x000000
	}
	return runColor(i % seriesColors)
}

// fainter is how seeds after the first are drawn: their colour blended toward the card.
func fainter(c rgb) rgb { return mix(c, colCard, 0.55) }

// plotLegendItems lays out (and with w.draw paints) a chart's legend: its series, then
// what else the chart draws (later seeds, chance, values never reached).
func (p *Painter) plotLegendItems(w *pen, keys []seriesKey, ps *plotShape) {
	for i := range keys {
		icon := iconRun
		if i >= seriesColors {
			icon = iconTest // a dashed stroke, as the line is drawn
		}
		w.iconText(icon, seriesColor(i), keys[i].label, colInk)
	}
	if ps.seeds {
		w.icon(iconRun, fainter(colInkSoft), "later seeds")
	}
	if ps.chance {
		w.icon(iconChance, colChance, "chance")
	}
	if ps.never {
		w.icon(iconNever, colInkSoft, "never reached")
	}
}

// paintPlot paints one of a figure's charts.
func (p *Painter) paintPlot(c *plotBox, pl *figure.Plot, ps *plotShape, trained bool) {
	L := &p.fig
	u, lh := p.scale, p.lineH()
	keys := L.shape.keys[c.first : c.first+ps.keys]
	p.r.card(c.card, 4*u, colCard, colCardEdge, colBackground, image.Rectangle{})
	p.r.setBase(c.card.Inset(1))
	defer p.r.setBase(L.bounds)
	p.str(c.title.X, c.title.Y, pl.Title, colInk)
	p.r.setClip(c.legend)
	w := p.newPen(c.legend, true)
	p.plotLegendItems(&w, keys, ps)
	p.r.resetClip()
	if c.showY {
		p.str(c.yLabel.X, c.yLabel.Y, pl.Y, colInkSoft)
	}
	area := c.plot
	if area.Dx() < 10 || area.Dy() < 2*lh {
		return
	}

	// Extents: x from 0 to a round number past the last point (p from 0 to 1); y from 0 to
	// a round number above every finite value and chance, or 0–100% for a share.
	xmax, ymax, points, longest := 0.0, 0.0, 0, 0
	for i := range pl.Series {
		longest = max(longest, len(pl.Series[i].Points))
		for _, pt := range pl.Series[i].Points {
			if math.IsNaN(pt.Y) || !sim.Finite(pt.X) {
				continue
			}
			points++
			xmax = math.Max(xmax, pt.X)
			if sim.Finite(pt.Y) {
				ymax = math.Max(ymax, pt.Y)
			}
		}
	}
	if pl.Chance > 0 {
		ymax = math.Max(ymax, pl.Chance)
	}
	if pl.Mark > 0 && points > 0 {
		xmax = math.Max(xmax, pl.Mark) // n = d is on the chart, even before a point passes it
	}
	if !(ymax > 0) || ymax > 1e15 {
		ymax = 1
	}
	a := axes{plot: area, share: pl.Share, xLabel: pl.X, xLabelBelow: true, xmax: niceUp(xmax)}
	var lane image.Rectangle // values never reached, above the axis
	if ps.never {
		lane = image.Rect(area.Min.X, area.Min.Y, area.Max.X, area.Min.Y+lh)
		a.plot.Min.Y = lane.Max.Y + p.textH()/2 + 2*u // clear of the top tick's label
	}
	a.ymax, a.ystep = p.yTicks(a.plot, ymax, pl.Share)
	a.xstep = tickStep(a.xmax, clamp(a.plot.Dx()/p.widthOf(8), 1, 6), false)
	if a.xmax > 1 {
		a.xstep = math.Max(1, a.xstep) // counts (steps, epochs): whole ticks
	}
	p.paintAxes(&a)
	laneY := 0.0
	if ps.never {
		p.r.fill(lane, mix(colGrid, colCard, 0.4))
		p.str(area.Min.X-4*u-p.strW("never"), lane.Min.Y+(lane.Dy()-p.textH())/2, "never", colInkFaint)
		laneY = float64(lane.Min.Y) + float64(lane.Dy())/2
	}
	if pl.Chance > 0 {
		b := append(p.scratch(), "chance "...)
		if pl.Share {
			b = appendPct(b, pl.Chance)
		} else {
			b = appendTick(b, pl.Chance, a.ystep/10)
		}
		p.paintChance(&a, pl.Chance, b)
	}
	if pl.Mark > 0 && points > 0 {
		p.paintMark(&a, pl.Mark)
	}
	if points == 0 {
		note := "waiting for the first run"
		if !trained {
			note = "waiting for the first result"
		}
		nw := p.strW(note)
		y := a.plot.Min.Y + (a.plot.Dy()-p.textH())/2
		p.r.fill(image.Rect(a.plot.Min.X+(a.plot.Dx()-nw)/2-4*u, y-2*u, a.plot.Min.X+(a.plot.Dx()+nw)/2+4*u, y+p.textH()+2*u), colCard)
		p.str(a.plot.Min.X+(a.plot.Dx()-nw)/2, y, note, colInkSoft)
		return
	}

	// The series, clipped to the plot (with room for markers on its edges) and its lane;
	// seeds after the first go first, so that the first seed's lines lie on top. Sparse
	// series (a sweep's levels) show every point; a chart with long ones (learning curves)
	// marks only their ends, on every series alike.
	dots := longest <= denseSeries
	p.r.setClip(image.Rect(area.Min.X-3*u, area.Min.Y-2*u, area.Max.X+3*u, area.Max.Y+u))
	for pass := range 2 {
		for i := range pl.Series {
			if s := &pl.Series[i]; (s.Seed == 0) == (pass == 1) {
				p.paintSeries(&a, s, keyIndex(keys, s.Key), laneY, dots)
			}
		}
	}
	p.r.resetClip()
	if pl.Mark > 0 {
		p.paintMarkLabel(&a, pl.Mark, pl.MarkLabel) // over the lines, which would hide it
	}
}

// paintMark paints a dotted vertical line at x = v across the plot.
func (p *Painter) paintMark(a *axes, v float64) {
	u, pl := p.scale, a.plot
	x := int(math.Round(a.x(v)))
	p.r.vline(x, pl.Min.Y, pl.Max.Y, colChance, 2*u, 2*u)
	if u > 1 {
		p.r.vline(x+1, pl.Min.Y, pl.Max.Y, colChance, 2*u, 2*u)
	}
}

// paintMarkLabel writes what the line at x = v marks, at its top, on a patch of the
// card: on its right, or on its left where the plot ends too soon.
func (p *Painter) paintMarkLabel(a *axes, v float64, label string) {
	u, th, pl := p.scale, p.textH(), a.plot
	x := int(math.Round(a.x(v)))
	lw := p.strW(label)
	lx := x + 3*u
	if lx+lw > pl.Max.X {
		lx = x - 3*u - lw
	}
	p.r.fill(image.Rect(lx-u, pl.Min.Y, lx+lw+u, pl.Min.Y+th+2*u), colCard)
	p.str(lx, pl.Min.Y+u, label, colChance)
}

// denseSeries is the most points a chart's series can have for each point to be marked.
const denseSeries = 16

// paintSeries paints one series in the colour of its key k: a line through its points (or
// dots), a triangle on the lane at laneY for each value never reached, joined to its
// neighbours by a dotted line, and NaN points left out. A line's points are marked with
// dots, or only its last one.
func (p *Painter) paintSeries(a *axes, s *figure.Series, k int, laneY float64, dots bool) {
	u := float64(p.scale)
	col, width, rad := seriesColor(max(k, 0)), 2*u, 2.5*u
	if s.Seed > 0 {
		col, width, rad = fainter(col), 1.5*u, 2*u
	}
	solid := dash{}
	if k >= seriesColors {
		solid = dash{on: 6 * u, off: 4 * u}
	}
	at := func(pt figure.Point) (x, y float64, never, ok bool) {
		switch {
		case math.IsNaN(pt.Y) || !sim.Finite(pt.X):
			return 0, 0, false, false
		case math.IsInf(pt.Y, 1):
			return a.x(pt.X), laneY, true, laneY > 0
		}
		return a.x(pt.X), a.y(math.Max(-a.ymax, math.Min(pt.Y, a.ymax*2))), false, true
	}
	if s.Line {
		var px, py float64
		have, wasNever, wasLine := false, false, false
		for _, pt := range s.Points {
			x, y, never, ok := at(pt)
			if !ok {
				continue
			}
			if have && (never || wasNever) {
				dotted := dash{on: 2 * u, off: 3 * u}
				p.r.segment(px, py, x, y, u, col, &dotted)
			} else if have {
				if solid.off == 0 && wasLine {
					// A round join: segment's flat ends leave a notch where a steep
					// segment meets a shallow one.
					p.r.disc(px, py, width/2, col)
				}
				p.r.segment(px, py, x, y, width, col, &solid)
			}
			wasLine = have && !never && !wasNever
			px, py, have, wasNever = x, y, true, never
		}
	}
	dots = dots || !s.Line
	lastX, lastY, have := 0.0, 0.0, false
	for _, pt := range s.Points {
		x, y, never, ok := at(pt)
		switch {
		case !ok:
		case never:
			p.r.triangle(x, y, 9*u, colCard)
			p.r.triangle(x, y, 7*u, col)
		case dots:
			p.r.disc(x, y, rad+u, colCard)
			p.r.disc(x, y, rad, col)
		default:
			lastX, lastY, have = x, y, true
		}
	}
	if have {
		p.r.disc(lastX, lastY, rad+u, colCard)
		p.r.disc(lastX, lastY, rad, col)
	}
}
