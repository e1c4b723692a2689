//go:build e2e

package e2e

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"genlab/sim"
)

// TestPageMounts: the page mounts, the canvas in its iframe says Hello, builds the two
// default runs (true vs random labels, 1,000 training images each) and reports them
// ready: both runs' readouts appear at epoch 0, and Play becomes enabled.
func TestPageMounts(t *testing.T) {
	p := openLab(t, "")
	start := time.Now()
	p.waitReady()
	t.Logf("runs built %v after the page loaded", time.Since(start).Round(time.Millisecond))

	r := p.readouts()
	want := map[string]string{
		"0/epoch": "0", "1/epoch": "0",
		"0/name": "labels=true", "1/name": "labels=random",
		"0/state": "running", "1/state": "running",
		"0/fitted": "0", "1/fitted": "0",
	}
	for k, v := range want {
		if r[k] != v {
			t.Errorf("readout %s = %q, want %q", k, r[k], v)
		}
	}
	if _, ok := r["2/epoch"]; ok {
		t.Errorf("a third run is shown: %v", r)
	}
	// The default view counts its training images: "Fitted: 0 of 1500".
	n := sim.Default().TrainingExamples()
	for run := range 2 {
		text := evalJS[string](p, fmt.Sprintf(`document.querySelector('[data-run="%d"][data-metric="fitted"]').parentElement.textContent`, run))
		if !strings.Contains(text, fmt.Sprintf("of %d", n)) && !strings.Contains(text, fmt.Sprintf("of %d,%03d", n/1000, n%1000)) {
			t.Errorf("run %d: fitted cell reads %q, want it to count of %d training images", run, text, n)
		}
	}
	if !evalJS[bool](p, buttonEnabledJS("Step")) || !evalJS[bool](p, buttonEnabledJS("Reset")) {
		t.Error("Step or Reset is not enabled once the runs are ready")
	}
}

// TestPlayTrains: Play advances the epochs of both runs and their training accuracy rises.
func TestPlayTrains(t *testing.T) {
	p := openLab(t, "")
	p.waitReady()
	p.press("Play")
	p.waitUntil("both runs to finish epoch 1", trainTimeout, `m(0, "epoch") >= 1 && m(1, "epoch") >= 1`)
	r := p.readouts() // one reading, so that each accuracy is that of its epoch
	first := [2]float64{p.numberIn(r, 0, "train-acc"), p.numberIn(r, 1, "train-acc")}
	at := p.epochsIn(r)
	// Two more epochs, or until the run stopped (the true-labels run may fit its
	// training set within a few epochs and stop there).
	p.waitUntil("both runs to train two more epochs", trainTimeout, fmt.Sprintf(
		`(m(0, "epoch") >= %d || m(0, "state") !== "running") && (m(1, "epoch") >= %d || m(1, "state") !== "running")`,
		at[0]+2, at[1]+2))
	r = p.readouts()
	later := p.epochsIn(r)
	for run := range 2 {
		acc := p.numberIn(r, run, "train-acc")
		t.Logf("run %d: train accuracy %.3f at epoch %d, %.3f at epoch %d (state %s)",
			run, first[run], at[run], acc, later[run], r[strconv.Itoa(run)+"/state"])
		if later[run] <= at[run] {
			t.Errorf("run %d: epoch did not advance while playing (%d, then %d)", run, at[run], later[run])
		}
		if !(acc > first[run]) && !(first[run] == 1 && acc == 1) {
			t.Errorf("run %d: train accuracy did not rise: %.4f at epoch %d, %.4f at epoch %d", run, first[run], at[run], acc, later[run])
		}
		if acc < 0 || acc > 1 {
			t.Errorf("run %d: train accuracy %v outside 0..1", run, acc)
		}
	}
}

// TestCanvasDraws: the canvas paints non-blank pixels, and they change while training.
func TestCanvasDraws(t *testing.T) {
	p := openLab(t, "")
	p.waitReady()
	ready := p.canvasFrame()
	checkNotBlank(t, "the canvas once the runs are built", ready)

	p.press("Play")
	p.waitUntil("both runs to finish epoch 1", trainTimeout, `m(0, "epoch") >= 1 && m(1, "epoch") >= 1`)
	before := p.canvasFrame()
	at := p.epochs()
	p.waitUntil("an epoch more of the random-labels run", trainTimeout, fmt.Sprintf(`m(1, "epoch") >= %d`, at[1]+1))
	after := p.canvasFrame()
	checkNotBlank(t, "the canvas while training", before)
	checkNotBlank(t, "the canvas while training", after)
	changed, total := pixelsChanged(before, after)
	t.Logf("canvas %v: %d of %d pixels changed between epochs %v and %v", before.Bounds().Size(), changed, total, at, p.epochs())
	if changed*1000 < total { // at least 0.1%: tiles lighting up, curves growing
		t.Errorf("the canvas hardly changed while training: %d of %d pixels", changed, total)
	}
	if c, _ := pixelsChanged(ready, after); c == 0 {
		t.Error("the canvas shows the same pixels after training as before")
	}
}

