//go:build e2e

package e2e

import (
	"bytes"
	"encoding/csv"
	"image/png"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestExport: the share panel's buttons download every run's curves as CSV (one row per
// run and epoch, with the numbers the readouts show) and the canvas as a PNG that
// decodes to the canvas's size and is not blank. Nothing is fetched: the files are made
// in the page. The downloads are kept in the test's artifact directory (go test
// -artifacts).
func TestExport(t *testing.T) {
	bctx, dir := newDownloadingBrowser(t)
	p := newTab(t, bctx, testTimeout)
	p.open(labURL(quickRuns + "&panels=readouts,share"))
	p.waitReady()
	p.stepReadouts(2)
	r := p.readouts()

	p.press("Download curves (CSV)")
	raw := waitFile(t, dir, "generalization-lab-curves.csv")
	p.waitUntil("the share panel to say it downloaded", loadTimeout,
		`document.querySelector(".share-panel").textContent.includes("Downloaded generalization-lab-curves.csv")`)
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v\n%s", err, raw)
	}
	header := "run,name,epoch,steps,lr,train_loss,train_acc,test_loss,test_acc,clean_acc,corrupt_acc,fitted"
	if len(rows) == 0 || strings.Join(rows[0], ",") != header {
		t.Fatalf("CSV header %q, want %q", rows[0], header)
	}
	t.Logf("CSV of %d bytes:\n%s", len(raw), raw)
	// One row per run and completed epoch, in order, whose last numbers are the readouts'.
	byRun := map[string][][]string{}
	for _, row := range rows[1:] {
		if len(row) != 12 {
			t.Fatalf("row %q has %d fields, want 12", row, len(row))
		}
		byRun[row[0]] = append(byRun[row[0]], row)
	}
	names := []string{"labels=true", "labels=random"}
	for run := range 2 {
		k := strconv.Itoa(run) + "/"
		epochs, _ := strconv.Atoi(r[k+"epoch"])
		got := byRun[strconv.Itoa(run+1)]
		if len(got) != epochs || epochs < 1 {
			t.Fatalf("run %d: %d rows, want one per completed epoch (%d)", run+1, len(got), epochs)
		}
		for i, row := range got {
			if row[1] != names[run] || row[2] != strconv.Itoa(i+1) {
				t.Errorf("run %d row %d: %q", run+1, i, row)
			}
			for col := 3; col < 12; col++ {
				if col == 10 && run == 0 { // corrupt_acc: true labels have none corrupted, so no value
					if row[col] != "" {
						t.Errorf("run %d: corrupt_acc %q without corrupted labels", run+1, row[col])
					}
					continue
				}
				if _, err := strconv.ParseFloat(row[col], 64); err != nil {
					t.Errorf("run %d row %d column %s: %q is not a number", run+1, i, rows[0][col], row[col])
				}
			}
		}
		last := got[len(got)-1]
		if last[6] != r[k+"train-acc"] || last[8] != r[k+"test-acc"] || last[11] != r[k+"fitted"] {
			t.Errorf("run %d: last row %q, readouts train %s test %s fitted %s", run+1, last, r[k+"train-acc"], r[k+"test-acc"], r[k+"fitted"])
		}
	}

	p.press("Download canvas (PNG)")
	raw = waitFile(t, dir, "generalization-lab-canvas.png")
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	size := evalJS[[]int](p, `(() => { const c = document.querySelector("iframe").contentWindow.document.querySelector("canvas"); return [c.width, c.height]; })()`)
	t.Logf("PNG %v, %d bytes; the canvas is %v", img.Bounds().Size(), len(raw), size)
	if img.Bounds().Dx() != size[0] || img.Bounds().Dy() != size[1] {
		t.Errorf("the PNG is %v, the canvas %v", img.Bounds().Size(), size)
	}
	checkNotBlank(t, "the exported PNG", img)
	// The exported picture is what the screen shows (no tooltip is up: the pointer is
	// on the button). A screenshot of the frame is what the browser composited.
	shotPNG, err := chromedp.Run(p.ctx, chromedp.Screenshot(chromedp.CSS("#canvas-frame")))
	if err != nil {
		t.Fatalf("screenshot of the canvas: %v", err)
	}
	shot, err := png.Decode(bytes.NewReader(shotPNG))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	// The element's box may be a fraction of a pixel off the canvas's: compare the
	// rectangle both cover, a pixel alike when no channel differs by more than 8.
	w, h := min(shot.Bounds().Dx(), img.Bounds().Dx()), min(shot.Bounds().Dy(), img.Bounds().Dy())
	differ := 0
	for y := range h {
		for x := range w {
			a, b := shot.At(shot.Bounds().Min.X+x, shot.Bounds().Min.Y+y), img.At(img.Bounds().Min.X+x, img.Bounds().Min.Y+y)
			ar, ag, ab, _ := a.RGBA()
			br, bg, bb, _ := b.RGBA()
			if far(ar, br) || far(ag, bg) || far(ab, bb) {
				differ++
			}
		}
	}
	t.Logf("the PNG differs from a screenshot of the canvas in %d of %d pixels", differ, w*h)
	if differ*20 > w*h {
		t.Errorf("the PNG differs from the canvas on screen in %d of %d pixels", differ, w*h)
	}
}
