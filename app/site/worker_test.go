//go:build !wasm

package site

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

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
	for _, u := range CachedFiles() {
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
	if len(out.InstallFetches) != len(CachedFiles()) {
		t.Errorf("install fetched %d files, want the %d of the site", len(out.InstallFetches), len(CachedFiles()))
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
