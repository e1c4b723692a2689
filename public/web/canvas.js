// Starts the Ebitengine canvas (wasm/canvas) in canvas.html. Paths are relative to the
// page, so the site works from any sub-path.
"use strict";
const go = new Go();
WebAssembly.instantiateStreaming(fetch("web/canvas.wasm"), go.importObject)
  .then((result) => go.run(result.instance))
  .catch((err) => {
    document.body.textContent = "The canvas could not start: " + err;
    if (window.parent !== window) {
      window.parent.postMessage(JSON.stringify({ v: 1, kind: "problem", error: "the canvas could not start: " + err }), location.origin);
    }
  });
