# Generalization Lab. `make test` runs every check; see README.md.

GO        ?= go
WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
WASM_ENV  := GOOS=js GOARCH=wasm

.PHONY: all test vet test-native test-wasm bench need-node

all: test

## test: vet, the native tests, and the sim tests again as WebAssembly in node
test: vet test-native test-wasm

vet:
	$(GO) vet ./...
	$(WASM_ENV) $(GO) vet ./sim/...

test-native:
	$(GO) test -count=1 ./...

# Under WebAssembly the tests run with -short: the long science tests skip, while the
# tests that pin exact numbers (TestSameSettingsSameRun and the data and portable hashes)
# run and must print the same bits as natively, which carries the science over.
test-wasm: need-node
	$(WASM_ENV) $(GO) test -count=1 -short -exec=$(WASM_EXEC) ./sim/...

need-node:
	@command -v node >/dev/null || { echo "node is missing: the WebAssembly tests run in it. Install it with: apt-get install -y nodejs" >&2; exit 1; }

## bench: the training-step benchmark natively and in node, and the epoch benchmark
bench: need-node
	$(GO) test -run '^$$' -bench 'W1' -benchtime 3s ./sim/nn
	$(WASM_ENV) $(GO) test -run '^$$' -bench 'W1' -benchtime 3s -exec=$(WASM_EXEC) ./sim/nn
	$(GO) test -run '^$$' -bench 'Epoch|Generate|Construct|Interpolate' ./sim/...
