//go:build !wasm

package site

import (
	"encoding/json"
	"strings"
)

// serviceWorkerJS is app-worker.js (see "Offline" in the package's documentation). go-app
// replaces {{.Version}}; the list of files is ours, relative to the worker, which sits in
// the site's folder.
func serviceWorkerJS() string {
	files, err := json.Marshal(CachedFiles())
	if err != nil {
		panic(err)
	}
	later, err := json.Marshal(OnDemandFiles())
	if err != nil {
		panic(err)
	}
	return strings.NewReplacer("{{.Files}}", string(files), "{{.Later}}", string(later)).Replace(serviceWorkerTemplate)
}

const serviceWorkerTemplate = `// The service worker of Generalization Lab, written by go run ./wasm/ui -generate
// (see genlab/app/site): after one visit, the whole site works without a network.
"use strict";

const version = "{{.Version}}";
const files = {{.Files}}; // relative to this script, which is at the site's root
const later = {{.Later}}; // cached when first fetched (see OnDemandFiles in app/site)

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
    const response = await fetch(request);
    if (response.ok && later.some((f) => new URL(f, self.location.href).href === url.href)) {
      await cache.put(url.href, response.clone());
    }
    return response;
  }
  if (cached.redirected) {
    // A server that redirected the folder to its index.html: a navigation may not be
    // answered with a redirected response, so hand over its contents only.
    return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers: cached.headers });
  }
  return cached;
}
`
