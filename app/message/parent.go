package message

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"genlab/sim"
)

// The parent API: how an embedded lesson (the page's embed view, ?view=embed, in an
// <iframe> of a course page) and the course page around it talk.
//
// It is separate from the page⇄canvas protocol above on purpose: the course page is
// written by a teacher or a course platform, in JavaScript, on another origin, so its
// messages are plain objects in the style of other embeddable widgets, tagged with a
// source so that a page framing several widgets can tell ours apart, and versioned. It
// only ever grows by new event types and new fields; a change that would break a parent
// page gets a new version.
//
// Events, embed to parent, posted as objects to the parent's origin only (never "*"):
//
//	{"source": "genlab", "v": 1, "type": "ready",    "playing": false, "runs": [run, …]}
//	{"source": "genlab", "v": 1, "type": "progress", "playing": true,  "runs": [run, …]}
//	{"source": "genlab", "v": 1, "type": "fitted",   "playing": true,  "run": 0, "runs": [run, …]}
//
// where each run is
//
//	{"name": "labels=random", "title": "Random labels", "epoch": 3, "train_acc": 0.41,
//	 "test_acc": 0.1, "fitted": 410, "examples": 1500, "epochs_to_fit": 0, "fit_epochs": 0,
//	 "state": "running"}
//
//   - ready: the runs are built, at epoch 0 (after loading, and again after the lesson's
//     settings change); commands are acted on from now on.
//   - progress: a run completed an epoch (or was reset to 0), a run's state changed, or
//     the lesson started or stopped playing. The canvas reports its numbers at most every
//     150 ms, so a run that trains several epochs in that time (a few hundred images)
//     shows up every other epoch or so; at the default size an epoch takes about a second
//     and every one is reported.
//   - fitted: run number "run" (from 0) has just fitted every training example (its
//     state became "fitted"); one event per run, after the progress of the same epoch.
//   - lesson: in a guided lesson (?lesson=N), the student's prediction, posted when it is
//     made, and again with the outcome when the outcome is shown next to it, so that a
//     course page can collect both (see ParentLesson):
//
//	{"source": "genlab", "v": 1, "type": "lesson", "playing": false, "runs": [run, …],
//	 "lesson": {"n": 2, "title": "Only a constant factor longer", "step": 3,
//	            "prediction": "factor", "prediction_text": "A small factor longer (1.5 to 10 times)",
//	            "outcome": "factor", "outcome_text": "A small factor longer (1.5 to 10 times)",
//	            "measured": "True labels took 8.4 epochs, random labels 22.0 (×2.6).",
//	            "matched": true}}
//
//     Before the outcome is known, "outcome", "outcome_text" and "measured" are "" and
//     "matched" is false. A lesson that asks for a number (lesson 2: how many times
//     longer) adds the number predicted and, once known, the number measured; its
//     "prediction" is the choice whose range the number falls in, which "matched" judges:
//
//	"lesson": {"n": 2, …, "prediction": "factor", "prediction_text": "×3",
//	           "prediction_number": 3, "measured_number": 2.62, "matched": true, …}
//
//     Both are left out otherwise (a choice predicted, no outcome yet, or no ratio to
//     measure), so a page written before them reads the event as it did.
//
// Accuracies are fractions in 0..1; "fitted" counts the training examples fitted, of
// "examples"; "epochs_to_fit" is the epoch at which every example was first fitted, 0
// until then, and "fit_epochs" the same time to an eighth of an epoch (8.77: during epoch
// 9); "state" is one of running, fitted, early-stop, max-epochs, not-learning, diverged.
//
// Commands, parent to embed, posted to the embed's window (iframe.contentWindow) as an
// object, or as the JSON text of one:
//
//	{"source": "genlab", "v": 1, "type": "play"}   // train until every run stops
//	{"source": "genlab", "v": 1, "type": "pause"}
//	{"source": "genlab", "v": 1, "type": "reset"}  // back to epoch 0, paused
//
// A command of any other shape (another source, version or type, an extra or missing
// field, a field of the wrong type) is ignored and logged in the embed's console.

// ParentSource tags every message of the parent API.
const ParentSource = "genlab"

// ParentVersion is the parent API's version.
const ParentVersion = 1

// Event types, embed to parent.
const (
	ParentReady       = "ready"
	ParentProgress    = "progress"
	ParentFitted      = "fitted"
	ParentLessonEvent = "lesson"
)

// ParentEvent is one event posted to the course page.
type ParentEvent struct {
	Source  string           `json:"source"`
	V       int              `json:"v"`
	Type    string           `json:"type"`
	Playing bool             `json:"playing"`
	Run     *int             `json:"run,omitempty"` // fitted: which run, from 0
	Runs    []ParentRunStats `json:"runs"`
	Lesson  *ParentLesson    `json:"lesson,omitempty"` // lesson: the prediction and outcome
}

