// Package message is the one typed, versioned protocol spoken between the page (the go-app
// UI) and the canvas (the Ebitengine binary in an <iframe>), and between an embedded lesson
// and the course page around it.
//
// Everything crossing window.postMessage is a JSON string of one Envelope. Both sides
// decode with Decode, which checks the version, the kind and the fields the kind needs,
// and rejects anything else: a message of the wrong shape is logged and ignored, never
// acted on. Origins are checked by the transport (see the bridge files of each binary);
// this package is pure Go, so the protocol is tested natively.
//
// The start-up handshake makes sure nothing is lost: the canvas listens first, then posts
// Hello; the page, which listened before it set the iframe's src, answers with Setup; the
// canvas builds the runs and posts Ready. From then on the page sends commands and the
// canvas reports Metrics several times a second and at the end of every epoch.
//
// # Export
//
// The page asks for a file with Export (Format "csv": every run's per-epoch curves;
// "png": the canvas's last painted frame) and the canvas answers with File. A file is
// not text in the JSON: the curves of four runs of a thousand epochs are far larger than
// maxSize, and an image is binary. So a File report is the one message posted as an
// object, {msg: "<the File envelope's JSON>", blob: <a Blob of type FileType(Format)>};
// every other message is a plain JSON string. The JSON part is still decoded and checked
// here like any other; the page's bridge checks the Blob's type.
//
// # The embed's parent API
//
// An embedded lesson also talks to the course page that frames it, in a small, separate
// and documented protocol: see parent.go.
package message

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"genlab/sim"
	"genlab/sim/figure"
)

// Version is the protocol version; a message of another version is rejected.
const Version = 1

// Kind names what a message asks or tells.
type Kind string

// Commands, page to canvas.
const (
	Setup Kind = "setup" // (re)build the runs from Query and Runs; pauses
	Play  Kind = "play"
	Pause Kind = "pause"
	Step  Kind = "step"  // train every unfinished run for exactly one epoch, then pause
	Reset Kind = "reset" // back to epoch 0 with the same settings; pauses
	Speed Kind = "speed" // set Speed
	// Zoom shows the memory walls zoomed on one label (Envelope.Zoom), or whole again.
	Zoom Kind = "zoom"
	// Export asks for a file of the runs: Format is FormatCSV (the curves) or FormatPNG
	// (the canvas). The canvas answers with File.
	Export Kind = "export"
)

// Between the canvas and its theory worker, which computes the figures that need no
// training (theorem1, kernel; see FigureSetup): Compute asks for trial Trial of the
// figure, on the settings in Query (with Kernel for the kernel figure), and Computed
// answers with its Values (and for Theorem 1 the Picture of its construction), repeating
// Query and Kernel so that the canvas knows which computation an answer is of.
const (
	Compute  Kind = "compute"
	Computed Kind = "computed"
)

// Reports, canvas to page.
const (
	Hello   Kind = "hello"   // the canvas is listening
	Ready   Kind = "ready"   // the runs of the last Setup are built (Metrics holds epoch 0)
	Metrics Kind = "metrics" // live numbers of every run
	Problem Kind = "problem" // a Setup could not be used; Error says why
	// File answers Export: Format says which file, and the file itself travels as a Blob
	// beside the message (see "Export" above).
	File Kind = "file"
)

// Images, worker to canvas: the training images of run Run, posted right after its
// Ready, as bytes beside the JSON (see AppendImages). The worker made them to train on;
// the canvas shows them, and so need not make them again on the thread it shares with
// the page.
const Images Kind = "images"

// Formats of Export and File.
const (
	FormatCSV = "csv" // the curves of every run, one row per run and epoch
	FormatPNG = "png" // the canvas as painted, in its device pixels
)

// FileType returns the MIME type of a file of format, "" for an unknown format.
func FileType(format string) string {
	switch format {
	case FormatCSV:
		return "text/csv"
	case FormatPNG:
		return "image/png"
	}
	return ""
}

// Speeds. Slow speeds let a student watch single examples being fitted; MaxSpeed trains
// as fast as the machine allows.
const (
	MinSpeed     = 1
	MaxSpeed     = 5
	DefaultSpeed = MaxSpeed
)

