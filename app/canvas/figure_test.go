package canvas

import (
	"image"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"genlab/sim"
	"genlab/sim/figure"
)

// Fake figures for the tests: figure.New lays them out on the default settings, and
// fakeResult makes up, for each trial, numbers shaped like the paper's (harder settings
// fit later and test worse), so that no network is trained.

// hardness says how hard a trial's labels are to fit, 0 (true labels) to 1 (random).
func hardness(t figure.Trial) float64 {
	switch {
	case t.Key == "inputs=random":
		return 0.55
	case t.Key == "inputs=gaussian":
		return 0.45
	case t.Key == "inputs=shuffled":
		return 0.08
	case strings.HasSuffix(t.Key, "random"):
		return 1
	}
	return t.P
}

// fakeResult makes up trial i's result. Trials whose key is in never are never fitted.
func fakeResult(f *figure.Figure, i int, never ...string) figure.Result {
	t := f.Trials[i]
	seed := float64(t.Config.Seed - f.Trials[0].Config.Seed)
	h := hardness(t)
	if !f.Kind.Trained() {
		v := map[string]float64{figure.TrainAcc: 1, figure.TestAcc: 0.82 - 0.72*h,
			figure.Weights: 1500*testK + 1500 + 144, figure.WeightsOne: 2*1500 + 144, figure.Cond: 3.2e4 * (1 + h), figure.Interpolates: 1}
		v[figure.Norm] = 40 + 180*h*h + 15*seed // no test error: the charts derive it, as from sim/theory
		if t.Kernel == "rbf" {
			v[figure.TestAcc] += 0.05 * (1 - h)
			v[figure.Norm] *= 0.6
		}
		r := figure.Result{Values: v}
		if f.Kind == figure.Theorem1 {
			pic := fakePicture(1500, t.Key == "labels=random")
			r.Picture = &pic
		}
		return r
	}
	const stepsPerEpoch = 47
	fit := 7 + 15*h + 0.8*seed
	if strings.HasPrefix(t.Key, "wd") || strings.HasPrefix(t.Key, "dropout") {
		fit *= 1.6
	}
	fitted := true
	for _, k := range never {
		fitted = fitted && k != t.Key
	}
	epochs := min(60, int(math.Ceil(fit))+2)
	if !fitted {
		epochs = 60
	}
	var r figure.Result
	for e := 1; e <= epochs; e++ {
		acc := math.Min(1, 0.1+0.9*math.Pow(float64(e)/fit, 1.4))
		if !fitted {
			acc = math.Min(0.97, 0.1+0.6*float64(e)/60)
		}
		r.History = append(r.History, sim.Epoch{Epoch: e, Steps: e * stepsPerEpoch,
			TrainAcc: acc, TrainLoss: 2.3*(1-acc) + 0.02, TestAcc: 0.85 - 0.75*h})
	}
	s := sim.Summary{Epochs: epochs, Steps: epochs * stepsPerEpoch, TrainAcc: r.History[epochs-1].TrainAcc,
		TestAcc: 0.86 - 0.76*h - 0.012*seed}
	if fitted {
		steps, fe := int(math.Round(fit*stepsPerEpoch)), math.Round(fit*8)/8
		s.StepsToFit, s.FitEpochs = &steps, &fe
	}
	r.Summary = s
	if f.Kind == figure.Memorization {
		n := 400
		r.FirstFit, r.Noisy, r.Classes = make([]int32, n), make([]bool, n), make([]int, n)
		for j := range n {
			r.Classes[j] = j % 10
			r.Noisy[j] = j/10%5 < 2      // p = 0.4, in every class
			first := 1 + j%10/2 + j/10%3 // class by class
			if r.Noisy[j] {
				first = 5 + j%7 + j/100
			}
			r.FirstFit[j] = int32(min(first, epochs))
		}
	}
	return r
}

