package relay

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestStaysPure enforces the architecture: the switchboard never imports the browser,
// Ebitengine or go-app, so that all of it is tested natively.
func TestStaysPure(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("needs the go command")
	}
	out, err := exec.Command("go", "list", "-deps", "genlab/app/relay").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"syscall/js", "github.com/hajimehoshi/ebiten", "github.com/maxence-charriere/go-app"} {
			if strings.HasPrefix(dep, banned) {
				t.Errorf("app/relay depends on %s", dep)
			}
		}
	}
}
