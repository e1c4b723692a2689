package canvas

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"

	"genlab/sim"
	"genlab/sim/data"
)

func TestRegionsAreNotBlank(t *testing.T) {
	for _, size := range [][2]int{{960, 640}, {1280, 800}, {375, 700}, {2560, 1600}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			p, img := paint(synthScene(2, 1000, 20), size[0], size[1])
			type region struct {
				name string
				r    image.Rectangle
				min  float64 // least luma variance of a region with something in it
			}
			regions := []region{
				{"accuracy chart", p.lay.acc.plot, 20},
				{"loss chart", p.lay.los.plot, 20},
				{"chart legend", p.lay.legend, 20},
				{"wall key", p.lay.wallKey, 20},
			}
			for i := range p.lay.runs {
				bx := &p.lay.runs[i]
				regions = append(regions,
					region{fmt.Sprintf("run %d header", i), bx.header, 20},
					region{fmt.Sprintf("run %d wall", i), bx.wall.area, 100},
					region{fmt.Sprintf("run %d gauge", i), bx.gauge.rect, 20},
				)
				if bx.weights.count > 0 {
					regions = append(regions, region{fmt.Sprintf("run %d weights", i), bx.weights.rect, 20})
				} else if size[0] >= narrowBelow {
					t.Errorf("run %d: no weights on a wide canvas", i)
				}
			}
			for _, rg := range regions {
				if rg.r.Empty() {
					t.Errorf("%s: no room at all", rg.name)
					continue
				}
				if !rg.r.In(img.Rect) {
					t.Errorf("%s: %v lies outside the canvas %v", rg.name, rg.r, img.Rect)
				}
				if _, v := lumaStats(img, rg.r); v < rg.min {
					t.Errorf("%s %v: luma variance %.1f, want ≥ %.0f (blank?)", rg.name, rg.r, v, rg.min)
				}
			}
		})
	}
}

func TestBeforeTheFirstEpoch(t *testing.T) {
	for _, tc := range []struct {
		name string
		snap func(*data.Images) *sim.Snapshot
	}{
		{"nil snapshot", func(*data.Images) *sim.Snapshot { return nil }},
		{"empty snapshot", func(*data.Images) *sim.Snapshot { return &sim.Snapshot{} }},
		{"epoch 0", func(im *data.Images) *sim.Snapshot {
			s := synthSnap(im, 0, 0, nil)
			return s
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := synthScene(2, 500, 0)
			for i := range sc.Cards {
				sc.Cards[i].Snap = tc.snap(sc.Cards[i].Images)
			}
			sc.Playing = false
			p, img := paint(sc, 960, 640)
			// Empty charts still have axes and labels; walls have dim tiles, none lit.
			if _, v := lumaStats(img, p.lay.acc.card); v < 20 {
				t.Errorf("accuracy chart blank (variance %.1f)", v)
			}
			for i := range p.lay.runs {
				w := &p.lay.runs[i].wall
				if _, v := lumaStats(img, w.area); v < 5 {
					t.Errorf("run %d: wall blank (variance %.1f)", i, v)
				}
				if lit := countColor(img, w.area, colLitFrame); lit != 0 {
					t.Errorf("run %d: %d lit pixels before any epoch", i, lit)
				}
			}
		})
	}
}

func countColor(img *image.RGBA, r image.Rectangle, c rgb) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if pixelIs(img, x, y, c) {
				n++
			}
		}
	}
	return n
}

func pixelIs(img *image.RGBA, x, y int, c rgb) bool {
	px := img.RGBAAt(x, y)
	return px.R == c.r() && px.G == c.g() && px.B == c.b()
}

// tileOf returns example i's tile in run r, checked against TileAt.
func tileOf(t *testing.T, p *Painter, r, i int) image.Rectangle {
	t.Helper()
	rect := p.lay.runs[r].wall.rectOf(i)
	if rect.Empty() {
		t.Fatalf("run %d example %d has no tile", r, i)
	}
	c := centre(rect)
	if gr, gi, ok := p.TileAt(c.X, c.Y); !ok || gr != r || gi != i {
		t.Fatalf("TileAt(centre of run %d example %d's tile %v) = %d, %d, %v", r, i, rect, gr, gi, ok)
	}
	return rect
}

