// The speed benchmark's page (app/e2e/speed_test.go): the reference workload W1 on three
// engines in one page, which the test starts and then runs in turns, so that each gets
// the same browser and the same moments of the machine's load:
//
//   core    the core (wasm/w1bench) with the SIMD kernels, as the site runs it
//   purego  the same binary without them: the path of a browser without WebAssembly SIMD
//   tfjs    TensorFlow.js 4.22.0 on its WebAssembly backend (the SIMD build, one thread)
//
// speed.start(engine) resolves to {simd, about}; speed.run(engine, ms) trains for about
// ms milliseconds and returns {examples, seconds, loss, leaked} (the last batch's mean
// loss; the tensors TensorFlow.js leaked); speed.gemm(engine, ms) times the core's matrix
// products on W1's shapes, [{shape, gflops}].
"use strict";

// W1, as app/speed/w1.go defines it: an MLP 256-256-256-10, softmax cross-entropy,
// SGD with momentum 0.9 and learning rate 0.01 without weight decay, batches of 32
// cycling through 2,048 examples of uniform random pixels with random labels.
const W1 = { inputs: 256, hidden: 256, classes: 10, batch: 32, examples: 2048, lr: 0.01, momentum: 0.9 };

// coreEngine is one instance of wasm/w1bench, started with the site's loader with or
// without the kernels; it registers its functions as globalThis[name].
function coreEngine(name, withKernels) {
  let w1 = null;
  return {
    async start() {
      const go = new Go();
      go.argv = ["w1bench", name];
      const { run, simd } = await genlabStartGo(go, fetch("w1bench.wasm"), withKernels ? fetch("kernels.wasm") : null);
      run.then(() => console.error(name + ": w1bench exited"));
      w1 = globalThis[name];
      if (!w1) {
        throw new Error(name + ": w1bench started but did not register its functions");
      }
      if (w1.simd !== simd) {
        throw new Error(name + ": the loader says simd=" + simd + " but Go's kernel.SIMD() says " + w1.simd);
      }
      return { simd, about: "w1bench " + (simd ? "with" : "without") + " the SIMD kernels" };
    },
    run: (ms) => Object.assign({ leaked: 0 }, w1.run(ms)),
    gemm: (ms) => w1.gemm(ms),
  };
}

// tfjsEngine is W1 in TensorFlow.js, written as a TensorFlow.js user would write it at
// its fastest (see tfjsW1).
function tfjsEngine() {
  let w1 = null;
  return {
    async start() {
      // One thread, as the core: XNNPACK's threads would need a cross-origin isolated page
      // anyway (SharedArrayBuffer), which this one is not. Its binaries are the local copies.
      tf.wasm.setWasmPaths(new URL("tfjs/tfjs-backend-wasm/dist/", location.href).href);
      tf.wasm.setThreadsCount(1);
      tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
      if (!(await tf.setBackend("wasm"))) {
        throw new Error("TensorFlow.js: the wasm backend did not start");
      }
      const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
      const binaries = performance.getEntriesByType("resource")
        .map((e) => e.name.split("/").pop())
        .filter((f) => f.startsWith("tfjs-backend-wasm") && f.endsWith(".wasm"));
      const want = simd ? "tfjs-backend-wasm-simd.wasm" : "tfjs-backend-wasm.wasm";
      if (binaries.length !== 1 || binaries[0] !== want) {
        throw new Error("TensorFlow.js loaded " + JSON.stringify(binaries) + ", want [" + want + "]");
      }
      w1 = tfjsW1();
      return {
        simd,
        about: "TensorFlow.js " + tf.version_core + ", backend " + tf.getBackend() + ", " + binaries[0] +
          ", " + tf.wasm.getThreadsCount() + " thread",
      };
    },
    run: (ms) => w1.train(ms),
    gemm: () => { throw new Error("gemm times the core's kernels only"); },
  };
}

