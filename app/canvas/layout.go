package canvas

import (
	"image"
	"math"
)

// layout is where everything goes for one canvas size and scene shape. It is computed by
// relayout, which may allocate, and only read by painting, which must not.
//
// Every length is in units of p.scale pixels: the scene's density rounded (1 on an ordinary
// screen, 2 or 3 on a phone painted in device pixels), doubled on big canvases (1600×900 CSS
// pixels and up) so that text stays legible from afar.
//
// Wide canvases (≥ 700 CSS px) put the runs side by side in cards, each with its header, memory
// wall, first-layer weights and parameter gauge, and the two charts below them across the
// whole width. Narrow ones (phones) stack the runs and then the charts. The memory walls get
// whatever room is left, since they are the heart of the scene; when there is little, the
// weights and then the gauge give their room up to the wall.
type layout struct {
	bounds   image.Rectangle
	density  float64
	scale    int // p.scale for this layout (the figure view keeps its own)
	zoom     int // Scene.Zoom it was made for
	narrow   bool
	wallKey  image.Rectangle // the key to the walls' tiles, above the runs
	runs     []runBox
	legend   image.Rectangle // the key to the curves, above the charts
	acc, los chartBox
	cards    []image.Rectangle // every card, which the background goes around
}

// runBox is one run's card.
type runBox struct {
	card    image.Rectangle
	header  image.Rectangle
	brief   bool // header reduced to the title line
	wall    wallLayout
	weights weightsBox
	gauge   gaugeBox
}

const narrowBelow = 700 // px: below this width runs are stacked

func (p *Painter) relayout(b image.Rectangle, runs []Card, density float64, zoom int) {
	L := &p.lay
	L.bounds, L.density, L.zoom = b, density, zoom
	p.layouts++
	p.keys = p.keys[:0]
	for i := range runs {
		p.keys = append(p.keys, keyOf(&runs[i]))
	}
	u := scaleFor(b, density)
	p.scale, L.scale = u, u
	L.narrow = b.Dx() < narrowBelow*u
	if cap(L.runs) < len(runs) {
		grown := make([]runBox, len(runs))
		copy(grown, L.runs[:cap(L.runs)])
		L.runs = grown
	}
	L.runs = L.runs[:len(runs)]
	L.cards = L.cards[:0]
	if len(runs) == 0 {
		return
	}
	for i := range runs {
		L.runs[i].wall.group(runs[i].Images, runs[i].Classes, zoom-1)
	}

	margin, gap := 8*u, 8*u
	if L.narrow {
		margin, gap = 6*u, 6*u
	}
	content := b.Inset(margin)
	lh := p.lineH()

	// The key to the walls, on top.
	w := p.newPen(content, false)
	p.wallKeyItems(&w, L.narrow)
	L.wallKey = image.Rect(content.Min.X, content.Min.Y, content.Max.X, content.Min.Y+w.lines*lh)

	// The charts, at the bottom: one row of two on wide canvases and on short narrow ones,
	// else one above the other.
	w = p.newPen(content, false)
	p.legendItems(&w, runs)
	legendH := w.lines * lh
	H := b.Dy()
	stacked := L.narrow && H >= 560*u
	var chartsH, one int
	switch {
	case stacked:
		one = clamp(H*15/100, 90*u, 170*u)
		chartsH = legendH + 2*one + gap
	case L.narrow:
		one = clamp(H*26/100, 64*u, 200*u)
		chartsH = legendH + one
	default:
		one = clamp(H*28/100, 110*u, 300*u)
		chartsH = legendH + one
	}
	if zoom > 0 {
		// A zoomed wall is there to be read image by image: the charts give it their room
		// (the page's numbers still say how training goes).
		chartsH, legendH, one = 0, 0, 0
	}
	charts := image.Rect(content.Min.X, content.Max.Y-chartsH, content.Max.X, content.Max.Y)
	L.legend = image.Rect(charts.Min.X, charts.Min.Y, charts.Max.X, charts.Min.Y+legendH)
	plots := image.Rect(charts.Min.X, L.legend.Max.Y, charts.Max.X, charts.Max.Y)
	if stacked {
		L.acc.plan(p, image.Rect(plots.Min.X, plots.Min.Y, plots.Max.X, plots.Min.Y+one))
		L.los.plan(p, image.Rect(plots.Min.X, plots.Max.Y-one, plots.Max.X, plots.Max.Y))
	} else {
		mid := plots.Min.X + (plots.Dx()-gap)/2
		L.acc.plan(p, image.Rect(plots.Min.X, plots.Min.Y, mid, plots.Max.Y))
		L.los.plan(p, image.Rect(mid+gap, plots.Min.Y, plots.Max.X, plots.Max.Y))
	}

	// The runs, in between: a grid of cards. Wide canvases try all runs in one row, then two
	// rows; narrow ones one column, then two; the arrangement giving the largest tiles wins.
	bottom := charts.Min.Y - gap
	if zoom > 0 {
		bottom = content.Max.Y
	}
	area := image.Rect(content.Min.X, L.wallKey.Max.Y+gap/2, content.Max.X, bottom)
	n := len(runs)
	first, second := n, (n+1)/2
	if L.narrow {
		first, second = 1, min(2, n)
	}
	bestCols, bestPitch := first, -1
	for _, cols := range [2]int{first, second} {
		p.placeRuns(area, runs, cols, gap)
		if pitch := p.planWalls(); pitch > bestPitch {
			bestCols, bestPitch = cols, pitch
		}
	}
	p.placeRuns(area, runs, bestCols, gap)
	p.planWalls()
	L.cards = L.cards[:0]
	if zoom == 0 {
		L.cards = append(L.cards, L.acc.card, L.los.card)
	}
	for i := range L.runs {
		L.cards = append(L.cards, L.runs[i].card)
	}
	for i := range runs {
		L.runs[i].wall.build(runs[i].Images)
	}
}

