package ui

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestPageNeverImportsTheCanvas enforces the architecture: Ebitengine takes over the
// document it runs in, so the page (package ui and its binary, wasm/ui) must never link
// it; the canvas lives in its own binary in an iframe. (That the server half, package
// genlab/app/site, stays out of app.wasm is app/site's TestNotInTheBrowser: go-app's own
// wasm build links a stub of net/http/httptest, so looking for that here proves nothing.)
func TestPageNeverImportsTheCanvas(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("needs the go command")
	}
	for _, env := range [][]string{nil, {"GOOS=js", "GOARCH=wasm"}} {
		cmd := exec.Command("go", "list", "-deps", "genlab/wasm/ui")
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list %v: %v\n%s", env, err, out)
		}
		deps := strings.Fields(string(out))
		for _, dep := range deps {
			// Nor the canvas's model of the runs (app/lab): what both sides must agree on
			// (the runs' variants and titles, how many fit) lives in sim and app/message.
			if strings.HasPrefix(dep, "github.com/hajimehoshi/ebiten") || dep == "genlab/app/canvas" || dep == "genlab/app/lab" {
				t.Errorf("%v: genlab/wasm/ui depends on %s", env, dep)
			}
		}
		if len(deps) == 0 || !strings.Contains(string(out), "genlab/app/ui") {
			t.Errorf("%v: go list gave no dependencies:\n%s", env, out)
		}
	}
}
