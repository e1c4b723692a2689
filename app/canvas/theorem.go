package canvas

import (
	"image"
	"math"
	"strconv"

	"genlab/sim/figure"
)

// Theorem 1's figure shows, under its table of numbers, the network it built, once on true
// labels and once on random ones (figure.Picture), in three steps a student can follow:
//
//  1. the number line: every training point projected on one random direction a, z = <a, x>,
//     sorted, each drawn as a tick in its label's colour. True and random labels look alike
//     here: a random direction separates no classes, and the construction needs it not to;
//  2. the zoom: the first points of the line, spread out, with a threshold b_j (a grey
//     stroke) just below each point z_j: b_1 < z_1 < b_2 < z_2 < …, hidden unit j firing
//     for every point from z_j up;
//  3. the matrix A_ij = ReLU(z_i − b_j) as a heat map: white (zero) above the diagonal, since
//     unit j is off for the points below its threshold, coloured below, on a log scale that
//     shows even the small diagonal entries as not zero. A lower-triangular matrix with a
//     positive diagonal is invertible: the output weights w solving A w = y exist for any
//     labels y, which is the whole theorem.
//
// The two panels sit side by side on wide canvases and one above the other on phones.

// pictureKeys are the keys of the trials drawn, in the order of the panels: sim/figure's
// theorem1 trials.
var pictureKeys = [2]string{"labels=true", "labels=random"}

// pictureBox is where one panel's parts go.
type pictureBox struct {
	card   image.Rectangle
	key    string
	title  string
	head   image.Point     // the title
	line   image.Rectangle // the number line's ticks
	zoom   image.Rectangle // the zoomed strip: thresholds and points
	matrix image.Rectangle // A's image, square
	notes  image.Rectangle // what A is, and its colour bar
}

// planPictures lays out the panels in area: side by side unless narrow.
func (p *Painter) planPictures(L *figureLayout, area image.Rectangle, gap int) {
	L.pics = L.pics[:0]
	if area.Dy() < 60*p.scale {
		return // no room: the table alone
	}
	for i, key := range pictureKeys {
		r := area
		if L.narrow {
			h := (area.Dy() - gap) / 2
			r.Min.Y += i * (h + gap)
			r.Max.Y = r.Min.Y + h
		} else {
			w := (area.Dx() - gap) / 2
			r.Min.X += i * (w + gap)
			r.Max.X = r.Min.X + w
		}
		L.pics = append(L.pics, p.planPicture(r, key))
		L.cards = append(L.cards, r)
	}
}

func (p *Painter) planPicture(card image.Rectangle, key string) pictureBox {
	u, lh := p.scale, p.lineH()
	b := pictureBox{card: card, key: key, title: figure.KeyTitle(figure.Theorem1, key)}
	in := card.Inset(8 * u)
	b.head = in.Min
	top := in.Min.Y + lh + 4*u
	// A: on a wide panel a square on the right, as tall as the panel allows (and at most
	// under half its width); else below the line and the zoom, its notes beside it.
	col := image.Rect(in.Min.X, top, in.Max.X, in.Max.Y)
	side := max(0, min(in.Max.Y-top-lh, in.Dx()*9/20))
	wide := in.Dx()*5 >= in.Dy()*7 && in.Dx()-side-12*u >= p.widthOf(24)
	if wide {
		b.matrix = image.Rect(in.Max.X-side, top+lh, in.Max.X, top+lh+side)
		col.Max.X = b.matrix.Min.X - 12*u
	}
	// The line: a caption, ticks, the ends' values below.
	b.line = image.Rect(col.Min.X, top+lh, col.Max.X, top+lh+12*u)
	y := b.line.Max.Y + lh + 6*u
	// The zoom: a caption, then the strip.
	b.zoom = image.Rect(col.Min.X, y+lh, col.Max.X, y+lh+16*u)
	y = b.zoom.Max.Y + 8*u
	if wide {
		b.notes = image.Rect(col.Min.X, y, col.Max.X, in.Max.Y)
		return b
	}
	rest := image.Rect(in.Min.X, y, in.Max.X, in.Max.Y)
	notesW := p.widthOf(19)
	side = max(0, min(rest.Dy()-lh, rest.Dx()-notesW-8*u))
	b.matrix = image.Rect(rest.Min.X, rest.Min.Y+lh, rest.Min.X+side, rest.Min.Y+lh+side)
	b.notes = image.Rect(b.matrix.Max.X+8*u, b.matrix.Min.Y, rest.Max.X, rest.Max.Y)
	return b
}

