//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSameRunWithoutSIMD: a browser that cannot run the SIMD kernels (here, a server
// without kernels.wasm; in the wild, Safari before 16.4) trains on the pure-Go path, says
// so next to the speed, and gets the same numbers, to the last bit of the losses, as a
// browser that runs them.
func TestSameRunWithoutSIMD(t *testing.T) {
	const query = "seed=5&" + quickRuns + "&panels=readouts"
	noKernels := serve(t, publicDir, serving{hidden: []string{"web/kernels.wasm"}})

	var got [2][]string
	for i, site := range []struct {
		url, path string
	}{
		{lab.URL, "(SIMD)"},
		{noKernels.URL, "(no SIMD)"},
	} {
		p := newTab(t, newBrowser(t), testTimeout)
		p.open(site.url + "/?" + query)
		p.waitReady()
		got[i] = p.stepLosses(2)
		for run := range 2 {
			unit := evalJS[string](p, fmt.Sprintf(
				`document.querySelector('[data-run="%d"][data-metric="ms-per-example"]').parentElement.querySelector(".unit").textContent.trim()`, run))
			if unit != site.path {
				t.Errorf("%s: run %d's speed says %q, want %q", site.url, run, unit, site.path)
			}
		}
		chromedp.Cancel(p.ctx)
	}
	t.Logf("with SIMD:\n  %s", strings.Join(got[0], "\n  "))
	if strings.Join(got[0], "\n") != strings.Join(got[1], "\n") {
		t.Errorf("the runs differ without SIMD:\nwith    %q\nwithout %q", got[0], got[1])
	}
}
