//go:build !wasm

package site

import (
	"encoding/json"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// Files is the whole built site, nothing more or less, and the service worker caches
// every file of it but itself, each once, the page first and as the folder.
func TestFilesAreTheWholeSite(t *testing.T) {
	dir := fakeSite(t)
	if files, site := Files(), allFiles(t, dir); !slices.Equal(files, site) {
		t.Errorf("Files() is\n  %q\nthe site is\n  %q", files, site)
	}
	var cached []string
	for _, u := range CachedFiles() {
		cached = append(cached, fileOf(u))
		if strings.HasPrefix(u, "/") || strings.Contains(u, "://") || strings.Contains(u, "..") {
			t.Errorf("cached file %q is not relative to the site's folder", u)
		}
	}
	if CachedFiles()[0] != "./" {
		t.Errorf("the service worker caches %q first, want the page, ./", CachedFiles()[0])
	}
	sort.Strings(cached)
	var want []string
	for _, name := range allFiles(t, dir) {
		if name != "app-worker.js" && !slices.Contains(OnDemandFiles(), name) {
			want = append(want, name)
		}
	}
	if !slices.Equal(cached, want) {
		t.Errorf("the service worker caches\n  %q\nthe site but the worker and the files cached on demand is\n  %q", cached, want)
	}
	for _, f := range OnDemandFiles() {
		if !slices.Contains(Files(), f) {
			t.Errorf("%s is cached on demand but is no file of the site", f)
		}
	}
	// No file is two kinds at once (a source that Generate overwrites, a binary that
	// make build writes over a source).
	if n := len(Sources()) + len(generatedFiles()) + len(BuiltFiles()); n != len(Files()) {
		t.Errorf("the sources, the generated files and the built files are %d names, but only %d files", n, len(Files()))
	}
}

// Every URL that the site's files name resolves to a file the service worker caches,
// inside the site's folder: the page's and the canvas page's src and href, the
// manifest's icons, the scripts' fetch and importScripts, the styles' url(), and the
// paths the Go code of the page and the canvas loads at run time. (The files cached on
// demand count: the service worker caches them on their first fetch.)
func TestEveryReferenceIsCached(t *testing.T) {
	dir := fakeSite(t)
	cached := map[string]bool{}
	for _, u := range CachedFiles() {
		cached[fileOf(u)] = true
	}
	for _, f := range OnDemandFiles() {
		cached[f] = true
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
	// the training worker (app/browser, for the canvas).
	goPaths := regexp.MustCompile(`"(/?web/[^"\s]+|[^"\s/]+\.html)"`)
	found := 0
	for _, pkg := range []string{"app/ui", "app/canvas", "app/message", "app/browser", "wasm/canvas", "wasm/worker"} {
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
	if err := json.Unmarshal([]byte(m[1]), &files); err != nil || !slices.Equal(files, CachedFiles()) {
		t.Errorf("app-worker.js caches %q (%v), want %q", files, err, CachedFiles())
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
	canvasSource, err := Source("canvas.html")
	if err != nil {
		t.Fatal(err)
	}
	canvas := string(canvasSource)
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
		if err := Generate(dir); err != nil {
			t.Fatal(err)
		}
		for _, name := range allFiles(t, dir) {
			if readFile(t, dir, name) != before[name] {
				t.Errorf("%s changed when the site was generated again (%d) from the same files", name, i+1)
			}
		}
	}
}

// Any change to any file the student gets changes the Version, which makes the service
// worker download the site again.
func TestVersionFollowsEveryFile(t *testing.T) {
	dir := fakeSite(t)
	v := versionOf(t, dir)
	src := fstest.MapFS{} // the hand-written files, which Generate writes afresh each time
	for _, name := range Sources() {
		b, err := Source(name)
		if err != nil {
			t.Fatal(err)
		}
		src[name] = &fstest.MapFile{Data: b}
	}
	for _, u := range CachedFiles() {
		name := fileOf(u)
		if slices.Contains(generatedFiles(), name) && name != "wasm_exec.js" {
			continue // rewritten by Generate: covered by the handler's changes below
		}
		if name == "wasm_exec.js" {
			name = "web/wasm_exec.js" // Generate copies it to the root
		}
		if f, ok := src[name]; ok {
			f.Data = append(f.Data, "\n/* changed */"...)
		} else {
			writeFile(t, dir, name, readFile(t, dir, name)+"\n/* changed */")
		}
		if err := generate(dir, src); err != nil {
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
		version, missing, err := hashFiles(dir)
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
	if _, missing, err := hashFiles(dir); err != nil || !slices.Equal(missing, []string{"web/canvas.wasm"}) {
		t.Errorf("without canvas.wasm: missing %q, %v", missing, err)
	}
}

// The handler names only the site's own files: go-app's defaults would fetch its icon
// from GitHub.
func TestHandlerIsLocal(t *testing.T) {
	h := goappHandler("test")
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
