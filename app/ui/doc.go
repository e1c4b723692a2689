// Package ui is the page of Generalization Lab: the go-app components around the canvas.
//
// The page is where a student reads, chooses and presses; the training and the drawing
// happen in the canvas, a separate WebAssembly binary (Ebitengine) in an <iframe>. The two
// talk only through window.postMessage, in the typed protocol of package message, so this
// package never imports ebiten (a test checks it) and never trains anything itself.
//
// # How the page is put together
//
// Lab is the root component and the only one that holds the experiment: the base settings
// (a sim.Config), the variants trained side by side, the speed, and the latest numbers the
// canvas reported. The other components only show what Lab passes them in exported fields
// and keep their own small UI state (a half-typed number, an error next to it):
//
//	Lab
//	├── Intro          the title and what the experiment is about
//	├── PresetBar      one click per randomization test of the paper (or, in a lesson:)
//	├── LessonPanel    a guided lesson: predict, run, the outcome next to the prediction
//	├── InputStrip     a few training images before and after the lesson's input randomization
//	├── CanvasFrame    the <iframe> of the canvas
//	├── Transport      Play, Pause, Step, Reset, Speed
//	├── WallZoom       zooms the memory walls on one label, Previous and Next
//	├── PanelBar       shows and hides the three panels below
//	├── Readouts       one column per run: state, epoch, accuracies, losses, fitted
//	├── SharePanel     the link, the embed snippet and its options, CSV and PNG downloads
//	├── RunsField      the variants, e.g. "labels=true;labels=random"
//	└── SettingsPanel  one SettingField per row of sim.Params(), grouped
//
// With ?lesson=N the page is a guided lesson (lesson.go): the LessonPanel takes the
// PresetBar's place, asks its question, keeps the student's prediction in the link
// (step=, guess=) and, once the lesson's runs have stopped, reads what they measured and
// shows it next to the prediction; lessons say only what the claims of sim/claims assert.
//
// With ?view=embed the same Lab draws the compact lesson of lab_embed.go instead: no
// Intro, no PanelBar, the canvas filling the frame, and only the parts controls= lists.
//
// When the student does something, a component raises a go-app action (see actions.go);
// Lab handles it, changes the experiment and tells the canvas through its Bridge. When the
// canvas reports, the Bridge checks the message (origin, sender, shape) and hands it to Lab.
// So every side effect goes through one place, and Render methods only describe.
//
// # Why the settings are validated here too
//
// Every value a student types goes through sim.Config.Set, the same parser and range check
// that links and the command line use. A bad value is shown next to its field, with the
// field, the value and the allowed range, and the last good value stays in force: the page
// never sends the canvas a setting the core would refuse, and never ignores one silently.
//
// # The address is the state
//
// Everything that makes the page what it is lives in its query string (link.go, view.go):
// the experiment in the core's own encoding (sim.Config.Encode, the variants under runs=,
// or preset=<id> for an unchanged lesson) and the view (view=embed, speed=, zoom=, panels=,
// controls=, autoplay=, parent=). Lab reads it once when it mounts and writes it back with
// history.replaceState after every change, never pushState: the address bar always shows
// a link that replays what is on screen (training is seeded), and Back leaves the page.
//
// A bad link never stops the page. Every key that cannot be used (malformed, unknown,
// out of range, empty, given twice, badly escaped) is named in one dismissable alert
// (role="alert") with the default used instead, in sim's own wording, and the rest of the
// link applies; the address is then rewritten to the state in force.
//
// # Embedding, sharing, exporting
//
// The embed view (?view=embed, lab_embed.go) is index.html again, so it is cached offline
// and hosted in a sub-folder like the page. Framed by a course page, it speaks the parent
// API of package message (parent.go there): it posts ready, progress and fitted events to
// the course page's origin only (from parent= or document.referrer, never "*") and obeys
// play, pause and reset from window.parent on that origin only (ParentBridge,
// parentNews). The SharePanel writes the link and the <iframe> snippet (share.go) and asks
// for downloads: Lab sends the canvas an Export, the canvas answers with a File whose Blob
// (the curves as CSV from app/lab, or its frame as PNG) the Bridge checks and download.go
// saves, without a request.
//
// # Pre-rendering
//
// go-app renders the page once natively (to write index.html) and again in the browser.
// Anything with an effect (listening for messages, loading the canvas) therefore happens in
// OnMount, which only runs in the browser: the iframe gets its src there, after the message
// listener is in place, so the canvas loads once and its Hello cannot be missed.
package ui
