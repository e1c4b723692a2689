package canvas

import (
	"image"
	"math"
	"strconv"
)

// wallPlan is one arrangement of tiles, shared by the walls of every run, so that walls side
// by side look alike and compare block for block: a tile pitch, the gap between tiles, where
// the group labels go and how many blocks make a row.
type wallPlan struct {
	p, gap, mode, bc int
	width, height    int // of the widest and the tallest wall: every wall is aligned on them
}

// zoomMin is the smallest tile pitch of a zoomed wall, in layout units: a tile of 24 CSS
// pixels, room for a 12×12 image drawn in blocks of 2×2 inside its frame.
const zoomMin = 25

// zoomFloor is the smallest pitch of a zoomed wall's tiles: a tile of one CSS pixel per
// pixel of the images, inside a frame of one device pixel on each side, and the gap
// (never above zoomMin).
func (p *Painter) zoomFloor() int {
	side := 0
	for i := range p.lay.runs {
		side = max(side, p.lay.runs[i].wall.side)
	}
	u := p.scale
	return min(zoomMin*u, side*u+2+tileGap(side*u+2))
}

func tileGap(pitch int) int {
	if pitch >= 3 {
		return 1
	}
	return 0
}

// blockGap separates groups: clearly wider than the gap between tiles.
func blockGap(pitch, u int) int { return max(4*u, pitch*2/3) }

// setPanel sets the wall's dark panel and the area inside it that holds the tiles.
func (w *wallLayout) setPanel(p *Painter, panel image.Rectangle) {
	u := p.scale
	w.panel = panel
	pad := 5 * u
	if panel.Dx() < 60*u || panel.Dy() < 40*u {
		pad = 2 * u
	}
	w.area = panel.Inset(pad)
	w.labelW = p.widthOf(len(strconv.Itoa(w.first+w.k-1))) + 3*u
	w.p, w.s, w.gap, w.perRow, w.mode = 0, 0, 0, 0, labelNone
	w.blocks = resizeRects(w.blocks, w.k)
	w.tiles = resizePoints(w.tiles, w.k)
}

// planWalls finds the largest tiles with which every run's wall fits its panel, and lays the
// walls out with them. Each label placement is tried; one with labels wins unless it costs
// more than a fifth of the tile size. It returns the pitch (0 when no wall has tiles).
//
// A zoomed wall (one label's examples, Scene.Zoom) is there to be read, pixel by pixel: it
// takes tiles of zoomMin or more where the label's tiles fit at that size (a laptop's
// canvas), else the largest with which they all fit, down to one CSS pixel per pixel of
// the image (zoomFloor: on a phone, whose screen has two or three device pixels to the CSS
// pixel, still a visible block per pixel). Only where even those do not fit are the last
// rows cut off by the panel, at zoomMin, and the panel says how many are shown
// (paintWall).
func (p *Painter) planWalls() int {
	runs := p.lay.runs
	u := p.scale
	pmax, maxK, any := 1, 1, false
	for i := range runs {
		w := &runs[i].wall
		if w.n == 0 || w.area.Empty() {
			continue
		}
		any = true
		maxK = max(maxK, w.k)
		pmax = max(pmax, int(math.Sqrt(float64(w.area.Dx()*w.area.Dy())/float64(max(w.start[w.k], 1))))+1)
	}
	if !any {
		return 0
	}
	lo, most := 1, 32*u
	if p.lay.zoom > 0 {
		lo, most = p.zoomFloor(), 64*u
	}
	pmax = max(min(pmax, most), lo)
	var best [labelNone + 1]wallPlan
	for mode := labelAbove; mode <= labelNone; mode++ {
		for pp := pmax; pp >= lo; pp-- {
			if mode == labelAbove && pp < 5 {
				break // a line of text per block would dwarf such tiles
			}
			if bc, ok := p.fitAll(pp, mode); ok {
				best[mode] = wallPlan{p: pp, gap: tileGap(pp), mode: mode, bc: bc}
				break
			}
		}
	}
	top := max(best[labelAbove].p, best[labelLeft].p, best[labelNone].p)
	plan := wallPlan{p: 1, mode: labelNone, bc: maxK} // too many examples for the room: clipped
	if p.lay.zoom > 0 {
		plan = wallPlan{p: zoomMin * u, gap: tileGap(zoomMin * u), mode: labelAbove, bc: 1}
	}
	for mode := labelAbove; mode <= labelNone; mode++ {
		if best[mode].p > 0 && best[mode].p*5 >= top*4 {
			plan = best[mode]
			break
		}
	}
	for i := range runs {
		if w := &runs[i].wall; w.n > 0 && !w.area.Empty() {
			_, h, wd := w.measure(p, plan.p, plan.gap, plan.mode, max(1, min(plan.bc, w.k)))
			plan.width, plan.height = max(plan.width, wd), max(plan.height, h)
		}
	}
	for i := range runs {
		runs[i].wall.place(p, plan)
	}
	return plan.p
}

