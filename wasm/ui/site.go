//go:build !wasm

package main

// The static site.
//
// Generalization Lab is a folder of static files: no server does any work. This file is
// the native half of the command: it describes the site to go-app (an app.Handler: names,
// icons, styles, the service worker), writes go-app's generated files into that folder,
// and serves the folder for development. compress.go writes and serves compressed copies
// of the files.
//
//	go run ./wasm/ui -generate public                    # after building the .wasm files
//	go run ./wasm/ui -compress public                    # then: the .br and .gz files
//	go run ./wasm/ui -serve public -addr 127.0.0.1:8080  # any static server would do:
//	python3 -m http.server -d public 8080                # works just as well
//	go run ./wasm/ui -serve public -base /courses/ml/lab/ # the same folder under a sub-path
//
// # One folder, any path
//
// A teacher copies public/ to wherever their course lives: /, /lab/ or
// /courses/ml/lab/. The folder works at any of them without a rebuild, because every URL
// in it is relative to the folder itself. go-app writes absolute paths (/app.js,
// /web/app.wasm, /app-worker.js, /manifest.webmanifest) into what it generates, and its
// own answer to a sub-path (app.PrefixedLocation, app.GitHubPages) bakes one prefix into
// the build: a folder built for /courses/ml/lab/ breaks at /, and the teacher would need
// Go and our Makefile to move it. So generate post-processes go-app's output instead:
//
//   - index.html: every src and href to the site ("/web/style.css") becomes relative
//     ("web/style.css"), the Content-Security-Policy moves to the top of <head> (a
//     <meta> policy only governs what comes after it), and the attributes of every tag
//     are sorted (go-app writes them in map order, which would change the file, and so
//     the Version, on every build);
//   - app.js: the site's root is computed in the browser, as the folder of app.js
//     itself; go-app's root prefix (which its router strips from the page's path) and its
//     static-resource URL (which it puts in front of /web/ paths such as the brand icon)
//     follow from it, and the service worker and app.wasm are loaded relative to it;
//   - manifest.webmanifest: scope, start_url and icons are relative to the manifest;
//   - app-worker.js is our own template (serviceWorkerJS below), not go-app's.
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
// fixes those: installing waits for every file of siteFiles (and fails, keeping the
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

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Files of the site that the page names, as go-app wants them: URL paths from the site's
// root (go-app resolves /web/ paths; generate makes them relative).
const (
	iconPNG192 = "/web/icon-192.png"
	iconPNG512 = "/web/icon-512.png"
	iconSVG    = "/web/icon.svg"
	styleSheet = "/web/style.css"
)

// siteFiles lists every file the site needs, relative to its folder: what the service
// worker caches at install and serves offline. "./" is the page (index.html).
func siteFiles() []string {
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

// notSiteFiles are files in the folder that the page never loads, so the service worker
// does not cache them: the README's screenshot.
var notSiteFiles = []string{"web/screenshot.png"}

// fileOf returns the file in the folder that serves the site URL u of siteFiles.
func fileOf(u string) string {
	if u == "./" {
		return "index.html"
	}
	return u
}

// generatedFiles are the files of the folder that generate writes (all others are
// sources or built binaries).
var generatedFiles = []string{"index.html", "app.js", "app-worker.js", "app.css", "manifest.webmanifest", "wasm_exec.js"}

// contentSecurityPolicy enforces the promise that no request leaves the site: scripts,
// styles, images, frames, workers and fetches may only come from the page's own origin.
// 'wasm-unsafe-eval' lets the page compile its WebAssembly (and nothing else: no eval);
// 'unsafe-inline' for styles covers the style attributes go-app sets (the accuracy bars).
// canvas.html carries its own policy, in the same spirit.
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

const cspMeta = `<meta http-equiv="Content-Security-Policy" content="` + contentSecurityPolicy + `">`

// versionPlaceholder stands for the Version while the files are written and hashed.
const versionPlaceholder = "GENLAB_VERSION_PLACEHOLDER"

// siteHandler describes the site to go-app.
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
			cspMeta, // moved to the top of <head> by generate
			`<meta name="referrer" content="no-referrer">`,
		},
		ServiceWorkerTemplate: serviceWorkerJS(),
		Version:               version,
	}
}

