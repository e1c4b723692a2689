// The training worker: Go's wasm_exec.js and the site's loader, then worker.wasm (built
// from wasm/worker) with the SIMD kernels. Paths are relative to this script, so the site
// works from any sub-path.
"use strict";
importScripts("wasm_exec.js", "loader.js");
genlabStartGo(new Go(), fetch("worker.wasm"), fetch("kernels.wasm"))
  .then(({ run }) => run)
  .catch((err) => {
    postMessage({ msg: JSON.stringify({ v: 1, kind: "problem", error: "the training worker failed to start: " + err }) });
  });
