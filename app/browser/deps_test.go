package browser

import (
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// goList returns what go list -f format says of pkg, built for the browser.
func goList(t *testing.T, format, pkg string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-f", format, pkg)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", pkg, err, out)
	}
	return strings.Fields(string(out))
}

// TestCanvasOnlyWires enforces the architecture: the canvas binary's own code calls no
// JavaScript; its glue is this package, in one place, and its logic app/screen.
func TestCanvasOnlyWires(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("needs the go command")
	}
	imports := goList(t, `{{join .Imports " "}}`, "genlab/wasm/canvas")
	for _, want := range []string{"genlab/app/screen", "genlab/app/browser"} {
		if !slices.Contains(imports, want) {
			t.Errorf("wasm/canvas does not import %s (imports %q)", want, imports)
		}
	}
	if slices.Contains(imports, "syscall/js") {
		t.Error("wasm/canvas imports syscall/js: its JavaScript belongs in genlab/app/browser")
	}
}

// TestGlueOnly: this package imports none of the canvas's logic, so that the worker
// binary, which uses Warn, does not link the canvas (its relay alone is 240 kB).
func TestGlueOnly(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("needs the go command")
	}
	deps := goList(t, `{{join .Deps " "}}`, "genlab/app/browser")
	if !slices.Contains(deps, "genlab/app/message") {
		t.Fatalf("go list gave no dependencies of genlab/app/browser: %q", deps)
	}
	for _, dep := range deps {
		for _, banned := range []string{"genlab/app/relay", "genlab/app/screen", "genlab/app/lab", "genlab/app/canvas", "github.com/hajimehoshi/ebiten", "github.com/maxence-charriere/go-app"} {
			if strings.HasPrefix(dep, banned) {
				t.Errorf("app/browser depends on %s", dep)
			}
		}
	}
}
