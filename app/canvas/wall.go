package canvas

import (
	"image"
	"math"
	"strconv"

	"genlab/sim"
	"genlab/sim/data"
)

// The memory wall shows every training image as a tile, grouped in blocks by the label the
// network is trained on. A tile lights up (bright thumbnail, amber frame) while the network
// fits its example, that is predicts its given label. Within a block the examples whose label
// is right come first and the corrupted ones (given label ≠ true class) last, each marked with
// a pink corner: with partially corrupted labels a student sees the clean part of every block
// light up early, class by class, and the corrupted tail light up late and one by one (Arpit et
// al. 2017); with random labels the whole wall fills in slowly, but it does fill.

// Label placements of a wall's groups, by preference.
const (
	labelAbove = iota // a line above each block: its class and fitted count
	labelLeft         // the class only, in a column left of each block
	labelNone         // no room: blocks separated by gaps only
)

// maxGroups bounds the groups of a wall: labels beyond it (nonsense: K is at most 10) share
// the last group rather than costing memory.
const maxGroups = 256

// wallLayout is one run's wall: the order of its tiles and where they are.
type wallLayout struct {
	// The grouping, from the images (group). A zoomed wall (only ≥ 0) holds the examples
	// given label only, as its one group; first is the label of group 0 (only, or 0).
	only, first int
	k, n        int
	side        int     // of the images, in pixels (0 without images): a zoomed wall's smallest tile
	maxCount    int     // examples in the largest group
	counts      []int   // examples per group (given label)
	start       []int   // group g's examples are order[start[g]:start[g+1]]
	order       []int32 // examples in wall order
	slot        []int32 // example → its position in order

	// The geometry (plan).
	panel, area image.Rectangle // the dark panel and the part of it that holds tiles
	p, s, gap   int             // tile pitch, tile size, gap between tiles (p = s + gap)
	perRow      int
	mode        int
	labelW      int               // width of the left label column, in labelLeft mode
	showCounts  bool              // whether "fitted/count" fits next to every group's label
	shown       int               // on a zoomed wall, its tiles that the panel does not cut off
	blocks      []image.Rectangle // per group: its block, label included
	tiles       []image.Point     // per group: the top-left corner of its first tile

	// Thumbnails (build): t×t intensities per example, when tiles are big enough for them,
	// drawn off pixels inside the tile's corner (1 on the ordinary wall; on a zoomed wall,
	// where t is a whole multiple of the image's side, what centres it).
	t, off int
	thumbs []uint8
}

// group sorts the examples into the wall's order: by given label, clean before corrupted,
// and by index within each. Labels outside [0, K) are clamped, so that a bad label can only
// misplace a tile, never crash the painter. With only ≥ 0 the wall is zoomed on one label:
// its examples make the one group (only is clamped to the labels there are), and the
// others have no tile.
func (w *wallLayout) group(im *data.Images, classes, only int) {
	w.n, w.side = 0, 0
	if im != nil {
		w.n, w.side = len(im.Labels), im.Side
	}
	w.k = max(classes, 1)
	for i := range w.n {
		w.k = max(w.k, im.Labels[i]+1)
	}
	w.k = min(w.k, maxGroups)
	w.only, w.first = -1, 0
	if only >= 0 {
		w.only = min(only, w.k-1)
		w.first = w.only
	}
	groups := w.k
	if w.only >= 0 {
		w.k = 1
	}
	w.counts = resizeInts(w.counts, w.k)
	w.start = resizeInts(w.start, w.k+1)
	clear(w.counts)
	for i := range w.n {
		if g := w.groupOf(im, i, groups); g >= 0 {
			w.counts[g]++
		}
	}
	w.start[0], w.maxCount = 0, 0
	for g := range w.k {
		w.start[g+1] = w.start[g] + w.counts[g]
		w.maxCount = max(w.maxCount, w.counts[g])
	}
	w.order = resizeInt32s(w.order, w.start[w.k])
	w.slot = resizeInt32s(w.slot, w.n)
	next := resizeInts(nil, w.k)
	for pass := range 2 { // clean first, then corrupted
		for i := range w.n {
			if corrupted(im, i) != (pass == 1) {
				continue
			}
			g := w.groupOf(im, i, groups)
			if g < 0 {
				w.slot[i] = -1
				continue
			}
			pos := w.start[g] + next[g]
			next[g]++
			w.order[pos], w.slot[i] = int32(i), int32(pos)
		}
	}
}

