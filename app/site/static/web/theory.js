// The theory worker: Go's wasm_exec.js and the site's loader, then theory.wasm (built from
// wasm/theory), which computes the figures that need no training with gonum's linear
// algebra. The canvas starts it only when such a figure is shown; the service worker
// caches it when it is first fetched, not at install (see app/site). Paths are relative
// to this script, so the site works from any sub-path.
"use strict";
importScripts("wasm_exec.js", "loader.js");
genlabStartGo(new Go(), fetch("theory.wasm"), fetch("kernels.wasm"))
  .then(({ run }) => run)
  .catch((err) => {
    postMessage({ msg: JSON.stringify({ v: 1, kind: "problem", error: "the theory worker failed to start: " + err }) });
  });
