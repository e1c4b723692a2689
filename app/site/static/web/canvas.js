// Starts the Ebitengine canvas (wasm/canvas) in canvas.html with the site's loader
// (web/loader.js). The canvas never trains, so it gets no SIMD kernels. Paths are
// relative to the page, so the site works from any sub-path.
//
// The training workers start first, before the canvas's own binary: while the canvas
// compiles and Ebitengine starts (a second or more of its thread), each worker compiles
// worker.wasm and builds its share of the runs of the Setup in the canvas's address
// (trainer.Host.Prebuild), which it reads from its name. The canvas's Go adopts
// them (app/browser/workers.go) with what they said meanwhile. The pool has a worker per
// core the page can spare (see relay.Pool), at most four (lab.MaxRuns); the two of the
// default lesson's runs start now, any others when a lab needs them.
"use strict";
(function () {
  const size = Math.min(Math.max((navigator.hardwareConcurrency || 2) - 1, 1), 4);
  let setup = "";
  try {
    setup = decodeURIComponent(location.hash.slice(1));
  } catch (err) {
    // The canvas's Go says what is wrong with its address; the workers just wait.
  }
  const started = [];
  for (let i = 0; i < Math.min(size, 2); i++) {
    const name = setup && "worker=" + i + "&workers=" + size + "&setup=" + encodeURIComponent(setup);
    const worker = new Worker("web/worker.js", { name });
    const early = [];
    const keep = (ev) => early.push(ev.data);
    worker.addEventListener("message", keep);
    started.push({ worker, early, keep });
  }
  self.genlabPool = { size, started };
})();
genlabStartGo(new Go(), fetch("web/canvas.wasm"), null)
  .then(({ run }) => run)
  .catch((err) => {
    document.body.textContent = "The canvas could not start: " + err;
    if (window.parent !== window) {
      window.parent.postMessage(JSON.stringify({ v: 1, kind: "problem", error: "the canvas could not start: " + err }), location.origin);
    }
  });
