package canvas

import (
	"image"
	"testing"
)

// TestZoomedWall: a zoomed wall holds the examples of one label only, as tiles of 24 CSS
// pixels or more with the image drawn in whole blocks; on a phone, where those would be cut
// off, as smaller tiles that all fit, still one CSS pixel or more per pixel of the image;
// and a click on one of its tiles finds its example (the page's inspector opens from TileAt).
func TestZoomedWall(t *testing.T) {
	for _, tc := range []struct {
		w, h    int
		density float64
		minCSS  int // the smallest tile wanted, in CSS pixels: 0 for the images' side + 2
	}{{1280, 720, 1, 24}, {750, 1400, 2, 0}} {
		sc := synthScene(2, 1500, 20)
		sc.Zoom, sc.Density = 4, tc.density
		p, _ := paint(sc, tc.w, tc.h)
		u := int(tc.density)
		for r := range sc.Cards {
			w := &p.lay.runs[r].wall
			im := sc.Cards[r].Images
			if w.k != 1 || w.first != 3 {
				t.Fatalf("run %d: %d groups from label %d, want 1 from label 3", r, w.k, w.first)
			}
			least := tc.minCSS * u
			if least == 0 {
				least = im.Side*u + 2
			}
			if w.s < least || w.t%im.Side != 0 || w.t < im.Side*u {
				t.Errorf("run %d: tile %d px, image %d px for side %d: want ≥ %d px and whole blocks of %d px or more", r, w.s, w.t, im.Side, least, u)
			}
			if w.s < 24*u && w.shown < w.counts[0] {
				t.Errorf("run %d: tiles of %d px, below 24 CSS px, and still only %d of %d shown", r, w.s, w.shown, w.counts[0])
			}
			if tc.minCSS == 0 && w.shown != w.counts[0] {
				t.Errorf("run %d on a phone: %d of the label's %d tiles shown, want all", r, w.shown, w.counts[0])
			}
			for i, l := range im.Labels {
				rect := w.rectOf(i)
				if (l == 3) != !rect.Empty() && !(l == 3 && w.shown < w.counts[0]) {
					t.Fatalf("run %d: example %d of label %d has tile %v", r, i, l, rect)
				}
				if rect.Empty() || !rect.In(w.area) {
					continue
				}
				c := rect.Min.Add(rect.Max).Div(2)
				if run, ex, ok := p.TileAt(c.X, c.Y); !ok || run != r || ex != i {
					t.Fatalf("run %d: TileAt the centre of example %d's tile = %d, %d, %v", r, i, run, ex, ok)
				}
			}
			if w.shown == 0 {
				t.Errorf("run %d: no tile shown", r)
			}
		}
		// Back to the whole wall.
		sc.Zoom = 0
		p.Paint(image.NewRGBA(image.Rect(0, 0, tc.w, tc.h)), sc)
		if w := &p.lay.runs[0].wall; w.k != testK || w.start[w.k] != 1500 {
			t.Errorf("unzoomed: %d groups of %d tiles", w.k, w.start[w.k])
		}
	}
}
