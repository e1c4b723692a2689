//go:build !wasm

package site

import (
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Serve serves dir over HTTP on addr, as a well-configured static file server would: the
// .br and .gz copies that Compress writes to the browsers that accept them, and the right
// types for WebAssembly and the web manifest, which some systems' MIME tables lack.
// For development, it also turns off caching by the browser's HTTP cache (the service
// worker still caches). With base other than "/", the site is served under that path (and
// / redirects there), as a course site would host it. It prints the address it serves on,
// which names the port the system chose for a port 0 (the browser benchmarks use that),
// and returns only on an error.
func Serve(dir, addr, base string) error {
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return fmt.Errorf("%s has no index.html: run make build first (%w)", dir, err)
	}
	handler, base := handlerAt(dir, base)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("serving %s on http://%s%s\n", dir, ln.Addr(), base)
	return srv.Serve(ln)
}

// Handler returns what Serve serves: the site in dir under base ("/", or a path such as
// /courses/ml/lab/). The browser tests measure a first visit through it.
func Handler(dir, base string) http.Handler {
	h, _ := handlerAt(dir, base)
	return h
}

// handlerAt serves dir under base, and returns base cleaned ("/", or "/a/b/").
func handlerAt(dir, base string) (http.Handler, string) {
	base = "/" + strings.Trim(base, "/") + "/"
	if base == "//" {
		return staticHandler(dir), "/"
	}
	mux := http.NewServeMux()
	mux.Handle(base, http.StripPrefix(strings.TrimSuffix(base, "/"), staticHandler(dir)))
	mux.Handle("/{$}", http.RedirectHandler(base, http.StatusFound))
	return mux, base
}

// staticHandler serves dir as a static file server (see Serve).
func staticHandler(dir string) http.Handler {
	root := http.Dir(dir)
	files := http.FileServer(root)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if t, ok := contentTypes[path.Ext(r.URL.Path)]; ok {
			w.Header().Set("Content-Type", t)
		}
		w.Header().Set("Cache-Control", "no-cache")
		if !servePrecompressed(w, r, root) {
			files.ServeHTTP(w, r)
		}
	})
}

// contentTypes are the types Serve sends for the kinds of files whose type some
// systems' MIME tables lack or name otherwise, so that every machine sends the same.
var contentTypes = map[string]string{
	".wasm":        "application/wasm", // WebAssembly.instantiateStreaming requires it
	".webmanifest": "application/manifest+json",
	".ico":         "image/x-icon",
}

// contentType returns the type of the file name, from its extension.
func contentType(name string) string {
	if t, ok := contentTypes[path.Ext(name)]; ok {
		return t
	}
	return mime.TypeByExtension(path.Ext(name))
}
