//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Serve serves the folder at / or under a sub-path, with WebAssembly's type.
func TestServeUnderABase(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "index.html", "the page")
	writeFile(t, dir, "web/app.wasm", "\x00asm")
	for _, tc := range []struct{ base, clean string }{{"", "/"}, {"/", "/"}, {"courses/ml/lab", "/courses/ml/lab/"}, {"/courses/ml/lab/", "/courses/ml/lab/"}} {
		h, base := handlerAt(dir, tc.base)
		if base != tc.clean {
			t.Errorf("base %q cleaned to %q, want %q", tc.base, base, tc.clean)
		}
		get := func(p string) *httptest.ResponseRecorder {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
			return rec
		}
		if rec := get(base); rec.Code != http.StatusOK || rec.Body.String() != "the page" {
			t.Errorf("base %q: GET %s: %d %q", tc.base, base, rec.Code, rec.Body)
		}
		if rec := get(base + "?labels=random"); rec.Code != http.StatusOK {
			t.Errorf("base %q: a link with a query: %d", tc.base, rec.Code)
		}
		if rec := get(base + "web/app.wasm"); rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/wasm" {
			t.Errorf("base %q: app.wasm: %d, type %q", tc.base, rec.Code, rec.Header().Get("Content-Type"))
		}
		if base != "/" {
			if rec := get("/"); rec.Code != http.StatusFound || rec.Header().Get("Location") != base {
				t.Errorf("base %q: / answers %d to %q, want a redirect to the site", tc.base, rec.Code, rec.Header().Get("Location"))
			}
			if rec := get("/web/app.wasm"); rec.Code != http.StatusNotFound {
				t.Errorf("base %q: the site is also served at the root: %d", tc.base, rec.Code)
			}
		}
	}
}

// Serve sends the sibling the browser accepts, with Content-Encoding, the file's type,
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
			h, base := handlerAt(dir, base)
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
	h, _ := handlerAt(dir, "/")
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

// What Compress writes, Serve sends, and it decodes to the file.
func TestServeCompressedSite(t *testing.T) {
	needBrotli(t)
	dir := fakeSite(t)
	if _, err := compressDir(dir); err != nil {
		t.Fatal(err)
	}
	c, err := newCompressor()
	if err != nil {
		t.Fatal(err)
	}
	h, _ := handlerAt(dir, "/")
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

// The site tool takes exactly one of its three commands, and says how to use it otherwise.
func TestCommandLine(t *testing.T) {
	for _, args := range [][]string{nil, {"-generate", "a", "-serve", "b"}, {"-compress", "a", "-generate", "b"}, {"-nonsense"}} {
		var out strings.Builder
		if err := Command(args, &out); err == nil || !strings.Contains(out.String(), "usage: ui") {
			t.Errorf("Command(%q) = %v, usage %q; want an error and the usage", args, err, out.String())
		}
	}
	dir := t.TempDir()
	if err := Command([]string{"-compress", dir}, io.Discard); err != nil {
		t.Errorf("Command(-compress on an empty folder) = %v", err)
	}
}
