package canvas

import (
	"flag"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"genlab/sim"
	"genlab/sim/figure"
)

// update rewrites the golden images of TestLook: go test -run TestLook ./app/canvas -update
var update = flag.Bool("update", false, "rewrite the golden images in testdata/look")

// TestLook compares what the painter draws with golden images in testdata/look, made from
// synthetic scenes (so that they change only when the painting does, not when the
// simulator's defaults do): a desktop with the tooltip of a corrupted tile, a phone at 2
// device pixels per CSS pixel, and four runs side by side; and two figures with made-up
// results, half a corruption sweep, most of Table 1 and Theorem 1's constructions, on a laptop and on a phone (375×640
// CSS pixels). They are small (a few hundred
// tiles), to keep the repository light. The painter is deterministic, so here the images
// match to the byte; the tolerance (no channel off by more than 2, at most 1 pixel in
// 1,000 off) leaves room for another CPU's floating point (arm64 fuses multiply-adds).
// After a deliberate change, look at the PNGs -update writes before committing them; on a
// failure the painted image is saved in the test's artifact directory (go test -artifacts).
func TestLook(t *testing.T) {
	hovering := func(sc *Scene, w, h, run int) *Scene {
		var p Painter
		p.Paint(image.NewRGBA(image.Rect(0, 0, w, h)), sc)
		r := p.lay.runs[run].wall.rectOf(firstCorrupted(sc.Cards[run]))
		c := r.Min.Add(r.Max).Div(2)
		sc.HoverX, sc.HoverY = c.X, c.Y
		return sc
	}
	tests := []struct {
		name  string
		w, h  int
		scene func() *Scene
	}{
		{"four-960x640", 960, 640, func() *Scene { return synthScene(4, 200, 10) }},
		{"phone-750x1400-density2", 750, 1400, func() *Scene {
			sc := synthScene(2, 300, 20)
			sc.Density = 2
			return sc
		}},
		{"hover-960x600", 960, 600, func() *Scene { return hovering(synthScene(2, 300, 20), 960, 600, 1) }},
		{"zoom-1280x720", 1280, 720, func() *Scene {
			sc := synthScene(2, 1500, 20)
			sc.Zoom = 4 // label 3
			return sc
		}},
		{"zoom-phone-750x1400-density2", 750, 1400, func() *Scene {
			sc := synthScene(2, 1500, 20)
			sc.Zoom, sc.Density = 4, 2
			return sc
		}},
		{"figure-sweep-1280x720", 1280, 720, func() *Scene { return halfSweep(t, 1) }},
		{"figure-sweep-phone-750x1280-density2", 750, 1280, func() *Scene { return halfSweep(t, 2) }},
		{"figure-table1-1280x720", 1280, 720, func() *Scene { return mostOfTable1(t, 1) }},
		{"figure-table1-phone-750x1280-density2", 750, 1280, func() *Scene { return mostOfTable1(t, 2) }},
		{"figure-theorem1-1280x720", 1280, 720, func() *Scene { return theorem1(t, 1) }},
		{"figure-theorem1-phone-750x1280-density2", 750, 1280, func() *Scene { return theorem1(t, 2) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := paint(tt.scene(), tt.w, tt.h)
			file := filepath.Join("testdata", "look", tt.name+".png")
			if *update {
				writePNG(t, file, got)
				return
			}
			f, err := os.Open(file)
			if err != nil {
				t.Fatalf("%v (go test -run TestLook ./app/canvas -update writes it)", err)
			}
			defer f.Close()
			golden, err := png.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			want := image.NewRGBA(golden.Bounds())
			draw.Draw(want, want.Rect, golden, golden.Bounds().Min, draw.Src)
			if want.Rect != got.Rect {
				t.Fatalf("painted %v, golden %v", got.Rect, want.Rect)
			}
			off, worst := 0, 0
			for i := 0; i < len(got.Pix); i += 4 {
				d := 0
				for c := range 4 {
					d = max(d, abs(int(got.Pix[i+c])-int(want.Pix[i+c])))
				}
				if d > 0 {
					off++
				}
				worst = max(worst, d)
			}
			if pixels := len(got.Pix) / 4; worst > 2 || off > pixels/1000 {
				saved := filepath.Join(t.ArtifactDir(), tt.name+".png")
				writePNG(t, saved, got)
				t.Errorf("%d of %d pixels differ from %s, by up to %d; painted: %s", off, pixels, file, worst, saved)
			}
		})
	}
}

// halfSweep is the corruption sweep on three seeds, half done: the first seed's six levels,
// the last of which never fitted, and the second seed's first three.
func halfSweep(t *testing.T, density float64) *Scene {
	f := fakeFigure(t, figure.Sweep, figure.Options{Seeds: 3}, upTo(9), "p=1")
	sc := figureScene(f, "training 10 of 18")
	sc.Density = density
	return sc
}

// mostOfTable1 is Table 1 with 11 of its 14 runs done, one of them never fitted: all
// regularizers together on random labels.
func mostOfTable1(t *testing.T, density float64) *Scene {
	f := fakeFigure(t, figure.Table1, figure.Options{}, append(upTo(10), 13), "wd+dropout+aug/random")
	sc := figureScene(f, "training 12 of 14")
	sc.Density = density
	return sc
}

// theorem1 is Theorem 1's figure done: its table and the pictures of its constructions.
func theorem1(t *testing.T, density float64) *Scene {
	f := fakeFigure(t, figure.Theorem1, figure.Options{}, upTo(2))
	sc := figureScene(f, "done")
	sc.Density = density
	return sc
}

func abs(n int) int { return max(n, -n) }

func writePNG(t *testing.T, file string, img image.Image) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(f, img); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func firstCorrupted(r Card) int {
	for i := range r.Images.Labels {
		if r.Images.Corrupted(i) {
			return i
		}
	}
	return 0
}

// realRuns builds the variants of the default settings and trains each for up to epochs.
func realRuns(t testing.TB, variants sim.Variants, epochs int) []Card {
	t.Helper()
	var out []Card
	for _, c := range variants.Configs(sim.Default()) {
		r, err := sim.NewRun(c)
		if err != nil {
			t.Fatal(err)
		}
		for range epochs {
			r.RunEpoch()
		}
		snap := new(sim.Snapshot)
		r.Snapshot(snap)
		out = append(out, Card{
			Title: titleOf(c), Classes: c.Classes, Images: r.Train(), Snap: snap,
			Params: r.Network().Size(), MaxEpochs: c.Epochs,
		})
	}
	return out
}

func titleOf(c sim.Config) string {
	switch {
	case c.Inputs.String() != "original":
		return "Inputs: " + c.Inputs.String()
	case c.Labels.String() == "true":
		return "True labels"
	case c.Labels.String() == "random":
		return "Random labels"
	}
	return "Corrupted labels p=" + string(appendFixed(nil, c.Corrupt, 1))
}
