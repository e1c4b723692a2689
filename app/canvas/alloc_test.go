package canvas

import (
	"image"
	"testing"

	"genlab/sim/figure"
)

// TestPaintAllocatesNothing: once warm, a frame allocates nothing, hovering or not, wide or
// narrow, so that the canvas never makes the garbage collector pause an animation.
func TestPaintAllocatesNothing(t *testing.T) {
	for _, size := range [][2]int{{960, 640}, {375, 600}} {
		sc := synthScene(2, 1000, 20)
		var p Painter
		img := image.NewRGBA(image.Rect(0, 0, size[0], size[1]))
		p.Paint(img, sc)
		c := centre(p.lay.runs[1].wall.rectOf(17))
		for _, hover := range []image.Point{{-1, -1}, c} {
			sc.HoverX, sc.HoverY = hover.X, hover.Y
			p.Paint(img, sc) // warm with this hover too
			if a := testing.AllocsPerRun(20, func() { p.Paint(img, sc) }); a != 0 {
				t.Errorf("%dx%d, hover %v: %v allocations per Paint, want 0", size[0], size[1], hover, a)
			}
		}
		// Diverged and stopped states take other paths through the header.
		sc.Cards[0].Snap.Stop, sc.Cards[1].Snap.Stop = 4, 1
		if a := testing.AllocsPerRun(20, func() { p.Paint(img, sc) }); a != 0 {
			t.Errorf("%dx%d, stopped runs: %v allocations per Paint, want 0", size[0], size[1], a)
		}
		if a := testing.AllocsPerRun(5, func() { _, _, _ = p.TileAt(c.X, c.Y) }); a != 0 {
			t.Errorf("TileAt: %v allocations, want 0", a)
		}
		// The zoomed wall: its tiles are large and drawn pixel by pixel, hovered or not.
		sc.Zoom = 3
		p.Paint(img, sc)
		z := centre(p.lay.runs[1].wall.rectOf(int(p.lay.runs[1].wall.order[0])))
		for _, hover := range []image.Point{{-1, -1}, z} {
			sc.HoverX, sc.HoverY = hover.X, hover.Y
			p.Paint(img, sc)
			if a := testing.AllocsPerRun(20, func() { p.Paint(img, sc) }); a != 0 {
				t.Errorf("%dx%d zoomed, hover %v: %v allocations per Paint, want 0", size[0], size[1], hover, a)
			}
		}
		sc.Zoom = 0
	}
}

func BenchmarkPaintFigure(b *testing.B) {
	for _, bc := range []struct {
		name string
		kind figure.Kind
		o    figure.Options
		w, h int
	}{
		{"sweep-1280x720", figure.Sweep, figure.Options{Seeds: 3}, 1280, 720},
		{"randomizations-1280x720", figure.Randomizations, figure.Options{Seeds: 3}, 1280, 720},
		{"table1-1280x720", figure.Table1, figure.Options{Seeds: 3}, 1280, 720},
		{"sweep-2560x1600", figure.Sweep, figure.Options{Seeds: 3}, 2560, 1600},
	} {
		b.Run(bc.name, func(b *testing.B) {
			f := fakeFigure(b, bc.kind, bc.o, upTo(15))
			sc := figureScene(f, "training")
			var p Painter
			img := image.NewRGBA(image.Rect(0, 0, bc.w, bc.h))
			p.Paint(img, sc)
			b.ReportAllocs()
			for b.Loop() {
				p.Paint(img, sc)
			}
		})
	}
}

func BenchmarkPaint(b *testing.B) {
	for _, bc := range []struct {
		name  string
		w, h  int
		hover bool
	}{
		{"960x640", 960, 640, false},
		{"960x640-hover", 960, 640, true},
		{"375x600", 375, 600, false},
		{"2560x1600", 2560, 1600, false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			sc := synthScene(2, 1000, 20)
			var p Painter
			img := image.NewRGBA(image.Rect(0, 0, bc.w, bc.h))
			p.Paint(img, sc)
			if bc.hover {
				c := centre(p.lay.runs[1].wall.rectOf(17))
				sc.HoverX, sc.HoverY = c.X, c.Y
			}
			b.ReportAllocs()
			for b.Loop() {
				p.Paint(img, sc)
			}
		})
	}
}

// TestPaintFigureAllocatesNothing: a figure's frame allocates nothing once warm either,
// whatever the kind of figure, on a laptop and on a phone.
func TestPaintFigureAllocatesNothing(t *testing.T) {
	figures := []*figure.Figure{
		fakeFigure(t, figure.Randomizations, figure.Options{Seeds: 2}, upTo(7)),
		fakeFigure(t, figure.Sweep, figure.Options{Seeds: 3}, upTo(9), "p=1"),
		fakeFigure(t, figure.Table1, figure.Options{Seeds: 2}, upTo(20), "none/random"),
		fakeFigure(t, figure.Theorem1, figure.Options{}, upTo(1)),
		fakeFigure(t, figure.Kernel, figure.Options{}, upTo(8)),
		fakeFigure(t, figure.Memorization, figure.Options{}, upTo(1)),
		fakeFigure(t, figure.Sweep, figure.Options{}, nil), // waiting
	}
	for _, f := range figures {
		for _, sz := range figureSizes {
			sc := figureScene(f, "training 3 of 6")
			sc.Density = sz.density
			var p Painter
			img := image.NewRGBA(image.Rect(0, 0, sz.w, sz.h))
			p.Paint(img, sc)
			if a := testing.AllocsPerRun(10, func() { p.Paint(img, sc) }); a != 0 {
				t.Errorf("%v at %s: %v allocations per Paint, want 0", f.Kind, sz.name, a)
			}
		}
	}
}
