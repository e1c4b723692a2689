//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The encoding chosen for each Accept-Encoding, by the rules of HTTP: weights (q),
// "*", "identity", refusals (q=0); the smaller encoding on a tie; the file as it is
// without the header or when nothing is acceptable.
func TestNegotiate(t *testing.T) {
	both := encodings
	gzipOnly := encodings[1:]
	for _, tc := range []struct {
		header  []string // nil: no Accept-Encoding at all
		offered []encoding
		want    string // "identity": the file as it is
	}{
		{nil, both, "identity"},
		{[]string{""}, both, "identity"},
		{[]string{"gzip, deflate, br, zstd"}, both, "br"}, // Chromium over HTTPS
		{[]string{"gzip, deflate"}, both, "gzip"},
		{[]string{"br"}, both, "br"},
		{[]string{"br"}, gzipOnly, "identity"},
		{[]string{"gzip, br"}, gzipOnly, "gzip"},
		{[]string{"BR, GZip"}, both, "br"},
		{[]string{"br;q=0, gzip"}, both, "gzip"},
		{[]string{"br;q=0"}, both, "identity"},
		{[]string{"br; q=0.000"}, both, "identity"},
		{[]string{"gzip;q=1.0, br;q=0.5"}, both, "gzip"},
		{[]string{"br;q=0.5, gzip;q=0.5"}, both, "br"},
		{[]string{" gzip ; q=0.8 , br ; Q=0.9 "}, both, "br"},
		{[]string{"gzip", "br"}, both, "br"}, // two header lines
		{[]string{"*"}, both, "br"},
		{[]string{"*;q=0.5, br;q=0"}, both, "gzip"},
		{[]string{"*;q=0"}, both, "identity"},
		{[]string{"identity"}, both, "identity"},
		{[]string{"identity, gzip;q=0.5"}, both, "identity"},
		{[]string{"identity;q=0.5, gzip"}, both, "gzip"},
		{[]string{"identity;q=0, *;q=0"}, both, "identity"}, // nothing acceptable: the file anyway
		{[]string{"x-gzip"}, both, "gzip"},
		{[]string{"deflate, zstd"}, both, "identity"},
		{[]string{"br;q=2, gzip"}, both, "gzip"}, // not a weight: refused
		{[]string{"br;q=high, gzip"}, both, "gzip"},
		{[]string{"br;level=5"}, both, "br"}, // other parameters do not matter
		{[]string{",, br ,"}, both, "br"},
	} {
		got := "identity"
		if enc, ok := negotiate(tc.header, tc.offered); ok {
			got = enc.token
		}
		if got != tc.want {
			t.Errorf("Accept-Encoding %q, offering %v: got %s, want %s", tc.header, tc.offered, got, tc.want)
		}
	}
}

