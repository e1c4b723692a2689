package screen

import (
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestStaysPure enforces the architecture: the canvas's loop never imports the browser,
// Ebitengine or go-app, so that all of it is tested natively; nor gonum's matrices, which
// only the science needs (and which would grow canvas.wasm).
func TestStaysPure(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("needs the go command")
	}
	out, err := exec.Command("go", "list", "-deps", "genlab/app/screen").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "genlab/app/relay") {
		t.Fatalf("go list gave no dependencies of genlab/app/screen:\n%s", out)
	}
	for _, dep := range deps {
		for _, banned := range []string{"syscall/js", "github.com/hajimehoshi/ebiten", "github.com/maxence-charriere/go-app", "gonum.org/v1/gonum/mat"} {
			if strings.HasPrefix(dep, banned) {
				t.Errorf("app/screen depends on %s", dep)
			}
		}
	}
}
