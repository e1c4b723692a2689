package sim

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestCoreStaysPure enforces the architecture: the core never imports the browser, the
// canvas or the UI, so all of it runs and is tested natively; and what trains (the canvas
// and worker binaries link it) does not pull in gonum's mat, which would add megabytes.
func TestCoreStaysPure(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("needs the go command")
	}
	out, err := exec.Command("go", "list", "-deps", "genlab/sim/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"syscall/js", "github.com/hajimehoshi/ebiten", "github.com/maxence-charriere/go-app"} {
			if strings.HasPrefix(dep, banned) {
				t.Errorf("sim depends on %s", dep)
			}
		}
	}
	// sim/figure lays out figures for the canvas and the workers too.
	for _, pkg := range []string{"genlab/sim", "genlab/sim/figure"} {
		out, err = exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list: %v\n%s", err, out)
		}
		if strings.Contains(string(out), "gonum.org/v1/gonum/mat") {
			t.Errorf("%s links gonum's mat; keep it in sim/theory", pkg)
		}
	}
}