func TestFittedTilesAreBrighter(t *testing.T) {
	for _, tc := range []struct {
		w, h, n   int
		thumbnail bool
	}{
		{960, 640, 1000, true},
		{2560, 1600, 1000, true},
		{375, 600, 1000, false},
		{1280, 800, 10000, false},
	} {
		t.Run(fmt.Sprintf("%dx%d/%d", tc.w, tc.h, tc.n), func(t *testing.T) {
			sc := synthScene(2, tc.n, 20)
			p, img := paint(sc, tc.w, tc.h)
			if got := p.lay.runs[0].wall.t > 0; got != tc.thumbnail {
				t.Errorf("thumbnails %v, want %v (tile %d px)", got, tc.thumbnail, p.lay.runs[0].wall.s)
			}
			snap := sc.Cards[0].Snap
			var lit, dim []float64
			for i := range 50 {
				m, _ := lumaStats(img, tileOf(t, p, 0, i))
				if snap.Fitted[i] {
					lit = append(lit, m)
				} else {
					dim = append(dim, m)
				}
			}
			if len(lit) == 0 || len(dim) == 0 {
				t.Fatal("the scene should have fitted and unfitted examples")
			}
			// Every fitted tile is brighter than every unfitted one.
			minLit, maxDim := math.Inf(1), math.Inf(-1)
			for _, v := range lit {
				minLit = math.Min(minLit, v)
			}
			for _, v := range dim {
				maxDim = math.Max(maxDim, v)
			}
			if minLit <= maxDim+20 {
				t.Errorf("dimmest fitted tile %.0f, brightest unfitted %.0f: want fitted clearly brighter", minLit, maxDim)
			}
		})
	}
}

func TestFittedTilesDifferInShape(t *testing.T) {
	// Not colour alone: a fitted tile's border is painted (frame or solid square), an
	// unfitted thumbnail tile has none; an unfitted small tile is hollow.
	sc := synthScene(1, 300, 5)
	p, img := paint(sc, 960, 640)
	w := &p.lay.runs[0].wall
	if w.t == 0 {
		t.Fatalf("tiles of %d px have no thumbnails", w.s)
	}
	for i := range 20 {
		r := tileOf(t, p, 0, i)
		corner := pixelIs(img, r.Min.X, r.Max.Y-1, colLitFrame) // bottom-left: never marked
		if fitted := sc.Cards[0].Snap.Fitted[i]; corner != fitted {
			t.Errorf("example %d (fitted %v): frame painted %v", i, fitted, corner)
		}
	}
}

func TestTileAtMapsBack(t *testing.T) {
	for _, tc := range []struct{ w, h, runs, n int }{
		{960, 640, 2, 1000},
		{375, 600, 2, 1000},
		{1280, 800, 4, 1000},
		{2560, 1600, 3, 10000},
		{320, 240, 1, 100},
	} {
		t.Run(fmt.Sprintf("%dx%d/%dx%d", tc.w, tc.h, tc.runs, tc.n), func(t *testing.T) {
			sc := synthScene(tc.runs, tc.n, 10)
			p, _ := paint(sc, tc.w, tc.h)
			for r := range tc.runs {
				w := &p.lay.runs[r].wall
				for i := 0; i < tc.n; i += max(1, tc.n/97) {
					rect := w.rectOf(i)
					if !rect.In(w.area) {
						t.Fatalf("run %d example %d: tile %v outside its wall %v", r, i, rect, w.area)
					}
					tileOf(t, p, r, i)
					// Every pixel of the tile maps to it, the gap after it to nothing.
					if gr, gi, ok := p.TileAt(rect.Max.X-1, rect.Max.Y-1); !ok || gr != r || gi != i {
						t.Errorf("run %d example %d: corner pixel maps to %d, %d, %v", r, i, gr, gi, ok)
					}
					if w.gap > 0 {
						if _, _, ok := p.TileAt(rect.Max.X, rect.Min.Y); ok {
							t.Errorf("run %d example %d: the gap right of the tile maps to a tile", r, i)
						}
					}
				}
				checkGroupsContiguous(t, p, r, sc.Cards[r].Images)
			}
			for _, pt := range []image.Point{{-1, -1}, {0, 0}, {tc.w - 1, tc.h - 1}, {tc.w, tc.h}, {1 << 30, 5}} {
				if _, _, ok := p.TileAt(pt.X, pt.Y); ok {
					t.Errorf("TileAt(%v) found a tile", pt)
				}
			}
		})
	}
}

