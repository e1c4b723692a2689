//go:build !wasm

package site

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Compress gives every compressible file of the site a .br and a .gz sibling that
// decode to it, are smaller and carry its time, and leaves the rest alone: the site's
// files, its Version and the service worker's list do not change. A second run keeps
// the siblings; a changed file gets new ones; siblings of files that are gone, or that
// would not be smaller, are removed.
func TestCompressSite(t *testing.T) {
	needBrotli(t)
	dir := fakeSite(t)
	// Stand-ins the size of a real binary's first pages, which compress well.
	writeFile(t, dir, "web/app.wasm", "\x00asm"+strings.Repeat("\x01\x02 go wasm ", 5000))
	if err := Generate(dir); err != nil {
		t.Fatal(err)
	}
	version := versionOf(t, dir)
	site := allFiles(t, dir)
	contents := map[string]string{}
	for _, name := range site {
		contents[name] = readFile(t, dir, name)
	}

	files, err := compressDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newCompressor()
	if err != nil {
		t.Fatal(err)
	}
	var compressed, siblings []string
	for _, f := range files {
		compressed = append(compressed, f.name)
	}
	for _, name := range allFiles(t, dir) {
		if _, ok := siblingOf(name); ok {
			siblings = append(siblings, name)
		} else if !slices.Contains(site, name) || readFile(t, dir, name) != contents[name] {
			t.Errorf("Compress wrote or changed %s, a file of the site", name)
		}
	}
	for _, name := range site {
		if compressible(name) != slices.Contains(compressed, name) {
			t.Errorf("%s: compressed %v, want %v", name, slices.Contains(compressed, name), compressible(name))
		}
	}
	for _, name := range []string{"index.html", "app.js", "web/app.wasm", "web/style.css", "app-worker.js"} {
		for _, enc := range encodings {
			if !slices.Contains(siblings, name+enc.suffix) {
				t.Errorf("%s has no %s", name, enc.suffix)
			}
		}
	}
	for _, name := range siblings {
		original, _ := siblingOf(name)
		enc := encodings[slices.IndexFunc(encodings, func(e encoding) bool { return strings.HasSuffix(name, e.suffix) })]
		decoded, err := c.decode(enc, filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(decoded) != contents[original] {
			t.Errorf("%s does not decode to %s: %v", name, original, err)
		}
		sib, orig := stat(t, dir, name), stat(t, dir, original)
		if sib.Size() >= orig.Size() {
			t.Errorf("%s has %d bytes, %s %d: not smaller", name, sib.Size(), original, orig.Size())
		}
		if !sib.ModTime().Equal(orig.ModTime()) {
			t.Errorf("%s is dated %v, %s %v: Serve would take it for stale", name, sib.ModTime(), original, orig.ModTime())
		}
	}
	if slices.Contains(siblings, "web/icon-192.png.br") || slices.Contains(siblings, "web/worker.wasm.gz") {
		t.Errorf("siblings of a PNG or of a file they do not shrink: %q", siblings)
	}

	// Nothing the student gets changed: the Version (Generate again), and so the service
	// worker's list and the site's files (TestCachedFilesAreTheWholeSite).
	if err := Generate(dir); err != nil {
		t.Fatal(err)
	}
	if got := versionOf(t, dir); got != version {
		t.Errorf("the version changed from %s to %s with the .br and .gz files", version, got)
	}

	// Again: the siblings stay as they are; they follow a changed file; those of a file
	// that is gone, or that no longer shrinks, go.
	before := map[string]string{}
	for _, name := range siblings {
		before[name] = readFile(t, dir, name)
	}
	writeFile(t, dir, "web/style.css", contents["web/style.css"]+"\nbody { color: red; }\n")
	writeFile(t, dir, "web/app.wasm", "\x00asm")
	if err := os.Remove(filepath.Join(dir, "web", "canvas.js")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "web/gone.js.br", "a sibling left from before")
	if _, err := compressDir(dir); err != nil {
		t.Fatal(err)
	}
	after := allFiles(t, dir)
	for _, name := range siblings {
		original, _ := siblingOf(name)
		switch original {
		case "web/style.css":
			if readFile(t, dir, name) == before[name] {
				t.Errorf("%s did not follow web/style.css", name)
			}
		case "web/app.wasm", "web/canvas.js":
			if slices.Contains(after, name) {
				t.Errorf("%s was kept, though its file no longer shrinks or is gone", name)
			}
		default:
			if readFile(t, dir, name) != before[name] {
				t.Errorf("%s changed, though its file did not", name)
			}
		}
	}
	if slices.Contains(after, "web/gone.js.br") {
		t.Error("web/gone.js.br, a sibling of no file, was kept")
	}
}