// groupOf returns example i's group, -1 when a zoomed wall has no tile for it; groups is
// the number of labels.
func (w *wallLayout) groupOf(im *data.Images, i, groups int) int {
	g := clamp(im.Labels[i], 0, groups-1)
	switch {
	case w.only < 0:
		return g
	case g == w.only:
		return 0
	}
	return -1
}

func corrupted(im *data.Images, i int) bool {
	return im != nil && i < len(im.True) && i < len(im.Labels) && im.Labels[i] != im.True[i]
}

// tileRect returns where the k-th tile of group g lies.
func (w *wallLayout) tileRect(g, k int) image.Rectangle {
	o := w.tiles[g]
	x, y := o.X+k%w.perRow*w.p, o.Y+k/w.perRow*w.p
	return image.Rect(x, y, x+w.s, y+w.s)
}

// rectOf returns where example i's tile lies (empty if it has none).
func (w *wallLayout) rectOf(i int) image.Rectangle {
	if w.perRow == 0 || i < 0 || i >= w.n {
		return image.Rectangle{}
	}
	pos := int(w.slot[i])
	if pos < 0 {
		return image.Rectangle{} // not on this zoomed wall
	}
	for g := range w.k {
		if pos < w.start[g+1] {
			return w.tileRect(g, pos-w.start[g])
		}
	}
	return image.Rectangle{}
}

// at returns the example whose tile holds pt.
func (w *wallLayout) at(pt image.Point) (int, bool) {
	if w.perRow == 0 || !pt.In(w.area) {
		return 0, false
	}
	for g := range w.k {
		o := w.tiles[g]
		dx, dy := pt.X-o.X, pt.Y-o.Y
		if dx < 0 || dy < 0 || dx%w.p >= w.s || dy%w.p >= w.s {
			continue
		}
		col, row := dx/w.p, dy/w.p
		if col >= w.perRow {
			continue
		}
		if k := row*w.perRow + col; k < w.counts[g] {
			if !w.tileRect(g, k).In(w.area) {
				return 0, false // a tile cut off by the panel is not shown
			}
			return int(w.order[w.start[g]+k]), true
		}
	}
	return 0, false
}

// build makes the thumbnails, when tiles are big enough to hold one (8 px: a 1 px frame
// around 6×6 pixels of image). A zoomed wall draws every pixel of an image as a square
// block of whole pixels (t a multiple of the side, when the tile holds one), so that a
// student sees exactly the grey levels the network is given, not a blur of them; the
// box filter below, at a whole scale, repeats each pixel.
func (w *wallLayout) build(im *data.Images) {
	w.t, w.off = 0, 1
	if w.s < 8 || im == nil || im.Side <= 0 {
		return
	}
	w.t = w.s - 2
	if b := w.t / im.Side; w.only >= 0 && b >= 1 {
		w.t = b * im.Side
		w.off = (w.s - w.t) / 2
	}
	t, side := w.t, im.Side
	w.thumbs = resizeBytes(w.thumbs, w.n*t*t)
	wt := boxWeights(side, t)
	row := make([]float64, t*side)
	for i := range w.n {
		dst := w.thumbs[i*t*t : (i+1)*t*t]
		if (i+1)*side*side > len(im.Pixels) || w.slot[i] < 0 {
			clear(dst)
			continue
		}
		src := im.At(i)
		// Separable box filter: rows first (side → t columns), then columns.
		for y := range side {
			for ox := range t {
				s := 0.0
				for x := range side {
					s += wt[ox*side+x] * float64(src[y*side+x])
				}
				row[ox*side+y] = s
			}
		}
		for oy := range t {
			for ox := range t {
				s := 0.0
				for y := range side {
					s += wt[oy*side+y] * row[ox*side+y]
				}
				dst[oy*t+ox] = uint8(clamp01(s)*255 + 0.5)
			}
		}
	}
}

// boxWeights returns the t×n matrix that averages n samples into t: output o covers the
// input interval [o·n/t, (o+1)·n/t), each input weighted by its overlap (an area filter
// when shrinking, a linear-ish blend when enlarging).
func boxWeights(n, t int) []float64 {
	w := make([]float64, t*n)
	scale := float64(n) / float64(t)
	for o := range t {
		lo, hi := float64(o)*scale, float64(o+1)*scale
		for i := range n {
			if ov := math.Min(hi, float64(i+1)) - math.Max(lo, float64(i)); ov > 0 {
				w[o*n+i] = ov / scale
			}
		}
	}
	return w
}

