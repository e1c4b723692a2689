//go:build !wasm

package site

import "slices"

// The files of the site. Its folder holds three kinds: the hand-written sources
// (static/, Sources), the files Generate writes (go-app's, made relative, and the service
// worker), and the files make build compiles or copies in before Generate runs
// (BuiltFiles). This file is the one list of them: the service worker caches what they
// add up to, the Version hashes it, make build compiles the Binaries it names (go run
// ./wasm/ui -list binaries), and the tests, here and in app/e2e, check the folder
// against it.

// A Binary is one of the site's Go programs, which make build compiles to WebAssembly.
type Binary struct {
	File    string // in the site's folder, e.g. web/app.wasm
	Package string // the package it is built from, e.g. genlab/wasm/ui
}

// Binaries returns the site's Go programs: the page, the canvas in its iframe, the
// training worker the canvas starts, and the theory worker it starts for the figures
// that need no training.
func Binaries() []Binary {
	return []Binary{
		{File: "web/app.wasm", Package: "genlab/wasm/ui"},
		{File: "web/canvas.wasm", Package: "genlab/wasm/canvas"},
		{File: "web/worker.wasm", Package: "genlab/wasm/worker"},
		{File: "web/theory.wasm", Package: "genlab/wasm/theory"},
	}
}

// OnDemandFiles returns the files of the site that only some views use: the theory
// worker, which gonum's linear algebra makes the largest download after the page's
// own, and which only the theorem1 and kernel figures start. The service worker caches
// them when they are first fetched rather than at install, so that a first visit does
// not download them; a student who opened such a figure once has it offline too.
func OnDemandFiles() []string {
	return []string{"web/theory.js", "web/theory.wasm"}
}

// BuiltFiles returns the files of the site that make build writes before Generate runs:
// the Binaries, the SIMD kernels (assembled from wasm/kernels/kernels.wat) and Go's
// wasm_exec.js, which must come from the toolchain that built the binaries.
func BuiltFiles() []string {
	var files []string
	for _, b := range Binaries() {
		files = append(files, b.File)
	}
	return append(files, "web/kernels.wasm", "web/wasm_exec.js")
}

// generatedFiles returns the files Generate writes besides the Sources: go-app's, and
// our service worker.
func generatedFiles() []string {
	return []string{"index.html", "app.js", "app-worker.js", "app.css", "manifest.webmanifest", "wasm_exec.js"}
}

// serviceWorker is the file of the service worker, which caches every other file.
const serviceWorker = "app-worker.js"

// Files returns every file of the built site, slash-separated and relative to its
// folder, in lexical order. (The compressed copies that Compress writes beside them are
// not files of the site: nothing names them.)
func Files() []string {
	files := slices.Concat(Sources(), generatedFiles(), BuiltFiles())
	slices.Sort(files)
	return slices.Compact(files)
}

// CachedFiles returns what the service worker caches at install and serves offline:
// every file of the site but the worker itself and the OnDemandFiles, as URLs relative
// to the site's folder,
// the page first as "./" (the folder, as links name it, rather than index.html).
func CachedFiles() []string {
	urls := []string{"./"}
	for _, f := range Files() {
		if f != "index.html" && f != serviceWorker && !slices.Contains(OnDemandFiles(), f) {
			urls = append(urls, f)
		}
	}
	return urls
}

// fileOf returns the file in the folder that serves the site URL u of CachedFiles.
func fileOf(u string) string {
	if u == "./" {
		return "index.html"
	}
	return u
}