// checkGroupsContiguous checks that the tiles of each given label lie together: inside the
// bounding box of a group's tiles there is no tile of another group.
func checkGroupsContiguous(t *testing.T, p *Painter, r int, im *data.Images) {
	t.Helper()
	w := &p.lay.runs[r].wall
	boxes := make([]image.Rectangle, w.k)
	for i, l := range im.Labels {
		boxes[l] = boxes[l].Union(w.rectOf(i))
	}
	for i, l := range im.Labels {
		c := centre(w.rectOf(i))
		for g, b := range boxes {
			if g != l && c.In(b) {
				t.Fatalf("run %d: example %d (label %d) lies among the tiles of label %d", r, i, l, g)
			}
		}
	}
	// Within a group, clean examples come before corrupted ones.
	for g := range w.k {
		seenCorrupt := false
		for _, i := range w.order[w.start[g]:w.start[g+1]] {
			c := im.Corrupted(int(i))
			if seenCorrupt && !c {
				t.Fatalf("run %d label %d: a clean example after a corrupted one", r, g)
			}
			seenCorrupt = seenCorrupt || c
		}
	}
}

func TestCorruptedTilesAreMarked(t *testing.T) {
	for _, size := range [][2]int{{960, 640}, {375, 600}, {1280, 800}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			sc := synthScene(2, 1000, 10)
			p, img := paint(sc, size[0], size[1])
			im := sc.Cards[1].Images // random labels: most corrupted, some not
			var marked, clean int
			for i := range 200 {
				r := tileOf(t, p, 1, i)
				mark := pixelIs(img, r.Max.X-1, r.Min.Y, colCorrupt)
				if mark != im.Corrupted(i) {
					t.Errorf("example %d: corrupted %v, marked %v", i, im.Corrupted(i), mark)
				}
				if mark {
					marked++
				} else {
					clean++
				}
			}
			if marked == 0 || clean == 0 {
				t.Errorf("%d marked, %d clean: the test needs both", marked, clean)
			}
		})
	}
}

func TestHoverShowsATooltip(t *testing.T) {
	for _, size := range [][2]int{{960, 640}, {375, 600}, {320, 240}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			sc := synthScene(2, 1000, 10)
			p, plain := paint(sc, size[0], size[1])
			for _, ex := range []int{0, 3, 999} {
				r := tileOf(t, p, 1, ex)
				c := centre(r)
				hover := *sc
				hover.HoverX, hover.HoverY = c.X, c.Y
				p.Paint(image.NewRGBA(plain.Rect), &hover) // same Painter: cached layout
				img := image.NewRGBA(plain.Rect)
				p.Paint(img, &hover)
				changed := image.Rectangle{}
				n := 0
				for y := range size[1] {
					for x := range size[0] {
						if img.RGBAAt(x, y) != plain.RGBAAt(x, y) {
							changed = changed.Union(image.Rect(x, y, x+1, y+1))
							n++
						}
					}
				}
				// The tooltip holds the enlarged image (64×64) and five lines of text.
				if changed.Dx() < 120 || changed.Dy() < 60 || n < 4000 {
					t.Errorf("example %d: hover changed %d pixels in %v; want a tooltip", ex, n, changed)
				}
				if !changed.In(plain.Rect) {
					t.Errorf("tooltip %v outside the canvas", changed)
				}
			}
			// Off the tiles nothing changes.
			hover := *sc
			hover.HoverX, hover.HoverY = 2, 2
			img := image.NewRGBA(plain.Rect)
			p.Paint(img, &hover)
			if string(img.Pix) != string(plain.Pix) {
				t.Error("hovering outside the walls changed the picture")
			}
		})
	}
}

