package canvas

import (
	"image"
	"math"
	"strconv"

	"genlab/sim"
	"genlab/sim/data"
	"genlab/sim/figure"
)

// The figures that are tables — the paper's Tables 1 and 2 (each regularizer on true and
// on random labels), and for now Theorem 1 — are painted as a table of numbers that fills
// in as trials finish. Table 1 has every regularizer's row from the start, so that a
// student sees what is coming and rows do not jump; its columns are the figure's metrics
// for true labels, then again for random labels, side by side on wide canvases and one
// group below the other on phones. The table is drawn at twice the text's size when it
// fits, to be read from the back of a classroom.

// tableBox is where a figure's table goes, and what its rows and columns are.
type tableBox struct {
	card     image.Rectangle
	at       image.Point // the top-left corner of its text
	scale    int         // the table's own text scale (p.scale while it is painted)
	stacked  bool        // column groups one below the other rather than side by side
	metrics  []string    // the columns of a group, figure.Kind.Metrics
	groups   []string    // the groups' titles: true and random labels; one untitled group else
	rows     []tableRow
	nameHead string // the heading of the column of row names
	nameW    int    // the widths of the columns, in characters
	colW     []int
}

// tableRow is a row of a figure's table: its name, and the key of its cells in each group.
type tableRow struct {
	name string
	keys [2]string
}

// Spacing of a table, in characters: between columns, and before a group.
const (
	tableColGap   = 2
	tableGroupGap = 4
)

func (p *Painter) planTable(t *tableBox, body image.Rectangle, fv *FigureView) {
	u := p.scale
	t.metrics = fv.Kind.Metrics()
	t.rows = t.rows[:0]
	if fv.Kind == figure.Table1 {
		t.groups = append(t.groups[:0], "True labels", "Random labels")
		t.nameHead = "regularizer"
		for _, r := range figure.Regularizers() {
			t.rows = append(t.rows, tableRow{name: r.Name,
				keys: [2]string{r.Key + "/" + data.TrueLabels.String(), r.Key + "/" + data.RandomLabels.String()}})
		}
	} else {
		t.groups = append(t.groups[:0], "")
		t.nameHead = ""
		for _, k := range p.figNow.rows {
			t.rows = append(t.rows, tableRow{name: figure.KeyTitle(fv.Kind, k), keys: [2]string{k}})
		}
	}
	t.nameW = len(t.nameHead)
	for _, r := range t.rows {
		t.nameW = max(t.nameW, len(r.name))
	}
	t.colW = t.colW[:0]
	for _, m := range t.metrics {
		h1, h2 := metricHeading(m)
		t.colW = append(t.colW, max(len(h1), len(h2), metricWidth(m)))
	}

	// The largest text, and side by side if possible, that fits.
	pad := 10 * u
	room := body.Inset(pad)
	type choice struct {
		scale   int
		stacked bool
	}
	chosen := choice{u, len(t.groups) > 1}
	for _, c := range []choice{{2 * u, false}, {2 * u, true}, {u, false}, {u, true}} {
		if c.stacked && len(t.groups) < 2 {
			continue
		}
		t.scale, t.stacked = c.scale, c.stacked
		w, h := t.size(p)
		if w <= room.Dx() && h <= room.Dy() {
			chosen = c
			break
		}
	}
	t.scale, t.stacked = chosen.scale, chosen.stacked
	w, h := t.size(p)
	t.card = image.Rect(body.Min.X, body.Min.Y, body.Max.X, min(body.Max.Y, body.Min.Y+h+2*pad))
	t.at = t.card.Min.Add(image.Point{max(pad, (t.card.Dx()-w)/2), pad}) // centred
	p.scale = u
}

// size returns the table's width and height in pixels at its scale.
func (t *tableBox) size(p *Painter) (w, h int) {
	u := p.scale
	p.scale = t.scale
	defer func() { p.scale = u }()
	chars := t.nameW
	blocks := 1
	if t.stacked {
		chars += tableGroupGap + t.groupW()
		blocks = len(t.groups)
	} else {
		chars += len(t.groups) * (tableGroupGap + t.groupW())
	}
	h = blocks*t.blockH(p) + (blocks-1)*p.lineH() + p.lineH() + 2*t.scale // the note below
	return p.widthOf(chars), h
}

