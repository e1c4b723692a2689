// Starts the Ebitengine canvas (wasm/canvas) in canvas.html with the site's loader
// (web/loader.js). The canvas never trains, so it gets no SIMD kernels. Paths are
// relative to the page, so the site works from any sub-path.
"use strict";
genlabStartGo(new Go(), fetch("web/canvas.wasm"), null)
  .then(({ run }) => run)
  .catch((err) => {
    document.body.textContent = "The canvas could not start: " + err;
    if (window.parent !== window) {
      window.parent.postMessage(JSON.stringify({ v: 1, kind: "problem", error: "the canvas could not start: " + err }), location.origin);
    }
  });