// StepsPerSecond returns the most minibatch steps a run takes per second at a speed;
// 0 means no limit.
func StepsPerSecond(speed int) float64 {
	switch speed {
	case 1:
		return 4
	case 2:
		return 16
	case 3:
		return 64
	case 4:
		return 256
	}
	return 0
}

// Envelope is one message. Only the fields of its Kind are set.
type Envelope struct {
	V    int  `json:"v"`
	Kind Kind `json:"kind"`

	// Setup
	Query string       `json:"query,omitempty"` // the base settings, as a link query (sim.Config.Encode)
	Runs  sim.Variants `json:"runs,omitempty"`  // the variants side by side, at most MaxRuns; none for the base alone
	// Figure, when set, makes one of the paper's figures (sim/figure) on the base
	// settings instead of runs side by side: Runs is then empty.
	Figure *FigureSetup `json:"figure,omitempty"`

	// Speed
	Speed int `json:"speed,omitempty"` // MinSpeed..MaxSpeed

	// Zoom: 0 for the whole memory walls, z in 1..MaxZoom to zoom them on the examples
	// given label z-1 (one more than the label, so that the whole wall is the zero value
	// and left out of the JSON).
	Zoom int `json:"zoom,omitempty"`

	// Ready, Metrics
	Playing bool       `json:"playing,omitempty"`
	Stats   []RunStats `json:"stats,omitempty"`
	// Progress is the figure's, when the Setup made one (see FigureSetup).
	Progress *FigureProgress `json:"progress,omitempty"`

	// Problem
	Error string `json:"error,omitempty"`

	// Export, File
	Format string `json:"format,omitempty"` // FormatCSV or FormatPNG

	// Compute, Computed (see Compute).
	Trial  int                `json:"trial,omitempty"`
	Kernel string             `json:"kernel,omitempty"`
	Values map[string]float64 `json:"values,omitempty"`
	// Picture is Theorem 1's construction drawn (figure.Picture, a few KB): Computed only.
	Picture *figure.Picture `json:"picture,omitempty"`

	// Between the canvas and a training worker: the run a message is about. A worker
	// trains several runs when the machine has fewer cores to spare than there are runs
	// (see relay.Pool in app/relay); the page never sets it.
	Run int `json:"run,omitempty"`

	// Inspect, Inspected, and a worker's Metrics: one training example (inspect.go).
	Look *Look `json:"look,omitempty"`
}

// MaxZoom bounds Envelope.Zoom: labels go up to 9 (sim's classes setting, at most 10).
const MaxZoom = maxClasses

// MaxRuns is the most runs a Setup may set side by side, and so bounds Envelope.Run: the
// canvas draws a memory wall for each, and beyond four nothing is readable (every run is
// also a full training in the student's browser). The canvas refuses a Setup of more with
// a Problem.
const MaxRuns = 4

// RunStats holds the live numbers of one run, as its worker measured them: one per run in
// Ready and Metrics. (sim.Summary is what a whole run measured; RunStats is what the page
// shows of it while it trains.)
type RunStats struct {
	Name      sim.Variant `json:"name"`  // the run's variant, e.g. labels=random; a worker leaves it to the canvas
	Epoch     int         `json:"epoch"` // completed epochs
	Steps     int         `json:"steps"`
	TrainAcc  float64     `json:"train_acc"`
	TestAcc   float64     `json:"test_acc"`
	TrainLoss float64     `json:"train_loss"`
	TestLoss  float64     `json:"test_loss"`
	Fitted    int         `json:"fitted"`
	Examples  int         `json:"examples"`
	// Wrong counts the training images whose label was corrupted to a wrong class (0
	// without corrupted labels), and WrongFitted those of them fitted at the last epoch:
	// the memory wall's pink-cornered tiles, lit and all, which the page puts in words.
	Wrong       int `json:"wrong,omitempty"`
	WrongFitted int `json:"wrong_fitted,omitempty"`
	// MsPerExample is the wall-clock training time per example, averaged over the last
	// epoch (evaluation included); 0 before the first epoch.
	MsPerExample float64 `json:"ms_per_example"`
	// Path is the arithmetic that trains the run: PathSIMD (the WebAssembly SIMD
	// kernels) or PathGo (Go alone: natively, or in a browser without wasm SIMD). Both
	// give the same numbers; only the speed differs.
	Path        string `json:"path,omitempty"`
	EpochsToFit int    `json:"epochs_to_fit"` // 0 until every training example is fitted
	// FitEpochs and StepsToFit are the time to fit to an eighth of an epoch (the paper's
	// Fig. 1b; see sim.Summary): in epochs, and in minibatch steps. 0 until fitted.
	FitEpochs  float64 `json:"fit_epochs"`
	StepsToFit int     `json:"steps_to_fit"`
	// Validation counts the training images held out to validate on (early stopping;
	// 0 without), and ValAcc is the accuracy on them at the last epoch.
	Validation int     `json:"validation,omitempty"`
	ValAcc     float64 `json:"val_acc,omitempty"`
	Params     int     `json:"params"` // trainable parameters of the network
	Stop       string  `json:"stop"`   // sim.Stop: running, fitted, early-stop, max-epochs, not-learning, diverged
	// Summary is what the whole run measured, once it has stopped (nil before): with
	// early stopping it describes the network kept, which the live numbers above do not.
	// A figure is made of these (see FigureSetup).
	Summary *sim.Summary `json:"summary,omitempty"`
}

