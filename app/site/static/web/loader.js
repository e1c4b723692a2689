// The one loader of every Go WebAssembly binary of the site (the page, the canvas, the
// training workers, the benchmarks) and of the tests in node: it starts a Go binary
// together with the SIMD kernels (web/kernels.wasm, from wasm/kernels/kernels.wat).
//
// Go emits no SIMD for WebAssembly, so the hot loops of training (matrix products,
// ReLU, the SGD update…) live in a small hand-written module. Go calls them through
// //go:wasmimport "kernels" (sim/nn/kernel) with pointers into its own linear memory,
// and the kernel module imports that memory. The two modules need each other: Go's
// imports must exist when Go is instantiated, and the kernels need Go's memory, which
// only exists afterwards. So Go gets small forwarding functions, the kernels are
// instantiated with Go's memory right after, and Go starts running last.
//
// Where the kernels cannot run (a browser without WebAssembly SIMD, such as Safari
// before 16.4, or a kernels.wasm that failed to load), Go asks kernels.available(),
// gets 0 and trains on its pure-Go path, which gives the same bits, only slower.
//
// Both files are compiled while they download (compileStreaming) and at the same time.
"use strict";

(function (scope) {
  // compile compiles a module from a Response, a promise of one, or bytes (node). A
  // Response compiles while it downloads. compileStreaming insists on the type
  // application/wasm, which a response rebuilt in JavaScript (go-app's progress bar) or
  // an old server may lack: the loader only fetches the site's own .wasm files, so it
  // gives them the type rather than waiting for the whole download.
  async function compile(source) {
    source = await source;
    if (typeof Response !== "undefined" && source instanceof Response) {
      if (!source.ok) {
        throw new Error(source.url + ": HTTP " + source.status);
      }
      if (!WebAssembly.compileStreaming) {
        return WebAssembly.compile(await source.arrayBuffer());
      }
      if (!(source.headers.get("Content-Type") || "").startsWith("application/wasm")) {
        source = new Response(source.body, { headers: { "Content-Type": "application/wasm" } });
      }
      return WebAssembly.compileStreaming(source);
    }
    return WebAssembly.compile(source);
  }

  // startGo compiles the Go binary and the kernels (either may be a fetch's Response, a
  // promise of one, or bytes; kernels may be null), instantiates both, and runs Go with
  // the Go object go (from wasm_exec.js). It resolves to {run, simd}: run is go.run's
  // promise (it settles when the Go program exits), simd whether the kernels run.
  async function startGo(go, binary, kernels) {
    const [goModule, kernelModule] = await Promise.all([
      compile(binary),
      kernels ? compile(kernels).catch((err) => {
        console.warn("Generalization Lab: SIMD kernels unavailable, training on the pure-Go path: " + err);
        return null;
      }) : null,
    ]);
    let exports = null; // the kernel instance's functions, once it exists
    const forward = {
      available: () => (exports ? 1 : 0),
    };
    for (const imp of WebAssembly.Module.imports(goModule)) {
      if (imp.module !== "kernels" || imp.name === "available") {
        continue;
      }
      const name = imp.name;
      // A fixed arity rather than (...args): no array per call. Wasm ignores extra
      // arguments. Go only calls a kernel after available() said 1.
      forward[name] = (a, b, c, d, e, f, g, h, i, j) => exports[name](a, b, c, d, e, f, g, h, i, j);
    }
    const importObject = Object.assign({}, go.importObject, { kernels: forward });
    const goInstance = await WebAssembly.instantiate(goModule, importObject);
    if (kernelModule) {
      try {
        const k = await WebAssembly.instantiate(kernelModule, { env: { memory: goInstance.exports.mem } });
        for (const imp of WebAssembly.Module.imports(goModule)) {
          if (imp.module === "kernels" && imp.name !== "available" && typeof k.exports[imp.name] !== "function") {
            throw new Error("kernels.wasm lacks " + imp.name);
          }
        }
        exports = k.exports;
      } catch (err) {
        console.warn("Generalization Lab: SIMD kernels unavailable, training on the pure-Go path: " + err);
      }
    }
    return { run: go.run(goInstance), simd: exports !== null };
  }

  scope.genlabStartGo = startGo;
  if (typeof module !== "undefined" && module.exports) {
    module.exports = { startGo };
  }
})(typeof self !== "undefined" ? self : globalThis);
