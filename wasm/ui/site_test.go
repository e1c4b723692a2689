//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// publicDir is the site's folder in the repository: the sources make build builds around.
var publicDir = filepath.Join("..", "..", "public")

// builtFiles are the files of the site that make build compiles or copies (the others
// are sources in public/, or written by generate).
var builtFiles = []string{"web/app.wasm", "web/canvas.wasm", "web/worker.wasm", "web/kernels.wasm", "web/wasm_exec.js"}

// fakeSite copies the sources of public/ into a temporary folder, adds stand-ins for the
// built files, and generates the site there, once the routes are declared.
func fakeSite(t *testing.T) string {
	t.Helper()
	routes()
	dir := t.TempDir()
	for _, name := range sourceFiles(t) {
		b, err := os.ReadFile(filepath.Join(publicDir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, name, string(b))
	}
	for _, name := range builtFiles {
		writeFile(t, dir, name, "built "+name)
	}
	if err := generate(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// sourceFiles lists the files of public/ that are sources: neither built nor generated
// nor compressed copies (-compress writes those; see compress.go).
func sourceFiles(t *testing.T) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(publicDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name, _ := filepath.Rel(publicDir, p)
		name = filepath.ToSlash(name)
		if _, compressed := siblingOf(name); !compressed && !slices.Contains(builtFiles, name) && !slices.Contains(generatedFiles, name) {
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// allFiles lists every file under dir, slash-separated and relative to it.
func allFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name, _ := filepath.Rel(dir, p)
		names = append(names, filepath.ToSlash(name))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	return names
}

// The service worker caches every file of the built site (but itself), and nothing else.
func TestSiteFilesAreTheWholeSite(t *testing.T) {
	dir := fakeSite(t)
	var cached []string
	for _, u := range siteFiles() {
		cached = append(cached, fileOf(u))
	}
	sort.Strings(cached)
	var site []string
	for _, name := range allFiles(t, dir) {
		if name != "app-worker.js" && !slices.Contains(notSiteFiles, name) {
			site = append(site, name)
		}
	}
	if !slices.Equal(cached, site) {
		t.Errorf("the service worker caches\n  %q\nthe site is\n  %q", cached, site)
	}
	for _, u := range siteFiles() {
		if strings.HasPrefix(u, "/") || strings.Contains(u, "://") || strings.Contains(u, "..") {
			t.Errorf("cached file %q is not relative to the site's folder", u)
		}
	}
}

// Every URL that the site's files name resolves to a file the service worker caches,
// inside the site's folder: the page's and the canvas page's src and href, the
// manifest's icons, the scripts' fetch and importScripts, the styles' url(), and the
// paths the Go code of the page and the canvas loads at run time.
func TestEveryReferenceIsCached(t *testing.T) {
	dir := fakeSite(t)
	cached := map[string]bool{}
	for _, u := range siteFiles() {
		cached[fileOf(u)] = true
	}
	// check checks that ref, named in from, is a cached file once resolved against base,
	// the folder of the document or worker that loads it.
	check := func(from, base, ref string) {
		t.Helper()
		if strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "data:") {
			return
		}
		if strings.HasPrefix(ref, "/") || strings.Contains(ref, ":") {
			t.Errorf("%s names %q: not relative to the site's folder", from, ref)
			return
		}
		u, err := url.Parse(ref)
		if err != nil {
			t.Errorf("%s names %q: %v", from, ref, err)
			return
		}
		name := path.Join(base, u.Path)
		if strings.HasSuffix(u.Path, "/") || u.Path == "" || u.Path == "." {
			name = path.Join(name, "index.html")
		}
		if strings.HasPrefix(name, "../") || !cached[name] {
			t.Errorf("%s names %q, which is %s: not a file the service worker caches", from, ref, name)
		}
	}
	// Each file, the folder its URLs are relative to, and how it names them.
	refs := []struct {
		file, base string
		re         *regexp.Regexp
	}{
		{"index.html", ".", regexp.MustCompile(`\s(?:src|href)="([^"]*)"`)},
		{"canvas.html", ".", regexp.MustCompile(`\s(?:src|href)="([^"]*)"`)},
		{"web/canvas.js", ".", regexp.MustCompile(`(?:fetch|importScripts)\("([^"]*)"`)}, // runs in canvas.html
		{"web/worker.js", "web", regexp.MustCompile(`(?:fetch|importScripts)\("([^"]*)"`)},
		{"app.js", ".", regexp.MustCompile(`genlabRoot \+ "([^"]*[^/"])"`)},
		{"web/style.css", "web", regexp.MustCompile(`url\(["']?([^"')]*)`)},
		{"app.css", ".", regexp.MustCompile(`url\(["']?([^"')]*)`)},
		{"manifest.webmanifest", ".", regexp.MustCompile(`"(?:src|scope|start_url)":"([^"]*)"`)},
	}
	counts := map[string]int{}
	for _, r := range refs {
		for _, m := range r.re.FindAllStringSubmatch(readFile(t, dir, r.file), -1) {
			counts[r.file]++
			if r.file == "app.js" && (m[1] == "app-worker.js" || m[1] == "web") {
				continue // the service worker itself; the folder of go-app's /web/ paths
			}
			check(r.file, r.base, m[1])
		}
	}
	// The page and the canvas load files at run time, by paths in their Go code: the
	// canvas page (app/ui), the brand icon (app/ui, through go-app's /web/ resolution),
	// the training worker (wasm/canvas).
	goPaths := regexp.MustCompile(`"(/?web/[^"\s]+|[^"\s/]+\.html)"`)
	found := 0
	for _, pkg := range []string{"app/ui", "app/canvas", "app/message", "wasm/canvas", "wasm/worker"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", filepath.FromSlash(pkg), "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range goPaths.FindAllStringSubmatch(string(src), -1) {
				found++
				// go-app resolves /web/ paths against the site's folder (app.js sets it).
				check(pkg+"/"+filepath.Base(f), ".", strings.TrimPrefix(m[1], "/"))
			}
		}
	}
	if found < 3 {
		t.Errorf("found %d run-time paths in the Go code (canvas.html, web/worker.js, /web/icon.svg at least)", found)
	}
}

// The generated files name the site's files relative to the folder, so that the same
// folder works at / and under any sub-path, and the app finds its root at run time.
func TestGenerateIsRelative(t *testing.T) {
	dir := fakeSite(t)
	index := readFile(t, dir, "index.html")
	if m := regexp.MustCompile(`\s(src|href)="(/|[a-z]+:)[^"]*"`).FindAllString(index, -1); len(m) > 0 {
		t.Errorf("index.html names files from the root or elsewhere: %q", m)
	}
	if m := regexp.MustCompile(`content="https?://[^"]*"`).FindAllString(index, -1); len(m) > 0 {
		t.Errorf("index.html has absolute URLs in its meta tags: %q", m)
	}
	for _, want := range []string{`<iframe`, `id="canvas-frame"`, `href="web/style.css"`, `src="app.js"`, `href="manifest.webmanifest"`, "Generalization Lab"} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if frame := index[strings.Index(index, "<iframe"):]; strings.Contains(frame[:strings.Index(frame, ">")], "src") {
		t.Error("the pre-rendered iframe has a src: the canvas would load twice")
	}

	appJS := readFile(t, dir, "app.js")
	for _, absolute := range []string{`"/app-worker.js"`, `"/web/app.wasm"`} {
		if strings.Contains(appJS, absolute) {
			t.Errorf("app.js still names %s", absolute)
		}
	}
	for _, want := range []string{`genlabRoot + "app-worker.js"`, `genlabRoot + "web/app.wasm"`,
		`goappEnv["GOAPP_ROOT_PREFIX"] = genlabRoot.replace(`, `goappEnv["GOAPP_STATIC_RESOURCES_URL"] = genlabRoot + "web"`} {
		if !strings.Contains(appJS, want) {
			t.Errorf("app.js lacks %s", want)
		}
	}
	// The override comes after go-app's environment, which it changes.
	if strings.Index(appJS, "const goappEnv") > strings.Index(appJS, "const genlabRoot") {
		t.Error("app.js computes its root before go-app declares its environment")
	}

	var manifest struct {
		Name     string `json:"name"`
		Scope    string `json:"scope"`
		StartURL string `json:"start_url"`
		Icons    []struct {
			Src string `json:"src"`
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(readFile(t, dir, "manifest.webmanifest")), &manifest); err != nil {
		t.Fatal(err)
	}
	if manifest.Name != "Generalization Lab" || manifest.Scope != "./" || manifest.StartURL != "./" || len(manifest.Icons) < 3 {
		t.Errorf("manifest %+v", manifest)
	}

	worker := readFile(t, dir, "app-worker.js")
	m := regexp.MustCompile(`(?m)^const files = (\[.*?\]);`).FindStringSubmatch(worker)
	if m == nil {
		t.Fatal("app-worker.js has no list of files")
	}
	var files []string
	if err := json.Unmarshal([]byte(m[1]), &files); err != nil || !slices.Equal(files, siteFiles()) {
		t.Errorf("app-worker.js caches %q (%v), want %q", files, err, siteFiles())
	}
	for _, want := range []string{`url.search = ""`, "self.registration.scope", "event.waitUntil", `cache: "no-cache"`} {
		if !strings.Contains(worker, want) {
			t.Errorf("app-worker.js lacks %q", want)
		}
	}
}

// The Content-Security-Policy allows the site's own origin and nothing else, and comes
// first in the page, before anything it governs.
func TestContentSecurityPolicy(t *testing.T) {
	for _, directive := range strings.Split(contentSecurityPolicy, ";") {
		fields := strings.Fields(directive)
		for _, source := range fields[1:] {
			switch source {
			case "'self'", "'none'", "'wasm-unsafe-eval'", "'unsafe-inline'", "data:":
			default:
				t.Errorf("%s allows %s", fields[0], source)
			}
		}
		if fields[0] == "script-src" && slices.Contains(fields, "'unsafe-inline'") {
			t.Error("script-src allows inline scripts")
		}
	}
	if !strings.Contains(contentSecurityPolicy, "default-src 'self'") {
		t.Error("no default-src 'self'")
	}

	dir := fakeSite(t)
	index := readFile(t, dir, "index.html")
	head := index[strings.Index(index, "<head>"):strings.Index(index, "</head>")]
	first := regexp.MustCompile(`<(meta|link|script|style|title)[^>]*>`).FindAllString(head, 2)
	if len(first) < 2 || !strings.Contains(first[1], "Content-Security-Policy") || strings.Count(index, "Content-Security-Policy") != 1 {
		t.Errorf("the Content-Security-Policy is not right after <meta charset>, once: %q", first)
	}

	// canvas.html, written by hand, has its own policy, as strict.
	canvas := readFile(t, publicDir, "canvas.html")
	policy := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(canvas)
	if policy == nil {
		t.Fatal("canvas.html has no Content-Security-Policy")
	}
	for _, directive := range strings.Split(policy[1], ";") {
		fields := strings.Fields(directive)
		for _, source := range fields[1:] {
			switch source {
			case "'self'", "'none'", "'wasm-unsafe-eval'", "'unsafe-inline'", "data:", "blob:":
			default:
				t.Errorf("canvas.html's %s allows %s", fields[0], source)
			}
		}
	}
}

// The same sources give the same site, byte for byte, and so the same Version: nobody
// downloads the site again after a rebuild that changed nothing.
func TestGenerateIsReproducible(t *testing.T) {
	dir := fakeSite(t)
	before := map[string]string{}
	for _, name := range allFiles(t, dir) {
		before[name] = readFile(t, dir, name)
	}
	for i := range 5 { // go-app writes attributes in map order: try a few
		if err := generate(dir); err != nil {
			t.Fatal(err)
		}
		for _, name := range allFiles(t, dir) {
			if readFile(t, dir, name) != before[name] {
				t.Errorf("%s changed when the site was generated again (%d) from the same files", name, i+1)
			}
		}
	}
}

// versionOf reads the Version stamped in a generated site, checking it is the same in
// the service worker and in app.js.
func versionOf(t *testing.T, dir string) string {
	t.Helper()
	m := regexp.MustCompile(`const version = "([0-9a-f]+)";`).FindStringSubmatch(readFile(t, dir, "app-worker.js"))
	if m == nil {
		t.Fatal("app-worker.js has no version")
	}
	if !strings.Contains(readFile(t, dir, "app.js"), `"GOAPP_VERSION":"`+m[1]+`"`) {
		t.Errorf("app.js does not carry the version %s of app-worker.js", m[1])
	}
	for _, name := range allFiles(t, dir) {
		if strings.Contains(readFile(t, dir, name), versionPlaceholder) {
			t.Errorf("%s still holds the version's placeholder", name)
		}
	}
	return m[1]
}

// Any change to any file the student gets changes the Version, which makes the service
// worker download the site again.
func TestVersionFollowsEveryFile(t *testing.T) {
	dir := fakeSite(t)
	v := versionOf(t, dir)
	for _, u := range siteFiles() {
		name := fileOf(u)
		if slices.Contains(generatedFiles, name) && name != "wasm_exec.js" {
			continue // rewritten by generate: covered by the handler's changes below
		}
		if name == "wasm_exec.js" {
			name = "web/wasm_exec.js" // generate copies it to the root
		}
		writeFile(t, dir, name, readFile(t, dir, name)+"\n/* changed */")
		if err := generate(dir); err != nil {
			t.Fatal(err)
		}
		if next := versionOf(t, dir); next == v {
			t.Errorf("%s changed and the version stayed %s: students would keep the old one", name, v)
		} else {
			v = next
		}
	}

	// What go-app generates from the handler (the page's text, the service worker)
	// counts too: a change of either is a change of the site.
	hash := func() string {
		version, missing, err := siteVersion(dir)
		if err != nil || len(missing) > 0 {
			t.Fatalf("version: %v, missing %q", err, missing)
		}
		return version
	}
	v1 := hash()
	for _, name := range []string{"index.html", "app-worker.js", "app.js", "manifest.webmanifest", "app.css"} {
		writeFile(t, dir, name, readFile(t, dir, name)+" ")
		if v2 := hash(); v2 == v1 {
			t.Errorf("%s changed and the version did not", name)
		} else {
			v1 = v2
		}
	}

	if err := os.Remove(filepath.Join(dir, "web", "canvas.wasm")); err != nil {
		t.Fatal(err)
	}
	if _, missing, err := siteVersion(dir); err != nil || !slices.Equal(missing, []string{"web/canvas.wasm"}) {
		t.Errorf("without canvas.wasm: missing %q, %v", missing, err)
	}
}

// The handler names only the site's own files: go-app's defaults would fetch its icon
// from GitHub.
func TestHandlerIsLocal(t *testing.T) {
	h := siteHandler("test")
	local := append([]string{h.Icon.Default, h.Icon.Large, h.Icon.SVG, h.Icon.Maskable}, h.Styles...)
	local = append(local, h.Scripts...)
	local = append(local, h.Fonts...)
	for _, p := range local {
		if !strings.HasPrefix(p, "/web/") {
			t.Errorf("%q is not a file of the site", p)
		}
	}
	if len(h.Preconnect) > 0 || len(h.Fonts) > 0 || h.Image != "" {
		t.Errorf("the handler names other origins or fonts: %q %q %q", h.Preconnect, h.Fonts, h.Image)
	}
	if h.Name != "Generalization Lab" || h.Title == "" || h.Description == "" || h.Version != "test" || h.ServiceWorkerTemplate == "" {
		t.Errorf("handler %+v", h)
	}
}

// go run ./wasm/ui -serve serves the folder at / or under a sub-path, with WebAssembly's type.
func TestServeUnderABase(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "index.html", "the page")
	writeFile(t, dir, "web/app.wasm", "\x00asm")
	for _, tc := range []struct{ base, clean string }{{"", "/"}, {"/", "/"}, {"courses/ml/lab", "/courses/ml/lab/"}, {"/courses/ml/lab/", "/courses/ml/lab/"}} {
		h, base := siteMux(dir, tc.base)
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

// serviceWorkerHarness runs app-worker.js in node, with a fake origin, network and
// Cache Storage, through install, activate and fetch, and prints what happened as JSON.
const serviceWorkerHarness = `
const vm = require("vm");
const fs = require("fs");
const scope = "https://school.example/courses/ml/lab/";
const version = process.argv[3];
const server = new Map(JSON.parse(fs.readFileSync(process.argv[4], "utf8")));
let online = true;
const fetched = [];
async function fakeFetch(input) {
  const req = typeof input === "string" ? {url: input, cache: "default"} : input;
  fetched.push({url: req.url, cache: req.cache});
  if (!online) throw new TypeError("Failed to fetch");
  const u = new URL(req.url);
  u.search = "";
  if (!server.has(u.href)) return new Response("not found", {status: 404});
  return new Response(server.get(u.href), {status: 200});
}
class FakeCache {
  constructor() { this.m = new Map(); }
  async addAll(reqs) {
    const got = [];
    for (const r of reqs) {
      const res = await fakeFetch(r);
      if (!res.ok) throw new TypeError("addAll: " + r.url + " answered " + res.status);
      got.push([r.url, await res.text()]);
    }
    for (const [u, body] of got) this.m.set(u, body);
  }
  async match(req) {
    const u = typeof req === "string" ? req : req.url;
    return this.m.has(u) ? new Response(this.m.get(u)) : undefined;
  }
}
const storage = new Map();
const caches = {
  async open(n) { if (!storage.has(n)) storage.set(n, new FakeCache()); return storage.get(n); },
  async keys() { return [...storage.keys()]; },
  async delete(n) { return storage.delete(n); },
};
const listeners = {};
let skipped = false;
const self = {
  registration: {scope},
  location: new URL(scope + "app-worker.js"),
  addEventListener(type, f) { listeners[type] = f; },
  skipWaiting: async () => { skipped = true; },
  clients: {claim: async () => {}},
};
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"),
  vm.createContext({self, caches, fetch: fakeFetch, Request, Response, URL, console: {log() {}, error() {}}}));

async function dispatch(type, init) {
  let promise, responded = false;
  const ev = Object.assign({waitUntil(p) { promise = p; }, respondWith(p) { promise = p; responded = true; }}, init);
  listeners[type](ev);
  try {
    const v = await promise;
    return {responded, ok: true, body: v instanceof Response ? await v.text() : undefined};
  } catch (err) {
    return {responded, ok: false, error: String(err)};
  }
}
const get = (url, mode) => ({request: {url, method: "GET", mode: mode || "no-cors"}});

(async () => {
  const out = {};
  // A cache of a previous version, one of another copy of the site on the same origin.
  await caches.open("genlab /courses/ml/lab/ 0ld");
  await caches.open("genlab /other/copy/ 0ld");
  const installed = await dispatch("install", {});
  out.install = {ok: installed.ok, error: installed.error, skipped, caches: await caches.keys()};
  out.installFetches = fetched.splice(0);
  out.activate = (await dispatch("activate", {})).ok;
  out.caches = await caches.keys();
  online = false;
  out.offline = {};
  for (const [name, url, mode] of [
    ["page", scope, "navigate"],
    ["link", scope + "?labels=random&p=0.5#top", "navigate"],
    ["index", scope + "index.html?seed=3", "navigate"],
    ["canvas", scope + "canvas.html", "navigate"],
    ["worker.wasm", scope + "web/worker.wasm"],
    ["wasm_exec", scope + "web/wasm_exec.js"],
    ["missing", scope + "web/missing.js"],
    ["elsewhere", "https://cdn.example/lib.js"],
    ["outside", "https://school.example/courses/ml/other.js"],
  ]) {
    out.offline[name] = await dispatch("fetch", get(url, mode));
  }
  out.post = await dispatch("fetch", {request: {url: scope, method: "POST", mode: "cors"}});
  out.offlineFetches = fetched.splice(0);
  // A failed download fails the install: the previous version stays.
  online = true;
  server.delete(scope + "web/worker.wasm");
  storage.clear();
  out.broken = await dispatch("install", {});
  process.stdout.write(JSON.stringify(out));
})();
`

type swResult struct {
	Responded bool   `json:"responded"`
	OK        bool   `json:"ok"`
	Body      string `json:"body"`
	Error     string `json:"error"`
}

// The service worker, run in node against a fake network: it caches every file at
// install, revalidating each, under a cache named after its scope and version; it
// deletes its own previous version only; offline, it serves the page for any query
// string and index.html, every file of the site (to the canvas frame and to the
// training workers alike), and leaves other origins and paths to the browser.
func TestServiceWorker(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is missing (apt-get install -y nodejs): it runs the service worker")
	}
	dir := fakeSite(t)
	version := versionOf(t, dir)
	const scope = "https://school.example/courses/ml/lab/"
	var server [][2]string
	for _, u := range siteFiles() {
		server = append(server, [2]string{scope + strings.TrimPrefix(u, "./"), "contents of " + fileOf(u)})
	}
	serverJSON, _ := json.Marshal(server)
	tmp := t.TempDir()
	writeFile(t, tmp, "harness.js", serviceWorkerHarness)
	writeFile(t, tmp, "server.json", string(serverJSON))
	cmd := exec.Command(node, filepath.Join(tmp, "harness.js"), filepath.Join(dir, "app-worker.js"), version, filepath.Join(tmp, "server.json"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var out struct {
		Install struct {
			OK      bool     `json:"ok"`
			Error   string   `json:"error"`
			Skipped bool     `json:"skipped"`
			Caches  []string `json:"caches"`
		} `json:"install"`
		InstallFetches []struct{ URL, Cache string } `json:"installFetches"`
		Activate       bool                          `json:"activate"`
		Caches         []string                      `json:"caches"`
		Offline        map[string]swResult           `json:"offline"`
		Post           swResult                      `json:"post"`
		OfflineFetches []struct{ URL string }        `json:"offlineFetches"`
		Broken         swResult                      `json:"broken"`
	}
	if err := json.Unmarshal(stdout, &out); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}

	cacheName := "genlab /courses/ml/lab/ " + version
	if !out.Install.OK || !out.Install.Skipped || !slices.Contains(out.Install.Caches, cacheName) {
		t.Errorf("install: %+v, want it to cache into %q and take over", out.Install, cacheName)
	}
	if len(out.InstallFetches) != len(siteFiles()) {
		t.Errorf("install fetched %d files, want the %d of the site", len(out.InstallFetches), len(siteFiles()))
	}
	for _, f := range out.InstallFetches {
		if !strings.HasPrefix(f.URL, scope) || f.Cache != "no-cache" {
			t.Errorf("install fetched %s with cache mode %q: want every file of the scope, revalidated", f.URL, f.Cache)
		}
	}
	if want := []string{"genlab /other/copy/ 0ld", cacheName}; !out.Activate || !slices.Equal(out.Caches, want) {
		t.Errorf("after activate the caches are %q, want %q (the previous version gone, the other copy's kept)", out.Caches, want)
	}

	for name, want := range map[string]string{
		"page": "index.html", "link": "index.html", "index": "index.html", "canvas": "canvas.html",
		"worker.wasm": "web/worker.wasm", "wasm_exec": "web/wasm_exec.js",
	} {
		if got := out.Offline[name]; !got.Responded || !got.OK || got.Body != "contents of "+want {
			t.Errorf("offline, %s: %+v, want %s from the cache", name, got, want)
		}
	}
	if got := out.Offline["missing"]; !got.Responded || got.OK {
		t.Errorf("offline, a file the site does not have: %+v, want a network error", got)
	}
	for _, name := range []string{"elsewhere", "outside"} {
		if got := out.Offline[name]; got.Responded {
			t.Errorf("%s: the service worker answered %+v; it must leave it to the browser", name, got)
		}
	}
	if out.Post.Responded {
		t.Errorf("a POST was answered by the service worker: %+v", out.Post)
	}
	if len(out.OfflineFetches) != 1 || out.OfflineFetches[0].URL != scope+"web/missing.js" {
		t.Errorf("offline, the service worker went to the network for %+v; want only the missing file", out.OfflineFetches)
	}
	if out.Broken.OK || !strings.Contains(out.Broken.Error, "worker.wasm") {
		t.Errorf("install with worker.wasm missing on the server: %+v, want it to fail", out.Broken)
	}
}
