//go:build e2e

package e2e

// What a first visit downloads. The site is mostly three Go WebAssembly binaries, 24 MB
// as built; make build also writes a .br and a .gz copy of each compressible file, which
// make serve (go run ./wasm/ui -serve), like a well-configured static host, sends to the
// browsers that accept them (app/site). This benchmark measures the bytes
// that actually cross the network, in Chromium, from the DevTools protocol.

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/remote"
)

// BenchmarkFirstVisitTransfer opens the default view in a fresh profile (a first visit),
// waits until both runs are ready (Play enabled) and the service worker has cached the
// site, and reports the megabytes that crossed the network (MB-first-visit); it logs
// each response, and the Accept-Encoding the browser sent. It does so with the site
// served three ways:
//
//   - localhost: by make serve's server (go run ./wasm/ui -serve: package app/site's
//     Handler), at http://127.0.0.1;
//   - lan-http: by the same, at http:// and the machine's own address on its network (if
//     it has one), as a student would reach a server without HTTPS. Chromium advertises
//     brotli only to HTTPS and localhost, and such a page is not a secure context, so it
//     has no service worker either;
//   - plain: by a file server that sends the files as they are (as python3 -m http.server
//     does), at http://127.0.0.1: what the site weighed before it had compressed copies.
//
// Counted: the encodedDataLength of each Network.loadingFinished event of a request to
// the site (the bytes received for a response as they came over the wire: its headers
// and its body, compressed if it was; what DevTools shows as "transferred"), in every
// target that loads the site's files: the tab (the page and the canvas iframe, which has
// the page's origin and so is in the tab's target), the training workers (wasm_exec.js,
// loader.js, kernels.wasm, worker.wasm each) and the service worker (its install
// fetches every file of the site, with cache: "no-cache"). A response from the service
// worker's cache (the canvas iframe and the workers start after it activated, and so are
// its clients) or from the HTTP cache counts the bytes it took from the network: none, or
// those of a revalidation (a 304). Workers and the service worker are targets of their
// own; the benchmark attaches to each as it starts, before it runs (see transferRecorder).
//
// Not counted: what the browser sends (request headers, a few hundred bytes each), the
// framing of TCP and IP, the main script of each worker (web/worker.js, 510 bytes, which
// the browser requests in the tab and loads before the worker's target exists: the tab
// shows it with no response), responses that never finished (logged), and requests to
// anything but the site (the browser's own pages; the site makes none: origin_test.go).
func BenchmarkFirstVisitTransfer(b *testing.B) {
	servers := []struct {
		name       string
		compressed bool
		host       func(testing.TB) string // the address to serve on
	}{
		{"localhost", true, func(testing.TB) string { return "127.0.0.1" }},
		{"lan-http", true, func(tb testing.TB) string {
			ip := networkAddress()
			if ip == "" {
				tb.Skip("this machine has no network address but loopback")
			}
			return ip
		}},
		{"plain", false, func(testing.TB) string { return "127.0.0.1" }},
	}
	for _, server := range servers {
		b.Run(server.name, func(b *testing.B) {
			for _, f := range []string{"web/app.wasm.br", "web/canvas.wasm.br", "web/worker.wasm.br", "web/app.wasm.gz"} {
				if _, err := os.Stat(filepath.Join(publicDir, filepath.FromSlash(f))); server.compressed && err != nil {
					b.Fatalf("the site has no compressed files (%v): run make build first", err)
				}
			}
			srv := serve(b, publicDir, serving{compressed: server.compressed, host: server.host(b)})
			site := srv.at("")
			var totals, counts []float64
			for range b.N {
				// A first visit: a new browser, its every target recorded, until the
				// page is ready and its service worker (if it can have one) has cached it.
				wsURL := make(chan string, 1)
				bctx := newBrowser(b, chromedp.WithDialer(func(ctx context.Context, u string) (chromedp.Transport, error) {
					wsURL <- u // the address of the browser, for the recorder's own connection
					return remote.DialContext(ctx, u)
				}))
				rec := recordTransfers(b, <-wsURL, site)
				p := newTab(b, bctx, benchTimeout)
				start := time.Now()
				p.open(site)
				p.waitReady()
				ready := time.Since(start)
				if evalJS[bool](p, "isSecureContext") {
					waitCached(p, site)
				} else {
					b.Logf("%s is not a secure context: the page has no service worker (and works only online)", site)
				}
				if !rec.waitSettled(loadTimeout) {
					b.Logf("responses were still arriving after %v (shown as unfinished below)", loadTimeout)
				}
				total, n := rec.report(b)
				b.Logf("first visit of %s: %.2f MB in %d responses; Play enabled after %.1f s", site, total/1e6, n, ready.Seconds())
				if server.compressed {
					if raw := rec.uncompressedWasm(); len(raw) > 0 {
						b.Errorf("sent without compression: %q. Their .br and .gz copies are missing or older than they are: "+
							"run make build, and nothing that rewrites public/ meanwhile", raw)
					}
				}
				totals = append(totals, total/1e6)
				counts = append(counts, float64(n))
			}
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(median(totals), "MB-first-visit")
			b.ReportMetric(median(counts), "responses")
		})
	}
}
