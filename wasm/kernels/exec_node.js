// Runs a Go WebAssembly binary in node with the SIMD kernels, as `go test -exec` does
// with Go's own go_js_wasm_exec, which it replaces (see the Makefile's test-wasm):
//
//	node --stack-size=8192 wasm/kernels/exec_node.js BINARY.wasm [ARGS...]
//
// The kernels are loaded from $GENLAB_KERNELS (a path to kernels.wasm); with
// GENLAB_KERNELS=off, or unset, the binary gets no kernels and runs its pure-Go path.
// Go's JavaScript half comes from the toolchain that built the binary ($(go env GOROOT)).
"use strict";

if (process.argv.length < 3) {
  console.error("usage: node exec_node.js BINARY.wasm [ARGS...]");
  process.exit(1);
}

const { execFileSync } = require("child_process");
const path = require("path");

globalThis.require = require;
globalThis.fs = require("fs");
globalThis.path = path;
globalThis.TextEncoder = require("util").TextEncoder;
globalThis.TextDecoder = require("util").TextDecoder;
globalThis.performance ??= require("performance");
globalThis.crypto ??= require("crypto");

const goroot = process.env.GOROOT || execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
require(path.join(goroot, "lib", "wasm", "wasm_exec.js"));
const { startGo } = require(path.join(__dirname, "..", "..", "app", "site", "static", "web", "loader.js"));

const kernelsPath = process.env.GENLAB_KERNELS;
const kernels = kernelsPath && kernelsPath !== "off" ? fs.readFileSync(kernelsPath) : null;

const go = new Go();
go.argv = process.argv.slice(2);
go.env = Object.assign({ TMPDIR: require("os").tmpdir() }, process.env);
go.exit = process.exit;
startGo(go, fs.readFileSync(process.argv[2]), kernels).then(({ run }) => {
  process.on("exit", (code) => { // node exits when no event is pending
    if (code === 0 && !go.exited) {
      // deadlock: make Go print the error and the stacks
      go._pendingEvent = { id: 0 };
      go._resume();
    }
  });
  return run;
}).catch((err) => {
  console.error(err);
  process.exit(1);
});
