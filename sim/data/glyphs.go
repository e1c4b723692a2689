package data

import "math/rand/v2"

// glyphFigures is a read-only table: digit c of the Glyphs family, drawn the way a hand might,
// with straight strokes and arcs, in a box x ∈ [-0.5, 0.5], y ∈ [-1, 1] (y down). Angles of
// arcs are in degrees, 0° pointing right and 90° pointing down.
var glyphFigures = [...]figure{
	// 0: an upright oval.
	{{pts: ellipse(vec{0, 0}, 0.48, 0.95), closed: true}},
	// 1: a stem with a flag.
	{{pts: []vec{{-0.25, -0.65}, {0.08, -1}, {0.08, 1}}}},
	// 2: a hook over the top, a diagonal down to the left, a base.
	{{pts: cat(arc(vec{0, -0.5}, 0.45, 0.45, 190, 380), []vec{{-0.48, 1}, {0.5, 1}})}},
	// 3: two bowls open to the left.
	{{pts: arc(vec{0, -0.5}, 0.42, 0.45, 200, 450)}, {pts: arc(vec{0, 0.48}, 0.48, 0.52, 270, 520)}},
	// 4: a stem, a diagonal and a crossbar, drawn in one go.
	{{pts: []vec{{0.22, 1}, {0.22, -1}, {-0.5, 0.35}, {0.5, 0.35}}}},
	// 5: a top bar, a short stem, a bowl open to the left.
	{{pts: cat([]vec{{0.45, -1}, {-0.35, -1}, {-0.4, -0.1}}, arc(vec{0, 0.42}, 0.48, 0.52, 240, 500))}},
	// 6: a stroke sweeping down the left into a closed bottom loop.
	{{pts: []vec{{0.35, -1}, {-0.2, -0.45}, {-0.45, 0.35}}}, {pts: ellipse(vec{0, 0.45}, 0.45, 0.52), closed: true}},
	// 7: a top bar and a long diagonal.
	{{pts: []vec{{-0.5, -1}, {0.5, -1}, {-0.1, 1}}}},
	// 8: two stacked loops, the lower one larger.
	{{pts: ellipse(vec{0, -0.5}, 0.38, 0.45), closed: true}, {pts: ellipse(vec{0, 0.48}, 0.46, 0.52), closed: true}},
	// 9: a closed top loop and a tail.
	{{pts: ellipse(vec{0, -0.45}, 0.45, 0.5), closed: true}, {pts: []vec{{0.45, -0.45}, {0.3, 1}}}},
}

// glyphJitter: a digit about 60% of the image tall, moved by up to ±11% of the side per axis,
// turned by up to ±12° and slanted by up to ±0.2 like handwriting; each image is also bent
// (below). Digits have more strokes than shapes, so they move less for the same difficulty.
var glyphJitter = jitter{
	sizeLo: 0.27, sizeHi: 0.32,
	shift:  0.11,
	rot:    degrees(12),
	aspect: 0.10,
	shear:  0.20,
}

// glyphBend is the largest sideways bow of a glyph's middle, in glyph units: the same digit
// written twice is not the same affine image of one template.
const glyphBend = 0.12

// glyphRenderer draws jittered, bent digits.
type glyphRenderer struct {
	sketch *sketch
	bent   []vec // scratch: one stroke after bending, before the pose
}

func newGlyphRenderer(side int) *glyphRenderer { return &glyphRenderer{sketch: newSketch(side)} }

// draw draws the pose and bend of one glyph of class.
func (g *glyphRenderer) draw(class int, rng *rand.Rand) {
	m := glyphJitter.pose(rng)
	bend := uniform(rng, -glyphBend, glyphBend)
	g.sketch.begin()
	for _, s := range glyphFigures[class] {
		g.bent = g.bent[:0]
		for _, q := range s.pts {
			// x += bend·(1 − y²): zero at the top and bottom, largest in the middle.
			g.bent = append(g.bent, vec{q.x + bend*(1-q.y*q.y), q.y})
		}
		g.sketch.polyline(g.bent, s.closed, m)
	}
}

func (g *glyphRenderer) field(key []float64, need int) { g.sketch.field(key, need) }

// cat joins polylines into one, for tables.
func cat(parts ...[]vec) []vec {
	var all []vec
	for _, p := range parts {
		all = append(all, p...)
	}
	return all
}
