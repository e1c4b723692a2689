package canvas

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"genlab/sim"
)

// TestLook paints realistic scenes from real runs and saves them as PNGs, for a person to
// look at: GENLAB_PAINT_PNG=/tmp/paint go test -run TestLook ./app/canvas/
func TestLook(t *testing.T) {
	dir := os.Getenv("GENLAB_PAINT_PNG")
	if dir == "" {
		t.Skip("set GENLAB_PAINT_PNG to a folder to save screenshots in")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	save := func(name string, w, h int, sc *Scene) {
		var p Painter
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		p.Paint(img, sc)
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	hoverOn := func(sc *Scene, w, h, run, example int) {
		sc.HoverX, sc.HoverY = -1, -1
		var p Painter
		p.Paint(image.NewRGBA(image.Rect(0, 0, w, h)), sc)
		r := p.lay.runs[run].wall.rectOf(example)
		c := r.Min.Add(r.Max).Div(2)
		sc.HoverX, sc.HoverY = c.X, c.Y
	}

	runs := realRuns(t, sim.DefaultVariants, 0)
	before := &Scene{Runs: runs, HoverX: -1, HoverY: -1}
	save("before-1280x800", 1280, 800, before)
	save("before-375x700", 375, 700, before)

	runs = realRuns(t, sim.DefaultVariants, 3)
	mid := &Scene{Runs: runs, HoverX: -1, HoverY: -1, Playing: true}
	for _, s := range [][2]int{{1280, 800}, {960, 640}, {375, 700}, {320, 240}, {2560, 1600}} {
		save(name("epoch3", s), s[0], s[1], mid)
	}
	phone := *mid
	phone.Density = 3
	hoverOn(&phone, 1125, 2100, 1, firstCorrupted(runs[1]))
	save("phone-1125x2100-density3", 1125, 2100, &phone)
	for _, s := range [][2]int{{1280, 800}, {960, 640}, {375, 700}} {
		sc := *mid
		hoverOn(&sc, s[0], s[1], 1, firstCorrupted(runs[1]))
		save(name("hover", s), s[0], s[1], &sc)
	}

	runs = realRuns(t, sim.DefaultVariants, 100)
	save("end-1280x800", 1280, 800, &Scene{Runs: runs, HoverX: -1, HoverY: -1})

	runs = realRuns(t, "model=cnn;model=cnn,labels=random", 3)
	runs[0].Title, runs[1].Title = "CNN, true labels", "CNN, random labels"
	save("cnn-1280x800", 1280, 800, &Scene{Runs: runs, HoverX: -1, HoverY: -1})

	runs = realRuns(t, "lr=10;labels=random", 3)
	runs[0].Title, runs[1].Title = "True labels, lr=10", "Random labels"
	save("diverged-960x640", 960, 640, &Scene{Runs: runs, HoverX: -1, HoverY: -1})

	runs = realRuns(t, "labels=true;labels=corrupt,p=0.4;labels=random;inputs=gaussian", 4)
	four := &Scene{Runs: runs, HoverX: -1, HoverY: -1, Playing: true}
	for _, s := range [][2]int{{1280, 800}, {960, 640}, {375, 700}, {2560, 1600}} {
		save(name("four", s), s[0], s[1], four)
	}
}

func name(prefix string, s [2]int) string {
	return prefix + "-" + itoa(s[0]) + "x" + itoa(s[1])
}

func itoa(n int) string {
	b := appendGrouped(nil, n)
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c != ',' {
			out = append(out, c)
		}
	}
	return string(out)
}

func firstCorrupted(r Run) int {
	for i := range r.Images.Labels {
		if r.Images.Corrupted(i) {
			return i
		}
	}
	return 0
}

// realRuns builds the variants of the default settings and trains each for up to epochs.
func realRuns(t testing.TB, variants string, epochs int) []Run {
	t.Helper()
	cfgs, err := sim.Default().Variants(variants)
	if err != nil {
		t.Fatal(err)
	}
	var out []Run
	for _, c := range cfgs {
		r, err := sim.NewRun(c)
		if err != nil {
			t.Fatal(err)
		}
		for range epochs {
			r.RunEpoch()
		}
		snap := new(sim.Snapshot)
		r.Snapshot(snap)
		out = append(out, Run{
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
