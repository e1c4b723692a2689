//go:build !wasm

package site

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestNotInTheBrowser enforces the architecture: the site tool's half of wasm/ui (this
// package: net/http, the file system, go-app's server side) is linked into the native
// build only, never into app.wasm, which it would double.
func TestNotInTheBrowser(t *testing.T) {
	for _, tc := range []struct {
		env  []string
		want bool
	}{
		{nil, true}, // the site tool: so the check below is not vacuous
		{[]string{"GOOS=js", "GOARCH=wasm"}, false},
	} {
		cmd := exec.Command("go", "list", "-deps", "genlab/wasm/ui")
		cmd.Env = append(os.Environ(), tc.env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list %v: %v\n%s", tc.env, err, out)
		}
		deps := strings.Fields(string(out))
		if !slices.Contains(deps, "genlab/app/ui") {
			t.Errorf("%v: go list gave no dependencies of genlab/wasm/ui:\n%s", tc.env, out)
		}
		if got := slices.Contains(deps, "genlab/app/site"); got != tc.want {
			t.Errorf("%v: genlab/wasm/ui depends on genlab/app/site: %v, want %v", tc.env, got, tc.want)
		}
	}
}
