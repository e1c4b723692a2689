package canvas

import (
	"image"
	"math"
	"math/rand/v2"

	"genlab/sim"
	"genlab/sim/data"
)

// Synthetic scenes for the tests: fast to build, deterministic, shaped like real runs.

const testSide, testK = 16, 10

// synthImages makes n images of K classes, each a bright square whose position depends on its
// class, plus noise; labels are true for mode 0, random for mode 1, 40% corrupted for mode 2.
func synthImages(n, mode int, rng *rand.Rand) *data.Images {
	d := testSide * testSide
	im := &data.Images{Side: testSide, Pixels: make([]float32, n*d), Labels: make([]int, n), True: make([]int, n)}
	for i := range n {
		c := i % testK
		im.True[i] = c
		im.Labels[i] = c
		switch {
		case mode == 1:
			im.Labels[i] = rng.IntN(testK)
		case mode == 2 && rng.Float64() < 0.4:
			im.Labels[i] = rng.IntN(testK)
		}
		px := im.Pixels[i*d : (i+1)*d]
		x0, y0 := 1+c%5*3, 2+c/5*7
		for y := range testSide {
			for x := range testSide {
				v := 0.2 * rng.NormFloat64()
				if x >= x0 && x < x0+5 && y >= y0 && y < y0+5 {
					v += 1
				}
				px[y*testSide+x] = float32(v)
			}
		}
	}
	return im
}

// synthSnap makes a snapshot after epochs epochs: about 4 in 5 examples fitted.
func synthSnap(im *data.Images, epochs, run int, rng *rand.Rand) *sim.Snapshot {
	if rng == nil {
		rng = rand.New(rand.NewPCG(3, 4))
	}
	n := len(im.Labels)
	s := &sim.Snapshot{Epoch: epochs, Filters: 64, FilterSide: testSide, StepsPerEpoch: 32, Steps: 32 * epochs}
	s.Fitted = make([]bool, n)
	s.FirstFit = make([]int32, n)
	s.Pred = make([]uint8, n)
	for i := range n {
		s.Pred[i] = uint8((im.Labels[i] + 1) % testK)
		if epochs > 0 && (i*7+run)%5 != 0 {
			s.Fitted[i] = true
			s.FirstFit[i] = int32(1 + i%epochs)
			s.Pred[i] = uint8(im.Labels[i])
		}
	}
	for e := 1; e <= epochs; e++ {
		t := float64(e) / float64(epochs)
		s.History = append(s.History, sim.Epoch{
			Epoch: e, Steps: 32 * e, LR: 0.01,
			TrainAcc: 0.1 + 0.9*t, TestAcc: 0.1 + 0.7*t*float64(1-run%2),
			TrainLoss: 2.3 * (1 - 0.9*t), TestLoss: 2.3 + float64(run%2)*t,
			CleanAcc: -1, CorruptAcc: -1, Fitted: int(float64(n) * t),
		})
	}
	s.Weights = make([]float32, s.Filters*testSide*testSide)
	for i := range s.Weights {
		s.Weights[i] = float32(rng.NormFloat64() * 0.1)
	}
	return s
}

var testTitles = [...]string{"True labels", "Random labels", "Corrupted labels p=0.4", "True labels again"}

// synthScene makes a scene of runs runs of n examples after epochs epochs.
func synthScene(runs, n, epochs int) *Scene {
	rng := rand.New(rand.NewPCG(1, 2))
	sc := &Scene{HoverX: -1, HoverY: -1, Playing: true}
	for r := range runs {
		im := synthImages(n, r%3, rng)
		sc.Cards = append(sc.Cards, Card{
			Title: testTitles[r%len(testTitles)], Classes: testK, Images: im,
			Snap: synthSnap(im, epochs, r, rng), Params: 136714, MaxEpochs: 100,
		})
	}
	return sc
}

// paint paints sc at w×h with a fresh Painter.
func paint(sc *Scene, w, h int) (*Painter, *image.RGBA) {
	p := new(Painter)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	p.Paint(img, sc)
	return p, img
}

// lumaStats returns the mean and variance of the brightness of r's pixels.
func lumaStats(img *image.RGBA, r image.Rectangle) (mean, variance float64) {
	r = r.Intersect(img.Rect)
	n := float64(r.Dx() * r.Dy())
	if n == 0 {
		return 0, 0
	}
	var s, s2 float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := img.RGBAAt(x, y)
			l := 0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B)
			s += l
			s2 += l * l
		}
	}
	mean = s / n
	return mean, math.Max(0, s2/n-mean*mean)
}

// centre returns the middle pixel of r.
func centre(r image.Rectangle) image.Point { return r.Min.Add(r.Max).Div(2) }
