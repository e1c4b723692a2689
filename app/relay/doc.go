// Package relay is the canvas's switchboard. The canvas sits between the page (which
// sends commands: Setup, Play, Speed…) and the training workers (which report: Hello,
// Ready, Metrics, Problem); a Hub applies both to the experiment on screen (a lab.Bench),
// keeps the scene the canvas paints (package app/canvas) in step with it, and says to
// each side what it must hear, in the order it must hear it:
//
//   - a worker takes messages only after its Hello (the browser drops what is posted
//     before a worker listens), so a Pool queues them until then;
//   - the page waits for one Ready answering its Setup, sent once every run is built;
//     Play arriving before that is remembered and forwarded with it;
//   - the canvas may start the runs from the Setup in its own address before the page
//     sends the same Setup (see Hub.Start): the page's Setup then only confirms it;
//   - workers report several times a second; the page hears the bench's numbers at most
//     every MetricsEvery.
//
// Nothing here touches the browser: the canvas's loop (app/screen) drives a Hub, the
// canvas binary (wasm/canvas) wires it to postMessage and to Web Workers (app/browser),
// and the tests wire it to in-process trainers.
package relay