func TestHostileInputsDoNotCrash(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		name string
		edit func(*Scene)
	}{
		{"NaN losses", func(sc *Scene) {
			h := sc.Cards[0].Snap.History
			h[3].TrainLoss, h[4].TestLoss, h[5].TrainAcc, h[6].TestAcc = nan, nan, nan, nan
		}},
		{"infinite losses", func(sc *Scene) {
			h := sc.Cards[1].Snap.History
			h[2].TrainLoss, h[len(h)-1].TestLoss, h[1].TrainAcc = inf, inf, -inf
		}},
		{"huge losses", func(sc *Scene) { sc.Cards[0].Snap.History[2].TestLoss = 1e300 }},
		{"diverged", func(sc *Scene) {
			sc.Cards[0].Snap.Stop = sim.Diverged
			sc.Cards[0].Snap.History = sc.Cards[0].Snap.History[:2]
		}},
		{"every stop", func(sc *Scene) {
			sc.Cards[0].Snap.Stop, sc.Cards[1].Snap.Stop = sim.EarlyStop, sim.MaxEpochs
		}},
		{"unknown stop", func(sc *Scene) { sc.Cards[0].Snap.Stop = 200 }},
		{"empty history", func(sc *Scene) { sc.Cards[0].Snap.History = nil }},
		{"nothing fitted", func(sc *Scene) { clear(sc.Cards[0].Snap.Fitted) }},
		{"short snapshot slices", func(sc *Scene) {
			s := sc.Cards[0].Snap
			s.Fitted, s.FirstFit, s.Pred = s.Fitted[:10], s.FirstFit[:3], nil
		}},
		{"no weights", func(sc *Scene) { sc.Cards[0].Snap.Weights = nil }},
		{"no filters", func(sc *Scene) { sc.Cards[0].Snap.Filters = 0 }},
		{"NaN and infinite weights", func(sc *Scene) {
			w := sc.Cards[0].Snap.Weights
			w[0], w[1], w[300] = float32(nan), float32(inf), float32(-inf)
		}},
		{"CNN filters", func(sc *Scene) {
			s := sc.Cards[0].Snap
			s.Filters, s.FilterSide, s.Weights = 8, 3, s.Weights[:8*9]
		}},
		{"zero weights", func(sc *Scene) { clear(sc.Cards[1].Snap.Weights) }},
		{"nil snapshot", func(sc *Scene) { sc.Cards[1].Snap = nil }},
		{"nil images", func(sc *Scene) { sc.Cards[0].Images = nil }},
		{"no examples", func(sc *Scene) { sc.Cards[0].Images = &data.Images{Side: 16} }},
		{"labels out of range", func(sc *Scene) {
			im := sc.Cards[0].Images
			im.Labels[0], im.Labels[1], im.Labels[2] = -3, 10, 250
		}},
		{"absurd label", func(sc *Scene) { sc.Cards[0].Images.Labels[7] = 1 << 40 }},
		{"classes 0", func(sc *Scene) { sc.Cards[0].Classes = 0 }},
		{"two classes", func(sc *Scene) {
			for i := range sc.Cards[1].Images.Labels {
				sc.Cards[1].Images.Labels[i] %= 2
			}
			sc.Cards[1].Classes = 2
		}},
		{"pixels missing", func(sc *Scene) { sc.Cards[0].Images.Pixels = sc.Cards[0].Images.Pixels[:100] }},
		{"NaN pixels", func(sc *Scene) { sc.Cards[0].Images.Pixels[5] = float32(nan) }},
		{"no params", func(sc *Scene) { sc.Cards[0].Params = 0 }},
		{"fewer params than examples", func(sc *Scene) { sc.Cards[0].Params = 120 }},
		{"no epoch limit", func(sc *Scene) { sc.Cards[0].MaxEpochs, sc.Cards[1].MaxEpochs = 0, 0 }},
		{"epochs past the limit", func(sc *Scene) { sc.Cards[0].MaxEpochs = 3 }},
		{"long title", func(sc *Scene) {
			sc.Cards[0].Title = "A very long title — with non-Latin-1 runes ≈ ✓ 日本 that cannot fit on one line at all"
		}},
		{"empty title", func(sc *Scene) { sc.Cards[0].Title = "" }},
		{"no runs", func(sc *Scene) { sc.Cards = nil }},
		{"five runs", func(sc *Scene) { sc.Cards = append(sc.Cards, sc.Cards[0], sc.Cards[1], sc.Cards[0]) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, size := range [][2]int{{960, 640}, {375, 600}, {320, 240}} {
				sc := synthScene(2, 400, 10)
				tc.edit(sc)
				p, _ := paint(sc, size[0], size[1])
				// Hover some tiles (tooltips with whatever the snapshot holds) and some
				// points between and outside them.
				img := image.NewRGBA(image.Rect(0, 0, size[0], size[1]))
				var pts []image.Point
				for r := range p.lay.runs {
					w := &p.lay.runs[r].wall
					for _, i := range []int{0, 1, 2, w.n / 3, w.n - 1} {
						pts = append(pts, centre(w.rectOf(i)))
					}
				}
				for y := 0; y < size[1]; y += size[1] / 6 {
					for x := 0; x < size[0]; x += size[0] / 8 {
						pts = append(pts, image.Pt(x, y))
					}
				}
				for _, pt := range pts {
					sc.HoverX, sc.HoverY = pt.X, pt.Y
					p.Paint(img, sc)
				}
			}
		})
	}
	var p Painter
	p.Paint(nil, nil)
	p.Paint(image.NewRGBA(image.Rect(0, 0, 100, 100)), nil)
	p.Paint(image.NewRGBA(image.Rectangle{}), &Scene{})
	p.Paint(&image.RGBA{Rect: image.Rect(0, 0, 10, 10)}, synthScene(1, 10, 1)) // no pixels
}