// serviceWorkerJS is app-worker.js (see "Offline" above). go-app replaces {{.Version}};
// the list of files is ours, relative to the worker, which sits in the site's folder.
func serviceWorkerJS() string {
	files, err := json.Marshal(siteFiles())
	if err != nil {
		panic(err)
	}
	return strings.ReplaceAll(serviceWorkerTemplate, "{{.Files}}", string(files))
}

const serviceWorkerTemplate = `// The service worker of Generalization Lab, written by go run ./wasm/ui -generate
// (see wasm/ui/site.go): after one visit, the whole site works without a network.
"use strict";

const version = "{{.Version}}";
const files = {{.Files}}; // relative to this script, which is at the site's root

// The scope is the site's folder; caches are named after it, so that two copies of the
// site on one origin (at two paths) keep their own files.
const scope = self.registration.scope;
const cachePrefix = "genlab " + new URL(scope).pathname + " ";
const cacheName = cachePrefix + version;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    // Every file, or none: if one is missing, installing fails and the previous version
    // stays. "no-cache" asks the server, so a stale copy from the HTTP cache never
    // enters a new version.
    await cache.addAll(files.map((f) => new Request(new URL(f, self.location.href), { cache: "no-cache" })));
    console.log("Generalization Lab " + version + ": " + files.length + " files cached for offline use");
    await self.skipWaiting();
  })());
});

// Activating deletes the previous version's files. It does not claim the pages open
// already: a first visit runs from the network (and go-app would take the claim for an
// update of the site); an update takes over the pages the previous version controlled.
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(cachePrefix) && key !== cacheName) {
        await caches.delete(key);
      }
    }
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope)) {
    return; // not one of the site's files: the browser fetches it as usual
  }
  event.respondWith(respond(request));
});

// respond serves a file of the site from the cache, whatever its query string (a shared
// link such as ./?labels=random is the page), and anything else from the network.
async function respond(request) {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (url.href === scope + "index.html") {
    url.href = scope;
  }
  const cache = await caches.open(cacheName);
  const cached = await cache.match(url.href);
  if (!cached) {
    return fetch(request);
  }
  if (cached.redirected) {
    // A server that redirected the folder to its index.html: a navigation may not be
    // answered with a redirected response, so hand over its contents only.
    return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers: cached.headers });
  }
  return cached;
}
`

// siteVersion hashes the files of dir that the service worker caches, and the service
// worker itself. It also returns the files that are missing: the site needs them but
// the build has not produced them (yet).
func siteVersion(dir string) (version string, missing []string, err error) {
	names := []string{"app-worker.js"}
	for _, u := range siteFiles() {
		names = append(names, fileOf(u))
	}
	h := sha256.New()
	for _, name := range names {
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

// generate writes go-app's static files into dir, next to the built binaries and the
// sources, makes them work from any folder, and stamps them with the site's Version.
func generate(dir string) error {
	if err := app.GenerateStaticWebsite(dir, siteHandler(versionPlaceholder)); err != nil {
		return err
	}
	// Go's wasm_exec.js must come from the toolchain that built app.wasm: make build
	// puts the toolchain's in web/, and it replaces go-app's copy.
	if glue, err := os.ReadFile(filepath.Join(dir, "web", "wasm_exec.js")); err == nil {
		if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), glue, 0o644); err != nil {
			return err
		}
	}
	for name, rewrite := range map[string]func([]byte) ([]byte, error){
		"index.html":           relativeIndex,
		"app.js":               relativeAppJS,
		"manifest.webmanifest": relativeManifest,
	} {
		if err := rewriteFile(filepath.Join(dir, name), rewrite); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}

	version, missing, err := siteVersion(dir)
	if err != nil {
		return err
	}
	for _, m := range missing {
		fmt.Fprintf(os.Stderr, "warning: %s is missing: the site will not work offline until it is built\n", path.Join(dir, m))
	}
	for _, name := range generatedFiles {
		err := rewriteFile(filepath.Join(dir, name), func(b []byte) ([]byte, error) {
			return bytes.ReplaceAll(b, []byte(versionPlaceholder), []byte(version)), nil
		})
		if err != nil {
			return err
		}
	}
	fmt.Printf("wrote the site into %s, version %s\n", dir, version)
	return nil
}