// groupW is the width of a group of columns, in characters.
func (t *tableBox) groupW() int {
	w := 0
	for _, c := range t.colW {
		w += c
	}
	return w + (len(t.colW)-1)*tableColGap
}

func (t *tableBox) titled() bool { return len(t.groups) > 1 }

// Heights at the table's scale (p.scale = t.scale): a row, the headings of a block (the
// group's title, two lines of column headings, the rules), and a block.
func (t *tableBox) rowH(p *Painter) int { return p.lineH() + 2*t.scale }

func (t *tableBox) headH(p *Painter) int {
	h := 2*p.lineH() + 3*t.scale
	if t.titled() {
		h += p.lineH() + 2*t.scale
	}
	return h
}

func (t *tableBox) blockH(p *Painter) int {
	return t.headH(p) + max(1, len(t.rows))*t.rowH(p)
}

// paintTable paints a figure's table: headings, rows (striped), the numbers so far and a
// note saying what the dots and the numbers are.
func (p *Painter) paintTable(t *tableBox, fv *FigureView) {
	u := p.scale
	p.r.card(t.card, 4*u, colCard, colCardEdge, colBackground, image.Rectangle{})
	p.r.setBase(t.card.Inset(1))
	p.scale = t.scale
	s, lh, cw := t.scale, p.lineH(), p.widthOf(1)
	pending, seeds := false, 1
	y := t.at.Y
	blocks, perBlock := 1, len(t.groups)
	if t.stacked {
		blocks, perBlock = len(t.groups), 1
	}
	for b := range blocks {
		y0 := y
		if t.titled() {
			y += lh + 2*s
		}
		p.str(t.at.X, y+lh, t.nameHead, colInkSoft)
		for gi := range perBlock {
			g := b*perBlock + gi
			x := t.at.X + p.widthOf(t.nameW+tableGroupGap+gi*(tableGroupGap+t.groupW()))
			gw := p.widthOf(t.groupW())
			if t.titled() {
				title := t.groups[g]
				p.str(x+(gw-p.strW(title))/2, y0, title, colInk)
				p.r.fill(image.Rect(x, y0+lh-s, x+gw, y0+lh), colAxis)
			}
			right := x
			for m, metric := range t.metrics {
				right += p.widthOf(t.colW[m])
				h1, h2 := metricHeading(metric)
				p.str(right-p.strW(h1), y, h1, colInkSoft)
				p.str(right-p.strW(h2), y+lh, h2, colInkSoft)
				right += p.widthOf(tableColGap)
			}
		}
		y += 2*lh + s
		x1 := t.at.X + p.widthOf(t.nameW+perBlock*(tableGroupGap+t.groupW()))
		p.r.fill(image.Rect(t.at.X, y, x1, y+s), colCardEdge)
		y += 2 * s
		rh := t.rowH(p)
		if len(t.rows) == 0 {
			note := "waiting for the first run"
			if !fv.Kind.Trained() {
				note = "waiting for the first result"
			}
			p.str(t.at.X, y+s, note, colInkSoft)
		}
		for ri := range t.rows {
			row := &t.rows[ri]
			if ri%2 == 1 {
				p.r.fill(image.Rect(t.at.X-cw/2, y, x1+cw/2, y+rh), mix(colBackground, colCard, 0.45))
			}
			ty := y + s
			p.str(t.at.X, ty, row.name, colInk)
			for gi := range perBlock {
				g := b*perBlock + gi
				right := t.at.X + p.widthOf(t.nameW+tableGroupGap+gi*(tableGroupGap+t.groupW()))
				for m, metric := range t.metrics {
					right += p.widthOf(t.colW[m])
					c := findCell(fv.Cells, row.keys[g], metric)
					var txt []byte
					col := colInk
					if c == nil {
						txt, col = append(p.scratch(), notYet...), colInkFaint
						pending = true
					} else {
						txt, col = appendCell(p.scratch(), metric, c.Value)
						seeds = max(seeds, len(c.Seeds))
					}
					p.text(right-p.bytesW(txt), ty, txt, col)
					right += p.widthOf(tableColGap)
				}
			}
			y += rh
		}
		if len(t.rows) == 0 {
			y += rh
		}
		y += lh // between blocks
	}

	// The note: what a dot is, and that numbers are means when there are several seeds.
	note := p.scratch()
	if pending {
		note = append(note, notYet+" not run yet"...)
	}
	if seeds > 1 {
		if len(note) > 0 {
			note = append(note, "   "...)
		}
		note = append(note, "mean over "...)
		note = strconv.AppendInt(note, int64(seeds), 10)
		note = append(note, " seeds"...)
	}
	p.text(t.at.X, y-lh+2*s, note, colInkFaint)
	p.scale = u
	p.r.setBase(p.fig.bounds)
}