// Encode returns the JSON text of e, with V set to Version.
func Encode(e Envelope) string {
	e.V = Version
	b, err := json.Marshal(e)
	if err != nil {
		panic("message: " + err.Error()) // every field is plain data: this cannot happen
	}
	return string(b)
}

// maxSize bounds a message, so that a hostile page cannot make a side parse megabytes.
const maxSize = 64 << 10

// Decode parses and checks one message. The error says what is wrong with its shape.
func Decode(text string) (Envelope, error) {
	var e Envelope
	if len(text) > maxSize {
		return e, fmt.Errorf("message of %d bytes is larger than %d", len(text), maxSize)
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(text)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return Envelope{}, fmt.Errorf("not a message: %v", err)
	}
	if dec.More() {
		return Envelope{}, errors.New("not a message: text after the JSON object")
	}
	if e.V != Version {
		return Envelope{}, fmt.Errorf("message version %d, want %d", e.V, Version)
	}
	if err := e.check(); err != nil {
		return Envelope{}, fmt.Errorf("%s message: %v", e.Kind, err)
	}
	return e, nil
}

// maxValues bounds a Computed's values: a computed figure has a handful of metrics.
const maxValues = 16

// check verifies that e carries what its kind needs and nothing else.
func (e Envelope) check() error {
	hasSetup := e.Query != "" || len(e.Runs) > 0 || e.Figure != nil
	hasStats := e.Playing || e.Stats != nil
	if e.Run < 0 || e.Run >= MaxRuns {
		return fmt.Errorf("run %d out of range 0..%d", e.Run, MaxRuns-1)
	}
	if e.Run != 0 && (e.Kind == Hello || e.Kind == Export || e.Kind == File) {
		return errors.New("fields of another kind")
	}
	if e.Format != "" && e.Kind != Export && e.Kind != File {
		return errors.New("fields of another kind")
	}
	if e.Zoom != 0 && e.Kind != Zoom {
		return errors.New("fields of another kind")
	}
	if err := e.checkLook(); err != nil {
		return err
	}
	if e.Figure != nil && e.Kind != Setup || e.Progress != nil && e.Kind != Ready && e.Kind != Metrics ||
		(e.Trial != 0 || e.Kernel != "" || e.Values != nil) && e.Kind != Compute && e.Kind != Computed && e.Kind != Problem ||
		e.Picture != nil && e.Kind != Computed {
		return errors.New("fields of another kind")
	}
	switch e.Kind {
	case Setup:
		if e.Speed != 0 || hasStats || e.Error != "" {
			return errors.New("fields of another kind")
		}
		if e.Figure != nil {
			if len(e.Runs) > 0 {
				return errors.New("a figure and runs side by side")
			}
			if err := e.Figure.check(); err != nil {
				return err
			}
		}
	case Play, Pause, Step, Reset, Hello, Inspect, Inspected, Images:
		if hasSetup || e.Speed != 0 || hasStats || e.Error != "" {
			return errors.New("fields of another kind")
		}
	case Export, File:
		if FileType(e.Format) == "" {
			return fmt.Errorf("format %q, want %s or %s", e.Format, FormatCSV, FormatPNG)
		}
		if hasSetup || e.Speed != 0 || hasStats || e.Error != "" {
			return errors.New("fields of another kind")
		}
	case Zoom:
		if e.Zoom < 0 || e.Zoom > MaxZoom {
			return fmt.Errorf("zoom %d out of range 0..%d", e.Zoom, MaxZoom)
		}
		if hasSetup || e.Speed != 0 || hasStats || e.Error != "" {
			return errors.New("fields of another kind")
		}
	case Speed:
		if e.Speed < MinSpeed || e.Speed > MaxSpeed {
			return fmt.Errorf("speed %d out of range %d..%d", e.Speed, MinSpeed, MaxSpeed)
		}
		if hasSetup || hasStats || e.Error != "" {
			return errors.New("fields of another kind")
		}
	case Ready, Metrics:
		if hasSetup || e.Speed != 0 || e.Error != "" {
			return errors.New("fields of another kind")
		}
		for i, r := range e.Stats {
			if err := r.check(); err != nil {
				return fmt.Errorf("run %d: %v", i+1, err)
			}
		}
		if e.Progress != nil {
			if err := e.Progress.check(); err != nil {
				return err
			}
		}
	case Compute, Computed:
		// Query may be empty: the settings at their defaults.
		if len(e.Runs) > 0 || e.Figure != nil || e.Speed != 0 || hasStats || e.Error != "" {
			return errors.New("fields of another kind")
		}
		if e.Trial < 0 || e.Kernel != "" && e.Kernel != "linear" && e.Kernel != "rbf" {
			return fmt.Errorf("trial %d of kernel %q", e.Trial, e.Kernel)
		}
		if e.Kind == Compute && e.Values != nil {
			return errors.New("fields of another kind")
		}
		if len(e.Values) > maxValues {
			return fmt.Errorf("%d values", len(e.Values))
		}
		for name, v := range e.Values {
			if name == "" || !sim.Finite(v) {
				return fmt.Errorf("value %q = %v", name, v)
			}
		}
		if e.Picture != nil {
			if err := e.Picture.Check(); err != nil {
				return err
			}
		}
	case Problem:
		if e.Error == "" {
			return errors.New("no error text")
		}
		if hasSetup || e.Speed != 0 || hasStats {
			return errors.New("fields of another kind")
		}
	default:
		return errors.New("unknown kind")
	}
	return nil
}

