//go:build !wasm

package site

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// make build compiles what go run ./wasm/ui -list binaries prints, one "file package" a
// line: the Binaries, each a main package of the module; -list files prints Files.
func TestListForMake(t *testing.T) {
	root := filepath.Join("..", "..")
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("go", append([]string{"run", "./wasm/ui"}, args...)...)
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go run ./wasm/ui %s: %v", strings.Join(args, " "), err)
		}
		return string(out)
	}
	var want strings.Builder
	for _, b := range Binaries() {
		want.WriteString(b.File + " " + b.Package + "\n")
		if !strings.HasPrefix(b.File, "web/") || !strings.HasSuffix(b.File, ".wasm") {
			t.Errorf("binary %s: not a .wasm file of web/", b.File)
		}
		cmd := exec.Command("go", "list", "-f", "{{.Name}}", b.Package)
		cmd.Dir = root
		cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
		if name, err := cmd.Output(); err != nil || strings.TrimSpace(string(name)) != "main" {
			t.Errorf("binary %s: package %s is %q (%v), want a main package", b.File, b.Package, name, err)
		}
	}
	if got := run("-list", "binaries"); got != want.String() {
		t.Errorf("-list binaries printed\n%s\nwant\n%s", got, want.String())
	}
	if got, want := run("-list", "files"), strings.Join(Files(), "\n")+"\n"; got != want {
		t.Errorf("-list files printed\n%s\nwant\n%s", got, want)
	}

	for _, args := range [][]string{{"-list", "everything"}, {"-list", "files", "-generate", "public"}} {
		var out strings.Builder
		if err := Command(args, &out); err == nil || !strings.Contains(out.String(), "usage: ui") {
			t.Errorf("Command(%q) = %v, usage %q; want an error and the usage", args, err, out.String())
		}
	}
}
