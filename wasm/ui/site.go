//go:build !wasm

package main

// The static site.
//
// Generalization Lab is a folder of static files: no server does any work. This file is
// the native half of the command: it describes the site to go-app (an app.Handler: names,
// icons, styles, the files the service worker caches for offline use), writes go-app's
// generated files into that folder, and serves the folder for development.
//
//	go run ./wasm/ui -generate public                    # after building the .wasm files
//	go run ./wasm/ui -serve public -addr 127.0.0.1:8080  # any static server would do
//
// Versions. go-app's service worker serves every cached file from the cache and only
// fetches again when app-worker.js changes, and app-worker.js changes when the Handler's
// Version does. So Version is a hash of every file the service worker caches that the
// build produces or we wrote (the three .wasm binaries, the scripts, the canvas page, the
// style and the icons): any rebuild that changes one of them changes the version and
// updates every student's copy, and a rebuild that changes nothing keeps it (Go builds
// with -trimpath are reproducible), so nobody downloads the same megabytes twice.

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Files of the site that the page names; URL paths from the site's root.
const (
	iconPNG192 = "/web/icon-192.png"
	iconPNG512 = "/web/icon-512.png"
	iconSVG    = "/web/icon.svg"
	styleSheet = "/web/style.css"
)

// cacheableResources lists the extra files the site needs offline: the canvas page and
// binary, the training worker, the Go runtime glue they load, the style and the icons.
func cacheableResources() []string {
	return []string{
		"/canvas.html",
		"/web/canvas.js",
		"/web/canvas.wasm",
		"/web/worker.wasm",
		"/web/worker.js",
		"/web/wasm_exec.js",
		styleSheet,
		iconSVG,
		iconPNG192,
		iconPNG512,
		"/favicon.ico",
	}
}

// versionedFiles are the files whose contents make up the Version: everything cached
// except what go-app generates (which embeds the Version, or is the same Go runtime glue
// as web/wasm_exec.js: make build copies the toolchain's over both).
func versionedFiles() []string {
	return append([]string{"/web/app.wasm"}, cacheableResources()...)
}

// contentSecurityPolicy enforces the promise that no request leaves the site: scripts,
// styles, images, frames, workers and fetches may only come from the page's own origin.
// 'wasm-unsafe-eval' lets the page compile its WebAssembly (and nothing else: no eval);
// 'unsafe-inline' for styles covers the style attributes go-app sets (the accuracy bars).
const contentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; " +
	"frame-src 'self'; " +
	"worker-src 'self'; " +
	"connect-src 'self'; " +
	"manifest-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'self'; " +
	"form-action 'none'"

// siteHandler describes the site to go-app. Every resource is local: go-app's default
// icon, for one, is fetched from GitHub, so the icons are always set.
func siteHandler(version string) *app.Handler {
	return &app.Handler{
		Name:      "Generalization Lab",
		ShortName: "Generalization Lab",
		Title:     "Generalization Lab: watch a network memorize random labels",
		Description: "A teaching simulator of Zhang et al. (2017), “Understanding deep learning requires " +
			"rethinking generalization”: the same network, trained in your browser on the same images " +
			"with true and with random labels, reaches 100% training accuracy on both, " +
			"but only the first generalizes to new images.",
		Keywords:        []string{"deep learning", "generalization", "memorization", "random labels", "teaching"},
		Lang:            "en",
		Icon:            app.Icon{Default: iconPNG192, Large: iconPNG512, Maskable: iconPNG512, SVG: iconSVG},
		BackgroundColor: "#f6f7f9",
		ThemeColor:      "#f6f7f9",
		LoadingLabel:    "Loading Generalization Lab… {progress}%",
		Styles:          []string{styleSheet},
		RawHeaders: []string{
			`<meta http-equiv="Content-Security-Policy" content="` + contentSecurityPolicy + `">`,
			`<meta name="referrer" content="no-referrer">`,
		},
		CacheableResources: cacheableResources(),
		Version:            version,
	}
}

// siteVersion hashes the versioned files under dir. It also returns the files that are
// missing, which the site needs but the build has not produced (yet).
func siteVersion(dir string) (version string, missing []string, err error) {
	h := sha256.New()
	for _, name := range versionedFiles() {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			missing = append(missing, name)
			fmt.Fprintf(h, "%s\x00missing\x00", name)
			continue
		case err != nil:
			return "", nil, err
		}
		// Length-prefixed, so that no two different sets of files hash alike.
		fmt.Fprintf(h, "%s\x00", name)
		_ = binary.Write(h, binary.LittleEndian, uint64(len(b)))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:20], missing, nil
}

// generate writes go-app's static files into dir, next to the built binaries.
func generate(dir string) error {
	version, missing, err := siteVersion(dir)
	if err != nil {
		return err
	}
	for _, m := range missing {
		fmt.Fprintf(os.Stderr, "warning: %s is missing: the site will not work offline until it is built\n", path.Join(dir, m))
	}
	if err := app.GenerateStaticWebsite(dir, siteHandler(version)); err != nil {
		return err
	}
	fmt.Printf("wrote the site into %s, version %s\n", dir, version)
	return nil
}

// serve serves dir over HTTP, as any static file server would, with two additions for
// development: no caching by the browser's HTTP cache (the service worker still caches),
// and the right types for WebAssembly and the web manifest, which some systems' MIME
// tables lack.
func serve(dir, addr string) error {
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return fmt.Errorf("%s has no index.html: run make build first (%w)", dir, err)
	}
	files := http.FileServer(http.Dir(dir))
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, ".wasm"):
			w.Header().Set("Content-Type", "application/wasm")
		case strings.HasSuffix(r.URL.Path, ".webmanifest"):
			w.Header().Set("Content-Type", "application/manifest+json")
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
	srv := &http.Server{Addr: addr, Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("serving %s on http://%s/\n", dir, addr)
	return srv.ListenAndServe()
}

// runSite is the command line of the native build.
func runSite() {
	fset := flag.NewFlagSet("ui", flag.ExitOnError)
	gen := fset.String("generate", "", "write go-app's static files (index.html, app.js, ...) into `dir`")
	dir := fset.String("serve", "", "serve the static site in `dir` over HTTP")
	addr := fset.String("addr", "127.0.0.1:8080", "the `address` to serve on")
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "usage: ui -generate public | ui -serve public [-addr host:port]")
		fset.PrintDefaults()
	}
	_ = fset.Parse(os.Args[1:])

	var err error
	switch {
	case *gen != "" && *dir == "":
		err = generate(*gen)
	case *dir != "" && *gen == "":
		err = serve(*dir, *addr)
	default:
		fset.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ui:", err)
		os.Exit(1)
	}
}
