# Generalization Lab. `make test` runs every check; see README.md.

GO        ?= go
WASM_ENV  := GOOS=js GOARCH=wasm
# Go's WebAssembly tests run in node through our runner, which gives them the SIMD
# kernels (public/web/kernels.wasm) as the site's loader does; GENLAB_KERNELS=off runs
# the same tests on the pure-Go path.
KERNELS   := public/web/kernels.wasm
WASM_EXEC := node --stack-size=8192 $(CURDIR)/wasm/kernels/exec_node.js

.PHONY: all test vet test-native test-wasm bench need-node
.PHONY: need-wat2wasm need-brotli need-chromium

# need-debian,COMMAND,PACKAGE,WHY installs Debian's PACKAGE when COMMAND is missing and make
# runs as root, and otherwise stops and says how (the tools the build and the tests need:
# wabt, brotli, chromium). WHY may not hold a comma.
define need-debian
	@if ! command -v $(1) >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing $(2): $(3)"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(2); \
		else \
			echo "$(1) is missing: $(3)." >&2; \
			echo "Install it as root with: apt-get update && apt-get install -y $(2)  (or run: sudo make $@)" >&2; \
			exit 1; \
		fi; \
	fi
endef

all: test

## test: vet, the native tests, the core tests again as WebAssembly in node, and the
## browser tests in Chromium (which build the site first)
test: vet test-native test-wasm test-browser

vet:
	$(GO) vet ./...
	$(WASM_ENV) $(GO) vet ./sim/... ./app/... ./wasm/...

test-native:
	$(GO) test -count=1 -timeout 30m ./...

# Under WebAssembly the tests run with -short: the long science tests skip, while the
# tests that pin exact numbers (TestSameSettingsSameRun and the data and portable hashes)
# run and must print the same bits as natively, which carries the science over.
#
# They run twice: with the SIMD kernels, then without (the fallback of a browser without
# wasm SIMD); the pinned hashes must come out the same both times. GENLAB_WANT_SIMD makes
# sim/nn/kernel fail if the kernels did not load, so that the first pass cannot quietly
# fall back.
WASM_TESTS := ./sim/... ./app/message ./app/trainer ./app/lab ./app/relay ./app/screen
test-wasm: need-node $(KERNELS)
	GENLAB_KERNELS=$(CURDIR)/$(KERNELS) GENLAB_WANT_SIMD=1 $(WASM_ENV) $(GO) test -count=1 -short -exec="$(WASM_EXEC)" $(WASM_TESTS)
	GENLAB_KERNELS=off $(WASM_ENV) $(GO) test -count=1 -short -exec="$(WASM_EXEC)" $(WASM_TESTS)

need-node:
	@command -v node >/dev/null || { echo "node is missing: the WebAssembly tests run in it. Install it with: apt-get install -y nodejs" >&2; exit 1; }

## bench: the training-step benchmark natively and in node, and the epoch benchmark
bench: need-node $(KERNELS)
	$(GO) test -run '^$$' -bench 'W1' -benchtime 3s ./sim/nn
	GENLAB_KERNELS=$(CURDIR)/$(KERNELS) $(WASM_ENV) $(GO) test -run '^$$' -bench 'W1|Gemm' -benchtime 3s -exec="$(WASM_EXEC)" ./sim/nn ./sim/nn/kernel
	GENLAB_KERNELS=off $(WASM_ENV) $(GO) test -run '^$$' -bench 'W1' -benchtime 3s -exec="$(WASM_EXEC)" ./sim/nn
	$(GO) test -run '^$$' -bench 'Epoch|Generate|Construct|Interpolate' ./sim/...

## build: the three WebAssembly binaries, then the static site around them in public/
##        (build output only: the hand-written files are in app/site/static)
## serve: build, then serve public/ on http://$(ADDR)$(BASE) (any static file server would do,
##        e.g. python3 -m http.server -d public 8080; BASE=/courses/ml/lab/ serves it under a sub-path)
## clean: remove public/, which build writes whole
#
# public/ works from any folder of any static server, at / or under a sub-path, with no
# rebuild: every URL in it is relative (see app/site). The Version of the site
# (which makes the service worker update students' copies) is a hash of every file the
# site serves, computed by `go run ./wasm/ui -generate`; so the binaries are built first.
# Which binaries, from which packages, the site tool says (`go run ./wasm/ui -list
# binaries`, one "file package" a line): package app/site owns the list of the site's
# files, which its service worker caches and the tests check.
# wasm_exec.js, the JavaScript half of Go's WebAssembly runtime, must come from the
# toolchain that built the binaries: it is copied from GOROOT into web/, and the
# generator puts the same file at the root in place of go-app's copy.
# Last, every file worth compressing gets a .br (brotli -q 11) and a .gz (gzip -9) copy,
# which make serve, like a well-configured static server, sends to the browsers that
# accept them: a first visit downloads a fifth of the bytes (see app/site).
WEB        := public/web
WASM_GLUE  := $(shell $(GO) env GOROOT)/lib/wasm/wasm_exec.js
WASM_BUILD := $(WASM_ENV) $(GO) build -trimpath -ldflags=-s
ADDR       ?= 127.0.0.1:8080
BASE       ?= /
.PHONY: build serve clean