// findPicture returns the picture of key, nil if it has not come.
func findPicture(ps []figure.Picture, key string) *figure.Picture {
	for i := range ps {
		if ps[i].Key == key {
			return &ps[i]
		}
	}
	return nil
}

// labelColor is the colour of label l on the number line: ten colours that stay apart on
// white (Tableau's ten), repeated beyond.
func labelColor(l byte) rgb {
	switch l % 10 {
	case 0:
		return 0x1f77b4
	case 1:
		return 0xff7f0e
	case 2:
		return 0x2ca02c
	case 3:
		return 0xd62728
	case 4:
		return 0x9467bd
	case 5:
		return 0x8c564b
	case 6:
		return 0xe377c2
	case 7:
		return 0x7f7f7f
	case 8:
		return 0xbcbd22
	}
	return 0x17becf
}

// heatColor is the colour of a block of A whose byte is v (figure.Picture): 0 (exactly zero)
// is the card's white; 1..255 run from pale yellow (small) through orange to deep purple
// (large), a sequential map whose lightness alone orders the values.
func heatColor(v int) rgb {
	if v <= 0 {
		return colCard
	}
	t := float64(v-1) / 254
	if t < 0.5 {
		return mix(0xfde68a, 0xe8743b, 2*t)
	}
	return mix(0xe8743b, 0x3b0f70, 2*t-1)
}

// paintPictures paints the panels of Theorem 1's constructions.
func (p *Painter) paintPictures(fv *FigureView) {
	for i := range p.fig.pics {
		b := &p.fig.pics[i]
		p.r.card(b.card, 4*p.scale, colCard, colCardEdge, colBackground, image.Rectangle{})
		p.r.setBase(b.card.Inset(1))
		p.paintPicture(b, findPicture(fv.Pictures, b.key))
		p.r.setBase(p.fig.bounds)
	}
}

