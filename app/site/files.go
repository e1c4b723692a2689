//go:build !wasm

package site

// cachedFiles lists every file the site needs, relative to its folder: what the service
// worker caches at install and serves offline, and what the Version hashes. "./" is the
// page (index.html).
func cachedFiles() []string {
	return []string{
		"./", // index.html
		"app.css",
		"app.js",
		"manifest.webmanifest",
		"wasm_exec.js",
		"favicon.ico",
		"canvas.html",
		"web/app.wasm",
		"web/canvas.js",
		"web/canvas.wasm",
		"web/icon-192.png",
		"web/icon-512.png",
		"web/icon.svg",
		"web/kernels.wasm",
		"web/loader.js",
		"web/style.css",
		"web/wasm_exec.js",
		"web/worker.js",
		"web/worker.wasm",
	}
}

// fileOf returns the file in the folder that serves the site URL u of cachedFiles.
func fileOf(u string) string {
	if u == "./" {
		return "index.html"
	}
	return u
}

// generatedFiles are the files of the folder that Generate writes (all others are
// sources or built binaries).
var generatedFiles = []string{"index.html", "app.js", "app-worker.js", "app.css", "manifest.webmanifest", "wasm_exec.js"}