// -serve sends the sibling the browser accepts, with Content-Encoding, the file's type,
// the sibling's length and Vary; the file as it is otherwise; and everything else as
// before: the page of a folder, redirects, 404s, the sub-path.
func TestServePrecompressed(t *testing.T) {
	dir := t.TempDir()
	modified := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for name, content := range map[string]string{
		"index.html":       "the page",
		"index.html.br":    "br of the page",
		"index.html.gz":    "gz of the page",
		"web/app.wasm":     "\x00asm the binary",
		"web/app.wasm.br":  "br of the binary",
		"web/app.wasm.gz":  "gz of the binary",
		"web/style.css":    "the style",
		"web/style.css.gz": "gz of the style", // brotli was not smaller
		"web/old.js":       "the script, changed",
		"web/old.js.br":    "br of the old script",
		"web/icon.png":     "the icon",
		"favicon.ico":      "the favicon",
		"favicon.ico.br":   "br of the favicon",
	} {
		writeFile(t, dir, name, content)
		if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), time.Time{}, modified); err != nil {
			t.Fatal(err)
		}
	}
	// web/old.js changed after it was compressed: its sibling is stale.
	if err := os.Chtimes(filepath.Join(dir, "web", "old.js"), time.Time{}, modified.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}

	const chromium = "gzip, deflate, br, zstd"
	for _, tc := range []struct {
		method, path, accept string
		status               int
		encoding, body, typ  string // typ "": not checked
		vary                 bool
	}{
		{"GET", "", chromium, 200, "br", "br of the page", "text/html; charset=utf-8", true},
		{"GET", "", "", 200, "", "the page", "text/html; charset=utf-8", true},
		{"GET", "?labels=random&p=0.5", "gzip, deflate", 200, "gzip", "gz of the page", "text/html; charset=utf-8", true},
		{"GET", "index.html", chromium, http.StatusMovedPermanently, "", "", "", false},
		{"GET", "web/app.wasm", chromium, 200, "br", "br of the binary", "application/wasm", true},
		{"GET", "web/app.wasm", "gzip, deflate", 200, "gzip", "gz of the binary", "application/wasm", true},
		{"GET", "web/app.wasm", "br;q=0, gzip", 200, "gzip", "gz of the binary", "application/wasm", true},
		{"GET", "web/app.wasm", "br;q=0", 200, "", "\x00asm the binary", "application/wasm", true},
		{"GET", "web/app.wasm", "identity", 200, "", "\x00asm the binary", "application/wasm", true},
		{"GET", "web/app.wasm", "*", 200, "br", "br of the binary", "application/wasm", true},
		{"GET", "web/app.wasm", "", 200, "", "\x00asm the binary", "application/wasm", true},
		{"HEAD", "web/app.wasm", chromium, 200, "br", "", "application/wasm", true},
		{"GET", "web/style.css", chromium, 200, "gzip", "gz of the style", "text/css; charset=utf-8", true},
		{"GET", "web/style.css", "br", 200, "", "the style", "text/css; charset=utf-8", true},
		{"GET", "web/old.js", chromium, 200, "", "the script, changed", "text/javascript; charset=utf-8", false},
		{"GET", "web/icon.png", chromium, 200, "", "the icon", "image/png", false},
		{"GET", "favicon.ico", chromium, 200, "br", "br of the favicon", "image/x-icon", true},
		{"GET", "favicon.ico", "gzip", 200, "", "the favicon", "image/x-icon", true},
		{"GET", "web/missing.js", chromium, 404, "", "", "", false},
		{"GET", "web/", chromium, 200, "", "", "", false}, // a folder without a page: its listing, as before
	} {
		for _, base := range []string{"/", "/courses/ml/lab/"} {
			h, base := siteMux(dir, base)
			req := httptest.NewRequest(tc.method, base+tc.path, nil)
			if tc.accept != "" {
				req.Header.Set("Accept-Encoding", tc.accept)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			what := tc.method + " " + base + tc.path + " (Accept-Encoding: " + tc.accept + ")"
			if res.StatusCode != tc.status {
				t.Errorf("%s: status %d, want %d", what, res.StatusCode, tc.status)
				continue
			}
			if got := res.Header.Get("Content-Encoding"); got != tc.encoding {
				t.Errorf("%s: Content-Encoding %q, want %q", what, got, tc.encoding)
			}
			if got := res.Header.Get("Vary") == "Accept-Encoding"; got != tc.vary {
				t.Errorf("%s: Vary %q, want Accept-Encoding: %v", what, res.Header.Get("Vary"), tc.vary)
			}
			if tc.status != http.StatusOK || tc.body == "" && tc.method == "GET" {
				continue // a redirect, an error or a listing: http.FileServer's own answer
			}
			if got := res.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("%s: Cache-Control %q, want no-cache", what, got)
			}
			if got := rec.Body.String(); got != tc.body {
				t.Errorf("%s: body %q, want %q", what, got, tc.body)
			}
			if got := res.Header.Get("Content-Type"); got != tc.typ {
				t.Errorf("%s: Content-Type %q, want %q", what, got, tc.typ)
			}
			wantLength := len(tc.body)
			if tc.method == "HEAD" {
				wantLength = len("br of the binary")
			}
			if got := res.Header.Get("Content-Length"); got != strconv.Itoa(wantLength) {
				t.Errorf("%s: Content-Length %s, want %d", what, got, wantLength)
			}
			if got := res.Header.Get("Last-Modified"); got == "" {
				t.Errorf("%s: no Last-Modified", what)
			}
		}
	}
}

