//go:build e2e

package e2e

// What a first visit downloads. The site is mostly three Go WebAssembly binaries, 24 MB
// as built; make build also writes a .br and a .gz copy of each compressible file, which
// make serve (go run ./wasm/ui -serve), like a well-configured static host, sends to the
// browsers that accept them (app/site). This benchmark measures the bytes
// that actually cross the network, in Chromium, from the DevTools protocol.

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/chromedp/cdproto"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/cdp/jsonv2"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/remote"
)

// BenchmarkFirstVisitTransfer opens the default view in a fresh profile (a first visit),
// waits until both runs are ready (Play enabled) and the service worker has cached the
// site, and reports the megabytes that crossed the network (MB-first-visit); it logs
// each response, and the Accept-Encoding the browser sent. It does so with the site
// served three ways:
//
//   - localhost: by make serve's server (go run ./wasm/ui -serve), at http://127.0.0.1;
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
	bin := buildUI(b)
	servers := []struct {
		name       string
		compressed bool
		serve      func(testing.TB) string // returns the site's address
	}{
		{"localhost", true, func(tb testing.TB) string { return serveLikeMakeServe(tb, bin, "127.0.0.1") }},
		{"lan-http", true, func(tb testing.TB) string {
			ip := networkAddress()
			if ip == "" {
				tb.Skip("this machine has no network address but loopback")
			}
			return serveLikeMakeServe(tb, bin, ip)
		}},
		{"plain", false, func(tb testing.TB) string {
			srv := httptest.NewServer(siteHandler(publicDir))
			tb.Cleanup(srv.Close)
			return srv.URL + "/"
		}},
	}
	for _, server := range servers {
		b.Run(server.name, func(b *testing.B) {
			site := server.serve(b)
			var totals, counts []float64
			for range b.N {
				rec, total, n := firstVisit(b, site)
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

// firstVisit opens the site at the address site in a new browser, waits until it is
// ready and its service worker (if it can have one) has cached it, and returns what the
// recorder saw, the bytes received in all and the number of responses.
func firstVisit(b *testing.B, site string) (rec *transferRecorder, total float64, n int) {
	b.Helper()
	wsURL := make(chan string, 1)
	bctx := newBrowser(b, chromedp.WithDialer(func(ctx context.Context, u string) (chromedp.Transport, error) {
		wsURL <- u // the address of the browser, for the recorder's own connection
		return remote.DialContext(ctx, u)
	}))
	rec = recordTransfers(b, <-wsURL, site)
	p := newTab(b, bctx, benchTimeout)
	start := time.Now()
	p.navigate(site)
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
	total, n = rec.report(b)
	b.Logf("first visit of %s: %.2f MB in %d responses; Play enabled after %.1f s", site, total/1e6, n, ready.Seconds())
	return rec, total, n
}

// networkAddress returns an IPv4 address of this machine other than loopback, or "".
func networkAddress() string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return ""
	}
	for _, a := range addrs {
		if ip, ok := a.(*net.IPNet); ok && ip.IP.To4() != nil && !ip.IP.IsLoopback() && !ip.IP.IsLinkLocalUnicast() {
			return ip.IP.String()
		}
	}
	return ""
}

// buildUI builds wasm/ui, the command of make serve, for the host, and returns its path.
func buildUI(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "ui")
	build := exec.Command("go", "build", "-o", bin, "./wasm/ui")
	build.Dir = filepath.Dir(publicDir) // the module's root
	if out, err := build.CombinedOutput(); err != nil {
		tb.Fatalf("building wasm/ui: %v\n%s", err, out)
	}
	return bin
}

// serveLikeMakeServe serves public/ with bin -serve (bin is wasm/ui: make serve's
// server) on a free port of host, until tb ends. (The other tests' siteHandler is a plain
// file server, which ignores the .br and .gz files.) It returns the site's address, with
// a trailing slash.
func serveLikeMakeServe(tb testing.TB, bin, host string) string {
	tb.Helper()
	for _, f := range []string{"web/app.wasm.br", "web/canvas.wasm.br", "web/worker.wasm.br", "web/app.wasm.gz"} {
		if _, err := os.Stat(filepath.Join(publicDir, filepath.FromSlash(f))); err != nil {
			tb.Fatalf("the site has no compressed files (%v): run make build first", err)
		}
	}
	cmd := exec.Command(bin, "-serve", publicDir, "-addr", net.JoinHostPort(host, "0"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		tb.Fatalf("starting %s: %v", bin, err)
	}
	tb.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	// It prints "serving public on http://HOST:PORT/" once it listens.
	line, err := bufio.NewReader(stdout).ReadString('\n')
	m := regexp.MustCompile(`on (http://\S+/)$`).FindStringSubmatch(strings.TrimSpace(line))
	if err != nil || m == nil {
		tb.Fatalf("ui -serve printed %q (%v), not the address it serves on", line, err)
	}
	return m[1]
}

// A transferRecorder records the network responses of every target of a browser, on a
// DevTools connection of its own. chromedp attaches to the tabs it opens and drops the
// messages of every other target (the workers a page starts), so the recorder attaches
// to them itself: it asks the browser to attach it to every target (Target.setAutoAttach
// on the browser, which covers tabs and service workers, and on each tab, which covers
// its dedicated workers and out-of-process frames), with each new target paused before it
// runs (waitForDebuggerOnStart), and lets it run once the Network domain is enabled in
// it. (A flat session per target: each message carries its session's ID.)
type transferRecorder struct {
	conn *remote.Conn
	ctx  context.Context // ends with the benchmark
	site string          // the site's address: only its requests are recorded

	nextID  atomic.Int64
	mu      sync.Mutex
	replies map[int64]chan *cdproto.Message // by command ID, until answered

	watched   map[target.ID]bool          // the targets whose Network domain is on
	kinds     map[target.SessionID]string // of each session's target
	responses map[requestKey]*response
	last      time.Time // of the last network event
	problems  []string  // targets that could not be watched
}

// requestKey identifies a request: request IDs are unique within a target's session.
type requestKey struct {
	session target.SessionID
	id      network.RequestID
}

// A response is what the recorder saw of one request.
type response struct {
	target   string // the type of the target that made it: page, worker, service_worker
	url      string
	accept   string // the Accept-Encoding the browser sent
	status   int64
	encoding string  // the response's Content-Encoding
	source   string  // where it came from: the network, or a cache
	bytes    float64 // received from the network: encodedDataLength
	done     bool
	failure  string // why it did not finish
}

// watchedTypes are the types of the targets that load the site's files. The browser has
// others (its own pages, "browser_ui"): they are let run, and not watched.
var watchedTypes = []string{"page", "iframe", "worker", "shared_worker", "service_worker"}

// recordTransfers connects to the browser at wsURL and records from now on, until tb
// ends, the requests to the site at the address site.
func recordTransfers(tb testing.TB, wsURL, site string) *transferRecorder {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	tb.Cleanup(cancel)
	conn, err := remote.DialContext(ctx, wsURL)
	if err != nil {
		tb.Fatalf("connecting to the browser at %s: %v", wsURL, err)
	}
	tb.Cleanup(func() { conn.Close() })
	r := &transferRecorder{
		conn: conn, ctx: ctx, site: site,
		replies:   map[int64]chan *cdproto.Message{},
		watched:   map[target.ID]bool{},
		kinds:     map[target.SessionID]string{},
		responses: map[requestKey]*response{},
	}
	go r.read()
	if err := call(r, "", target.SetAutoAttach, autoAttach()); err != nil {
		tb.Fatalf("attaching to the browser's targets: %v", err)
	}
	return r
}

// autoAttach asks to be attached to every new target, paused until it is told to run.
func autoAttach() target.SetAutoAttachParams {
	yes := true
	return target.SetAutoAttachParams{AutoAttach: true, WaitForDebuggerOnStart: true, Flatten: &yes}
}

// call sends the command cmd to a session ("" for the browser) and waits for its reply.
func call[P, R any](r *transferRecorder, session target.SessionID, cmd cdp.Command[P, R], params P) error {
	raw, err := jsonv2.Marshal(params, chromedp.DefaultMarshalOptions)
	if err != nil {
		return err
	}
	id := r.nextID.Add(1)
	reply := make(chan *cdproto.Message, 1)
	r.mu.Lock()
	r.replies[id] = reply
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		delete(r.replies, id)
		r.mu.Unlock()
	}()
	msg := &cdproto.Message{ID: id, SessionID: session, Method: cdproto.MethodType(cmd.Method), Params: raw}
	if err := r.conn.Write(r.ctx, msg); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(r.ctx, 30*time.Second)
	defer cancel()
	select {
	case m := <-reply:
		if m.Error != nil {
			return fmt.Errorf("%s: %w", cmd.Method, m.Error)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", cmd.Method, ctx.Err())
	}
}

// read reads the browser's messages until the connection closes: it hands replies to
// their commands and events to handle.
func (r *transferRecorder) read() {
	for {
		msg := new(cdproto.Message)
		if err := r.conn.Read(r.ctx, msg); err != nil {
			return
		}
		if msg.ID != 0 {
			r.mu.Lock()
			reply := r.replies[msg.ID]
			r.mu.Unlock()
			if reply != nil {
				reply <- msg
			}
			continue
		}
		ev, err := cdproto.UnmarshalMessage(msg, chromedp.DefaultUnmarshalOptions)
		if err != nil {
			continue // an event cdproto does not know, of no interest here
		}
		r.handle(msg.SessionID, ev)
	}
}

// handle records an event of a session ("" for the browser). It runs on the reading
// goroutine, so it never waits for a reply.
func (r *transferRecorder) handle(session target.SessionID, ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	key := func(id network.RequestID) requestKey { return requestKey{session, id} }
	switch e := ev.(type) {
	case *target.EventAttachedToTarget:
		r.kinds[e.SessionID] = e.TargetInfo.Type
		first := !r.watched[e.TargetInfo.TargetID] // a target can be attached twice: by the browser and by its tab
		r.watched[e.TargetInfo.TargetID] = true
		go r.watch(e.SessionID, e.TargetInfo, first, e.WaitingForDebugger)
		return
	case *network.EventRequestWillBeSent:
		if !strings.HasPrefix(e.Request.URL, r.site) {
			return
		}
		if e.RedirectResponse != nil {
			return // a redirect keeps its request ID; its response is not counted
		}
		r.responses[key(e.RequestID)] = &response{target: r.kinds[session], url: e.Request.URL, source: "-"}
	case *network.EventRequestWillBeSentExtraInfo:
		if res := r.responses[key(e.RequestID)]; res != nil {
			res.accept = header(e.Headers, "Accept-Encoding")
		}
	case *network.EventResponseReceived:
		if res := r.responses[key(e.RequestID)]; res != nil {
			res.status = e.Response.Status
			res.encoding = header(e.Response.Headers, "Content-Encoding")
			switch {
			case e.Response.FromServiceWorker:
				res.source = "service worker"
			case e.Response.FromDiskCache:
				res.source = "HTTP cache"
			default:
				res.source = "network"
			}
		}
	case *network.EventLoadingFinished:
		if res := r.responses[key(e.RequestID)]; res != nil {
			res.bytes, res.done = e.EncodedDataLength, true
		}
	case *network.EventLoadingFailed:
		if res := r.responses[key(e.RequestID)]; res != nil {
			res.failure, res.done = e.ErrorText, true
		}
	default:
		return
	}
	r.last = time.Now()
}

// watch turns the Network domain on in a new target (unless another session watches it
// already), asks a tab to attach the recorder to the targets it starts, and lets the
// target run.
func (r *transferRecorder) watch(session target.SessionID, info *target.Info, first, waiting bool) {
	var errs []error
	if first && slices.Contains(watchedTypes, info.Type) {
		errs = append(errs, call(r, session, network.Enable, network.EnableParams{}))
		if info.Type == "page" || info.Type == "iframe" {
			errs = append(errs, call(r, session, target.SetAutoAttach, autoAttach()))
		}
	}
	if waiting {
		errs = append(errs, call(r, session, runtime.RunIfWaitingForDebugger, cdp.Empty{}))
	}
	for _, err := range errs {
		if err != nil {
			r.mu.Lock()
			r.problems = append(r.problems, fmt.Sprintf("%s %s: %v", info.Type, info.URL, err))
			r.mu.Unlock()
		}
	}
}

// waitSettled waits until every response begun has finished and the network has been
// quiet for a second, and reports whether that happened before timeout. (A request can
// have no response in its target: a worker's main script is requested in the tab and
// loaded for the worker, whose target does not exist yet.)
func (r *transferRecorder) waitSettled(timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for {
		r.mu.Lock()
		receiving := false
		for _, res := range r.responses {
			receiving = receiving || res.status != 0 && !res.done
		}
		quiet := time.Since(r.last) > time.Second
		r.mu.Unlock()
		switch {
		case quiet && !receiving:
			return true
		case time.Now().After(deadline):
			return false
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// report logs every response, largest first, with the size of its file as built, the
// bytes received by each kind of target, and the Accept-Encoding the browser sent; it
// returns the bytes received in all and the number of responses.
func (r *transferRecorder) report(tb testing.TB) (total float64, n int) {
	tb.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	all := make([]*response, 0, len(r.responses))
	byTarget := map[string]float64{}
	accepts := map[string][]string{}
	for _, res := range r.responses {
		all = append(all, res)
		total += res.bytes
		byTarget[res.target] += res.bytes
		if res.accept != "" && !slices.Contains(accepts[res.accept], res.target) {
			accepts[res.accept] = append(accepts[res.accept], res.target)
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].bytes != all[j].bytes {
			return all[i].bytes > all[j].bytes
		}
		return all[i].url < all[j].url
	})
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "target\tstatus\tfrom\tencoding\treceived\tas built\tURL")
	for _, res := range all {
		status := fmt.Sprint(res.status)
		switch {
		case res.failure != "":
			status = "failed: " + res.failure
		case res.status == 0 && !res.done:
			status = "no response"
		case !res.done:
			status = "unfinished"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.0f\t%s\t%s\n", res.target, status, res.source, cmp.Or(res.encoding, "-"), res.bytes, builtSize(r.site, res.url), res.url)
	}
	tw.Flush()
	var targets, sent []string
	for t, bytes := range byTarget {
		targets = append(targets, fmt.Sprintf("%s %.2f MB", t, bytes/1e6))
	}
	for a, ts := range accepts {
		sent = append(sent, fmt.Sprintf("%q by %v", a, ts))
	}
	sort.Strings(targets)
	sort.Strings(sent)
	tb.Logf("responses:\n%s\nreceived by target: %s\nAccept-Encoding sent: %s", table.String(), strings.Join(targets, ", "), strings.Join(sent, "; "))
	if len(r.problems) > 0 {
		tb.Logf("targets not watched: %q", r.problems)
	}
	return total, len(all)
}

// uncompressedWasm returns the URLs of the .wasm files that came from the network
// without compression.
func (r *transferRecorder) uncompressedWasm() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var urls []string
	for _, res := range r.responses {
		if strings.HasSuffix(res.url, ".wasm") && res.status == http.StatusOK && res.source == "network" && res.encoding == "" {
			urls = append(urls, res.url)
		}
	}
	sort.Strings(urls)
	return urls
}

// builtSize returns the size of the file of public/ that serves url, a URL of the site,
// or "-".
func builtSize(site, url string) string {
	name, ok := strings.CutPrefix(url, site)
	if !ok {
		return "-"
	}
	name, _, _ = strings.Cut(name, "?")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	info, err := os.Stat(filepath.Join(publicDir, filepath.FromSlash(name)))
	if err != nil {
		return "-"
	}
	return fmt.Sprint(info.Size())
}

// header returns the value of the header name in h, whatever the case of its name.
func header(h network.Headers, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return fmt.Sprint(v)
		}
	}
	return ""
}
