package canvas

import (
	"image"
	"strconv"
)

// Hovering a tile asks the wall about one example: the label it is trained on, the class it
// was drawn from (different when its label was corrupted), what the network predicts now, and
// when it was first fitted, next to the image itself, enlarged. Comparing a clean example with
// a corrupted one of the same block shows what memorization means: the network answers the
// given label for an image that plainly shows another class.

const tooltipLines = 5

// tooltipLine formats line k of example i's tooltip into b, with its colour.
func (p *Painter) tooltipLine(b []byte, k int, run *Card, i int) ([]byte, rgb) {
	im, snap := run.Images, run.Snap
	switch k {
	case 0:
		b = append(b, "training example #"...)
		return appendGrouped(b, i), colInk
	case 1:
		b = append(b, "given label:  "...)
		return strconv.AppendInt(b, int64(im.Labels[i]), 10), colInkSoft
	case 2:
		b = append(b, "true class:   "...)
		if i >= len(im.True) {
			return append(b, noValue...), colInkSoft
		}
		b = strconv.AppendInt(b, int64(im.True[i]), 10)
		if corrupted(im, i) {
			return append(b, " (label corrupted)"...), 0xc2185b
		}
		return b, colInkSoft
	case 3:
		b = append(b, "predicted:    "...)
		if c, ok := snapPred(snap, i); ok && snap.Epoch > 0 {
			return strconv.AppendInt(b, int64(c), 10), colInkSoft
		}
		return append(b, noValue...), colInkSoft
	}
	first, now := snapFirstFit(snap, i), snapFitted(snap, i)
	switch {
	case first > 0:
		b = append(b, "first fitted at epoch "...)
		b = strconv.AppendInt(b, int64(first), 10)
		if !now {
			return append(b, ", since lost"...), colInkSoft
		}
		return b, colGood
	case now:
		return append(b, "fitted"...), colGood
	}
	return append(b, "not fitted yet"...), colInkSoft
}

// paintTooltip marks example i's tile in run ri's wall and paints its tooltip beside it.
func (p *Painter) paintTooltip(ri int, run *Card, i int) {
	im := run.Images
	if im == nil || i >= len(im.Labels) {
		return
	}
	u, lh := p.scale, p.lineH()
	tile := p.lay.runs[ri].wall.rectOf(i)
	p.r.frame(tile.Inset(-2), 1, colShadow)
	p.r.frame(tile.Inset(-1), 1, colHover)

	side := im.Side
	zoom := 0
	if side > 0 && (i+1)*side*side <= len(im.Pixels) {
		zoom = max(1, 64*u/side)
	}
	thumb := side * zoom
	textW := 0
	for k := range tooltipLines {
		b, _ := p.tooltipLine(p.scratch(), k, run, i)
		textW = max(textW, p.bytesW(b))
	}
	pad := 7 * u
	w := pad + thumb + textW + pad
	if thumb > 0 {
		w += 8 * u
	}
	h := pad + max(thumb, tooltipLines*lh-4*u) + pad
	bounds := p.lay.bounds
	x := tile.Max.X + 10*u
	if x+w > bounds.Max.X {
		x = tile.Min.X - 10*u - w
	}
	x = clamp(x, bounds.Min.X, bounds.Max.X-w)
	y := clamp(tile.Min.Y-pad, bounds.Min.Y, bounds.Max.Y-h)
	box := image.Rect(x, y, x+w, y+h)
	p.r.shade(box.Add(image.Pt(3*u, 3*u)), colShadow, 40)
	p.r.card(box, 4*u, colCard, colAxis, keep, image.Rectangle{})

	tx := x + pad
	if thumb > 0 {
		img := im.At(i)
		ty := y + pad
		for j := range side {
			for k := range side {
				c := mix(0x10141c, 0xffffff, float64(img[j*side+k]))
				p.r.fill(image.Rect(tx+k*zoom, ty+j*zoom, tx+(k+1)*zoom, ty+(j+1)*zoom), c)
			}
		}
		if corrupted(im, i) {
			p.r.corner(tx+thumb-1, ty, thumb/4, colCorrupt)
		}
		tx += thumb + 8*u
	}
	for k := range tooltipLines {
		b, c := p.tooltipLine(p.scratch(), k, run, i)
		p.text(tx, y+pad+k*lh, b, c)
	}
}