// tfjsW1 builds W1 (He-initialized weights, zero biases) and returns its trainer.
//
// The gradient is written out, as the core computes it, and handed to the optimizer
// (applyGradients): TensorFlow.js's automatic differentiation needs the gradients of its
// ops registered, which tfjs-core's bundle leaves to the union package @tensorflow/tfjs
// (register_all_gradients). The ops are those its tape would run, without the tape's
// bookkeeping; the dense layers are fused matMul+bias+ReLU, as tf.layers.dense runs them.
function tfjsW1() {
  const { inputs, hidden, classes, batch, examples } = W1;
  const weights = (rows, cols, seed) => tf.variable(tf.randomNormal([rows, cols], 0, Math.sqrt(2 / rows), "float32", seed));
  const biases = (n) => tf.variable(tf.zeros([n]));
  const vars = [weights(inputs, hidden, 1), biases(hidden), weights(hidden, hidden, 2), biases(hidden),
    weights(hidden, classes, 3), biases(classes)];
  const [w1, b1, w2, b2, w3, b3] = vars;
  // The batches are made once, as the core slices its data without copying.
  const xs = tf.tidy(() => tf.split(tf.randomUniform([examples, inputs], 0, 1, "float32", 4), examples / batch));
  const ys = tf.tidy(() => tf.split(
    tf.cast(tf.oneHot(tf.randomUniform([examples], 0, classes, "int32", 5), classes), "float32"), examples / batch));
  const optimizer = tf.train.momentum(W1.lr, W1.momentum);
  let next = 0;
  // step trains on the next batch and returns its mean loss, a scalar the caller disposes.
  const step = () => {
    const x = xs[next];
    const y = ys[next];
    next = (next + 1) % xs.length;
    return tf.tidy(() => {
      const h1 = tf.fused.matMul({ a: x, b: w1, bias: b1, activation: "relu" });
      const h2 = tf.fused.matMul({ a: h1, b: w2, bias: b2, activation: "relu" });
      const logits = tf.fused.matMul({ a: h2, b: w3, bias: b3 });
      // Softmax cross-entropy, the mean over the batch; its gradient with respect to the
      // logits is (softmax − one-hot) / batch.
      const logp = tf.logSoftmax(logits);
      const loss = tf.neg(tf.mean(tf.sum(tf.mul(y, logp), 1)));
      const d3 = tf.div(tf.sub(tf.exp(logp), y), batch);
      const d2 = tf.mul(tf.matMul(d3, w3, false, true), tf.step(h2)); // ReLU passes where it was positive
      const d1 = tf.mul(tf.matMul(d2, w2, false, true), tf.step(h1));
      const grads = [
        tf.matMul(x, d1, true, false), tf.sum(d1, 0),
        tf.matMul(h1, d2, true, false), tf.sum(d2, 0),
        tf.matMul(h2, d3, true, false), tf.sum(d3, 0),
      ];
      optimizer.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: grads[i] })));
      return loss;
    });
  };
  return {
    // train steps until ms milliseconds have passed. The wasm backend runs every op
    // synchronously, so a step has finished when it returns; reading the last loss
    // inside the timed window makes sure of it. leaked counts the tensors left over,
    // which would slow TensorFlow.js down (0, except on the first call, which creates
    // the optimizer's momentum variables).
    train(ms) {
      const before = tf.memory().numTensors;
      let steps = 0;
      let last = null;
      const start = performance.now();
      while (performance.now() - start < ms) {
        const l = step();
        if (last) {
          last.dispose();
        }
        last = l;
        steps++;
      }
      const value = last.dataSync()[0];
      const seconds = (performance.now() - start) / 1000;
      last.dispose();
      return { examples: steps * batch, seconds, loss: value, leaked: tf.memory().numTensors - before };
    },
  };
}

const engines = {
  core: coreEngine("genlabW1Core", true),
  purego: coreEngine("genlabW1PureGo", false),
  tfjs: tfjsEngine(),
};

globalThis.speed = {
  start: (engine) => engines[engine].start(),
  run(engine, ms) {
    const r = engines[engine].run(ms);
    if (!Number.isFinite(r.loss)) { // JSON would turn NaN into null, the Go side into 0
      throw new Error(engine + " diverged: loss " + r.loss);
    }
    return r;
  },
  gemm: (engine, ms) => engines[engine].gemm(ms),
};