// fitAll returns the number of blocks per row, for pitch pp and label mode, with which every
// wall fits its area and fills it the most (blocks of a shape like the area's, rather than
// thin columns or bands with the room left empty).
func (p *Painter) fitAll(pp, mode int) (bc int, ok bool) {
	runs := p.lay.runs
	maxK := 1
	for i := range runs {
		maxK = max(maxK, runs[i].wall.k)
	}
	most := -1
	for c := 1; c <= maxK; c++ {
		used, fits := 0, true
		for i := range runs {
			w := &runs[i].wall
			if w.n == 0 || w.area.Empty() {
				continue
			}
			perRow, h, wd := w.measure(p, pp, tileGap(pp), mode, min(c, w.k))
			if perRow == 0 || h > w.area.Dy() || wd > w.area.Dx() {
				fits = false
				break
			}
			used += h * wd
		}
		if fits && used > most {
			most, bc, ok = used, c, true
		}
	}
	return bc, ok
}

// measure returns, for pitch pp and bc blocks per row, the tiles per row in a block and the
// wall's height and width (perRow 0: the blocks are too narrow for one tile).
func (w *wallLayout) measure(p *Painter, pp, gap, mode, bc int) (perRow, height, width int) {
	bg := blockGap(pp, p.scale)
	bw := (w.area.Dx() - (bc-1)*bg) / bc
	lw := 0
	if mode == labelLeft {
		lw = w.labelW
	}
	perRow = min((bw-lw+gap)/pp, max(w.maxCount, 1))
	if perRow < 1 {
		return 0, 0, 0
	}
	for r := 0; r*bc < w.k; r++ {
		if r > 0 {
			height += bg
		}
		height += w.rowHeight(p, r, bc, perRow, pp, gap, mode)
	}
	width = bc*(lw+perRow*pp-gap) + (bc-1)*bg
	return perRow, height, width
}

// rowHeight is the height of the r-th row of blocks.
func (w *wallLayout) rowHeight(p *Painter, r, bc, perRow, pp, gap, mode int) int {
	most := 0
	for g := r * bc; g < min(w.k, (r+1)*bc); g++ {
		most = max(most, w.counts[g])
	}
	h := 0
	if rows := (most + perRow - 1) / perRow; rows > 0 {
		h = rows*pp - gap
	}
	switch mode {
	case labelAbove:
		h += p.lineH()
	case labelLeft:
		h = max(h, p.textH())
	}
	return h
}

// place lays the wall's blocks out with plan, the whole wall centred in its area.
func (w *wallLayout) place(p *Painter, plan wallPlan) {
	if w.n == 0 || w.area.Empty() {
		w.perRow = 0
		return
	}
	bc := max(1, min(plan.bc, w.k))
	perRow, height, width := w.measure(p, plan.p, plan.gap, plan.mode, bc)
	width, height = max(width, plan.width), max(height, plan.height)
	w.p, w.gap, w.s, w.mode, w.perRow = plan.p, plan.gap, plan.p-plan.gap, plan.mode, max(perRow, 1)
	bg := blockGap(plan.p, p.scale)
	lw := 0
	if w.mode == labelLeft {
		lw = w.labelW
	}
	bw := lw + w.perRow*w.p - w.gap
	digits := len(strconv.Itoa(w.maxCount))
	w.showCounts = p.widthOf(len(strconv.Itoa(w.first+w.k-1))+2+2*digits) <= bw
	x0 := w.area.Min.X + max(0, (w.area.Dx()-width)/2)
	y := w.area.Min.Y + max(0, (w.area.Dy()-height)/2)
	for r := 0; r*bc < w.k; r++ {
		h := w.rowHeight(p, r, bc, w.perRow, w.p, w.gap, w.mode)
		for c := range bc {
			g := r*bc + c
			if g >= w.k {
				break
			}
			x := x0 + c*(bw+bg)
			w.blocks[g] = image.Rect(x, y, x+bw, y+h)
			if w.mode == labelAbove {
				w.tiles[g] = image.Pt(x, y+p.lineH())
			} else {
				w.tiles[g] = image.Pt(x+lw, y)
			}
		}
		y += h + bg
	}
	w.shown = 0
	if w.only >= 0 {
		for k := range w.counts[0] {
			if w.tileRect(0, k).In(w.area) {
				w.shown++
			}
		}
	}
}