func (p *Painter) paintPicture(b *pictureBox, pic *figure.Picture) {
	u, lh := p.scale, p.lineH()
	x := p.str(b.head.X, b.head.Y, b.title, colInk)
	if pic == nil {
		p.str(x, b.head.Y, ": waiting for its construction", colInkFaint)
		return
	}
	t := append(p.scratch(), ": n = "...)
	t = appendGrouped(t, pic.N)
	if long := append(t, " points, n hidden units"...); x+p.bytesW(long) <= b.card.Max.X-8*u {
		t = long
	}
	p.text(x, b.head.Y, t, colInkSoft)

	// 1. The number line.
	L := b.line
	p.str(L.Min.X, L.Min.Y-lh, fitting(p, L.Dx(), "z = <a, x> sorted, coloured by label", "z = <a,x>, colour: label"), colInkSoft)
	axisY := L.Max.Y
	p.r.fill(image.Rect(L.Min.X, axisY, L.Max.X, axisY+u), colAxis)
	w := L.Dx() - 1
	for k, pos := range pic.Line {
		px := L.Min.X + int(pos)*w/65535
		p.r.fill(image.Rect(px, L.Min.Y, px+u, axisY), labelColor(pic.LineLabels[k]))
	}
	t = appendFixed(p.scratch(), pic.Lo, 2)
	p.text(L.Min.X, axisY+2*u, t, colInkFaint)
	t = appendFixed(p.scratch(), pic.Hi, 2)
	p.text(L.Max.X-p.bytesW(t), axisY+2*u, t, colInkFaint)

	// 2. The zoom on the first points, and where they lie on the line.
	m := len(pic.ZoomZ)
	Z := b.zoom
	lo, hi := pic.ZoomB[0], pic.ZoomZ[m-1]
	pad := (hi - lo) * 0.04
	if !(hi > lo) {
		pad = 1
	}
	lo, hi = lo-pad, hi+pad
	xOf := func(v float64) int {
		return Z.Min.X + int(math.Round(clamp01((v-lo)/(hi-lo))*float64(Z.Dx()-1)))
	}
	if span := pic.Hi - pic.Lo; span > 0 {
		// A bracket over the points zoomed on.
		x1 := L.Min.X + int(math.Round(clamp01((pic.ZoomZ[m-1]-pic.Lo)/span)*float64(w)))
		x1 = max(x1, L.Min.X+3*u)
		p.r.fill(image.Rect(L.Min.X, L.Min.Y-3*u, x1+u, L.Min.Y-u), colInk)
		p.r.fill(image.Rect(x1, L.Min.Y-3*u, x1+u, L.Min.Y+3*u), colInk)
	}
	t = append(p.scratch(), "the first "...)
	t = strconv.AppendInt(t, int64(m), 10)
	t = append(t, " (bracket): b1 < z1 < b2 < z2 < ..."...)
	if p.bytesW(t) > Z.Dx() {
		t = append(p.scratch(), "b1 < z1 < b2 < z2 < ..."...)
	}
	p.text(Z.Min.X, Z.Min.Y-lh, t, colInkSoft)
	cy := Z.Min.Y + Z.Dy()/2
	p.r.fill(image.Rect(Z.Min.X, cy, Z.Max.X, cy+u), colGrid)
	for j := range m {
		bx := xOf(pic.ZoomB[j])
		p.r.fill(image.Rect(bx, Z.Min.Y, bx+u, Z.Max.Y), colChance)
	}
	for i := range m {
		p.r.disc(float64(xOf(pic.ZoomZ[i]))+float64(u)/2, float64(cy)+float64(u)/2, 3*float64(u), labelColor(pic.ZoomLabels[i]))
	}

	// 3. A, block by block: rows top to bottom, columns left to right.
	M := b.matrix
	if M.Dx() < 8*u {
		return
	}
	p.str(M.Min.X, M.Min.Y-lh, fitting(p, b.card.Max.X-M.Min.X-8*u, "A = ReLU(z_i - b_j), log scale", "A = ReLU(z_i - b_j)"), colInkSoft)
	s := pic.Side
	k := 0
	for r := range s {
		y0, y1 := M.Min.Y+r*M.Dy()/s, M.Min.Y+(r+1)*M.Dy()/s
		for c := 0; c <= r && k < len(pic.A); c++ {
			x0, x1 := M.Min.X+c*M.Dx()/s, M.Min.X+(c+1)*M.Dx()/s
			p.r.fill(image.Rect(x0, y0, x1, y1), heatColor(int(pic.A[k])))
			k++
		}
	}
	p.r.frame(M.Inset(-u), u, colAxis)

	// In the empty upper triangle: that it is zero, and the colour bar (log10 of a block's
	// mean), if they fit above the diagonal.
	th := p.textH()
	y := M.Min.Y + 4*u
	x1 := M.Max.X - 4*u
	zero := fitting(p, M.Dx()/2, "0 above the diagonal", "0 above")
	p.str(x1-p.strW(zero), y, zero, colInkFaint)
	y += lh
	bw := min(p.widthOf(12), M.Dx()/2)
	x0 := x1 - bw
	if bw >= p.widthOf(11) && x0-M.Min.X > y+8*u+2*u+th-M.Min.Y {
		bar := image.Rect(x0, y, x1, y+8*u)
		for x := bar.Min.X; x < bar.Max.X; x++ {
			v := 1 + (x-bar.Min.X)*254/max(1, bar.Dx()-1)
			p.r.fill(image.Rect(x, bar.Min.Y, x+1, bar.Max.Y), heatColor(v))
		}
		y = bar.Max.Y + 2*u
		t = appendPow10(p.scratch(), pic.ALo)
		p.text(bar.Min.X, y, t, colInkFaint)
		t = appendPow10(p.scratch(), pic.AHi)
		p.text(bar.Max.X-p.bytesW(t), y, t, colInkFaint)
	}

	// Its notes: why A settles the theorem.
	N := b.notes
	y = N.Min.Y
	for _, line := range [...]string{"lower triangular,", "positive diagonal:", "one w for any labels y"} {
		if y+lh > N.Max.Y || N.Dx() < p.strW(line) {
			return
		}
		p.str(N.Min.X, y, line, colInk)
		y += lh
	}
}

// fitting returns long if it fits in w pixels, else short.
func fitting(p *Painter, w int, long, short string) string {
	if p.strW(long) <= w {
		return long
	}
	return short
}

// appendPow10 appends 10^e as a short number: 3e-05, 0.02, 4.1, 2e+03.
func appendPow10(b []byte, e float64) []byte {
	v := math.Pow(10, e)
	if e < -2 || e >= 3 {
		return strconv.AppendFloat(b, v, 'e', 0, 64)
	}
	return strconv.AppendFloat(b, v, 'g', 2, 64)
}