// placeRuns lays the run cards out in a grid of cols columns. Every header gets the height
// of the tallest, so that walls side by side start level and compare block for block.
func (p *Painter) placeRuns(area image.Rectangle, runs []Card, cols, gap int) {
	n := len(runs)
	rows := (n + cols - 1) / cols
	cw := (area.Dx() - (cols-1)*gap) / cols
	ch := (area.Dy() - (rows-1)*gap) / rows
	in := image.Rect(0, 0, cw, ch).Inset(6 * p.scale)
	lines, brief := 1, false
	for i := range runs {
		w := p.newPen(in, false)
		p.headerItems(&w, i, &runs[i], false, true, false)
		lines = max(lines, w.lines)
	}
	if lines*p.lineH() > in.Dy()*35/100 {
		// Small cards: the title line only (the numbers are in the charts too).
		lines, brief = 1, true
	}
	for i := range runs {
		c, r := i%cols, i/cols
		x, y := area.Min.X+c*(cw+gap), area.Min.Y+r*(ch+gap)
		bx := &p.lay.runs[i]
		bx.brief = brief
		p.planRun(bx, image.Rect(x, y, x+cw, y+ch), &runs[i], lines)
	}
}

// planRun lays out one run's card: a header of so many lines on top, weights and gauge at
// the bottom (beside each other when the card is wide), the memory wall in between.
func (p *Painter) planRun(bx *runBox, card image.Rectangle, run *Card, lines int) {
	u, lh := p.scale, p.lineH()
	bx.card = card
	in := card.Inset(6 * u)
	bx.header = image.Rect(in.Min.X, in.Min.Y, in.Max.X, in.Min.Y+lines*lh)
	body := image.Rect(in.Min.X, bx.header.Max.Y+2*u, in.Max.X, in.Max.Y)
	gap := 6 * u
	side := in.Dx() >= 440*u
	minWall := max(40*u, body.Dy()*45/100)
	if p.lay.narrow {
		minWall = max(40*u, body.Dy()*60/100)
	}
	ww := in.Dx()
	if side {
		ww = (in.Dx() - gap) / 2
	}

	// Footer levels, richest first: what to give up when the wall would be too small. Phones
	// start with the compact gauge: their walls need every line.
	var footH int
	first := 0
	if p.lay.narrow {
		first = 4
	}
	if p.lay.zoom > 0 {
		first = 6 // a zoomed wall needs every line: the wall alone, under its header
	}
	for level := first; level < 7; level++ {
		rows, g := 0, gaugeNone
		switch level {
		case 0:
			rows, g = 2, gaugeFull
		case 1:
			rows, g = 1, gaugeFull
		case 2:
			rows, g = 1, gaugeBars
		case 3:
			g = gaugeBars
		case 4:
			rows, g = 1, gaugeCompact
		case 5:
			g = gaugeCompact
		}
		bx.weights.plan(p, run.Snap, ww, rows, !p.lay.narrow)
		bx.gauge.plan(p, run, g, ww)
		wh, gh := bx.weights.height(p), bx.gauge.height(p)
		switch {
		case side:
			footH = max(wh, gh)
		case wh > 0 && gh > 0:
			footH = wh + gap + gh
		default:
			footH = wh + gh
		}
		if footH > 0 {
			footH += gap
		}
		if body.Dy()-footH >= minWall {
			break
		}
	}
	foot := image.Rect(body.Min.X, body.Max.Y-footH+gap, body.Max.X, body.Max.Y)
	if footH == 0 {
		foot = image.Rect(body.Min.X, body.Max.Y, body.Max.X, body.Max.Y)
	}
	wh, gh := bx.weights.height(p), bx.gauge.height(p)
	switch {
	case side && wh > 0:
		bx.weights.place(image.Rect(foot.Min.X, foot.Min.Y, foot.Min.X+ww, foot.Max.Y))
		bx.gauge.place(image.Rect(foot.Max.X-ww, foot.Min.Y, foot.Max.X, foot.Max.Y))
	default:
		bx.weights.place(image.Rect(foot.Min.X, foot.Min.Y, foot.Max.X, foot.Min.Y+wh))
		gy := foot.Min.Y
		if wh > 0 {
			gy += wh + gap
		}
		bx.gauge.place(image.Rect(foot.Min.X, gy, foot.Max.X, gy+gh))
	}
	panel := image.Rect(body.Min.X, body.Min.Y, body.Max.X, max(body.Min.Y, foot.Min.Y-gap))
	bx.wall.setPanel(p, panel)
}

// scaleFor returns the pixels per layout unit of a canvas: its density rounded, doubled on
// big canvases (1600×900 CSS pixels and up).
func scaleFor(b image.Rectangle, density float64) int {
	u := max(1, int(math.Round(density)))
	if float64(b.Dx())/density >= 1600 && float64(b.Dy())/density >= 900 {
		u *= 2
	}
	return u
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }
