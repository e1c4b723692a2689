package canvas

import (
	"image"

	"genlab/sim"
	"genlab/sim/data"
)

// Card is what the canvas shows of one run, which it paints as a card (title, memory
// wall, weights, gauge) and as lines in the charts all runs share: the run's static data
// and its latest snapshot.
type Card struct {
	Title     string        // e.g. "True labels", "Random labels", "Corrupted labels p=0.4"
	Classes   int           // K
	Images    *data.Images  // training images and their given (Labels) and true (True) labels; static
	Snap      *sim.Snapshot // the latest snapshot; nil before the first one
	Params    int           // trainable parameters of the network
	MaxEpochs int           // the run's epoch limit, to scale the curves' x axis sensibly
}

// Scene is everything one frame shows.
type Scene struct {
	Cards          []Card // one per run, 1 to 4, side by side; runs beyond maxRuns are not drawn
	HoverX, HoverY int    // pointer position in pixels; -1,-1 when none
	Playing        bool

	// Inspected, when Inspecting, is the tile (run, training example) open in the page's
	// inspector: it is framed on the wall, so that the student sees which image the
	// inspector shows, and where the keyboard's next and previous lead.
	Inspecting       bool
	InspectedRun     int
	InspectedExample int

	// Zoom, when not 0, zooms every run's wall on the examples given label Zoom-1 (labels
	// beyond the run's last count as its last): only they are shown, as tiles of 24 CSS
	// pixels or more with every pixel of the image drawn as a block (see wall.go). 0 is
	// the whole wall.
	Zoom int

	// Figure, when not nil, is one of the paper's figures being made, which the canvas then
	// shows instead of the runs' cards (figureview.go).
	Figure *FigureView

	// Density is the number of canvas pixels per CSS pixel (the device scale factor) when
	// the canvas is painted in device pixels; 0 means 1. Text, lines and margins are scaled
	// by it (rounded), and the choice between the wide and the narrow layout is made on the
	// size in CSS pixels, so that a phone painted at 3 pixels per CSS pixel still gets the
	// phone layout with legible text. Values below 1 (or above 8) count as 1.
	Density float64
}

// maxRuns is the most runs a scene shows (and the number of run colours).
const maxRuns = 4

// Painter paints scenes into RGBA buffers. It keeps what does not change from frame to frame
// (the decoded font, the layout, every run's thumbnails) and a scratch buffer for numbers,
// so that once warm a Paint allocates nothing. The zero Painter is ready to use; it is not
// safe for concurrent use.
type Painter struct {
	font  *glyphs // decoded on first use
	scale int     // pixels per layout unit: the density, doubled on big canvases
	r     raster  // the buffer being painted, valid during Paint
	lay   layout  // valid when keys describe the scene and size it was made for
	keys  []runKey
	num   []byte // scratch for formatted text

	// The figure view's layout, kept beside the runs' so that switching between the two
	// recomputes neither; figNow is the shape of the figure being painted (reused).
	fig         figureLayout
	figNow      figureShape
	figureShown bool // the last Paint painted a figure: there are no tiles to point at

	layouts int // how many times a layout was computed (tests check that it is cached)

	litLUT, dimLUT [256]uint32 // thumbnail intensity to tile pixel, fitted and not
	weightLUT      [256]rgb    // weight in [-1, 1] to the diverging colormap
}

// Paint paints scene into dst (dst.Rect is the canvas, from 320×240 up to 2560×1600): its
// figure if it has one, else its runs. It allocates nothing once warm: the layout, and
// everything cached with it, is recomputed only when the canvas size, the density or the
// scene's shape (its runs, their images, classes, titles, parameter counts, epoch limits
// and weight shapes; or its figure's kind, title, charts, legend entries and table rows)
// changes. The images are
// recognized by their slices (addresses and lengths): images refilled in place with other
// content must come in new slices, or the wall keeps the old grouping and thumbnails.
func (p *Painter) Paint(dst *image.RGBA, scene *Scene) {
	if dst == nil || dst.Rect.Empty() || len(dst.Pix) < dst.PixOffset(dst.Rect.Max.X-1, dst.Rect.Max.Y-1)+4 {
		return
	}
	p.warm()
	p.r = raster{img: dst, base: dst.Rect, clip: dst.Rect}

	density := 1.0
	if scene != nil && scene.Density >= 1 && scene.Density <= 8 {
		density = scene.Density
	}
	p.figureShown = scene != nil && scene.Figure != nil
	if p.figureShown {
		p.paintFigure(dst.Rect, scene.Figure, density)
		return
	}
	var runs []Card
	if scene != nil {
		runs = scene.Cards[:min(len(scene.Cards), maxRuns)]
	}
	zoom := 0
	if scene != nil && scene.Zoom > 0 && scene.Zoom <= maxGroups {
		zoom = scene.Zoom
	}
	if p.stale(dst.Rect, runs, density) || p.lay.zoom != zoom {
		p.relayout(dst.Rect, runs, density, zoom)
	}
	p.scale = p.lay.scale
	p.r.fillAroundAll(dst.Rect, colBackground, p.lay.cards)
	if len(runs) == 0 {
		p.str(dst.Rect.Min.X+p.scale*8, dst.Rect.Min.Y+p.scale*8, "no runs", colInkSoft)
		return
	}
	p.paintWallKey()
	for i := range runs {
		p.paintRun(i, &runs[i], scene.Playing)
	}
	if p.lay.zoom == 0 {
		p.paintCharts(runs)
	}
	if scene.Inspecting && scene.InspectedRun >= 0 && scene.InspectedRun < len(runs) {
		if tile := p.lay.runs[scene.InspectedRun].wall.rectOf(scene.InspectedExample); !tile.Empty() {
			u := p.scale
			p.r.frame(tile.Inset(-3*u), u, colShadow)
			p.r.frame(tile.Inset(-2*u), u, colHover)
			p.r.frame(tile.Inset(-u), u, colShadow)
		}
	}
	if ri, ex, ok := p.TileAt(scene.HoverX, scene.HoverY); ok {
		p.paintTooltip(ri, &runs[ri], ex)
	}
}

// TileAt returns which run's which training example lies under pixel (x, y) in the last
// painted layout. The gaps between tiles belong to no example, and a figure has no tiles.
func (p *Painter) TileAt(x, y int) (run, example int, ok bool) {
	if p.figureShown {
		return 0, 0, false
	}
	pt := image.Point{x, y}
	for i := range p.lay.runs {
		if ex, ok := p.lay.runs[i].wall.at(pt); ok {
			return i, ex, true
		}
	}
	return 0, 0, false
}

// warm decodes the font and fills the colour tables, once.
func (p *Painter) warm() {
	if p.font != nil {
		return
	}
	f, err := decodeFont()
	if err != nil {
		// The atlas is embedded and its decoding is tested: this cannot happen in a built
		// binary. Paint without text rather than not at all.
		f = &glyphs{top: 0, bot: 12}
	}
	p.font = f
	p.scale = 1
	for i := range 256 {
		v := float64(i) / 255
		p.litLUT[i] = mix(colLitBg, colLitInk, v).pixel()
		p.dimLUT[i] = mix(colDimBg, colDimInk, v).pixel()
		w := v*2 - 1
		if w < 0 {
			p.weightLUT[i] = mix(colWeightZero, colWeightNeg, -w)
		} else {
			p.weightLUT[i] = mix(colWeightZero, colWeightPos, w)
		}
	}
	p.num = make([]byte, 0, 256)
}

// runKey is what of a run the layout depends on. Comparing keys allocates nothing.
type runKey struct {
	images             *data.Images
	labels             *int
	pixels             *float32
	n, side, classes   int
	title              string
	params, maxEpochs  int
	filters, filterLen int
}

func keyOf(r *Card) runKey {
	k := runKey{classes: r.Classes, title: r.Title, params: r.Params, maxEpochs: r.MaxEpochs, images: r.Images}
	if im := r.Images; im != nil {
		k.n, k.side = len(im.Labels), im.Side
		if len(im.Labels) > 0 {
			k.labels = &im.Labels[0]
		}
		if len(im.Pixels) > 0 {
			k.pixels = &im.Pixels[0]
		}
	}
	if s := r.Snap; s != nil {
		k.filters, k.filterLen = s.Filters, s.FilterSide
	}
	return k
}

// stale reports whether the layout was made for another size or scene shape.
func (p *Painter) stale(bounds image.Rectangle, runs []Card, density float64) bool {
	if p.lay.bounds != bounds || p.lay.density != density || len(p.keys) != len(runs) || len(p.lay.runs) != len(runs) {
		return true
	}
	for i := range runs {
		if keyOf(&runs[i]) != p.keys[i] {
			return true
		}
	}
	return false
}

// scratch returns the text buffer, emptied. Its capacity outgrows any line the canvas
// writes, so appending to it allocates nothing.
func (p *Painter) scratch() []byte { return p.num[:0] }

// Accessors that tolerate a missing snapshot or one shorter than the images (before the
// first epoch a snapshot's slices may be empty).

func snapFitted(s *sim.Snapshot, i int) bool { return s != nil && i < len(s.Fitted) && s.Fitted[i] }

func snapFirstFit(s *sim.Snapshot, i int) int {
	if s == nil || i >= len(s.FirstFit) {
		return 0
	}
	return int(s.FirstFit[i])
}

func snapPred(s *sim.Snapshot, i int) (int, bool) {
	if s == nil || i >= len(s.Pred) {
		return 0, false
	}
	return int(s.Pred[i]), true
}

func snapHistory(s *sim.Snapshot) []sim.Epoch {
	if s == nil {
		return nil
	}
	return s.History
}
