// Package screen is what the canvas of Generalization Lab does, frame by frame, in plain
// Go: which news it applies, when it paints, and which files it answers the page's Export
// with. The canvas binary (wasm/canvas) hands it Ebitengine's calls and the browser's
// messages and carries out what it returns; nothing here touches the browser or
// Ebitengine, so all of it is tested natively, with a fake clock.
//
// # Events
//
// Two kinds of news reach the canvas from outside its game loop: the page's commands
// (Setup, Play, Speed, Export…) and the training workers' reports (Hello, Ready,
// Metrics…). They arrive on the browser's callbacks, at any moment; the lab they change
// is read by the game loop when it paints. So the callbacks only queue them in an Inbox,
// and Loop.Update, once per tick of the game loop, applies them in the order they came:
// the page's commands and the workers' reports to a relay.Hub (package app/relay), which
// keeps the lab and tells the page and the workers what they must hear; the page's
// Export to the loop itself.
//
// # When to paint
//
// The scene is painted in software (package app/canvas) and uploaded whole, which costs
// several milliseconds: more than a frame's budget when the training workers take the
// cores. So Loop.Frame paints only when the picture changed, and not at every change:
//
//   - new runs or new images, a new size, the pointer moving over the canvas: at once,
//     because the student is waiting for them (the pointer shows a tile's tooltip);
//   - new numbers from the workers, which each report five times a second: when the hub
//     tells the page (at most every relay.MetricsEvery), one frame later, because the
//     page applies them between the two frames; so the page's readouts and the canvas
//     change in the same browser frame, whose composite is the costly part without a
//     GPU. For a reader who prefers reduced motion (Loop.Calm), at most every
//     CalmRepaintEvery.
//
// Otherwise Frame returns nil and the screen keeps its last frame.
//
// # Export
//
// The page's Export asks for the curves of every run (CSV, from the lab) or for the
// picture (PNG). Update returns the file, and the binary's browser glue (app/browser)
// makes it a Blob with the browser's own encoder and posts it to the page. The picture is
// painted afresh without the tile tooltip: the frame on screen shows the tooltip of
// wherever the pointer last was, and the exported picture should be the lesson, not the
// pointer. Before the runs are built, or before the canvas has a size, there is nothing
// to export: the loop says so in the console and returns no file.
//
// # Opened alone
//
// The canvas normally lives in the page's <iframe>, which sends its Setup (and puts the
// same Setup in the canvas's address, so that the workers build the runs early; see
// relay.Hub.Start). Opened on its own (canvas.html in a tab, as a developer might), no
// page will ever command it: it then sets up the default lesson, sim.DefaultVariants(),
// and plays.
package screen