func TestSizesAndShapesStayInBounds(t *testing.T) {
	sizes := [][2]int{{320, 240}, {375, 700}, {699, 500}, {700, 500}, {960, 640}, {1280, 800}, {1920, 1080}, {2560, 1600}}
	for _, size := range sizes {
		for _, runs := range []int{1, 2, 3, 4} {
			for _, n := range []int{1, 100, 1000, 10000} {
				if testing.Short() && n == 10000 && runs > 1 {
					continue
				}
				name := fmt.Sprintf("%dx%d/%dx%d", size[0], size[1], runs, n)
				t.Run(name, func(t *testing.T) {
					sc := synthScene(runs, n, 20)
					// Paint into the middle of a bigger image: nothing outside may change.
					const m = 7
					big := image.NewRGBA(image.Rect(0, 0, size[0]+2*m, size[1]+2*m))
					for i := range big.Pix {
						big.Pix[i] = 0xAB
					}
					dst := big.SubImage(image.Rect(m, m, m+size[0], m+size[1])).(*image.RGBA)
					var p Painter
					p.Paint(dst, sc)
					for y := range big.Rect.Max.Y {
						for x := range big.Rect.Max.X {
							in := (image.Point{x, y}).In(dst.Rect)
							c := big.RGBAAt(x, y)
							if !in && c != (color.RGBA{0xAB, 0xAB, 0xAB, 0xAB}) {
								t.Fatalf("pixel (%d, %d) outside the canvas was painted", x, y)
							}
							if in && c.A != 255 {
								t.Fatalf("pixel (%d, %d) inside the canvas was not painted", x, y)
							}
						}
					}
					for r := range p.lay.runs {
						if !p.lay.runs[r].card.In(dst.Rect) {
							t.Errorf("run %d's card %v outside the canvas %v", r, p.lay.runs[r].card, dst.Rect)
						}
					}
					// The layout is in the canvas's own coordinates.
					if n <= 1000 {
						c := centre(p.lay.runs[0].wall.rectOf(0))
						if r, i, ok := p.TileAt(c.X, c.Y); !ok || r != 0 || i != 0 {
							t.Errorf("TileAt(%v) = %d, %d, %v; want run 0 example 0", c, r, i, ok)
						}
					}
				})
			}
		}
	}
}

func TestLayoutIsCached(t *testing.T) {
	sc := synthScene(2, 1000, 5)
	var p Painter
	img := image.NewRGBA(image.Rect(0, 0, 960, 640))
	p.Paint(img, sc)
	p.Paint(img, sc)
	// A new snapshot of the same runs: same shape.
	sc.Cards[0].Snap = synthSnap(sc.Cards[0].Images, 6, 0, nil)
	sc.Cards[0].Snap.Stop = sim.Fitted
	sc.HoverX, sc.HoverY = 100, 100
	p.Paint(img, sc)
	if p.layouts != 1 {
		t.Errorf("%d layouts for one size and shape, want 1", p.layouts)
	}
	p.Paint(image.NewRGBA(image.Rect(0, 0, 800, 600)), sc)
	if p.layouts != 2 {
		t.Errorf("%d layouts after a resize, want 2", p.layouts)
	}
	sc.Cards[1].Title = "Shuffled pixels"
	p.Paint(image.NewRGBA(image.Rect(0, 0, 800, 600)), sc)
	if p.layouts != 3 {
		t.Errorf("%d layouts after a title changed, want 3", p.layouts)
	}
	sc.Cards = sc.Cards[:1]
	p.Paint(image.NewRGBA(image.Rect(0, 0, 800, 600)), sc)
	if p.layouts != 4 {
		t.Errorf("%d layouts after a run was removed, want 4", p.layouts)
	}
	sc.Density = 2
	p.Paint(image.NewRGBA(image.Rect(0, 0, 800, 600)), sc)
	if p.layouts != 5 {
		t.Errorf("%d layouts after the density changed, want 5", p.layouts)
	}
}

