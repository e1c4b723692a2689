package canvas

import (
	"image"
	"math"
	"testing"
)

func TestFontDecodes(t *testing.T) {
	g, err := decodeFont()
	if err != nil {
		t.Fatal(err)
	}
	if g.top < 0 || g.bot > cellH || g.bot-g.top < 8 {
		t.Errorf("text box rows %d..%d", g.top, g.bot)
	}
	for _, r := range "Aa0%:/—–·×" {
		ink := 0
		for _, row := range g.rows[glyphOf(r)] {
			ink += int(row)
		}
		if ink == 0 {
			t.Errorf("glyph %q is empty", r)
		}
	}
	if g.rows[' '] != ([cellH]uint8{}) {
		t.Error("space has ink")
	}
	if glyphOf('日') != '?' || glyphOf('é') != 'é' {
		t.Error("glyphOf maps runes outside the font wrongly")
	}
}

func TestTextIsDrawnAndScaled(t *testing.T) {
	for _, scale := range []int{1, 2} {
		var p Painter
		p.warm()
		p.scale = scale
		img := image.NewRGBA(image.Rect(0, 0, 200, 60))
		p.r = raster{img: img, base: img.Rect, clip: img.Rect}
		p.r.fill(img.Rect, 0xffffff)
		end := p.str(10, 10, "Hi 5%", 0x000000)
		if want := 10 + 5*cellW*scale; end != want {
			t.Errorf("scale %d: text ends at %d, want %d", scale, end, want)
		}
		ink := countColor(img, img.Rect, 0x000000)
		if ink == 0 {
			t.Fatalf("scale %d: no ink", scale)
		}
		// Nothing outside the text box.
		box := image.Rect(10, 10, end, 10+p.textH())
		if in := countColor(img, box, 0x000000); in != ink {
			t.Errorf("scale %d: %d of %d ink pixels outside the text box", scale, ink-in, ink)
		}
		if scale == 2 && ink%4 != 0 {
			t.Errorf("scale 2: %d ink pixels, not 2×2 blocks", ink)
		}
	}
}

func TestFormatting(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		got  []byte
		want string
	}{
		{appendGrouped(nil, 0), "0"},
		{appendGrouped(nil, 999), "999"},
		{appendGrouped(nil, 1000), "1,000"},
		{appendGrouped(nil, 136714), "136,714"},
		{appendGrouped(nil, -1234567), "-1,234,567"},
		{appendPct(nil, 0.9732), "97.3%"},
		{appendPct(nil, 1), "100%"},
		{appendPct(nil, 0), "0%"},
		{appendPct(nil, nan), "–"},
		{appendPct(nil, inf), "–"},
		{appendPct(nil, -1), "–"}, // CleanAcc's "no such examples"
		{appendFixed(nil, 2.302585, 2), "2.30"},
		{appendFixed(nil, nan, 2), "–"},
		{appendFixed(nil, -inf, 2), "–"},
		{appendRatio(nil, 136.714), "137"},
		{appendRatio(nil, 2.34), "2.3"},
		{appendRatio(nil, 13671.4), "13,671"},
		{appendRatio(nil, nan), "–"},
		{appendShort(nil, 1), "1"},
		{appendShort(nil, 100), "100"},
		{appendShort(nil, 1000), "1k"},
		{appendShort(nil, 100000), "100k"},
		{appendShort(nil, 1000000), "1M"},
		{appendTick(nil, 0.5, 0.5), "0.5"},
		{appendTick(nil, 2, 1), "2"},
		{appendTick(nil, 0.75, 0.25), "0.75"},
		{appendTick(nil, 75, 25), "75"},
	} {
		if string(tc.got) != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestAxes(t *testing.T) {
	for _, tc := range []struct{ v, want float64 }{
		{0, 1}, {1, 1}, {1.1, 1.2}, {5, 5}, {7, 8}, {11, 12}, {13, 15}, {26, 30}, {101, 120}, {math.NaN(), 1},
	} {
		if got := niceUp(tc.v); got != tc.want {
			t.Errorf("niceUp(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
	for _, tc := range []struct {
		span     float64
		n        int
		quarters bool
		want     float64
	}{
		{1, 4, true, 0.25}, {1, 4, false, 0.5}, {10, 5, false, 2}, {12, 6, false, 2}, {100, 4, false, 50}, {3.7, 4, true, 1},
	} {
		if got := tickStep(tc.span, tc.n, tc.quarters); got != tc.want {
			t.Errorf("tickStep(%v, %d, %v) = %v, want %v", tc.span, tc.n, tc.quarters, got, tc.want)
		}
	}
	// The x axis grows with the epochs, to a round number, and stops at the limit.
	runs := synthScene(1, 10, 0).Cards
	if got := epochAxis(runs); got != 5 {
		t.Errorf("before any epoch: x axis to %v, want 5", got)
	}
	runs = synthScene(1, 10, 9).Cards
	if got := epochAxis(runs); got != 12 {
		t.Errorf("after 9 epochs: x axis to %v, want 12", got)
	}
	runs[0].MaxEpochs = 10
	if got := epochAxis(runs); got != 10 {
		t.Errorf("limit 10: x axis to %v, want 10", got)
	}
}
