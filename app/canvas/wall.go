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
	// The grouping, from the images (group).
	k, n     int
	maxCount int     // examples in the largest group
	counts   []int   // examples per group (given label)
	start    []int   // group g's examples are order[start[g]:start[g+1]]
	order    []int32 // examples in wall order
	slot     []int32 // example → its position in order

	// The geometry (plan).
	panel, area image.Rectangle // the dark panel and the part of it that holds tiles
	p, s, gap   int             // tile pitch, tile size, gap between tiles (p = s + gap)
	perRow      int
	mode        int
	labelW      int               // width of the left label column, in labelLeft mode
	showCounts  bool              // whether "fitted/count" fits next to every group's label
	blocks      []image.Rectangle // per group: its block, label included
	tiles       []image.Point     // per group: the top-left corner of its first tile

	// Thumbnails (build): t×t intensities per example, when tiles are big enough for them.
	t      int
	thumbs []uint8
}

// group sorts the examples into the wall's order: by given label, clean before corrupted,
// and by index within each. Labels outside [0, K) are clamped, so that a bad label can only
// misplace a tile, never crash the painter.
func (w *wallLayout) group(im *data.Images, classes int) {
	w.n = 0
	if im != nil {
		w.n = len(im.Labels)
	}
	w.k = max(classes, 1)
	for i := range w.n {
		w.k = max(w.k, im.Labels[i]+1)
	}
	w.k = min(w.k, maxGroups)
	w.counts = resizeInts(w.counts, w.k)
	w.start = resizeInts(w.start, w.k+1)
	clear(w.counts)
	for i := range w.n {
		w.counts[w.labelOf(im, i)]++
	}
	w.start[0], w.maxCount = 0, 0
	for g := range w.k {
		w.start[g+1] = w.start[g] + w.counts[g]
		w.maxCount = max(w.maxCount, w.counts[g])
	}
	w.order = resizeInt32s(w.order, w.n)
	w.slot = resizeInt32s(w.slot, w.n)
	next := resizeInts(nil, w.k)
	for pass := range 2 { // clean first, then corrupted
		for i := range w.n {
			if corrupted(im, i) != (pass == 1) {
				continue
			}
			g := w.labelOf(im, i)
			pos := w.start[g] + next[g]
			next[g]++
			w.order[pos], w.slot[i] = int32(i), int32(pos)
		}
	}
}

func (w *wallLayout) labelOf(im *data.Images, i int) int { return clamp(im.Labels[i], 0, w.k-1) }

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
// around 6×6 pixels of image).
func (w *wallLayout) build(im *data.Images) {
	w.t = 0
	if w.s < 8 || im == nil || im.Side <= 0 {
		return
	}
	w.t = w.s - 2
	t, side := w.t, im.Side
	w.thumbs = resizeBytes(w.thumbs, w.n*t*t)
	wt := boxWeights(side, t)
	row := make([]float64, t*side)
	for i := range w.n {
		dst := w.thumbs[i*t*t : (i+1)*t*t]
		if (i+1)*side*side > len(im.Pixels) {
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
			buf := strconv.AppendInt(p.scratch(), int64(g), 10)
			x := p.text(b.Min.X, b.Min.Y+u, buf, colWallLabel)
			buf = append(buf[:0], ' ')
			buf = strconv.AppendInt(buf, int64(fitted), 10)
			buf = append(buf, '/')
			buf = strconv.AppendInt(buf, int64(w.counts[g]), 10)
			if w.showCounts {
				p.text(x, b.Min.Y+u, buf, colWallSoft)
			}
		case labelLeft:
			buf := strconv.AppendInt(p.scratch(), int64(g), 10)
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
		p.r.blit(x+1, y+1, w.t, w.thumbs[i*w.t*w.t:(i+1)*w.t*w.t], lut)
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