// paintWall paints run's wall: panel, group labels and tiles.
func (p *Painter) paintWall(w *wallLayout, run *Card) {
	u := p.scale
	p.r.card(w.panel, 4*u, colWall, colWall, colCard, image.Rectangle{})
	if w.n == 0 {
		p.str(w.area.Min.X+2*u, w.area.Min.Y+2*u, "no training images", colWallSoft)
		return
	}
	if w.perRow == 0 {
		return
	}
	p.r.setClip(w.panel)
	im, snap := run.Images, run.Snap
	for g := range w.k {
		b := w.blocks[g]
		fitted := 0
		for k := range w.counts[g] {
			if w.only >= 0 && k >= w.shown {
				break // cut off by the panel: not even a sliver of it is drawn
			}
			i := int(w.order[w.start[g]+k])
			lit := snapFitted(snap, i)
			if lit {
				fitted++
			}
			r := w.tileRect(g, k)
			p.paintTile(w, r.Min.X, r.Min.Y, i, lit, corrupted(im, i))
		}
		// The group's label: its class, and how much of it is fitted.
		switch w.mode {
		case labelAbove:
			buf := strconv.AppendInt(p.scratch(), int64(w.first+g), 10)
			x := p.text(b.Min.X, b.Min.Y+u, buf, colWallLabel)
			buf = append(buf[:0], ' ')
			buf = strconv.AppendInt(buf, int64(fitted), 10)
			buf = append(buf, '/')
			buf = strconv.AppendInt(buf, int64(w.counts[g]), 10)
			if w.only >= 0 && w.shown < w.counts[g] {
				buf = append(buf, ", first "...)
				buf = strconv.AppendInt(buf, int64(w.shown), 10)
				buf = append(buf, " shown"...)
			}
			if w.showCounts {
				p.text(x, b.Min.Y+u, buf, colWallSoft)
			}
		case labelLeft:
			buf := strconv.AppendInt(p.scratch(), int64(w.first+g), 10)
			p.text(b.Min.X, b.Min.Y, buf, colWallLabel)
		}
	}
	p.r.resetClip()
}

// paintTile paints example i's tile at (x, y). Fitted and unfitted tiles differ in three
// ways, so that no one has to rely on colour: brightness, and shape (a fitted tile is
// framed or solid, an unfitted one unframed or hollow). A corrupted label adds a corner
// triangle.
func (p *Painter) paintTile(w *wallLayout, x, y, i int, lit, corrupt bool) {
	s := w.s
	switch {
	case w.t > 0:
		if lit {
			p.r.frame(image.Rect(x, y, x+s, y+s), 1, colLitFrame)
		}
		lut := &p.dimLUT
		if lit {
			lut = &p.litLUT
		}
		p.r.blit(x+w.off, y+w.off, w.t, w.thumbs[i*w.t*w.t:(i+1)*w.t*w.t], lut)
	case s >= 4:
		if lit {
			p.r.fill(image.Rect(x, y, x+s, y+s), colLitFrame)
		} else {
			p.r.frame(image.Rect(x, y, x+s, y+s), 1, colDimSmall)
		}
	case lit:
		p.r.fill(image.Rect(x, y, x+s, y+s), colLitFrame)
	default:
		p.r.set(x, y, colDimSmall)
	}
	if corrupt {
		m := 1
		switch {
		case w.t > 0:
			m = max(3, s*2/5)
		case s >= 5:
			m = s / 2
		}
		p.r.corner(x+s-1, y, m, colCorrupt)
	}
}

// wallFitted counts the fitted examples of a run.
func wallFitted(s *sim.Snapshot, n int) int {
	if s == nil {
		return 0
	}
	c := 0
	for _, f := range s.Fitted[:min(n, len(s.Fitted))] {
		if f {
			c++
		}
	}
	return c
}

func resizeInts(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

func resizeInt32s(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

func resizeBytes(s []uint8, n int) []uint8 {
	if cap(s) < n {
		return make([]uint8, n)
	}
	return s[:n]
}

func resizeRects(s []image.Rectangle, n int) []image.Rectangle {
	if cap(s) < n {
		return make([]image.Rectangle, n)
	}
	return s[:n]
}

func resizePoints(s []image.Point, n int) []image.Point {
	if cap(s) < n {
		return make([]image.Point, n)
	}
	return s[:n]
}