// The values of RunStats.Path.
const (
	PathSIMD = "simd"
	PathGo   = "go"
)

func (r RunStats) check() error {
	for _, v := range []float64{r.TrainAcc, r.TestAcc, r.ValAcc} {
		if !(v >= 0 && v <= 1) {
			return fmt.Errorf("accuracy %v outside 0..1", v)
		}
	}
	for _, v := range []float64{r.TrainLoss, r.TestLoss, r.MsPerExample, r.FitEpochs} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return fmt.Errorf("value %v is not a finite non-negative number", v)
		}
	}
	if r.Path != "" && r.Path != PathSIMD && r.Path != PathGo {
		return fmt.Errorf("unknown path %q", r.Path)
	}
	if r.Epoch < 0 || r.Steps < 0 || r.Fitted < 0 || r.Fitted > r.Examples ||
		r.WrongFitted < 0 || r.WrongFitted > r.Wrong || r.Wrong > r.Examples || r.WrongFitted > r.Fitted || r.EpochsToFit < 0 || r.StepsToFit < 0 || r.Validation < 0 || r.Params < 0 {
		return errors.New("counts out of range")
	}
	if s := r.Summary; s != nil {
		if s.Stop == sim.Running || s.Stop > sim.Diverged {
			return fmt.Errorf("summary of a run that has not stopped (%v)", s.Stop)
		}
		for _, v := range []float64{s.TrainAcc, s.TestAcc, s.TrainLoss, s.TestLoss, s.ValAcc, s.WrongLabels} {
			if !sim.Finite(v) {
				return fmt.Errorf("summary value %v is not a number", v)
			}
		}
		if s.FitEpochs != nil && !sim.Finite(*s.FitEpochs) {
			return fmt.Errorf("summary's time to fit %v is not a number", *s.FitEpochs)
		}
	}
	return nil
}
