package canvas

import (
	"image"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"genlab/sim/figure"
)

// A figure of the paper (package sim/figure) fills in as its trials finish, and the canvas
// shows it being made instead of the runs: its title and progress on top, then its
// charts side by side, two to a row (stacked on phones), or, for the figures that are
// tables (Tables 1 and 2, Theorem 1), its table of numbers; Theorem 1 also draws, under its
// table, the network it built (theorem.go). A student sees each trial land as a point, a
// line or a row of numbers, and the figure take the shape of the paper's.

// FigureView is what the canvas shows of a figure being made. Its slices are read, never
// kept beyond a Paint, and never changed.
type FigureView struct {
	Kind  figure.Kind
	Title string // e.g. Kind.Title()
	// Plots are the figure's charts so far (Figure.Plots). A figure without charts (table1,
	// theorem1) is shown as the table of its Cells instead.
	Plots []figure.Plot
	// Cells are the figure's numbers so far (Figure.Cells): the table of a figure
	// without charts. Table 1 shows every regularizer's row from the start, its numbers
	// filling in; other tables get a row per key as its first cell arrives.
	Cells []figure.Cell
	// Pictures are Theorem 1's constructions drawn (Figure.Pictures): the sorted
	// projections, the thresholds between them and the matrix A, for each trial done.
	Pictures    []figure.Picture
	Done, Total int // trials done, and in all
	// State says where the figure stands, in a few words: "training 3 of 6", "paused",
	// "done", "cancelled". It is shown on a pill coloured by its first word: training or
	// computing in blue, done in green, failed or error in red, anything else grey.
	State string
}

// figureShape is what of a figure its layout depends on: everything but the numbers.
// Painting collects it every frame into reused slices and compares it with the shape the
// layout was made for, which allocates nothing; so a figure is laid out again only when
// a chart gains a legend entry (a new series, the first +Inf, the first later seed) or a
// table a row, not when points are added.
type figureShape struct {
	kind  figure.Kind
	title string
	plots []plotShape
	keys  []seriesKey // the legend entries of every plot, plot after plot
	rows  []string    // the keys of a table's rows, in the order they came (not table1's)
}

type plotShape struct {
	title, x, y string
	keys        int  // how many of figureShape.keys are this plot's
	chance      bool // a chance line
	never       bool // points never reached (+Inf), drawn on a lane at the top
	seeds       bool // series of seeds after the first, drawn fainter
}

// seriesKey is a legend entry: the series of one key share a colour and one entry.
type seriesKey struct{ key, label string }

func (s *figureShape) collect(fv *FigureView) {
	s.kind, s.title = fv.Kind, fv.Title
	s.plots, s.keys, s.rows = s.plots[:0], s.keys[:0], s.rows[:0]
	for i := range fv.Plots {
		pl := &fv.Plots[i]
		ps := plotShape{title: pl.Title, x: pl.X, y: pl.Y, chance: pl.Chance > 0}
		first := len(s.keys)
		for j := range pl.Series {
			se := &pl.Series[j]
			if keyIndex(s.keys[first:], se.Key) < 0 {
				s.keys = append(s.keys, seriesKey{se.Key, se.Label})
			}
			ps.seeds = ps.seeds || se.Seed > 0
			for _, pt := range se.Points {
				if math.IsInf(pt.Y, 1) && !math.IsNaN(pt.X) {
					ps.never = true
					break
				}
			}
		}
		ps.keys = len(s.keys) - first
		s.plots = append(s.plots, ps)
	}
	if len(fv.Plots) == 0 && fv.Kind != figure.Table1 {
		for i := range fv.Cells {
			if k := fv.Cells[i].Key; !slices.Contains(s.rows, k) {
				s.rows = append(s.rows, k)
			}
		}
	}
}

func (s *figureShape) equal(o *figureShape) bool {
	return s.kind == o.kind && s.title == o.title && slices.Equal(s.plots, o.plots) &&
		slices.Equal(s.keys, o.keys) && slices.Equal(s.rows, o.rows)
}

func (s *figureShape) copyFrom(o *figureShape) {
	s.kind, s.title = o.kind, o.title
	s.plots = append(s.plots[:0], o.plots...)
	s.keys = append(s.keys[:0], o.keys...)
	s.rows = append(s.rows[:0], o.rows...)
}

// keyIndex returns the index of key among keys, -1 if absent.
func keyIndex(keys []seriesKey, key string) int {
	for i := range keys {
		if keys[i].key == key {
			return i
		}
	}
	return -1
}

// figureLayout is where everything of a figure goes, for one canvas size and figure shape.
// Like the runs' layout, it is computed by relayoutFigure, which may allocate, and only
// read by painting, which must not.
type figureLayout struct {
	bounds     image.Rectangle
	density    float64
	scale      int
	narrow     bool
	shape      figureShape // what it was made for
	title      image.Point
	titleScale int             // the title's text scale: twice the text's when it fits
	progress   image.Rectangle // the state, the bar and the count
	plots      []plotBox
	table      tableBox
	pics       []pictureBox      // Theorem 1's constructions, under its table (theorem.go)
	cards      []image.Rectangle // which the background goes around
}

// stale reports whether the figure layout was made for another size or figure shape.
func (L *figureLayout) stale(b image.Rectangle, density float64, now *figureShape) bool {
	return L.bounds != b || L.density != density || !L.shape.equal(now)
}