func TestWallsShareOneArrangement(t *testing.T) {
	// Runs side by side compare block for block: same tile size, same blocks per row.
	sc := synthScene(3, 1000, 5)
	p, _ := paint(sc, 1280, 800)
	a := &p.lay.runs[0].wall
	for i := 1; i < 3; i++ {
		b := &p.lay.runs[i].wall
		if a.p != b.p || a.s != b.s || a.mode != b.mode || a.perRow != b.perRow {
			t.Errorf("run %d's wall (pitch %d, %d per row) differs from run 0's (pitch %d, %d per row)", i, b.p, b.perRow, a.p, a.perRow)
		}
		if a.blocks[0].Min.Y != b.blocks[0].Min.Y {
			t.Errorf("run %d's first block at y=%d, run 0's at y=%d", i, b.blocks[0].Min.Y, a.blocks[0].Min.Y)
		}
	}
}

func TestLayoutAdaptsToWidth(t *testing.T) {
	sc := synthScene(2, 1000, 5)
	p, _ := paint(sc, 1280, 800)
	a, b := p.lay.runs[0].card, p.lay.runs[1].card
	if !(a.Max.X <= b.Min.X && a.Min.Y == b.Min.Y) {
		t.Errorf("wide canvas: runs at %v and %v, want side by side", a, b)
	}
	if p.lay.acc.card.Min.Y < a.Max.Y {
		t.Errorf("wide canvas: charts at %v overlap the runs", p.lay.acc.card)
	}
	p, _ = paint(sc, 375, 700)
	a, b = p.lay.runs[0].card, p.lay.runs[1].card
	if !(a.Max.Y <= b.Min.Y && a.Min.X == b.Min.X) {
		t.Errorf("phone: runs at %v and %v, want stacked", a, b)
	}
	if p.scale != 1 {
		t.Errorf("phone: text scale %d", p.scale)
	}
	p, _ = paint(sc, 2560, 1600)
	if p.scale != 2 {
		t.Errorf("2560×1600: text scale %d, want 2", p.scale)
	}
	// Painted in device pixels: the layout follows the size in CSS pixels.
	for _, tc := range []struct {
		w, h    int
		density float64
		narrow  bool
		scale   int
	}{
		{1125, 2100, 3, true, 3},  // a phone, 375×700 CSS pixels
		{750, 1400, 2, true, 2},   // another
		{1920, 1280, 2, false, 2}, // a laptop, 960×640
		{3840, 2160, 2, false, 4}, // a big screen, 1920×1080
		{1280, 800, 0, false, 1},  // density unknown: 1
		{1280, 800, math.NaN(), false, 1},
	} {
		sc.Density = tc.density
		p, _ := paint(sc, tc.w, tc.h)
		if p.lay.narrow != tc.narrow || p.scale != tc.scale {
			t.Errorf("%d×%d at density %v: narrow %v, scale %d; want %v, %d", tc.w, tc.h, tc.density, p.lay.narrow, p.scale, tc.narrow, tc.scale)
		}
	}
	sc.Density = 0
}

func TestRealRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("trains two networks")
	}
	runs := realRuns(t, sim.DefaultVariants(), 2)
	sc := &Scene{Cards: runs, HoverX: -1, HoverY: -1}
	p, img := paint(sc, 960, 640)
	for r := range runs {
		im, snap := runs[r].Images, runs[r].Snap
		if len(snap.Fitted) != im.Len() {
			t.Fatalf("snapshot of %d examples for %d images", len(snap.Fitted), im.Len())
		}
		var lit, dim float64
		var nl, nd int
		for i := 0; i < im.Len(); i += 7 {
			m, _ := lumaStats(img, tileOf(t, p, r, i))
			if snap.Fitted[i] {
				lit, nl = lit+m, nl+1
			} else {
				dim, nd = dim+m, nd+1
			}
		}
		if nl > 0 && nd > 0 && lit/float64(nl) <= dim/float64(nd) {
			t.Errorf("run %d: fitted tiles (mean %.0f) not brighter than unfitted ones (%.0f)", r, lit/float64(nl), dim/float64(nd))
		}
		checkGroupsContiguous(t, p, r, im)
	}
}
