package screen

import (
	"bytes"
	"image"
	"testing"

	"genlab/app/message"
)

// A click on a tile of the random-labels run's wall tells the page to inspect that very
// example, and frames its tile at the next frame; a click beside the tiles does nothing.
func TestClickOpensTheInspector(t *testing.T) {
	h := newHarness(t, 2, true)
	h.ready()
	x, y, ex, found := 0, 0, 0, false
	for p := (image.Point{}); !found && p.Y < 400; p.Y++ {
		for p.X = 0; p.X < 640; p.X++ {
			if run, e, ok := h.loop.painter.TileAt(p.X, p.Y); ok && run == 1 {
				x, y, ex, found = p.X, p.Y, e, true
				break
			}
		}
	}
	if !found {
		t.Fatal("no tile of run 1 on the canvas")
	}
	before := bytes.Clone(h.loop.frame.Pix) // as painted by ready
	h.click(0, 0)
	if n := len(h.page.got); h.loop.Frame() != nil || n > 0 && h.page.got[n-1].Kind == message.Inspected {
		t.Fatal("a click beside the tiles opened something")
	}
	h.click(x, y)
	got := h.page.got[len(h.page.got)-1]
	if got.Kind != message.Inspected || got.Look.Run != 1 || got.Look.Example != ex {
		t.Fatalf("after a click on example %d of run 1, the page heard %s %+v", ex, got.Kind, got.Look)
	}
	h.update(-1, -1)
	f := h.loop.Frame()
	if f == nil || bytes.Equal(f.Pix, before) {
		t.Error("the inspected tile is not framed")
	}
	if len(h.warns) != 0 {
		t.Errorf("warned %q", h.warns)
	}
}