// TestPauseStepReset: Pause stops the epochs; Step trains exactly one epoch of every
// unfinished run and pauses; Reset brings both runs back to epoch 0.
func TestPauseStepReset(t *testing.T) {
	p := openLab(t, "")
	p.waitReady()
	p.press("Play")
	p.waitUntil("both runs to finish epoch 1", trainTimeout, `m(0, "epoch") >= 1 && m(1, "epoch") >= 1`)

	p.press("Pause")
	p.waitUntil("the canvas to report it paused", trainTimeout, pressedJS("Pause"))
	paused := p.steadyEpochs()
	// Nothing to wait for: the point is that nothing happens, for long enough that an
	// epoch of either run would have ended had it kept training (an epoch lasts about
	// ms-per-example × 1,000 images; at least 3 s, at most 12 s).
	hold := 3 * time.Second
	for run := range 2 {
		epoch := time.Duration(1.2 * p.number(run, "ms-per-example") * 1000 * float64(time.Millisecond))
		hold = min(max(hold, epoch), 12*time.Second)
	}
	time.Sleep(hold)
	if now := p.epochs(); now != paused {
		t.Fatalf("epochs moved while paused: %v, then %v after %v", paused, now, hold)
	}
	t.Logf("paused at epochs %v; unchanged %v later", paused, hold)

	for range 2 {
		before := p.epochs()
		state := p.readouts()
		p.press("Step")
		want := before
		for run := range 2 {
			if state[strconv.Itoa(run)+"/state"] == "running" {
				want[run]++
			}
		}
		p.waitUntil(fmt.Sprintf("Step to bring the epochs from %v to %v", before, want), trainTimeout,
			fmt.Sprintf(`m(0, "epoch") >= %d && m(1, "epoch") >= %d && %s`, want[0], want[1], pressedJS("Pause")))
		if got := p.steadyEpochs(); got != want {
			t.Fatalf("Step brought the epochs from %v to %v, want %v (one epoch of every unfinished run)", before, got, want)
		}
	}

	p.press("Reset")
	p.waitUntil("Reset to bring both runs back to epoch 0", trainTimeout, `m(0, "epoch") == 0 && m(1, "epoch") == 0`)
	if got := p.steadyEpochs(); got != [2]int{} {
		t.Fatalf("after Reset the epochs are %v, want 0 and 0", got)
	}
	r := p.readouts()
	for run := range 2 {
		for metric, want := range map[string]string{"fitted": "0", "state": "running", "epochs-to-fit": "0"} {
			if got := r[strconv.Itoa(run)+"/"+metric]; got != want {
				t.Errorf("after Reset, run %d %s = %q, want %q", run, metric, got, want)
			}
		}
	}
	if evalJS[bool](p, pressedJS("Play")) {
		t.Error("after Reset the runs are playing; Reset should pause")
	}
}

// TestSettingChangesRun: typing a width into the settings form rebuilds the runs with it:
// the epochs go back to 0, the link follows, the weights counts shrink to those of the
// narrower network, and a Step trains it (faster per example).
func TestSettingChangesRun(t *testing.T) {
	p := openLab(t, "")
	p.waitReady()
	if got, want := p.fieldValue("Width"), strconv.Itoa(sim.Default().Width); got != want {
		t.Fatalf("the Width field shows %q, want the default %s", got, want)
	}
	// One epoch first, so that epoch 0 below can only come from the rebuilt runs.
	p.press("Step")
	p.waitUntil("Step to train epoch 1", trainTimeout, `m(0, "epoch") == 1 && m(1, "epoch") == 1`)
	wide := [2]int{p.weights(0), p.weights(1)}
	wideMs := [2]float64{p.number(0, "ms-per-example"), p.number(1, "ms-per-example")}

	p.setField("Width", "32")
	p.waitUntil("the runs to be rebuilt at epoch 0", loadTimeout,
		`m(0, "epoch") == 0 && m(1, "epoch") == 0 && `+buttonEnabledJS("Play")+` && location.search.includes("width=32")`)
	if got := p.fieldValue("Width"); got != "32" {
		t.Errorf("the Width field shows %q after the change, want 32", got)
	}
	// A side×side image, one hidden layer of w units, 10 classes: d·w + w + 10w + 10 weights.
	d, def := sim.Default().Side*sim.Default().Side, sim.Default().Width
	wantWeights := func(w int) int { return d*w + w + 10*w + 10 }
	narrow := [2]int{p.weights(0), p.weights(1)}
	for run := range 2 {
		if wide[run] != wantWeights(def) {
			t.Errorf("run %d: header shows %d weights at width %d, want %d", run, wide[run], def, wantWeights(def))
		}
		if narrow[run] != wantWeights(32) {
			t.Errorf("run %d: header shows %d weights at width 32, want %d", run, narrow[run], wantWeights(32))
		}
	}

	p.press("Step")
	p.waitUntil("Step to train epoch 1 of the narrow runs", trainTimeout, `m(0, "epoch") == 1 && m(1, "epoch") == 1`)
	for run := range 2 {
		ms := p.number(run, "ms-per-example")
		t.Logf("run %d: %d weights, %.4f ms/example at width %d; %d weights, %.4f ms/example at width 32",
			run, wide[run], wideMs[run], def, narrow[run], ms)
		if !(ms > 0 && ms < wideMs[run]) {
			t.Errorf("run %d: %.4f ms/example at width 32, not less than %.4f at width %d", run, ms, wideMs[run], def)
		}
	}
	if q, err := url.ParseQuery(strings.TrimPrefix(evalJS[string](p, "location.search"), "?")); err != nil || q.Get("width") != "32" {
		t.Errorf("the address does not keep width=32: %q", evalJS[string](p, "location.search"))
	}
}

