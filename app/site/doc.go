//go:build !wasm

// Package site builds and serves the static site of Generalization Lab.
//
// Generalization Lab is a folder of static files: no server does any work. This package
// is what the native build of wasm/ui runs on that folder: Generate describes the site to
// go-app (an app.Handler: names, icons, styles, the service worker) and writes into it the
// site's hand-written files (in static/, embedded: the canvas page and its script, the
// training worker's script, the loader of every Go binary, the style sheet, the icons) and
// go-app's generated files, Compress writes compressed copies of its files, and Serve
// serves it for development. The folder, public/, is build output only.
//
//	go run ./wasm/ui -generate public                    # after building the .wasm files
//	go run ./wasm/ui -compress public                    # then: the .br and .gz files
//	go run ./wasm/ui -serve public -addr 127.0.0.1:8080  # any static server would do:
//	python3 -m http.server -d public 8080                # works just as well
//	go run ./wasm/ui -serve public -base /courses/ml/lab/ # the same folder under a sub-path
//
// Generate pre-renders the page, so the caller declares its routes first (app.Route), as
// wasm/ui's main does in both of its builds. None of this package is linked into app.wasm,
// which it would double (net/http, the file system, go-app's server side): its files build
// only natively, and a test checks that the browser's binary does not depend on it.
//
// # One folder, any path
//
// A teacher copies public/ to wherever their course lives: /, /lab/ or
// /courses/ml/lab/. The folder works at any of them without a rebuild, because every URL
// in it is relative to the folder itself. go-app writes absolute paths (/app.js,
// /web/app.wasm, /app-worker.js, /manifest.webmanifest) into what it generates, and its
// own answer to a sub-path (app.PrefixedLocation, app.GitHubPages) bakes one prefix into
// the build: a folder built for /courses/ml/lab/ breaks at /, and the teacher would need
// Go and our Makefile to move it. So Generate post-processes go-app's output instead:
//
//   - index.html, parsed and rendered again with golang.org/x/net/html: every src and
//     href to the site ("/web/style.css") becomes relative ("web/style.css"), the
//     Content-Security-Policy moves to the top of <head> (a <meta> policy only governs
//     what comes after it), the loader of the Go binaries comes before app.js, and the
//     attributes of every element are sorted (go-app writes them in map order, which
//     would change the file, and so the Version, on every build);
//   - app.js: the site's root is computed in the browser, as the folder of app.js
//     itself; go-app's root prefix (which its router strips from the page's path) and its
//     static-resource URL (which it puts in front of /web/ paths such as the brand icon)
//     follow from it, and the service worker and app.wasm are loaded relative to it;
//   - manifest.webmanifest: scope, start_url and icons are relative to the manifest;
//   - app-worker.js is our own template (serviceWorkerJS), not go-app's.
//
// The canvas page (canvas.html), its script and the training worker were written with
// relative paths from the start. The browser tests serve the folder at / and under
// /courses/ml/lab/ and train in both.
//
// # Offline
//
// go-app's service worker has three problems for a site that must work offline: it caches
// in an install handler that does not wait (the worker can activate before, or without,
// having cached anything, and a failed download is only logged), it matches requests by
// exact URL (a shared link, ?labels=random…, misses the cached page), and it lists the
// files by absolute path. serviceWorkerJS keeps go-app's model (cache everything at
// install, serve everything from the cache, replace it all when the Version changes) and
// fixes those: installing waits for every file of CachedFiles (and fails, keeping the
// previous version, if one is missing), each file is revalidated with the server rather
// than taken from a stale HTTP cache, the list is relative to the worker (so its scope is
// the site's folder), the query string is ignored (a static server ignores it too), and
// caches are named after the scope, so two copies of the site on one origin do not delete
// each other's files. The worker answers for every client in its scope, including the
// canvas iframe and the training workers it starts (web/worker.js importing wasm_exec.js
// and fetching worker.wasm).
//
// # Versions
//
// The service worker serves every cached file from the cache and only fetches them again
// when app-worker.js changes, and app-worker.js changes when the Version does. So the
// Version is a hash of every file the service worker caches, and of the service worker
// itself, as written (app.js and app-worker.js, which contain the Version, are hashed
// with a placeholder in its place): any rebuild that changes any file the student gets
// changes the version. A student's next visit then runs from the cache as before while
// the browser installs the new version in the background (a browser test does exactly
// this), and the visit after runs the new one. A rebuild that changes nothing keeps the
// version (Go builds with -trimpath are reproducible, and index.html is made so), so
// nobody downloads the same megabytes twice.
//
// A new version takes over at once (skipWaiting, as go-app's does), and a page already
// open gets the files it loads later from it: a page of the old version that starts a
// training worker after the update gets the new worker.wasm. go-app logs "… has been
// updated, reload to see changes" when that happens. The first visit is not claimed, so
// it runs from the network and go-app does not take the first install for an update.
//
// A link to index.html (…/index.html?seed=3) is a link to the folder: app.js rewrites
// the address before go-app routes it, and the service worker serves the cached page.
//
// # Nothing leaves the origin
//
// Every icon, style and script is one of the site's own files (go-app's default icon, for
// one, comes from GitHub, so the icons are always set); there are no web fonts (the style
// uses the system's), no CDN, no analytics. A Content-Security-Policy allowing only the
// page's own origin makes that a rule the browser enforces, not only a habit.
//
// # Precompressed files
//
// Most of the site is three Go WebAssembly binaries, 24 MB as built, which brotli shrinks
// to 4.4 MB and gzip to 6.1. Compressing them is slow at the levels that matter
// (brotli's best takes half a minute on canvas.wasm alone), far too slow for a server to
// do on each request, so it is done once, at build time: Compress (-compress, after
// -generate) writes next to every compressible file of the folder a .br sibling (brotli,
// quality 11) and a .gz sibling (gzip -9), each only if it is smaller than the file. A
// static server then sends, per request, the sibling that the browser's Accept-Encoding
// allows, with Content-Encoding set: nginx's brotli_static and gzip_static, Caddy's
// precompressed and Apache's rewrite recipes do; so does Serve.
//
// The siblings are not files of the site. The page never names them, so the service
// worker does not list them (a browser that received web/app.wasm.br decodes it and
// caches web/app.wasm), and the Version does not hash them: they follow from the files it
// hashes. Writing them changes nothing the student gets but the bytes on the wire.
//
// A sibling carries its original's modification time, and Serve sends a sibling only
// while the two agree: a file changed after Compress ran (a binary rebuilt by hand, the
// page generated again) is sent as it is, never as a stale compressed copy. Running
// Compress again keeps every sibling that still decodes to its original, so a rebuild
// that changed no file (Go builds are reproducible) does not spend brotli's time again.
package site