// ParentLesson is a guided lesson's prediction and, once the runs have measured it, its
// outcome. Prediction and Outcome are IDs of the lesson's choices (stable, for a course
// page to count); the _text fields are what the student read.
type ParentLesson struct {
	N              int    `json:"n"`
	Title          string `json:"title"`
	Step           int    `json:"step"`
	Prediction     string `json:"prediction"`
	PredictionText string `json:"prediction_text"`
	Outcome        string `json:"outcome"`
	OutcomeText    string `json:"outcome_text"`
	Measured       string `json:"measured"`
	Matched        bool   `json:"matched"`
	// PredictionNumber and MeasuredNumber are a number lesson's numbers, nil otherwise.
	PredictionNumber *float64 `json:"prediction_number,omitempty"`
	MeasuredNumber   *float64 `json:"measured_number,omitempty"`
}

// ParentRunStats holds the numbers of one run as the course page sees them: a few of its
// RunStats, and its title.
type ParentRunStats struct {
	Name        sim.Variant `json:"name"`  // the run's variant, e.g. labels=random
	Title       string      `json:"title"` // for people, e.g. "Random labels"
	Epoch       int         `json:"epoch"`
	TrainAcc    float64     `json:"train_acc"`
	TestAcc     float64     `json:"test_acc"`
	Fitted      int         `json:"fitted"`
	Examples    int         `json:"examples"`
	EpochsToFit int         `json:"epochs_to_fit"`
	FitEpochs   float64     `json:"fit_epochs"`
	State       string      `json:"state"`
}

// EncodeParentEvent returns the JSON text of e with Source and V set. The embed turns it
// into an object (JSON.parse) before posting, so the course page reads event.data.type.
func EncodeParentEvent(e ParentEvent) string {
	e.Source, e.V = ParentSource, ParentVersion
	if e.Runs == nil {
		e.Runs = []ParentRunStats{}
	}
	b, err := json.Marshal(e)
	if err != nil {
		// RunStats.check, applied by Decode to every report, keeps the numbers finite.
		panic("message: " + err.Error())
	}
	return string(b)
}

// maxParentSize bounds a command of the course page: the longest valid one is 46 bytes.
const maxParentSize = 1 << 10

// DecodeParentCommand checks the JSON text of a course page's command and returns Play,
// Pause or Reset. The error says what is wrong with its shape.
//
// It reads the object token by token rather than with json.Unmarshal, which matches
// field names regardless of case and lets a repeated field silently win: here a command
// is exactly the three fields, each once, spelt exactly, of exactly their types.
func DecodeParentCommand(text string) (Kind, error) {
	if len(text) > maxParentSize {
		return "", fmt.Errorf("command of %d bytes is larger than %d", len(text), maxParentSize)
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	notCommand := func(why string) (Kind, error) { return "", errors.New("not a command: " + why) }
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return notCommand("not a JSON object")
	}
	fields := map[string]any{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return notCommand(err.Error())
		}
		key, _ := t.(string)
		switch key {
		case "source", "v", "type":
		default:
			return notCommand(fmt.Sprintf("unknown field %q", key))
		}
		if _, seen := fields[key]; seen {
			return notCommand(fmt.Sprintf("field %q given twice", key))
		}
		v, err := dec.Token()
		if err != nil {
			return notCommand(err.Error())
		}
		if _, isDelim := v.(json.Delim); isDelim {
			return notCommand(fmt.Sprintf("field %q is not a string or a number", key))
		}
		fields[key] = v
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return notCommand("unterminated object")
	}
	if _, err := dec.Token(); err != io.EOF {
		return notCommand("text after the JSON object")
	}
	if len(fields) != 3 {
		return notCommand(`want exactly the fields "source", "v" and "type"`)
	}
	source, ok := fields["source"].(string)
	if !ok || source != ParentSource {
		return "", fmt.Errorf("source %v, want %q", show(fields["source"]), ParentSource)
	}
	if v, ok := fields["v"].(json.Number); !ok || v.String() != "1" {
		return "", fmt.Errorf("version %v, want %d", show(fields["v"]), ParentVersion)
	}
	typ, _ := fields["type"].(string)
	switch Kind(typ) {
	case Play, Pause, Reset:
		return Kind(typ), nil
	}
	return "", fmt.Errorf("type %v, want play, pause or reset", show(fields["type"]))
}

// show writes a field's value in an error: strings quoted, so 1 and "1" differ.
func show(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprint(v)
}