build: $(KERNELS) need-brotli
	mkdir -p $(WEB)
	@set -e; binaries="$$($(GO) run ./wasm/ui -list binaries)"; \
	echo "$$binaries" | while read -r file pkg; do \
		echo "$(WASM_BUILD) -o public/$$file $$pkg"; \
		$(WASM_BUILD) -o public/$$file $$pkg; \
	done
	cp $(WASM_GLUE) $(WEB)/wasm_exec.js
	$(GO) run ./wasm/ui -generate public
	$(GO) run ./wasm/ui -compress public

# The SIMD kernels are WebAssembly text (wasm/kernels/kernels.wat), assembled by wabt's
# wat2wasm, which is installed from Debian when missing (as root), as Chromium is.
$(KERNELS): wasm/kernels/kernels.wat | need-wat2wasm
	mkdir -p $(dir $@)
	wat2wasm -o $@ $<

need-wat2wasm:
	$(call need-debian,wat2wasm,wabt,wat2wasm assembles the SIMD kernels (wasm/kernels/kernels.wat))

# The .br files are written by Debian's brotli command (Go's standard library has no
# brotli), installed when missing (as root), as wat2wasm and Chromium are.
need-brotli:
	$(call need-debian,brotli,brotli,brotli writes the compressed copies of the site's files)

serve: build
	$(GO) run ./wasm/ui -serve public -addr $(ADDR) -base $(BASE)

clean:
	rm -rf public

## test-browser: build, then drive the site in headless Chromium (app/e2e, build tag e2e)
## bench-browser: build, then the browser benchmarks (frame time, first epoch, memorizing, .wasm sizes,
##                first-visit bytes, speed against TensorFlow.js)
## need-chromium: install Debian's chromium if it is missing (as root), or say how to
#
# The browser tests serve public/ themselves (httptest; the first-visit benchmark with make
# serve's handler, which sends the compressed copies) and start /usr/bin/chromium with a
# fresh profile per test; they fail with "run make build first" when a file of the site
# (as app/site lists them) is missing. What they save to look at (the screenshots of a
# failing test, of the layouts at three widths, the exported files) is kept, from the
# last run, under _artifacts/e2e/ (go test -artifacts; a folder per test, named at
# random: the test's log says which).
# The benchmarks report their figures as metrics; the load of the machine is printed first,
# since other work on it slows the browser down.
CHROMIUM := /usr/bin/chromium
# The browser tests' npm packages, installed by npm from app/e2e/package-lock.json into
# app/e2e/node_modules, again when the lock changes: axe-core, which TestAccessibility
# injects into the page (app/e2e/a11y_test.go), and TensorFlow.js, which only the speed
# benchmark uses (app/e2e/speed_test.go). The site itself uses neither.
E2E_NPM  := app/e2e/node_modules/.package-lock.json

.PHONY: test-browser bench-browser

test-browser: need-chromium build $(E2E_NPM)
	$(GO) vet -tags e2e ./app/e2e/
	rm -rf _artifacts/e2e && mkdir -p _artifacts/e2e
	$(GO) test -count=1 -timeout 40m -tags e2e -artifacts -outputdir $(CURDIR)/_artifacts/e2e ./app/e2e/

bench-browser: need-chromium build $(E2E_NPM)
	@uptime
	$(GO) test -count=1 -timeout 60m -tags e2e -run '^$$' -bench . -benchtime 1x ./app/e2e/

$(E2E_NPM): app/e2e/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: the browser tests install axe-core (and the speed benchmark TensorFlow.js) with it. Install it with: apt-get install -y npm" >&2; exit 1; }
	npm ci --prefix app/e2e --no-audit --no-fund

need-chromium:
	$(call need-debian,$(CHROMIUM),chromium,the browser tests drive Debian's Chromium)

## lighthouse: build, then Lighthouse's accessibility score of the default view, a lesson
##             and a figure, at its mobile and desktop form factors, with the audits that
##             failed (a measurement, not a test: make test does not run it)
#
# Lighthouse is installed by npm into app/e2e/lighthouse/node_modules, apart from the browser
# tests' packages, so that their npm ci stays small. It is pinned to 12.2.3: 13 wants
# Node 22, and npm ci refuses a lock written by the npm of 12.3 to 13.4. The script
# (app/e2e/lighthouse/run.sh) serves public/ on a free 127.0.0.1 port and runs
# Lighthouse with Debian's Chromium, headless; it exits non-zero when a page scores under
# 100. About two minutes.
LIGHTHOUSE_NPM := app/e2e/lighthouse/node_modules/.package-lock.json
.PHONY: lighthouse

lighthouse: need-chromium build $(LIGHTHOUSE_NPM)
	CHROME_PATH=$(CHROMIUM) sh app/e2e/lighthouse/run.sh public

$(LIGHTHOUSE_NPM): app/e2e/lighthouse/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: make lighthouse installs Lighthouse with it. Install it with: apt-get install -y npm" >&2; exit 1; }
	npm ci --prefix app/e2e/lighthouse --no-audit --no-fund
