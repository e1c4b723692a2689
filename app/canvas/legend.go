package canvas

import "image"

// Two keys explain the scene: above the runs, what a tile of a memory wall shows; above the
// charts, which colour is which run and which line style is which measurement. Every key
// entry pairs a small picture with words.

type iconKind uint8

const (
	iconRun     iconKind = iota // a run's colour, as a thick stroke
	iconTrain                   // a solid line: training measurements
	iconTest                    // a dashed line: test measurements
	iconChance                  // a dotted line: chance level
	iconLit                     // a fitted tile
	iconDim                     // a tile not fitted yet
	iconCorrupt                 // a tile whose label is corrupted
	iconNever                   // a triangle: a value never reached, atop a figure's chart
)

func (p *Painter) iconW(k iconKind) int {
	switch k {
	case iconLit, iconDim, iconCorrupt:
		return p.textH()
	case iconNever:
		return 8 * p.scale
	}
	return 18 * p.scale
}

// paintIcon paints icon k with its text box's top-left corner at (x, y).
func (p *Painter) paintIcon(k iconKind, x, y int, c rgb) {
	u, th := p.scale, p.textH()
	w := p.iconW(k)
	cy := y + th/2
	switch k {
	case iconRun:
		p.r.fill(image.Rect(x, cy-u-u/2-1, x+w, cy+u+u/2), c)
	case iconTrain:
		p.r.fill(image.Rect(x, cy-u, x+w, cy+u), c)
	case iconTest:
		for dx := 0; dx < w; dx += 8 * u {
			p.r.fill(image.Rect(x+dx, cy-u, x+min(w, dx+5*u), cy+u), c)
		}
	case iconNever:
		p.r.triangle(float64(x)+float64(w)/2, float64(cy), 7*float64(u), c)
	case iconChance:
		for dx := 0; dx < w; dx += 3 * u {
			p.r.fill(image.Rect(x+dx, cy, x+dx+u, cy+u), c)
		}
	case iconLit, iconDim, iconCorrupt:
		r := image.Rect(x, y, x+w, y+w)
		p.r.fill(r, colWall)
		t := r.Inset(max(1, w/6))
		switch k {
		case iconLit:
			p.r.frame(t, 1, colLitFrame)
			p.r.fill(t.Inset(1), mix(colLitBg, colLitInk, 0.25))
			p.r.fill(image.Rect(t.Min.X+t.Dx()/3, t.Min.Y+t.Dy()/3, t.Max.X-t.Dx()/3, t.Max.Y-t.Dy()/3), colLitInk)
		default:
			p.r.fill(t.Inset(1), mix(colDimBg, colDimInk, 0.25))
			p.r.fill(image.Rect(t.Min.X+t.Dx()/3, t.Min.Y+t.Dy()/3, t.Max.X-t.Dx()/3, t.Max.Y-t.Dy()/3), colDimInk)
		}
		if k == iconCorrupt {
			p.r.corner(t.Max.X-1, t.Min.Y, max(2, t.Dx()*2/5), colCorrupt)
		}
	}
}

// wallKeyItems lays out the key to the walls; compact leaves the sentence out (phones).
func (p *Painter) wallKeyItems(w *pen, compact bool) {
	if !compact {
		w.str("Memory wall:", colInk)
		w.str("one tile per training image,", colInkSoft)
		w.str("grouped by the label it is trained on.", colInkSoft)
		w.icon(iconLit, 0, "fitted (predicted as its label)")
	} else {
		w.icon(iconLit, 0, "fitted")
	}
	w.icon(iconDim, 0, "not fitted yet")
	w.icon(iconCorrupt, 0, "label corrupted")
}

// legendItems lays out the key to the charts.
func (p *Painter) legendItems(w *pen, runs []Card) {
	for i := range runs {
		w.iconText(iconRun, runColor(i), runs[i].Title, colInk)
	}
	w.icon(iconTrain, colInkSoft, "train")
	w.icon(iconTest, colInkSoft, "test")
	w.icon(iconChance, colChance, "chance")
}

func (p *Painter) paintWallKey() {
	w := p.newPen(p.lay.wallKey, true)
	p.r.setClip(p.lay.wallKey)
	p.wallKeyItems(&w, p.lay.narrow)
	p.r.resetClip()
}

func (p *Painter) paintLegend(runs []Card) {
	w := p.newPen(p.lay.legend, true)
	p.r.setClip(p.lay.legend)
	p.legendItems(&w, runs)
	p.r.resetClip()
}
