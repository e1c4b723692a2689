//go:build e2e

package e2e

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// The corruption sweep (Fig. 1b, 1c) opened by its link fills in as its runs end: the
// table shows test error rising with p and every level fitted, and the same link opened
// again gives the very same numbers.
func TestFigureSweepByLink(t *testing.T) {
	const link = "figure=sweep&levels=3&panels=readouts,share"
	bctx := newBrowser(t)
	dir := t.ArtifactDir()
	if _, err := chromedp.CallBrowser(bctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
	}); err != nil {
		t.Fatalf("setting the download folder: %v", err)
	}
	p := newTab(t, bctx, testTimeout)
	p.open(labURL(link))
	p.waitUntil("the figure's table and Play", loadTimeout,
		`document.getElementById("figure-progress") && `+buttonEnabledJS("Play"))
	if evalJS[bool](p, buttonEnabledJS("Step")) || evalJS[bool](p, `!!document.getElementById("speed")`) {
		t.Error("Step or the speed offered for a figure, whose runs train to their end at full speed")
	}
	p.press("Play")
	p.waitFigureDone(3 * trainTimeout)
	first := p.figureCells()
	num := func(key string) float64 {
		v, err := strconv.ParseFloat(first[key], 64)
		if err != nil {
			t.Fatalf("cell %s = %q: %v (cells %v)", key, first[key], err, first)
		}
		return v
	}
	if e0, e5, e1 := num("p=0 test-error"), num("p=0.5 test-error"), num("p=1 test-error"); !(e0 < e5 && e5 < e1) {
		t.Errorf("test error %.3f, %.3f, %.3f at p = 0, 0.5, 1: want it rising with p", e0, e5, e1)
	}
	for _, key := range []string{"p=0", "p=0.5", "p=1"} {
		if num(key+" train-acc") != 1 || num(key+" steps-to-fit") <= 0 {
			t.Errorf("%s: train accuracy %s, steps to fit %s: want every level fitted", key, first[key+" train-acc"], first[key+" steps-to-fit"])
		}
	}
	if got := evalJS[string](p, `location.search`); got != "?"+link {
		t.Errorf("the address bar says %q, want ?%s", got, link)
	}

	// Its CSV holds the very numbers of the table, one line per run and metric.
	p.press("Download the figure's numbers (CSV)")
	rows, err := csv.NewReader(bytes.NewReader(waitFile(t, dir, "generalization-lab-sweep.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+3*4 || strings.Join(rows[0], ",") != "figure,key,seed,metric,value" {
		t.Fatalf("CSV %q: want a header and 12 lines", rows)
	}
	for _, row := range rows[1:] {
		if row[0] != "sweep" || row[2] != "1" || row[4] != first[row[1]+" "+row[3]] {
			t.Errorf("CSV line %q; the table says %s", row, first[row[1]+" "+row[3]])
		}
	}

	p.open(labURL(link)) // anew: a new canvas, new workers, the same link
	p.waitUntil("the figure's table and Play again", loadTimeout,
		`document.getElementById("figure-progress") && document.getElementById("figure-progress").value === 0 && `+buttonEnabledJS("Play"))
	p.press("Play")
	p.waitFigureDone(3 * trainTimeout)
	if second := p.figureCells(); len(second) != len(first) {
		t.Errorf("replayed: %d cells, first %d", len(second), len(first))
	} else {
		for k, v := range first {
			if second[k] != v {
				t.Errorf("replayed: %s = %s, first %s", k, second[k], v)
			}
		}
	}
}
