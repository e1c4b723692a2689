# Generalization Lab. `make test` runs every check; see README.md.

GO        ?= go
WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
WASM_ENV  := GOOS=js GOARCH=wasm

.PHONY: all test vet test-native test-wasm bench need-node

all: test

## test: vet, the native tests, the core tests again as WebAssembly in node, and the
## browser tests in Chromium (which build the site first)
test: vet test-native test-wasm test-browser

vet:
	$(GO) vet ./...
	$(WASM_ENV) $(GO) vet ./sim/... ./app/... ./wasm/...

test-native:
	$(GO) test -count=1 ./...

# Under WebAssembly the tests run with -short: the long science tests skip, while the
# tests that pin exact numbers (TestSameSettingsSameRun and the data and portable hashes)
# run and must print the same bits as natively, which carries the science over.
test-wasm: need-node
	$(WASM_ENV) $(GO) test -count=1 -short -exec=$(WASM_EXEC) ./sim/... ./app/message ./app/trainer ./app/lab

need-node:
	@command -v node >/dev/null || { echo "node is missing: the WebAssembly tests run in it. Install it with: apt-get install -y nodejs" >&2; exit 1; }

## bench: the training-step benchmark natively and in node, and the epoch benchmark
bench: need-node
	$(GO) test -run '^$$' -bench 'W1' -benchtime 3s ./sim/nn
	$(WASM_ENV) $(GO) test -run '^$$' -bench 'W1' -benchtime 3s -exec=$(WASM_EXEC) ./sim/nn
	$(GO) test -run '^$$' -bench 'Epoch|Generate|Construct|Interpolate' ./sim/...

## build: the three WebAssembly binaries, then the static site around them in public/
## serve: build, then serve public/ on http://$(ADDR)$(BASE) (any static file server would do,
##        e.g. python3 -m http.server -d public 8080; BASE=/courses/ml/lab/ serves it under a sub-path)
## clean: remove everything build writes (the sources in public/ stay)
#
# public/ works from any folder of any static server, at / or under a sub-path, with no
# rebuild: every URL in it is relative (see wasm/ui/site.go). The Version of the site
# (which makes the service worker update students' copies) is a hash of every file the
# site serves, computed by `go run ./wasm/ui -generate`; so the binaries are built first.
# wasm_exec.js, the JavaScript half of Go's WebAssembly runtime, must come from the
# toolchain that built the binaries: it is copied from GOROOT into web/, and the
# generator puts the same file at the root in place of go-app's copy.
WEB        := public/web
WASM_GLUE  := $(shell $(GO) env GOROOT)/lib/wasm/wasm_exec.js
WASM_BUILD := $(WASM_ENV) $(GO) build -trimpath -ldflags=-s
ADDR       ?= 127.0.0.1:8080
BASE       ?= /
GENERATED  := public/index.html public/app.js public/app-worker.js public/app.css \
              public/manifest.webmanifest public/wasm_exec.js $(WEB)/wasm_exec.js \
              $(WEB)/app.wasm $(WEB)/canvas.wasm $(WEB)/worker.wasm

.PHONY: build serve clean

build:
	$(WASM_BUILD) -o $(WEB)/app.wasm ./wasm/ui
	$(WASM_BUILD) -o $(WEB)/canvas.wasm ./wasm/canvas
	$(WASM_BUILD) -o $(WEB)/worker.wasm ./wasm/worker
	cp $(WASM_GLUE) $(WEB)/wasm_exec.js
	$(GO) run ./wasm/ui -generate public

serve: build
	$(GO) run ./wasm/ui -serve public -addr $(ADDR) -base $(BASE)

clean:
	rm -f $(GENERATED)

## test-browser: build, then drive the site in headless Chromium (app/e2e, build tag e2e)
## bench-browser: build, then the browser benchmarks (frame time, first epoch, memorizing, .wasm sizes)
## need-chromium: install Debian's chromium if it is missing (as root), or say how to
#
# The browser tests serve public/ themselves (httptest) and start /usr/bin/chromium with a
# fresh profile per test; they fail with "run make build first" when the site is not built.
# The benchmarks report their figures as metrics; the load of the machine is printed first,
# since other work on it slows the browser down.
CHROMIUM := /usr/bin/chromium

.PHONY: test-browser bench-browser need-chromium

test-browser: need-chromium build
	$(GO) vet -tags e2e ./app/e2e/
	$(GO) test -count=1 -timeout 40m -tags e2e ./app/e2e/

bench-browser: need-chromium build
	@uptime
	$(GO) test -count=1 -timeout 60m -tags e2e -run '^$$' -bench . -benchtime 1x ./app/e2e/

need-chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing chromium: the browser tests drive it"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
		else \
			echo "$(CHROMIUM) is missing: the browser tests drive Debian's Chromium." >&2; \
			echo "Install it as root with: apt-get update && apt-get install -y chromium  (or run: sudo make need-chromium)" >&2; \
			exit 1; \
		fi; \
	fi