// TestBadMessagesIgnored: messages of the wrong shape posted to the canvas are ignored
// (and logged); so is a forged report posted to the page; the page keeps working.
func TestBadMessagesIgnored(t *testing.T) {
	p := openLab(t, "")
	p.waitReady()
	// Each bad message, and a piece of the warning the canvas logs for it.
	bad := []struct{ js, warning string }{
		{`"garbage"`, "not a message"},
		{`JSON.stringify({v: 1, kind: "explode"})`, "unknown kind"},
		{`JSON.stringify({v: 2, kind: "step"})`, "version 2"},
		{`JSON.stringify({v: 1, kind: "step", extra: true})`, "unknown field"},
		{`JSON.stringify({v: 1, kind: "speed", speed: 99})`, "out of range"},
		{`JSON.stringify({v: 1, kind: "step"}) + " trailing"`, "not a message"},
		{`JSON.stringify({v: 1, kind: "setup", query: "x".repeat(100000)})`, "larger than"},
		{`"x".repeat(1 << 20)`, "larger than"},
		{`{v: 1, kind: "step"}`, "not text"},
		{`JSON.stringify({v: 1, kind: "hello"})`, "ignored a hello message"},
	}
	var post strings.Builder
	post.WriteString(`(() => { const w = document.querySelector("iframe").contentWindow;`)
	for _, b := range bad {
		post.WriteString(" w.postMessage(" + b.js + ", location.origin);")
	}
	// A report forged by the page itself (or anything that is not the canvas frame):
	// well formed, but the page must not believe it.
	post.WriteString(` window.postMessage(JSON.stringify({v: 1, kind: "metrics", playing: true, stats: [` +
		`{name: "forged", epoch: 99, steps: 1, train_acc: 1, test_acc: 1, train_loss: 0, test_loss: 0, fitted: 1, examples: 1,` +
		` ms_per_example: 0, epochs_to_fit: 0, params: 1, stop: "running"}]}), location.origin);`)
	post.WriteString(" return true; })()")
	evalJS[bool](p, post.String())

	// The canvas logs a warning for each; the console shows the iframe's messages
	// through the page's target (same origin, same process). Wait for them: that also
	// shows that the canvas has handled every bad message before the Step below.
	var missing []string
	err := poll(20*time.Second, func() bool {
		missing = missing[:0]
		lines := canvasWarnings(p.consoleLines())
		for _, b := range bad {
			if !strings.Contains(lines, b.warning) {
				missing = append(missing, b.warning)
			}
		}
		return len(missing) == 0
	})
	// The warnings also tell that the canvas has read every message: only then does
	// checking that they changed nothing mean something.
	if err != nil {
		t.Errorf("the console lacks the canvas's warnings for %q", missing)
	}
	if got := p.steadyEpochs(); got != [2]int{} {
		t.Fatalf("after the bad messages the epochs are %v, want 0 and 0: one was acted on", got)
	}
	if r := p.readouts(); r["0/name"] != "labels=true" || r["2/epoch"] != "" {
		t.Fatalf("the forged report was shown: %v", r)
	}

	p.press("Step")
	p.waitUntil("Step to train one epoch", trainTimeout, `m(0, "epoch") >= 1 && m(1, "epoch") >= 1 && `+pressedJS("Pause"))
	if got := p.steadyEpochs(); got != [2]int{1, 1} {
		t.Fatalf("after the bad messages, Step brought the epochs to %v, want 1 and 1", got)
	}
	for _, line := range p.consoleLines() {
		if strings.HasPrefix(line, "exception:") || strings.Contains(line, "panic") {
			t.Errorf("console: %s", line)
		}
	}

	if !strings.Contains(strings.Join(p.consoleLines(), "\n"), "genlab: ignored a message: not from the canvas frame") {
		t.Error("the page did not log that it ignored the forged report")
	}
}