// fakePicture is the picture of a Theorem 1 construction on n points (figure.Picture),
// made up without sim/theory (whose gonum the canvas must not link): Gaussian projections,
// sorted, thresholds half-way between them, and labels drawn at random, which is what true
// labels look like too along a random direction (another draw for each key).
func fakePicture(n int, random bool) figure.Picture {
	stream := uint64(1)
	if random {
		stream = 2
	}
	rng := rand.New(rand.NewPCG(uint64(n), stream))
	zs, b, labels := make([]float64, n), make([]float64, n), make([]int, n)
	for i := range zs {
		zs[i] = 3 * rng.NormFloat64()
	}
	slices.Sort(zs)
	b[0] = zs[0] - (zs[n-1]-zs[0])/float64(2*n)
	for i := range labels {
		if i > 0 {
			b[i] = (zs[i-1] + zs[i]) / 2
		}
		labels[i] = rng.IntN(testK)
	}
	return figure.NewPicture(zs, b, labels, testK)
}

// fakeFigure lays figure k out with o and sets the results of the trials done.
func fakeFigure(t testing.TB, k figure.Kind, o figure.Options, done []int, never ...string) *figure.Figure {
	t.Helper()
	base := sim.Default()
	base.Classes = testK // chance at 10%, whatever the defaults become
	f, err := figure.New(k, base, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range done {
		f.Set(i, fakeResult(f, i, never...))
	}
	return f
}

// upTo returns 0, 1, …, n−1: the first n trials done.
func upTo(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// figureScene is the scene of figure f, state as the page would word it.
func figureScene(f *figure.Figure, state string) *Scene {
	return &Scene{HoverX: -1, HoverY: -1, Figure: &FigureView{
		Kind: f.Kind, Title: f.Kind.Title(), Plots: f.Plots(), Cells: f.Cells(), Pictures: f.Pictures(),
		Done: f.Done(), Total: len(f.Trials), State: state,
	}}
}

// figureSizes are the canvases a figure is checked on: a laptop, a phone held upright
// (375×640 CSS pixels at 2 device pixels each), and a big screen.
var figureSizes = []struct {
	name    string
	w, h    int
	density float64
}{
	{"1280x720", 1280, 720, 1},
	{"phone-750x1280-density2", 750, 1280, 2},
	{"2560x1440", 2560, 1440, 1},
}

func paintAt(sc *Scene, w, h int, density float64) (*Painter, *image.RGBA) {
	sc.Density = density
	return paint(sc, w, h)
}

// TestFigurePlots paints each kind of figure with charts, part done: every chart has its
// axes and its points, a legend entry per key in the key's colour, and the charts lie side
// by side on a laptop and one above the other on a phone.
func TestFigurePlots(t *testing.T) {
	tests := []struct {
		kind figure.Kind
		o    figure.Options
		done []int
		keys []int // legend entries (keys) of each chart
	}{
		{figure.Randomizations, figure.Options{}, []int{0, 1, 3}, []int{5, 5}},
		{figure.Sweep, figure.Options{Seeds: 2}, upTo(8), []int{1, 1}},
		// The levels, and the linear kernel on true labels at every smaller n.
		{figure.Kernel, figure.Options{Levels: 3}, upTo(10), []int{2, 2, 4, 4}},
		{figure.Memorization, figure.Options{}, upTo(1), []int{2, 10}},
	}
	for _, tt := range tests {
		for _, sz := range figureSizes {
			t.Run(tt.kind.String()+"-"+sz.name, func(t *testing.T) {
				f := fakeFigure(t, tt.kind, tt.o, tt.done)
				sc := figureScene(f, "training")
				p, img := paintAt(sc, sz.w, sz.h, sz.density)
				if len(p.fig.plots) != len(tt.keys) {
					t.Fatalf("%d charts laid out, want %d", len(p.fig.plots), len(tt.keys))
				}
				a, b := p.fig.plots[0].card, p.fig.plots[1].card
				narrow := sz.w < narrowBelow*int(sz.density)
				switch len(tt.keys) {
				case 2:
					if narrow != (a.Max.Y <= b.Min.Y) || !narrow != (a.Max.X <= b.Min.X) {
						t.Errorf("charts at %v and %v: want side by side on wide canvases, stacked on narrow ones", a, b)
					}
				case 4: // two rows of two, too short on a phone to stack four
					c, d := p.fig.plots[2].card, p.fig.plots[3].card
					if a.Max.X > b.Min.X || c.Max.X > d.Min.X || a.Max.Y > c.Min.Y || a.Min.Y != b.Min.Y || a.Min.X != c.Min.X {
						t.Errorf("charts at %v, %v, %v, %v: want two rows of two", a, b, c, d)
					}
				}
				for i := range p.fig.plots {
					c := &p.fig.plots[i]
					if !c.card.In(img.Rect) {
						t.Errorf("chart %d at %v, outside the canvas", i, c.card)
					}
					if got := p.fig.shape.plots[i].keys; got != tt.keys[i] {
						t.Errorf("chart %d: %d legend entries, want %d", i, got, tt.keys[i])
					}
					for k := range min(tt.keys[i], seriesColors) {
						if countColor(img, c.legend, seriesColor(k)) == 0 {
							t.Errorf("chart %d: no %06x in the legend for key %d", i, seriesColor(k), k)
						}
					}
					if _, v := lumaStats(img, c.plot); v < 20 {
						t.Errorf("chart %d: plot %v blank (luma variance %.1f)", i, c.plot, v)
					}
					// The first key's line (every figure here has points of key 0).
					if n := countColor(img, c.plot, seriesColor(0)); n < 20*int(sz.density) {
						t.Errorf("chart %d: %d pixels of the first series' colour in the plot", i, n)
					}
				}
				if _, _, ok := p.TileAt(a.Min.X+20, a.Min.Y+40); ok {
					t.Error("TileAt found a tile on a figure")
				}
			})
		}
	}
}

// A series of seed 0 is drawn in its key's colour; later seeds' in a fainter one.
func TestLaterSeedsFainter(t *testing.T) {
	f := fakeFigure(t, figure.Sweep, figure.Options{Seeds: 2, Levels: 3}, []int{3, 4, 5}) // seed 2 alone
	p, img := paint(figureScene(f, "training"), 1280, 720)
	pl := p.fig.plots[1].plot
	if n := countColor(img, pl, seriesColor(0)); n != 0 {
		t.Errorf("%d pixels in the first seed's colour, with only the second seed done", n)
	}
	if n := countColor(img, pl, fainter(seriesColor(0))); n < 20 {
		t.Errorf("%d pixels in the fainter colour of later seeds", n)
	}
	if !p.fig.shape.plots[1].seeds {
		t.Error("no legend entry for later seeds")
	}
}

// The chance line is dotted at its level: test error 90% on the sweep's second chart.
func TestFigureChanceLine(t *testing.T) {
	for _, sz := range figureSizes {
		f := fakeFigure(t, figure.Sweep, figure.Options{}, upTo(3))
		p, img := paintAt(figureScene(f, "training"), sz.w, sz.h, sz.density)
		pl := p.fig.plots[1].plot // 0% at its bottom row, 100% at its top one
		want := int(math.Round(float64(pl.Max.Y-1) - 0.9*float64(pl.Dy()-1)))
		best, bestY := 0, 0
		for y := pl.Min.Y; y < pl.Max.Y; y++ {
			if n := countColor(img, image.Rect(pl.Min.X, y, pl.Max.X, y+1), colChance); n > best {
				best, bestY = n, y
			}
		}
		if bestY != want || best < pl.Dx()*4/10 || best > pl.Dx()*6/10 {
			t.Errorf("%s: densest row of chance pixels y=%d (%d of %d, dotted: about half), want y=%d", sz.name, bestY, best, pl.Dx(), want)
		}
		// The first chart has no chance line.
		fit := p.fig.plots[0].plot
		for y := fit.Min.Y; y < fit.Max.Y; y++ {
			if n := countColor(img, image.Rect(fit.Min.X, y, fit.Max.X, y+1), colChance); n > fit.Dx()/4 {
				t.Errorf("%s: a chance line at y=%d on the chart of time to fit", sz.name, y)
			}
		}
	}
}

// The kernel figure's charts against n mark n = d with a dotted vertical line, at d on
// their x axis (0 to a round number past the largest n); the charts against p have none.
func TestFigureMarkLine(t *testing.T) {
	for _, sz := range figureSizes {
		f := fakeFigure(t, figure.Kernel, figure.Options{}, upTo(28))
		p, img := paintAt(figureScene(f, "done"), sz.w, sz.h, sz.density)
		for i, c := range p.fig.plots {
			pl := c.plot
			want := -1
			if i >= 2 {
				want = int(math.Round(float64(pl.Min.X) + 144/niceUp(1500)*float64(pl.Dx()-1)))
			}
			best, bestX := 0, -1
			for x := pl.Min.X; x < pl.Max.X; x++ {
				if n := countColor(img, image.Rect(x, pl.Min.Y, x+1, pl.Max.Y), colChance); n > best {
					best, bestX = n, x
				}
			}
			if want < 0 && best > pl.Dy()/4 || want >= 0 && (bestX != want || best < pl.Dy()*3/10 || best > pl.Dy()*6/10) {
				t.Errorf("%s, chart %d: densest column of dotted pixels x=%d (%d of %d), want x=%d (-1: none)", sz.name, i, bestX, best, pl.Dy(), want)
			}
		}
	}
}

// A time to fit that never came (+Inf) is a triangle on a lane above the axis, joined to
// the line by dots, and the legend says so; a chart without one has no lane.
func TestNeverReachedOnTop(t *testing.T) {
	for _, sz := range figureSizes {
		f := fakeFigure(t, figure.Sweep, figure.Options{}, upTo(6), "p=1")
		p, img := paintAt(figureScene(f, "done"), sz.w, sz.h, sz.density)
		u := p.scale
		c := &p.fig.plots[0]
		if !p.fig.shape.plots[0].never || p.fig.shape.plots[1].never {
			t.Errorf("%s: never reached in the legends of charts 0, 1: %v, %v; want true, false", sz.name,
				p.fig.shape.plots[0].never, p.fig.shape.plots[1].never)
		}
		lane := image.Rect(c.plot.Min.X, c.plot.Min.Y, c.plot.Max.X+3*u, c.plot.Min.Y+p.lineH())
		laneFill := mix(colGrid, colCard, 0.4)
		if n := countColor(img, lane, laneFill); n < lane.Dx()*lane.Dy()/2 {
			t.Errorf("%s: lane %v has %d pixels of its colour", sz.name, lane, n)
		}
		// The triangle: the series' colour at p = 1 (the right end), inside the lane.
		tri := image.Rect(c.plot.Max.X-6*u, lane.Min.Y, c.plot.Max.X+3*u, lane.Max.Y)
		if n := countColor(img, tri, seriesColor(0)); n < 10*u*u {
			t.Errorf("%s: %d pixels of the series' colour at p = 1 on the lane %v", sz.name, n, tri)
		}
		// The finite points stay below the lane: at p = 0 the line starts in the plot.
		left := image.Rect(c.plot.Min.X-3*u, lane.Min.Y, c.plot.Min.X+4*u, lane.Max.Y)
		if n := countColor(img, left, seriesColor(0)); n != 0 {
			t.Errorf("%s: %d pixels of the series at p = 0 on the lane", sz.name, n)
		}
		if n := countColor(img, p.fig.plots[1].plot, laneFill); n != 0 {
			t.Errorf("%s: the test error chart has a lane (%d pixels)", sz.name, n)
		}
	}
}

// NaN points are left out (the line joins their neighbours); charts of nothing but NaN,
// infinities and absurd numbers paint in bounds without a fuss.
func TestOddPoints(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	pt := func(x, y float64) figure.Point { return figure.Point{X: x, Y: y} }
	line := func(pts ...figure.Point) figure.Series {
		return figure.Series{Key: "k", Label: "k", Line: true, Points: pts}
	}
	view := func(s ...figure.Series) *Scene {
		return &Scene{HoverX: -1, HoverY: -1, Figure: &FigureView{Kind: figure.Sweep, Title: "odd",
			Plots: []figure.Plot{{Title: "a", X: "x", Y: "y", Share: true, Series: s}}}}
	}
	p, img := paint(view(line(pt(0, 0.2), pt(0.5, nan), pt(1, 0.6))), 1280, 720)
	pl := p.fig.plots[0].plot
	// Where the NaN was, the line from 20% to 60% passes at 40%.
	x := pl.Min.X + (pl.Dx()-1)/2
	y := int(math.Round(float64(pl.Max.Y-1) - 0.4*float64(pl.Dy()-1)))
	if n := countColor(img, image.Rect(x-1, y-3, x+2, y+4), seriesColor(0)); n == 0 {
		t.Errorf("no line at (%d, %d), where the NaN point's neighbours are joined", x, y)
	}
	for _, s := range [][]figure.Series{
		{line(pt(nan, nan), pt(inf, 1), pt(1, math.Inf(-1)))},
		{line(pt(-1e300, 1e300), pt(1e300, -1e300), pt(0, inf))},
		{line(), {Key: "dots", Points: []figure.Point{pt(0.5, 0.5), pt(0.6, inf)}}},
		{{Key: "", Seed: -3, Points: []figure.Point{pt(0, 0)}}},
	} {
		for _, sz := range figureSizes {
			sc := view(s...)
			sc.Figure.Plots = append(sc.Figure.Plots, figure.Plot{Title: "b", Chance: 1e9, Series: s})
			paintAt(sc, sz.w, sz.h, sz.density) // must not panic
		}
	}
	// Tiny canvases and no plots nor cells at all.
	for _, wh := range [][2]int{{320, 240}, {1, 1}, {2560, 1600}} {
		paint(view(line(pt(0, 1))), wh[0], wh[1])
		paint(&Scene{Figure: &FigureView{Kind: figure.Theorem1}}, wh[0], wh[1])
		paint(&Scene{Figure: &FigureView{Kind: figure.Table1, Done: 3, Total: 1, State: "done"}}, wh[0], wh[1])
	}
}

// A chart with no point yet shows its axes, and says what it waits for.
func TestEmptyChartWaits(t *testing.T) {
	f := fakeFigure(t, figure.Sweep, figure.Options{}, nil)
	p, img := paint(figureScene(f, "training"), 1280, 720)
	for i := range p.fig.plots {
		pl := p.fig.plots[i].plot
		if n := countColor(img, pl, colAxis); n < pl.Dy() {
			t.Errorf("chart %d: no axes (%d axis pixels)", i, n)
		}
		mid := image.Rect(pl.Min.X, pl.Min.Y+pl.Dy()/3, pl.Max.X, pl.Max.Y-pl.Dy()/3)
		if n := countColor(img, mid, colInkSoft); n < 100 {
			t.Errorf("chart %d: no note in its middle (%d pixels of text)", i, n)
		}
	}
}

// countInk counts the pixels of the table's ink (numbers and names) in r.
func countInk(img *image.RGBA, r image.Rectangle) int { return countColor(img, r, colInk) }

// Table 1 has every regularizer's row from the start, true and random labels side by side
// on a laptop and one below the other on a phone, and fills in as trials finish.
func TestTable1(t *testing.T) {
	for _, sz := range figureSizes {
		t.Run(sz.name, func(t *testing.T) {
			var ink []int
			for _, done := range [][]int{nil, upTo(4), upTo(14)} {
				f := fakeFigure(t, figure.Table1, figure.Options{}, done, "wd+dropout+aug/random")
				p, img := paintAt(figureScene(f, "training"), sz.w, sz.h, sz.density)
				tb := &p.fig.table
				if len(tb.rows) != len(figure.Regularizers()) || len(tb.groups) != 2 {
					t.Fatalf("%d rows, %d groups; want a row per regularizer, true and random labels", len(tb.rows), len(tb.groups))
				}
				if narrow := sz.w < narrowBelow*int(sz.density); tb.stacked != narrow {
					t.Errorf("stacked %v, want %v", tb.stacked, narrow)
				}
				if !tb.card.In(img.Rect) {
					t.Errorf("table card %v outside the canvas", tb.card)
				}
				w, h := tb.size(p)
				if got := image.Rect(tb.at.X, tb.at.Y, tb.at.X+w, tb.at.Y+h); !got.In(tb.card) {
					t.Errorf("table %v spills out of its card %v", got, tb.card)
				}
				if len(p.fig.plots) != 0 {
					t.Errorf("%d charts for a table", len(p.fig.plots))
				}
				ink = append(ink, countInk(img, tb.card))
			}
			if !(ink[0] < ink[1] && ink[1] < ink[2]) {
				t.Errorf("ink in the table with 0, 4 and 14 trials done: %v, want it growing", ink)
			}
		})
	}
	// The table is drawn as large as it fits: on a laptop, twice a CSS pixel; on a big
	// screen, twice the text around it.
	f := fakeFigure(t, figure.Table1, figure.Options{}, upTo(3))
	for _, tc := range []struct{ w, h, scale int }{{1280, 720, 2}, {2560, 1440, 4}, {960, 600, 1}} {
		if p, _ := paint(figureScene(f, ""), tc.w, tc.h); p.fig.table.scale != tc.scale {
			t.Errorf("%d×%d: table text scale %d, want %d", tc.w, tc.h, p.fig.table.scale, tc.scale)
		}
	}
}

// Tables other than Table 1 get a row per key as its first number comes.
func TestTableRowsArrive(t *testing.T) {
	f := fakeFigure(t, figure.Theorem1, figure.Options{}, nil)
	var p Painter
	img := image.NewRGBA(image.Rect(0, 0, 1280, 720))
	for i, want := range [][]string{nil, {"True labels"}, {"True labels", "Random labels"}} {
		if i > 0 {
			f.Set(i-1, fakeResult(f, i-1))
		}
		p.Paint(img, figureScene(f, "computing"))
		var got []string
		for _, r := range p.fig.table.rows {
			got = append(got, r.name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d done: rows %q, want %q", i, got, want)
		}
	}
}

func TestAppendCell(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	for _, tc := range []struct {
		metric string
		v      float64
		want   string
	}{
		{figure.TrainAcc, 1, "100%"},
		{figure.TestAcc, 0.8614, "86.1%"},
		{figure.TestError, nan, "–"},
		{figure.FitEpochs, 7.125, "7.1"},
		{figure.FitEpochs, inf, "not fitted"},
		{figure.StepsToFit, inf, "not fitted"},
		{figure.NoisyMedianFit, inf, "not fitted"},
		{figure.StepsToFit, 1234, "1,234"},
		{figure.Epochs, 60, "60"},
		{figure.Weights, 3144, "3,144"},
		{figure.Cond, 3.2e7, "3.2e+07"},
		{figure.Cond, inf, "–"},
		{figure.Norm, 12.345, "12.3"},
		{figure.Interpolates, 1, "yes"},
		{figure.Interpolates, 0, "no"},
	} {
		b, _ := appendCell(nil, tc.metric, tc.v)
		if string(b) != tc.want {
			t.Errorf("%s %v: %q, want %q", tc.metric, tc.v, b, tc.want)
		}
		if n := utf8.RuneCount(b); n > metricWidth(tc.metric) {
			t.Errorf("%s %v: %q is wider than its column (%d)", tc.metric, tc.v, b, metricWidth(tc.metric))
		}
	}
}

// The figure's layout is made once per size and shape: points coming in do not redo it,
// a new legend entry, a resize or another figure do; and the runs' layout and the
// figure's are kept apart, so switching between them redoes neither.
func TestFigureLayoutIsCached(t *testing.T) {
	f := fakeFigure(t, figure.Sweep, figure.Options{Seeds: 2}, upTo(2))
	var p Painter
	img := image.NewRGBA(image.Rect(0, 0, 1280, 720))
	step := func(what string, sc *Scene, want int) {
		t.Helper()
		p.Paint(img, sc)
		if p.layouts != want {
			t.Errorf("after %s: %d layouts, want %d", what, p.layouts, want)
		}
	}
	step("the first paint", figureScene(f, "training"), 1)
	step("the same figure", figureScene(f, "training"), 1)
	f.Set(2, fakeResult(f, 2))
	f.Set(3, fakeResult(f, 3))
	step("two more points", figureScene(f, "training 5 of 12"), 1)
	f.Set(5, fakeResult(f, 5, "p=1"))
	step("the first time to fit never reached (a legend entry)", figureScene(f, "training"), 2)
	runs := synthScene(2, 300, 5)
	step("the runs", runs, 3)
	step("the figure again", figureScene(f, "paused"), 3)
	step("the runs again", runs, 3)
	img = image.NewRGBA(image.Rect(0, 0, 800, 600))
	step("a resize", figureScene(f, "paused"), 4)
	g := fakeFigure(t, figure.Table1, figure.Options{}, upTo(2))
	step("another figure", figureScene(g, "training"), 5)
	g.Set(5, fakeResult(g, 5))
	step("a number in the table", figureScene(g, "training"), 5)
}

// Theorem 1's figure draws, under its table, the construction on true and on random labels:
// side by side on a laptop, one above the other on a phone; each with its number line in the
// labels' colours, the zoom's thresholds and points, and A's image, white (zero) above its
// diagonal and coloured below it. A panel waits, in words, for its trial.
func TestTheorem1Pictures(t *testing.T) {
	for _, sz := range figureSizes {
		t.Run(sz.name, func(t *testing.T) {
			f := fakeFigure(t, figure.Theorem1, figure.Options{}, upTo(1))
			p, img := paintAt(figureScene(f, "computing 2 of 2"), sz.w, sz.h, sz.density)
			L := &p.fig
			if len(L.pics) != 2 {
				t.Fatalf("%d panels, want 2", len(L.pics))
			}
			a, b := L.pics[0].card, L.pics[1].card
			if !a.In(img.Rect) || !b.In(img.Rect) || a.Overlaps(b) || a.Overlaps(L.table.card) || b.Overlaps(L.table.card) {
				t.Fatalf("panels %v and %v, table %v, canvas %v: want them inside and apart", a, b, L.table.card, img.Rect)
			}
			if narrow := sz.w < narrowBelow*int(sz.density); narrow != (b.Min.Y > a.Min.Y) {
				t.Errorf("panels %v and %v: want them stacked on a phone only", a, b)
			}
			pic := fakePicture(1500, false)
			box := &L.pics[0]
			M := box.matrix
			if M.Dx() < 96 || M.Dx() != M.Dy() {
				t.Errorf("A's image %v: want a square of at least one pixel per block", M)
			}
			// Bottom left: the block farthest below the diagonal; right of the middle, half way
			// down: above the diagonal, zero.
			if c := heatColor(int(pic.A[len(pic.A)-pic.Side])); !pixelIs(img, M.Min.X+1, M.Max.Y-2, c) {
				t.Errorf("A's bottom-left pixel is not its block's colour %06x", c)
			}
			if !pixelIs(img, M.Min.X+M.Dx()*3/4, M.Min.Y+M.Dy()/2, colCard) {
				t.Errorf("A above the diagonal is not white")
			}
			labels := 0
			for l := range byte(testK) {
				if countColor(img, box.line, labelColor(l)) > 0 {
					labels++
				}
			}
			if labels != testK {
				t.Errorf("%d labels' colours on the number line, want %d", labels, testK)
			}
			if countColor(img, box.zoom, colChance) < figure.ZoomPoints*box.zoom.Dy()/2 {
				t.Errorf("the zoom has fewer threshold strokes than points")
			}
			// The random labels' panel is still waiting: no image of A in it.
			if n := countColor(img, L.pics[1].matrix, heatColor(255)); n > 0 || countInk(img, L.pics[1].card) == 0 {
				t.Errorf("the panel of a trial not computed has %d pixels of A, or no words", n)
			}
		})
	}
}
