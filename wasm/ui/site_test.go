//go:build !wasm

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// No request may leave the site: every icon, style and cached file is a local path.
func TestHandlerIsLocal(t *testing.T) {
	h := siteHandler("test")
	local := append([]string{h.Icon.Default, h.Icon.Large, h.Icon.SVG, h.Icon.Maskable}, h.Styles...)
	local = append(local, h.CacheableResources...)
	for _, p := range local {
		if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
			t.Errorf("%q is not a path of the site", p)
		}
	}
	for _, want := range []string{"/canvas.html", "/web/canvas.js", "/web/canvas.wasm", "/web/worker.wasm", "/web/worker.js", "/web/style.css", "/web/icon-192.png", "/web/icon.svg"} {
		if !slices.Contains(h.CacheableResources, want) {
			t.Errorf("the service worker does not cache %s", want)
		}
	}
	if h.Name != "Generalization Lab" || h.ShortName != "Generalization Lab" || h.Title == "" || h.Description == "" || h.Version != "test" {
		t.Errorf("handler %+v", h)
	}
}

// Every file the site names exists among the sources (or is built by make build).
func TestSiteFilesExist(t *testing.T) {
	built := map[string]bool{"/web/app.wasm": true, "/web/canvas.wasm": true, "/web/worker.wasm": true, "/web/wasm_exec.js": true}
	for _, name := range versionedFiles() {
		if built[name] {
			continue
		}
		if _, err := os.Stat(filepath.Join("..", "..", "public", filepath.FromSlash(name))); err != nil {
			t.Errorf("public%s: %v", name, err)
		}
	}
}

func TestVersionFollowsTheFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range versionedFiles() {
		write(name, "contents of "+name)
	}
	v1, missing, err := siteVersion(dir)
	if err != nil || len(missing) != 0 {
		t.Fatalf("version: %v, missing %q", err, missing)
	}
	if v2, _, _ := siteVersion(dir); v2 != v1 {
		t.Errorf("same files, versions %s and %s: students would download the site again for nothing", v1, v2)
	}
	for _, name := range []string{"/web/app.wasm", "/web/canvas.wasm", "/web/worker.wasm", "/web/style.css", "/canvas.html"} {
		write(name, "rebuilt "+name)
		v, _, _ := siteVersion(dir)
		if v == v1 {
			t.Errorf("%s changed and the version did not: students would keep the old one", name)
		}
		v1 = v
	}
	if err := os.Remove(filepath.Join(dir, "web", "canvas.wasm")); err != nil {
		t.Fatal(err)
	}
	v, missing, err := siteVersion(dir)
	if err != nil || v == v1 || !slices.Equal(missing, []string{"/web/canvas.wasm"}) {
		t.Errorf("without canvas.wasm: version %s (was %s), missing %q, %v", v, v1, missing, err)
	}
}

// The generated site names only local files, has a pre-rendered page with the canvas
// frame empty (the page sets its src once mounted), and caches what it needs offline.
func TestGenerateWritesALocalSite(t *testing.T) {
	routes()
	dir := t.TempDir()
	for _, name := range versionedFiles() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := generate(dir); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	index := read("index.html")
	if m := regexp.MustCompile(`(src|href)="(https?:)?//[^"]*"`).FindAllString(index, -1); len(m) > 0 {
		t.Errorf("index.html fetches from elsewhere: %q", m)
	}
	for _, want := range []string{`<iframe`, `id="canvas-frame"`, "Content-Security-Policy", "/web/style.css", "Generalization Lab"} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if frame := index[strings.Index(index, "<iframe"):]; strings.Contains(frame[:strings.Index(frame, ">")], "src") {
		t.Error("the pre-rendered iframe has a src: the canvas would load twice")
	}

	version, _, _ := siteVersion(dir)
	worker := read("app-worker.js")
	for _, want := range append([]string{version, "/web/app.wasm"}, cacheableResources()...) {
		if !strings.Contains(worker, `"`+want+`"`) && !strings.Contains(worker, want) {
			t.Errorf("app-worker.js lacks %q", want)
		}
	}

	var manifest struct {
		Name  string `json:"name"`
		Icons []struct {
			Src string `json:"src"`
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(read("manifest.webmanifest")), &manifest); err != nil {
		t.Fatal(err)
	}
	if manifest.Name != "Generalization Lab" || len(manifest.Icons) == 0 {
		t.Errorf("manifest %+v", manifest)
	}
	for _, icon := range manifest.Icons {
		if !strings.HasPrefix(icon.Src, "/web/") {
			t.Errorf("manifest icon %q is not local", icon.Src)
		}
	}
	for _, name := range []string{"app.js", "app.css", "wasm_exec.js"} {
		read(name)
	}
}
