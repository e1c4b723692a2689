//go:build e2e

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// openSpeedPage serves the speed page (testdata/speed) and opens it in a new browser.
// Its engines are not started yet (see startEngine).
func openSpeedPage(tb testing.TB) *page {
	tb.Helper()
	url := speedServer(tb) + "/speed.html"
	p := newTab(tb, newBrowser(tb), benchTimeout)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(url)); err != nil {
		tb.Fatalf("opening %s: %v", url, err)
	}
	return p
}

// speedServer builds wasm/w1bench and serves, on a test server of its own, the speed
// page from a temporary folder with what it loads beside it (the binary, Go's
// wasm_exec.js, the site's loader.js and kernels.wasm), and TensorFlow.js under /tfjs/
// from node_modules, where npm installed it. Nothing comes from anywhere else. It
// returns the server's URL.
func speedServer(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	goroot := buildW1Bench(tb, filepath.Join(dir, "w1bench.wasm"))
	files := []struct{ name, src, fix string }{
		{"speed.html", filepath.Join("testdata", "speed", "speed.html"), "it is a source of app/e2e"},
		{"speed.js", filepath.Join("testdata", "speed", "speed.js"), "it is a source of app/e2e"},
		{"wasm_exec.js", filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"), "it comes with Go"},
		{"loader.js", filepath.Join(publicDir, "web", "loader.js"), "make build copies it from app/site/static"},
		{"kernels.wasm", filepath.Join(publicDir, "web", "kernels.wasm"), "run make build first"},
	}
	for _, f := range files {
		data, err := os.ReadFile(f.src)
		if err != nil {
			tb.Fatalf("the speed page needs %s: %v (%s)", f.name, err, f.fix)
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	tfjs, err := filepath.Abs(filepath.Join("node_modules", "@tensorflow"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range []string{"tfjs-core/dist/tf-core.min.js", "tfjs-backend-wasm/dist/tf-backend-wasm.min.js",
		"tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm"} {
		if _, err := os.Stat(filepath.Join(tfjs, filepath.FromSlash(f))); err != nil {
			tb.Fatalf("TensorFlow.js is not installed (%v): run npm ci --prefix app/e2e (make bench-browser does)", err)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("/", siteHandler(dir))
	mux.Handle("/tfjs/", http.StripPrefix("/tfjs", siteHandler(tfjs)))
	srv := httptest.NewServer(mux)
	tb.Cleanup(srv.Close)
	return srv.URL
}

// buildW1Bench builds wasm/w1bench into out as make build builds the site's binaries,
// with the go command that runs the test (go test puts its GOROOT/bin first in PATH), and
// returns that toolchain's GOROOT: the binary must run with its wasm_exec.js.
func buildW1Bench(tb testing.TB, out string) (goroot string) {
	tb.Helper()
	env, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		tb.Fatalf("go env GOROOT: %v", err)
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s", "-o", out, "./wasm/w1bench")
	cmd.Dir = filepath.Dir(publicDir) // the module's root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("building wasm/w1bench: %v\n%s", err, msg)
	}
	return strings.TrimSpace(string(env))
}

// startEngine starts e in the page, checks that it runs the path it must and returns
// what it is, e.g. "TensorFlow.js 4.22.0, backend wasm, tfjs-backend-wasm-simd.wasm, 1 thread".
func (p *page) startEngine(e speedEngine) string {
	p.tb.Helper()
	info := evalJS[struct {
		SIMD  bool   `json:"simd"`
		About string `json:"about"`
	}](p, fmt.Sprintf("speed.start(%q)", e.name))
	if info.SIMD != e.wantSIMD {
		p.tb.Fatalf("%s runs with simd=%v, want %v: %s (the console says why)", e.name, info.SIMD, e.wantSIMD, info.About)
	}
	return info.About
}

// speedRun is what speed.run returns: examples trained in seconds, the last batch's
// mean loss, and how many tensors TensorFlow.js leaked (0 for the core).
type speedRun struct {
	Examples int     `json:"examples"`
	Seconds  float64 `json:"seconds"`
	Loss     float64 `json:"loss"`
	Leaked   int     `json:"leaked"`
}

// train trains engine e for about ms milliseconds and returns what it did. (W1 memorizes
// its random labels as it trains: the loss falls from about ln 10 ≈ 2.3 towards 0, and
// the faster an engine, the sooner.)
func (p *page) train(e speedEngine, ms int64) speedRun {
	p.tb.Helper()
	r := evalJS[speedRun](p, fmt.Sprintf("speed.run(%q, %d)", e.name, ms))
	if r.Examples <= 0 || r.Seconds <= 0 {
		p.tb.Fatalf("%s trained nothing: %+v", e.name, r)
	}
	return r
}