// rewriteFile replaces the contents of file by rewrite's result.
func rewriteFile(file string, rewrite func([]byte) ([]byte, error)) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	out, err := rewrite(b)
	if err != nil {
		return err
	}
	return os.WriteFile(file, out, 0o644)
}

var (
	// A tag as go-app writes it: attributes separated by one space, values in
	// strconv.Quote's double quotes (so a '"' inside is always escaped).
	goappTag  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?: [^\s="<>/]+(?:="(?:[^"\\]|\\.)*")?)+)(/?)>`)
	goappAttr = regexp.MustCompile(` [^\s="<>/]+(?:="(?:[^"\\]|\\.)*")?`)
	// A src or href to a path of the site.
	rootedURL = regexp.MustCompile(`(\s(?:src|href))="/([^/"][^"]*)?"`)
	// The Open Graph tags go-app fills with "https://" when the site has no domain.
	// (Matched once the attributes are sorted.)
	emptyOG = regexp.MustCompile(`\s*<meta content="https://" property="og:(?:url|image)">`)
)

// relativeIndex makes index.html work from any folder (see the file's comment).
func relativeIndex(b []byte) ([]byte, error) {
	s := string(b)
	if strings.Count(s, cspMeta) != 1 {
		return nil, errors.New("no Content-Security-Policy <meta> to move")
	}
	s = strings.Replace(s, "\n    "+cspMeta, "", 1)
	s = strings.Replace(s, cspMeta, "", 1) // if go-app indented it otherwise
	const charset = `<meta charset="UTF-8">`
	if !strings.Contains(s, charset) {
		return nil, errors.New("no <meta charset> to put the Content-Security-Policy after")
	}
	s = strings.Replace(s, charset, charset+"\n    "+cspMeta, 1)
	s = rootedURL.ReplaceAllStringFunc(s, func(m string) string {
		sub := rootedURL.FindStringSubmatch(m)
		if sub[2] == "" {
			return sub[1] + `="./"`
		}
		return sub[1] + `="` + sub[2] + `"`
	})
	s = goappTag.ReplaceAllStringFunc(s, func(tag string) string {
		sub := goappTag.FindStringSubmatch(tag)
		attrs := goappAttr.FindAllString(sub[2], -1)
		sort.Strings(attrs)
		return "<" + sub[1] + strings.Join(attrs, "") + sub[3] + ">"
	})
	s = emptyOG.ReplaceAllString(s, "")
	// The loader of every Go binary (web/loader.js) runs before app.js, which uses it.
	const appScript = `<script defer src="app.js"></script>`
	if strings.Count(s, appScript) != 1 {
		return nil, errors.New("no single app.js <script> to put the loader before")
	}
	s = strings.Replace(s, appScript, `<script defer src="web/loader.js"></script>`+"\n    "+appScript, 1)
	return []byte(s), nil
}

// The root of the site, computed in the browser: the folder app.js was loaded from.
const appJSRoot = `
// Generalization Lab (wasm/ui/site.go): the site's root is the folder of this script, so
// that the same files work at / and under any sub-path such as /courses/ml/lab/.
const genlabRoot = new URL(".", (document.currentScript && document.currentScript.src) || location.href).pathname;
goappEnv["GOAPP_ROOT_PREFIX"] = genlabRoot.replace(/\/$/, "");
goappEnv["GOAPP_STATIC_RESOURCES_URL"] = genlabRoot + "web";
// A link to index.html is a link to the folder, whose path is the page's route.
if (location.pathname === genlabRoot + "index.html") {
  history.replaceState(history.state, "", genlabRoot + location.search + location.hash);
}
`

// relativeAppJS makes app.js work from any folder (see the file's comment).
func relativeAppJS(b []byte) ([]byte, error) {
	s := string(b)
	env := regexp.MustCompile(`(?m)^const goappEnv = .*;\n`)
	if len(env.FindAllString(s, -1)) != 1 {
		return nil, errors.New("go-app's app.js no longer declares goappEnv on one line: check relativeAppJS")
	}
	s = env.ReplaceAllStringFunc(s, func(m string) string { return m + appJSRoot })
	for _, file := range []string{"app-worker.js", "web/app.wasm"} {
		quoted := `"/` + file + `"`
		if strings.Count(s, quoted) != 1 {
			return nil, fmt.Errorf("go-app's app.js names %s %d times, not once: check relativeAppJS", quoted, strings.Count(s, quoted))
		}
		s = strings.Replace(s, quoted, `genlabRoot + "`+file+`"`, 1)
	}
	if strings.Count(s, goappStart) != 1 {
		return nil, errors.New("go-app's app.js no longer starts app.wasm as it did: check relativeAppJS")
	}
	s = strings.Replace(s, goappStart, loaderStart, 1)
	return []byte(s), nil
}

// goappStart is how go-app's app.js starts app.wasm; loaderStart starts it with the site's
// one loader instead (web/loader.js, which index.html loads before app.js). The page
// itself never trains, so it gets no SIMD kernels: its binary only asks whether it has
// them.
const (
	goappStart = `    const wasm = await instantiateStreaming(
      fetchWithProgress(genlabRoot + "web/app.wasm", showProgress),
      go.importObject
    );

    go.run(wasm.instance);
`
	loaderStart = `    await genlabStartGo(go, fetchWithProgress(genlabRoot + "web/app.wasm", showProgress), null);
`
)

// relativeManifest makes the web manifest's URLs relative to itself, so the installed
// app's scope and start are the site's folder wherever it is.
func relativeManifest(b []byte) ([]byte, error) {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	m["scope"] = "./"
	m["start_url"] = "./"
	icons, _ := m["icons"].([]any)
	for _, icon := range icons {
		if icon, ok := icon.(map[string]any); ok {
			if src, ok := icon["src"].(string); ok {
				icon["src"] = strings.TrimPrefix(src, "/")
			}
		}
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// serve serves dir over HTTP, as a well-configured static file server would: the
// precompressed files to the browsers that accept them (see compress.go), and the right
// types for WebAssembly and the web manifest, which some systems' MIME tables lack. For
// development, it also turns off caching by the browser's HTTP cache (the service worker
// still caches). With base other than "/", the site is served under that path (and /
// redirects there), as a course site would host it. It prints the address it serves on,
// which names the port the system chose for a port 0 (the browser benchmarks use that).
func serve(dir, addr, base string) error {
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return fmt.Errorf("%s has no index.html: run make build first (%w)", dir, err)
	}
	handler, base := siteMux(dir, base)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("serving %s on http://%s%s\n", dir, ln.Addr(), base)
	return srv.Serve(ln)
}

// siteMux serves dir under base, and returns base cleaned ("/", or "/a/b/").
func siteMux(dir, base string) (http.Handler, string) {
	base = "/" + strings.Trim(base, "/") + "/"
	if base == "//" {
		return staticHandler(dir), "/"
	}
	mux := http.NewServeMux()
	mux.Handle(base, http.StripPrefix(strings.TrimSuffix(base, "/"), staticHandler(dir)))
	mux.Handle("/{$}", http.RedirectHandler(base, http.StatusFound))
	return mux, base
}

// staticHandler serves dir as a static file server (see serve).
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

// runSite is the command line of the native build.
func runSite() {
	fset := flag.NewFlagSet("ui", flag.ExitOnError)
	gen := fset.String("generate", "", "write go-app's static files (index.html, app.js, ...) into `dir`")
	comp := fset.String("compress", "", "write the .br and .gz copies of the compressible files in `dir` (after -generate)")
	dir := fset.String("serve", "", "serve the static site in `dir` over HTTP")
	addr := fset.String("addr", "127.0.0.1:8080", "the `address` to serve on (port 0: any free port)")
	base := fset.String("base", "/", "with -serve, the `path` to serve the site under, e.g. /courses/ml/lab/")
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "usage: ui -generate public | ui -compress public | ui -serve public [-addr host:port] [-base /path/]")
		fset.PrintDefaults()
	}
	_ = fset.Parse(os.Args[1:])

	var err error
	switch {
	case *gen != "" && *comp == "" && *dir == "":
		err = generate(*gen)
	case *comp != "" && *gen == "" && *dir == "":
		err = compress(*comp)
	case *dir != "" && *gen == "" && *comp == "":
		err = serve(*dir, *addr, *base)
	default:
		fset.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ui:", err)
		os.Exit(1)
	}
}
