package ui

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/png"
	"strconv"

	"genlab/sim"
	"genlab/sim/data"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// InputStrip shows what an input randomization does, before a student watches a
// network memorize its result: the first training image of each of the first few classes,
// as generated and, below, the same image after the randomization (shuffled pixels,
// random pixels or Gaussian inputs), made by sim from the current seed exactly as the run
// trains on it. Shuffled pixels are seen to scatter every image the same way, random pixels
// each its own way, Gaussian inputs to leave only noise.
//
// The images are PNGs made here in Go, as data: URLs (the page's Content-Security-Policy
// allows them; nothing is fetched), 12×12 pixels drawn large with
// image-rendering: pixelated, so that each pixel is a visible block as on the zoomed wall.
// Making them takes the page a few tenths of a second, so it is done once per settings and
// kept.
type InputStrip struct {
	app.Compo

	// Config is the settings of the run whose inputs are randomized (Inputs ≠ original);
	// Show false hides the strip.
	Config sim.Config
	Show   bool

	key    string // Config.Encode() of the images kept
	before []string
	after  []string
	labels []string
}

// stripClasses is how many images the strip shows: one per class from class 0.
const stripClasses = 5

// inputsNames says what each randomization does, for the strip's caption.
var inputsNames = map[data.InputMode]string{
	data.ShuffledPixels: "shuffled pixels: one permutation, the same for every image",
	data.RandomPixels:   "random pixels: each image its own permutation",
	data.Gaussian:       "Gaussian inputs: every pixel drawn from the data's mean and variance",
}

// Render draws the images, before above after, or an empty hidden container.
func (s *InputStrip) Render() app.UI {
	if !s.Show || s.Config.Inputs == data.Original || s.Config.Validate() != nil {
		return app.Div().Class("input-strip").Hidden(true)
	}
	s.make()
	row := func(name string, srcs []string) app.UI {
		cells := make([]app.UI, 0, len(srcs)+1)
		cells = append(cells, app.Span().Class("input-strip-row").Text(name))
		for i, src := range srcs {
			cells = append(cells, app.Img().Src(src).Class("input-strip-img").
				Width(48).Height(48).Alt(name+", "+s.labels[i]))
		}
		return app.Div().Class("input-strip-line").Body(cells...)
	}
	return app.Figure().Class("input-strip").DataSet("inputs", s.Config.Inputs.String()).Body(
		row("before", s.before),
		row("after", s.after),
		app.FigCaption().Text("The same training images before and after "+inputsNames[s.Config.Inputs]+
			" (seed "+strconv.FormatUint(s.Config.Seed, 10)+"): what the network is given to fit."),
	)
}

// make makes the images of Config, unless they are those kept.
func (s *InputStrip) make() {
	key := s.Config.Encode()
	if key == s.key && s.before != nil {
		return
	}
	ba := sim.InputsBeforeAfter(s.Config, stripClasses)
	s.key, s.before, s.after, s.labels = key, s.before[:0], s.after[:0], s.labels[:0]
	for j := range ba.Examples {
		s.before = append(s.before, pngURL(ba.Before[j], ba.Side))
		s.after = append(s.after, pngURL(ba.After[j], ba.Side))
		s.labels = append(s.labels, "image "+strconv.Itoa(ba.Examples[j])+" of class "+strconv.Itoa(ba.Classes[j]))
	}
}

// pngURL encodes a side×side image of grey levels (0 black, 1 white, clipped) as a
// data: URL of a PNG.
func pngURL(px []float32, side int) string {
	g := image.NewGray(image.Rect(0, 0, side, side))
	for i, v := range px[:side*side] {
		g.Pix[i] = uint8(min(max(v, 0), 1)*255 + 0.5)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, g); err != nil {
		return "" // an in-memory Gray image always encodes
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(b.Bytes())
}

// inputStrip is the strip of the experiment's first run whose inputs are randomized,
// hidden when none is or when the page shows a figure.
func inputStrip(e experiment) *InputStrip {
	if e.Figure.Kind != "" {
		return &InputStrip{}
	}
	configs := []sim.Config{e.Config}
	if len(e.Runs) > 0 {
		configs = e.Runs.Configs(e.Config)
	}
	for _, c := range configs {
		if c.Inputs != data.Original {
			return &InputStrip{Config: c, Show: true}
		}
	}
	return &InputStrip{}
}
