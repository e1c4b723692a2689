package canvas

import "image"

// pen lays out a flow of items (words, numbers, small icons with a caption) left to right,
// wrapping to a new line when the next item does not fit. The same code measures (draw
// false), at layout time with the widest values an item can take, how many lines a block
// of text needs, and then paints it each frame (draw true) within those lines.
type pen struct {
	p        *Painter
	x0, maxX int
	x, y     int
	lines    int
	draw     bool
}

func (p *Painter) newPen(r image.Rectangle, draw bool) pen {
	return pen{p: p, x0: r.Min.X, maxX: r.Max.X, x: r.Min.X, y: r.Min.Y, draw: draw}
}

// place reserves width w for the next item and returns where it goes.
func (w *pen) place(width int) (x, y int) {
	gap := 9 * w.p.scale
	switch {
	case w.lines == 0:
		w.lines = 1
	case w.x > w.x0 && w.x+gap+width > w.maxX:
		w.newline()
		w.lines++
	case w.x > w.x0:
		w.x += gap
	}
	x, y = w.x, w.y
	w.x += width
	return x, y
}

func (w *pen) newline() {
	w.x = w.x0
	w.y += w.p.lineH()
}

// br starts a new line for the next item.
func (w *pen) br() {
	if w.lines > 0 && w.x > w.x0 {
		w.newline()
		w.lines++
	}
}

func (w *pen) str(s string, c rgb) {
	x, y := w.place(w.p.strW(s))
	if w.draw {
		w.p.str(x, y, s, c)
	}
}

func (w *pen) text(b []byte, c rgb) {
	x, y := w.place(w.p.bytesW(b))
	if w.draw {
		w.p.text(x, y, b, c)
	}
}

// icon places a small picture in colour c followed by a caption; iconText chooses the
// caption's colour.
func (w *pen) icon(kind iconKind, c rgb, s string) { w.iconText(kind, c, s, colInkSoft) }

func (w *pen) iconText(kind iconKind, c rgb, s string, tc rgb) {
	iw := w.p.iconW(kind)
	x, y := w.place(iw + w.p.scale*4 + w.p.strW(s))
	if w.draw {
		w.p.paintIcon(kind, x, y, c)
		w.p.str(x+iw+w.p.scale*4, y, s, tc)
	}
}

// pill places a word on a rounded tint of its colour: a state that should catch the eye.
func (w *pen) pill(s string, c rgb) {
	u := w.p.scale
	x, y := w.place(w.p.strW(s) + 8*u)
	if w.draw {
		r := image.Rect(x, y-2*u, x+w.p.strW(s)+8*u, y+w.p.textH()+2*u)
		w.p.r.card(r, 3*u, mix(c, 0xffffff, 0.86), mix(c, 0xffffff, 0.6), keep, image.Rectangle{})
		w.p.str(x+4*u, y, s, c)
	}
}