// notANumber matches what a number that is not one looks like once written: Go's NaN,
// +Inf and -Inf, JavaScript's NaN and Infinity.
var notANumber = regexp.MustCompile(`NaN|[+-]Inf\b|Infinity`)

// TestDivergedRun: with a learning rate of 10 and momentum 0.99 the runs diverge (at lr 10
// alone, the random-labels run of the calibrated defaults thrashes at chance and stops as
// not learning); the page says so, never shows NaN, and its "Lower learning rate" button
// brings the rate down and starts again.
func TestDivergedRun(t *testing.T) {
	p := openLab(t, "")
	p.waitReady()
	p.press("Step") // so that epoch 0 below can only come from the rebuilt runs
	p.waitUntil("Step to train epoch 1", trainTimeout, `m(0, "epoch") == 1 && m(1, "epoch") == 1`)
	p.setField("Momentum", "0.99")
	p.setField("Learning rate", "10")
	p.waitUntil("the runs to be rebuilt with lr 10", loadTimeout,
		`m(0, "epoch") == 0 && m(1, "epoch") == 0 && `+buttonEnabledJS("Play")+` && location.search.includes("lr=10") && location.search.includes("momentum=0.99")`)

	p.press("Play")
	// Watch the whole page's text, the readouts' raw values and the tooltips while the
	// runs blow up, until both are reported diverged (training is seeded: at lr 10 and
	// momentum 0.99 both runs of the default view diverge in their first epoch).
	const watch = `(() => {
		const texts = [document.body.innerText];
		for (const e of document.querySelectorAll("[data-value], [title], [aria-valuetext]")) {
			texts.push(e.dataset.value || "", e.title || "", e.getAttribute("aria-valuetext") || "");
		}
		const all = texts.join("\n");
		const bad = all.match(/NaN|[+-]Inf\b|Infinity/);
		if (bad) return "shows " + bad[0] + ": " + all.slice(Math.max(0, bad.index - 80), bad.index + 40);
		const states = [...document.querySelectorAll('[data-metric="state"]')].map(e => e.dataset.value);
		return states.length === 2 && states.every(s => s === "diverged") ? "diverged" : "";
	})()`
	var got string
	var evalErr error
	err := poll(trainTimeout, func() bool {
		got, evalErr = evaluate[string](p, watch)
		return evalErr != nil || got != ""
	})
	if err != nil || evalErr != nil {
		t.Fatalf("the runs did not both diverge at lr 10: %v %v\npage: %s", err, evalErr, p.state())
	}
	if got != "diverged" {
		t.Fatalf("the page %s", got)
	}
	t.Logf("diverged at epochs %v", p.epochs())
	text := evalJS[string](p, "document.body.innerText")
	if m := notANumber.FindString(text); m != "" {
		t.Errorf("the page shows %q", m)
	}
	alert := evalJS[string](p, `(document.querySelector('.diverged[role="alert"]') || {textContent: ""}).textContent`)
	if !strings.Contains(alert, "Run 1 and run 2 diverged") || !strings.Contains(alert, "10") {
		t.Errorf("the diverged alert reads %q, want it to name both runs and the rate 10", alert)
	}
	// Every run has stopped: there is nothing left to play or step.
	p.waitUntil("Play and Step to be disabled once every run stopped", loadTimeout,
		`!(`+buttonEnabledJS("Play")+`) && !(`+buttonEnabledJS("Step")+`)`)

	p.press("Lower learning rate")
	p.waitUntil("the runs to be rebuilt with lr 1", loadTimeout,
		`m(0, "epoch") == 0 && m(1, "epoch") == 0 && m(0, "state") == "running" && m(1, "state") == "running" && `+
			buttonEnabledJS("Play")+` && document.querySelector(".diverged") === null`)
	if got := p.fieldValue("Learning rate"); got != "1" {
		t.Errorf("after Lower learning rate the field shows %q, want 1", got)
	}
	if q, err := url.ParseQuery(strings.TrimPrefix(evalJS[string](p, "location.search"), "?")); err != nil || q.Get("lr") != "1" {
		t.Errorf("after Lower learning rate the address is %q, want lr=1", evalJS[string](p, "location.search"))
	}
}