// A conditional request for a sibling gets 304, as for the file (the service worker's
// revalidation on install relies on it), and a range of a sibling is a range of its bytes.
func TestServePrecompressedConditional(t *testing.T) {
	dir := t.TempDir()
	modified := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for name, content := range map[string]string{"web/app.wasm": "\x00asm the binary", "web/app.wasm.br": "br of the binary"} {
		writeFile(t, dir, name, content)
		if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), time.Time{}, modified); err != nil {
			t.Fatal(err)
		}
	}
	h, _ := siteMux(dir, "/")
	for _, tc := range []struct {
		header, value    string
		status           int
		body             string
		length, encoding string // the headers
	}{
		{"If-Modified-Since", modified.Format(http.TimeFormat), http.StatusNotModified, "", "", ""},
		{"If-Modified-Since", modified.Add(-time.Hour).Format(http.TimeFormat), http.StatusOK, "br of the binary", "16", "br"},
		{"Range", "bytes=0-1", http.StatusPartialContent, "br", "2", "br"},
		{"Range", "bytes=99-", http.StatusRequestedRangeNotSatisfiable, "invalid range: failed to overlap\n", "", ""},
	} {
		req := httptest.NewRequest("GET", "/web/app.wasm", nil)
		req.Header.Set("Accept-Encoding", "br")
		req.Header.Set(tc.header, tc.value)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tc.status || rec.Body.String() != tc.body {
			t.Errorf("%s: %s: %d %q, want %d %q", tc.header, tc.value, rec.Code, rec.Body, tc.status, tc.body)
		}
		if got := rec.Header().Get("Content-Length"); got != tc.length {
			t.Errorf("%s: %s: Content-Length %q, want %q", tc.header, tc.value, got, tc.length)
		}
		if got := rec.Header().Get("Content-Encoding"); got != tc.encoding {
			t.Errorf("%s: %s: Content-Encoding %q, want %q", tc.header, tc.value, got, tc.encoding)
		}
	}
}

// needBrotli skips the test when the brotli command is missing.
func needBrotli(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("brotli"); err != nil {
		t.Skip("brotli is missing (apt-get install -y brotli, or make need-brotli): it writes the .br files")
	}
}

// -compress gives every compressible file of the site a .br and a .gz sibling that
// decode to it, are smaller and carry its time, and leaves the rest alone: the site's
// files, its Version and the service worker's list do not change. A second run keeps
// the siblings; a changed file gets new ones; siblings of files that are gone, or that
// would not be smaller, are removed.
func TestCompressSite(t *testing.T) {
	needBrotli(t)
	dir := fakeSite(t)
	// Stand-ins the size of a real binary's first pages, which compress well.
	writeFile(t, dir, "web/app.wasm", "\x00asm"+strings.Repeat("\x01\x02 go wasm ", 5000))
	if err := generate(dir); err != nil {
		t.Fatal(err)
	}
	version := versionOf(t, dir)
	site := allFiles(t, dir)
	contents := map[string]string{}
	for _, name := range site {
		contents[name] = readFile(t, dir, name)
	}

	files, err := compressSite(dir)
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
			t.Errorf("-compress wrote or changed %s, a file of the site", name)
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
			t.Errorf("%s is dated %v, %s %v: -serve would take it for stale", name, sib.ModTime(), original, orig.ModTime())
		}
	}
	if slices.Contains(siblings, "web/icon-192.png.br") || slices.Contains(siblings, "web/worker.wasm.gz") {
		t.Errorf("siblings of a PNG or of a file they do not shrink: %q", siblings)
	}

	// Nothing the student gets changed: the Version (generate again), and so the service
	// worker's list and the site's files (TestSiteFilesAreTheWholeSite).
	if err := generate(dir); err != nil {
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
	if _, err := compressSite(dir); err != nil {
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

// What -compress writes, -serve sends, and it decodes to the file.
func TestServeCompressedSite(t *testing.T) {
	needBrotli(t)
	dir := fakeSite(t)
	if _, err := compressSite(dir); err != nil {
		t.Fatal(err)
	}
	c, err := newCompressor()
	if err != nil {
		t.Fatal(err)
	}
	h, _ := siteMux(dir, "/")
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, name := range []string{"index.html", "app.js", "web/style.css"} {
		for _, enc := range encodings {
			req, err := http.NewRequest("GET", srv.URL+"/"+strings.TrimSuffix(name, "index.html"), nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Accept-Encoding", enc.token) // so that the client does not decode
			res, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(res.Body)
			res.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Header.Get("Content-Encoding"); got != enc.token {
				t.Errorf("%s: Content-Encoding %q, want %s", name, got, enc.token)
				continue
			}
			var decoded []byte
			switch enc.token {
			case "gzip":
				r, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				decoded, err = io.ReadAll(r)
			case "br":
				writeFile(t, dir, "received.br", string(body))
				decoded, err = c.decode(enc, filepath.Join(dir, "received.br"))
			}
			if err != nil || string(decoded) != readFile(t, dir, name) {
				t.Errorf("%s sent as %s does not decode to the file (%v)", name, enc.token, err)
			}
		}
	}
}

func stat(t *testing.T, dir, name string) os.FileInfo {
	t.Helper()
	info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return info
}