// findCell returns the cell of key and metric, nil if it has not come yet.
func findCell(cells []figure.Cell, key, metric string) *figure.Cell {
	for i := range cells {
		if cells[i].Key == key && cells[i].Metric == metric {
			return &cells[i]
		}
	}
	return nil
}

// metricHeading is a metric's column heading, on two lines.
func metricHeading(m string) (string, string) {
	switch m {
	case figure.TrainAcc:
		return "train", "acc"
	case figure.TestAcc:
		return "test", "acc"
	case figure.TestError:
		return "test", "error"
	case figure.StepsToFit:
		return "steps", "to fit"
	case figure.FitEpochs:
		return "epochs", "to fit"
	case figure.Epochs:
		return "epochs", "run"
	case figure.CleanMedianFit:
		return "clean", "fitted at"
	case figure.NoisyMedianFit:
		return "noisy", "fitted at"
	case figure.WeightsOne:
		return "weights", "2n+d"
	case figure.Weights:
		return "weights", "nK+n+d"
	case figure.Cond:
		return "condition", "number"
	case figure.Norm:
		return "", "norm"
	case figure.Interpolates:
		return "exact", "fit"
	}
	return "", m
}

// notYet stands in a table for a number still to come.
const notYet = "..."

// notFitted is what a table says of a time to fit that never came (+Inf).
const notFitted = "not fitted"

// metricWidth is the most characters a metric's value takes (appendCell).
func metricWidth(m string) int {
	switch m {
	case figure.TrainAcc, figure.TestAcc, figure.TestError:
		return len("99.9%")
	case figure.StepsToFit, figure.FitEpochs, figure.CleanMedianFit, figure.NoisyMedianFit:
		return len(notFitted)
	case figure.Epochs:
		return 3
	case figure.Interpolates:
		return len("yes")
	}
	return len("1.2e+07")
}

// appendCell appends a cell's value as its table shows it, and returns the colour to
// write it in: shares as percentages, counts grouped, times to fit that never came as
// "not fitted", and a missing number (NaN) as a dash.
func appendCell(b []byte, m string, v float64) ([]byte, rgb) {
	switch {
	case math.IsNaN(v):
		return append(b, noValue...), colInkFaint
	case math.IsInf(v, 1) && metricWidth(m) == len(notFitted):
		return append(b, notFitted...), colInkSoft
	case !sim.Finite(v):
		return append(b, noValue...), colInkFaint
	}
	switch m {
	case figure.TrainAcc, figure.TestAcc, figure.TestError:
		return appendPct(b, v), colInk
	case figure.FitEpochs:
		return appendFixed(b, v, 1), colInk
	case figure.StepsToFit, figure.Epochs, figure.CleanMedianFit, figure.NoisyMedianFit, figure.Weights, figure.WeightsOne:
		return appendGrouped(b, int(math.Round(v))), colInk
	case figure.Interpolates:
		if v == 1 {
			return append(b, "yes"...), colGood
		}
		return append(b, "no"...), colBad
	}
	switch a := math.Abs(v); {
	case a >= 1e5 || (a < 1e-3 && a > 0):
		return strconv.AppendFloat(b, v, 'e', 1, 64), colInk
	case a >= 100:
		return appendGrouped(b, int(math.Round(v))), colInk
	}
	return strconv.AppendFloat(b, v, 'g', 3, 64), colInk
}