func (p *Painter) relayoutFigure(b image.Rectangle, fv *FigureView, density float64) {
	L := &p.fig
	p.layouts++
	L.bounds, L.density = b, density
	L.shape.copyFrom(&p.figNow)
	u := scaleFor(b, density)
	L.narrow = b.Dx() < narrowBelow*u
	if u == max(1, int(math.Round(density))) && float64(b.Dx())/density >= 1200 && float64(b.Dy())/density >= 700 && len(fv.Plots) <= 2 {
		// A figure has far fewer things to show than the runs' cards: from a laptop's
		// screen up, its text is drawn twice as large, to be read across a classroom
		// (once: a big canvas's unit is doubled already). Not with four charts, two
		// rows of them: their plots would be left too short to read.
		u *= 2
	}
	p.scale, L.scale = u, u
	margin, gap := 8*u, 8*u
	if L.narrow {
		margin, gap = 6*u, 6*u
	}
	content := b.Inset(margin)

	// The title, half as large again as the text (twice at the smallest unit), when it
	// fits on one line.
	L.titleScale = u
	if big := u + max(1, u/2); p.widthOf(utf8.RuneCountInString(fv.Title))*big/u <= content.Dx() {
		L.titleScale = big
	}
	L.title = content.Min
	y := content.Min.Y + (p.font.bot-p.font.top)*L.titleScale + 7*u
	L.progress = image.Rect(content.Min.X, y, content.Max.X, y+p.textH())
	body := image.Rect(content.Min.X, L.progress.Max.Y+gap+2*u, content.Max.X, content.Max.Y)

	L.cards = L.cards[:0]
	n := len(fv.Plots)
	if cap(L.plots) < n {
		L.plots = make([]plotBox, n)
	}
	L.plots = L.plots[:n]
	L.pics = L.pics[:0]
	if n == 0 && fv.Kind == figure.Theorem1 {
		// The table on top, as large as fits in two fifths of the height, and the
		// constructions below it.
		top := body
		top.Max.Y = top.Min.Y + body.Dy()*2/5
		p.planTable(&L.table, top, fv)
		L.cards = append(L.cards, L.table.card)
		p.planPictures(L, image.Rect(body.Min.X, L.table.card.Max.Y+gap, body.Max.X, body.Max.Y), gap)
		return
	}
	if n == 0 {
		p.planTable(&L.table, body, fv)
		L.cards = append(L.cards, L.table.card)
		return
	}
	// Side by side, two to a row (the kernel figure's four charts: against p above,
	// against n below), or one above the other on phones held upright, where side by
	// side they would be too narrow to read, if each still gets 200 units of height.
	cols := min(n, 2)
	if L.narrow && body.Dy() >= 200*u*n {
		cols = 1
	}
	rows := (n + cols - 1) / cols
	w, h := (body.Dx()-(cols-1)*gap)/cols, (body.Dy()-(rows-1)*gap)/rows
	first := 0
	for i := range n {
		x, y := body.Min.X+i%cols*(w+gap), body.Min.Y+i/cols*(h+gap)
		r := image.Rect(x, y, x+w, y+h)
		p.planPlot(&L.plots[i], r, first, &L.shape.plots[i])
		first += L.shape.plots[i].keys
		L.cards = append(L.cards, r)
	}
}

// paintFigure paints the figure view over the whole canvas b.
func (p *Painter) paintFigure(b image.Rectangle, fv *FigureView, density float64) {
	p.figNow.collect(fv)
	L := &p.fig
	if L.stale(b, density, &p.figNow) {
		p.relayoutFigure(b, fv, density)
	}
	p.scale = L.scale
	p.r.fillAroundAll(b, colBackground, L.cards)
	p.paintFigureHeader(fv)
	if len(fv.Plots) == 0 {
		p.paintTable(&L.table, fv)
		p.paintPictures(fv)
		return
	}
	for i := range fv.Plots {
		p.paintPlot(&L.plots[i], &fv.Plots[i], &L.shape.plots[i], fv.Kind.Trained())
	}
}

// paintFigureHeader paints the title, and below it the state, a progress bar and the count
// of trials done.
func (p *Painter) paintFigureHeader(fv *FigureView) {
	L := &p.fig
	u, th := p.scale, p.textH()
	p.scale = L.titleScale
	p.str(L.title.X, L.title.Y, fv.Title, colInk)
	p.scale = u

	r := L.progress
	col := stateColor(fv.State)
	x := r.Min.X
	if fv.State != "" {
		w := p.newPen(r, true)
		w.pill(fv.State, col)
		x = w.x + 9*u
	}
	if fv.Total <= 0 {
		return
	}
	b := appendGrouped(p.scratch(), fv.Done)
	b = append(b, " of "...)
	b = appendGrouped(b, fv.Total)
	if fv.Kind.Trained() {
		b = append(b, " runs"...)
	} else {
		b = append(b, " computed"...)
	}
	bw := p.bytesW(b)
	p.text(r.Max.X-bw, r.Min.Y, b, colInkSoft)
	// The bar, between the state and the count, when there is room for one worth reading.
	x1 := r.Max.X - bw - 9*u
	if x1-x < 40*u {
		return
	}
	cy := r.Min.Y + th/2
	track := image.Rect(x, cy-3*u, x1, cy+3*u)
	p.r.card(track, 2*u, colCardEdge, colCardEdge, keep, image.Rectangle{})
	done := min(max(fv.Done, 0), fv.Total)
	if fill := track.Dx() * done / fv.Total; fill > 0 {
		p.r.card(image.Rect(x, track.Min.Y, x+max(fill, 6*u), track.Max.Y), 2*u, col, col, keep, image.Rectangle{})
	}
}

// stateColor is the colour of a figure's state, from its first word.
func stateColor(state string) rgb {
	switch {
	case strings.HasPrefix(state, "training"), strings.HasPrefix(state, "computing"):
		return runColor(0)
	case strings.HasPrefix(state, "done"):
		return colGood
	case strings.HasPrefix(state, "failed"), strings.HasPrefix(state, "error"):
		return colBad
	}
	return colCalm
}
