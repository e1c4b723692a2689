// The training worker: Go's wasm_exec.js, then worker.wasm (built from wasm/worker).
// Paths are relative to this script, so the site works from any sub-path.
"use strict";
importScripts("wasm_exec.js");
const go = new Go();
WebAssembly.instantiateStreaming(fetch("worker.wasm"), go.importObject)
  .then((result) => go.run(result.instance))
  .catch((err) => {
    postMessage({ msg: JSON.stringify({ v: 1, kind: "problem", error: "the training worker failed to start: " + err }) });
  });
