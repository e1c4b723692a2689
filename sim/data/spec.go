package data

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Spec describes a synthetic image set.
type Spec struct {
	Family  Family
	Side    int     // 8..32 pixels
	Classes int     // 2..10: uses the family's first Classes classes
	Train   int     // training images (up to 10,000)
	Test    int     // test images (up to 10,000)
	Noise   float64 // std of additive Gaussian pixel noise, 0..1
}

// Limits of a Spec. Generate panics outside them: the config layer validates user input with
// its own messages, so reaching Generate with a bad Spec is a programmer error.
const (
	minSide, maxSide       = 8, 32
	minClasses, maxClasses = 2, 10
	maxImages              = 10000
)

// validate reports the first thing wrong with s, or nil.
func (s Spec) validate() error {
	switch {
	case s.Family > Textures:
		return fmt.Errorf("unknown family %v", s.Family)
	case s.Side < minSide || s.Side > maxSide:
		return fmt.Errorf("side %d outside %d..%d", s.Side, minSide, maxSide)
	case s.Classes < minClasses || s.Classes > maxClasses:
		return fmt.Errorf("classes %d outside %d..%d", s.Classes, minClasses, maxClasses)
	case s.Train < 0 || s.Train > maxImages:
		return fmt.Errorf("train %d outside 0..%d", s.Train, maxImages)
	case s.Test < 0 || s.Test > maxImages:
		return fmt.Errorf("test %d outside 0..%d", s.Test, maxImages)
	case !(s.Noise >= 0 && s.Noise <= 1): // also rejects NaN
		return fmt.Errorf("noise %v outside 0..1", s.Noise)
	}
	return nil
}

// Generate draws spec.Train training and spec.Test test images from rng, in that order, so the
// training set does not depend on spec.Test. It panics on an invalid spec (programmer error; the
// config layer validates user input).
//
// Classes are exactly balanced (counts differ by at most one) and come in shuffled order, so
// that any prefix of the set is roughly balanced too. Labels and True start out equal.
func Generate(spec Spec, rng *rand.Rand) (train, test Images) {
	if err := spec.validate(); err != nil {
		panic("data.Generate: " + err.Error())
	}
	if rng == nil {
		panic("data.Generate: nil rng")
	}
	g := newGenerator(spec)
	train = g.set(spec.Train, rng)
	test = g.set(spec.Test, rng)
	return train, test
}

// generator holds what every image of a set shares: the spec, the family's renderer and ink
// budget, and their scratch buffers, reused from image to image.
type generator struct {
	spec   Spec
	render renderer
	ink    *inker
	key    []float64
}

// renderer draws one image's pattern as a key field (see ink.go): draw makes the image's
// random draws (its pose, its pattern's phase, ...), field then computes the key, exactly at
// least for the need pixels of highest key, which are the ones that get ink.
type renderer interface {
	draw(class int, rng *rand.Rand)
	field(key []float64, need int)
}

func newGenerator(spec Spec) *generator {
	g := &generator{spec: spec, key: make([]float64, spec.Side*spec.Side)}
	switch spec.Family {
	case Shapes:
		g.render = newShapeRenderer(spec.Side)
		g.ink = newInker(figureInk, spec.Side)
	case Glyphs:
		g.render = newGlyphRenderer(spec.Side)
		g.ink = newInker(figureInk, spec.Side)
	case Textures:
		g.render = newTextureRenderer(spec.Side)
		g.ink = newInker(textureInk, spec.Side)
	}
	return g
}

// set draws n images: balanced labels in shuffled order, then for each image its pose or
// pattern, its ink and its noise. The order of the draws from rng is part of the output's
// definition: changing it changes every dataset a seed names (and every shared link), so do it
// only on purpose.
func (g *generator) set(n int, rng *rand.Rand) Images {
	side := g.spec.Side
	d := side * side
	im := Images{
		Side:   side,
		Pixels: make([]float32, n*d),
		Labels: make([]int, n),
		True:   make([]int, n),
	}
	for i := range im.True {
		im.True[i] = i % g.spec.Classes
	}
	shuffleInts(im.True, rng)
	copy(im.Labels, im.True)
	for i := range n {
		px := im.At(i)
		g.render.draw(im.True[i], rng)
		k, m := g.ink.counts(rng)
		g.render.field(g.key, k+m)
		g.ink.paint(px, g.key, k, m)
		if g.spec.Noise > 0 {
			addNormal(px, g.spec.Noise, rng)
		}
	}
	return im
}

// shuffleInts is a Fisher–Yates shuffle written out, so that the draws it makes are fixed by
// this file rather than by the standard library's choice of algorithm.
func shuffleInts(a []int, rng *rand.Rand) {
	for i := len(a) - 1; i > 0; i-- {
		j := rng.IntN(i + 1)
		a[i], a[j] = a[j], a[i]
	}
}

// uniform returns a draw from U(lo, hi).
func uniform(rng *rand.Rand, lo, hi float64) float64 {
	return lo + (hi-lo)*rng.Float64()
}

// degrees converts an angle to radians.
func degrees(a float64) float64 { return a * math.Pi / 180 }

// ClassName is the name of class c (0..9) of family f: "disc", "square", … for shapes,
// "0" to "9" for glyphs (digits), "hstripes", … for textures. The page's inspector names
// an image's labels with it, so that a student reads "given: ring, true: square".
func ClassName(f Family, c int) string { return className(f, c) }

// className is the name of class c of family f, for messages and debugging.
func className(f Family, c int) string {
	switch f {
	case Shapes:
		return shapeNames[c]
	case Textures:
		return textureNames[c]
	}
	return string(rune('0' + c))
}
