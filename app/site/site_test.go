//go:build !wasm

package site

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/ui"
)

// declareRoutes declares the page's routes, as wasm/ui's main does: Generate pre-renders
// them into index.html.
func declareRoutes() {
	app.Route("/", func() app.Composer { return ui.NewLab() })
}

// fakeSite puts stand-ins for the built files into a temporary folder and generates the
// site there (sources and all), once the routes are declared.
func fakeSite(t *testing.T) string {
	t.Helper()
	declareRoutes()
	dir := t.TempDir()
	for _, name := range BuiltFiles() {
		writeFile(t, dir, name, "built "+name)
	}
	if err := Generate(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// allFiles lists every file under dir, slash-separated and relative to it.
func allFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name, _ := filepath.Rel(dir, p)
		names = append(names, filepath.ToSlash(name))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	return names
}

func stat(t *testing.T, dir, name string) os.FileInfo {
	t.Helper()
	info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// versionOf reads the Version stamped in a generated site, checking it is the same in
// the service worker and in app.js.
func versionOf(t *testing.T, dir string) string {
	t.Helper()
	m := regexp.MustCompile(`const version = "([0-9a-f]+)";`).FindStringSubmatch(readFile(t, dir, "app-worker.js"))
	if m == nil {
		t.Fatal("app-worker.js has no version")
	}
	if !strings.Contains(readFile(t, dir, "app.js"), `"GOAPP_VERSION":"`+m[1]+`"`) {
		t.Errorf("app.js does not carry the version %s of app-worker.js", m[1])
	}
	for _, name := range allFiles(t, dir) {
		if strings.Contains(readFile(t, dir, name), versionPlaceholder) {
			t.Errorf("%s still holds the version's placeholder", name)
		}
	}
	return m[1]
}

// needBrotli skips the test when the brotli command is missing.
func needBrotli(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("brotli"); err != nil {
		t.Skip("brotli is missing (apt-get install -y brotli, or make need-brotli): it writes the .br files")
	}
}
