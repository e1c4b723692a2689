package canvas

import (
	_ "embed"
	"errors"
	"image"
	"image/png"
	"strings"
	"unicode/utf8"
)

// font.png is Ebitengine's debug-print font, copied unchanged from
// github.com/hajimehoshi/ebiten/v2@v2.8.8/ebitenutil/text.png.
// Copyright 2014 Hajime Hoshi and the Ebitengine authors; Apache License, Version 2.0
// (http://www.apache.org/licenses/LICENSE-2.0).
//
// It is a 192×128 atlas of 6×16 cells, 32 to a row, holding the code points U+0000 to
// U+00FF in order (ASCII and Latin-1), white glyphs with a black half-transparent drop shadow.
// A bitmap font embedded in the binary keeps the canvas offline (no font is ever fetched) and
// pixel-exact, and it needs no dependency beyond the standard library.
//
// It is a string, not a []byte, so that it cannot be modified.
//
//go:embed font.png
var fontPNG string

const (
	cellW, cellH = 6, 16
	atlasCols    = 32
	// Glyphs beyond Latin-1 that the canvas's words need, drawn by code into the table.
	glyphEmDash = 256
	glyphEnDash = 257
	glyphCount  = 258
)

// glyphs is the decoded font: one bit per pixel, bit x of rows[g][y] is ink at (x, y).
// Only the white pixels of the atlas are ink; its shadow is dropped, so text can be drawn
// in any colour on any background.
type glyphs struct {
	rows     [glyphCount][cellH]uint8
	top, bot int // the rows that ASCII glyphs use (bot exclusive): the text box
}

// decodeFont decodes the embedded atlas. The Painter calls it once, on its first Paint.
func decodeFont() (*glyphs, error) {
	img, err := png.Decode(strings.NewReader(fontPNG))
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	if b.Dx() != atlasCols*cellW || b.Dy() != 256/atlasCols*cellH {
		return nil, errors.New("canvas: font atlas has an unexpected size")
	}
	g := &glyphs{top: cellH, bot: 0}
	for c := range 256 {
		sx, sy := b.Min.X+c%atlasCols*cellW, b.Min.Y+c/atlasCols*cellH
		for y := range cellH {
			for x := range cellW {
				r, gg, bb, a := img.At(sx+x, sy+y).RGBA()
				if a > 0x8000 && r > 0x8000 && gg > 0x8000 && bb > 0x8000 {
					g.rows[c][y] |= 1 << x
					if c > ' ' && c < 0x7f {
						g.top, g.bot = min(g.top, y), max(g.bot, y+1)
					}
				}
			}
		}
	}
	if g.bot <= g.top {
		return nil, errors.New("canvas: font atlas has no glyphs")
	}
	// The dashes sit on the row of the hyphen, widened: an en dash across the glyph, an em
	// dash across the whole cell so that consecutive ones join.
	for y := range cellH {
		if g.rows['-'][y] != 0 {
			g.rows[glyphEnDash][y] = 0b011111
			g.rows[glyphEmDash][y] = 0b111111
		}
	}
	return g, nil
}

// glyphOf maps a rune to its glyph, '?' for what the font lacks.
func glyphOf(r rune) int {
	switch {
	case r < 256:
		return int(r)
	case r == '—':
		return glyphEmDash
	case r == '–':
		return glyphEnDash
	case r == '−': // minus sign
		return '-'
	}
	return '?'
}

// textH is the height of a line of text (ink only), lineH the distance between lines.
func (p *Painter) textH() int { return (p.font.bot - p.font.top) * p.scale }
func (p *Painter) lineH() int { return p.textH() + 4*p.scale }

// widthOf returns the width in pixels of n characters.
func (p *Painter) widthOf(n int) int   { return n * cellW * p.scale }
func (p *Painter) strW(s string) int   { return p.widthOf(utf8.RuneCountInString(s)) }
func (p *Painter) bytesW(b []byte) int { return p.widthOf(utf8.RuneCount(b)) }

// glyph draws glyph g with its text box's top-left corner at (x, y).
func (p *Painter) glyph(x, y, g int, c rgb) {
	s := p.scale
	rows := &p.font.rows[g]
	for gy := p.font.top; gy < p.font.bot; gy++ {
		bits := rows[gy]
		if bits == 0 {
			continue
		}
		py := y + (gy-p.font.top)*s
		for gx := range cellW {
			if bits&(1<<gx) == 0 {
				continue
			}
			if s == 1 {
				p.r.set(x+gx, py, c)
			} else {
				p.r.fill(image.Rect(x+gx*s, py, x+(gx+1)*s, py+s), c)
			}
		}
	}
}

// str and text draw a string or bytes with their text box's top-left corner at (x, y) and
// return the x where the next character would go. Nothing is drawn outside the clip.
func (p *Painter) str(x, y int, s string, c rgb) int {
	adv := cellW * p.scale
	for _, r := range s {
		if r != ' ' {
			p.glyph(x, y, glyphOf(r), c)
		}
		x += adv
	}
	return x
}

func (p *Painter) text(x, y int, b []byte, c rgb) int {
	adv := cellW * p.scale
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		if r != ' ' {
			p.glyph(x, y, glyphOf(r), c)
		}
		x += adv
	}
	return x
}
