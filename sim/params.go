package sim

// One table, many encodings.
//
// Every setting of a Config is described once, by a Param in the table that
// Params returns: its name, its kind, its allowed values and a sentence that
// teaches what it means. Everything that reads or writes settings is driven by
// that table: Validate, the URL encoding (Config.Encode and ParseQuery), the
// command-line flags (Config.RegisterFlags and Config.Args) and, later, the
// controls of the page. A setting therefore has the same name, the same range
// and the same error message everywhere, and adding a field to Config means
// adding one row here.

import (
	"encoding"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"genlab/sim/data"
)

// Kind says how the value of a parameter is written in text and which checks apply to it.
type Kind uint8

const (
	// KindInt is a decimal integer in Min..Max.
	KindInt Kind = iota
	// KindUint is a decimal unsigned integer in Min..Max (the seed).
	KindUint
	// KindFloat is a finite decimal number in Min..Max, written in the shortest form that
	// reads back to the same float64.
	KindFloat
	// KindBool is true or false.
	KindBool
	// KindEnum is one of the names in Choices.
	KindEnum
)

var kindNames = [...]string{KindInt: "int", KindUint: "uint", KindFloat: "float", KindBool: "bool", KindEnum: "enum"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler, so a Param marshals to JSON with a readable kind.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Param describes one setting of a Config. Its exported fields are plain data for building
// controls and documentation; the value itself is read and written through Config.Get and
// Config.Set, which use the same parsing and range checks as the URL and the flags.
//
// A Param is read-only: Params builds a fresh table on every call, so changing a returned
// Param changes nothing else.
type Param struct {
	// Name is the key in URLs and the flag name, e.g. "p".
	Name string `json:"name"`
	// Field is the name of the Config field, e.g. "Corrupt".
	Field string `json:"field"`
	// Group is the part of the experiment the setting belongs to:
	// "data", "randomization", "model" or "training".
	Group string `json:"group"`
	// Help teaches a student what the setting means, in one or two sentences.
	Help string `json:"help"`
	// Kind says how the value is written.
	Kind Kind `json:"kind"`
	// Min and Max are the inclusive bounds of numeric kinds (zero otherwise). The bounds of
	// integer kinds are integers below 2⁵³, so they are exact as float64 and as JavaScript numbers.
	Min float64 `json:"min"`
	Max float64 `json:"max"`
	// Step is a hint for the increment of a slider or spin box (zero for enums and bools).
	Step float64 `json:"step,omitempty"`
	// Log is a hint that the value is best chosen on a logarithmic scale.
	Log bool `json:"log,omitempty"`
	// Choices are the allowed names of a KindEnum parameter, in order.
	Choices []string `json:"choices,omitempty"`
	// Titles name the Choices for people, in the same order, where the title of a run
	// that sets the parameter should say more than name = value: labels=random is a run
	// of "Random labels" (see Variant.Title). Nil for other parameters.
	Titles []string `json:"titles,omitempty"`

	// field returns a pointer to the field of c that the parameter describes:
	// *int, *uint64, *float64, *bool or a textField.
	field func(c *Config) any
}

// textField is a pointer to an enum field: data.Family, data.LabelMode, Arch, ...
type textField interface {
	encoding.TextMarshaler
	encoding.TextUnmarshaler
}

// Groups of parameters, in table order.
const (
	groupData          = "data"
	groupRandomization = "randomization"
	groupModel         = "model"
	groupTraining      = "training"
)

// maxSeed is the largest seed, 2⁵³−1: the largest integer up to which every integer is exact
// in a JavaScript number, so that the page can hold any seed without rounding it.
const maxSeed = 1<<53 - 1

// Params returns the table of every Config setting, in canonical order: the order of URL
// keys, of flags and of errors. Every Config field appears exactly once.
func Params() []Param {
	return []Param{
		// Data.
		enumParam("family", "Family", groupData,
			"which generator draws the images: shapes (outlines of geometric figures), glyphs (digit-like strokes) "+
				"or textures (oriented gratings); the true label is whatever the generator drew.",
			names(data.Families()...), func(c *Config) textField { return &c.Family }),
		intParam("side", "Side", groupData, 8, 32, 1,
			"width and height of every image in pixels; an image has side² inputs, so a larger side gives a linear "+
				"model and the first layer more weights to memorize with.",
			func(c *Config) *int { return &c.Side }),
		intParam("classes", "Classes", groupData, 2, 10, 1,
			"number of classes K; guessing is right with probability 1/K, the chance level that test accuracy "+
				"falls to when the labels are random.",
			func(c *Config) *int { return &c.Classes }),
		intParam("train", "Train", groupData, 10, 10000, 10,
			"number of training images n; the paper's point is that a network with more parameters than n "+
				"can fit any labeling of them, true or random.",
			func(c *Config) *int { return &c.Train }),
		intParam("test", "Test", groupData, 10, 10000, 10,
			"number of held-out test images; the network never trains on them, so their accuracy measures "+
				"generalization rather than memorization.",
			func(c *Config) *int { return &c.Test }),
		floatParam("noise", "Noise", groupData, 0, 1, 0.01, false,
			"standard deviation of the Gaussian noise added to every pixel (pixels lie in 0..1); noise makes the "+
				"true rule harder to see, but a large network memorizes noisy images just as well.",
			func(c *Config) *float64 { return &c.Noise }),
		{
			Name: "seed", Field: "Seed", Group: groupData, Kind: KindUint,
			Min: 0, Max: maxSeed, Step: 1,
			Help: "seeds every random choice (images, label corruption, initial weights, batch order), so the same " +
				"link always reproduces the same run; change it to see how much a result owes to luck.",
			field: func(c *Config) any { return &c.Seed },
		},

		// Randomization tests.
		enumParam("labels", "Labels", groupRandomization,
			"training labels: true keeps them, corrupt replaces each with probability p, random replaces all; "+
				"the network fits random labels too, only more slowly (at the defaults in about 2.5 times as many "+
				"epochs), and then tests at chance.",
			names(data.TrueLabels, data.CorruptLabels, data.RandomLabels), func(c *Config) textField { return &c.Labels }).
			titled("True labels", "Corrupted labels", "Random labels"),
		floatParam("p", "Corrupt", groupRandomization, 0, 1, 0.01, false,
			"probability that each training label is replaced, once per dataset and seed, by a uniformly drawn "+
				"class; the share of wrong labels is p(1-1/K). Used when labels is corrupt.",
			func(c *Config) *float64 { return &c.Corrupt }),
		enumParam("testlabels", "TestLabels", groupRandomization,
			"test labels: true measures whether what was learned generalizes; corrupt or random randomizes them "+
				"like the training labels, so test accuracy can only be at chance.",
			names(data.TrueLabels, data.CorruptLabels, data.RandomLabels), func(c *Config) textField { return &c.TestLabels }),
		enumParam("inputs", "Inputs", groupRandomization,
			"what happens to the pixels of every image: original keeps them; shuffled applies one fixed permutation "+
				"(destroying locality, keeping information); random permutes each image differently; gaussian replaces "+
				"them by noise of the same mean and variance.",
			names(data.Original, data.ShuffledPixels, data.RandomPixels, data.Gaussian), func(c *Config) textField { return &c.Inputs }).
			titled("Original pixels", "Shuffled pixels", "Random pixels", "Gaussian inputs"),

		// Model.
		enumParam("model", "Model", groupModel,
			"architecture: linear is softmax regression on the pixels, mlp a multilayer perceptron, cnn two "+
				"convolutions with pooling and a dense layer; they differ in how much they can memorize.",
			names(Linear, MLP, CNN), func(c *Config) textField { return &c.Model }).
			titled("Linear model", "MLP", "CNN"),
		intParam("depth", "Depth", groupModel, 1, 3, 1,
			"number of hidden layers of the MLP.",
			func(c *Config) *int { return &c.Depth }),
		intParam("width", "Width", groupModel, 1, 1024, 1,
			"units per hidden layer of the MLP and of the CNN's dense layer; the paper's Theorem 1 shows that one "+
				"hidden layer of n units (2n+d weights) can represent any labeling of n images.",
			func(c *Config) *int { return &c.Width }),
		intParam("filters", "Filters", groupModel, 1, 32, 1,
			"channels of the CNN's first convolution (the second has twice as many); more filters, more capacity.",
			func(c *Config) *int { return &c.Filters }),

		// Training.
		{
			Name: "lr", Field: "LR", Group: groupTraining, Kind: KindFloat,
			Min: 1e-5, Max: 10, Step: 1e-5, Log: true,
			Help: "learning rate of the linear model and the MLP: the size of each stochastic gradient step; too large " +
				"and training diverges, too small and it barely moves.",
			field: func(c *Config) any { return &c.LR },
		},
		{
			Name: "cnnlr", Field: "CNNLR", Group: groupTraining, Kind: KindFloat,
			Min: 1e-5, Max: 10, Step: 1e-5, Log: true,
			Help: "learning rate of the CNN, which needs smaller steps than the MLP: each convolution weight is " +
				"shared by every position, so its gradient sums over all of them; at the MLP's rate the CNN " +
				"collapses on some seeds.",
			field: func(c *Config) any { return &c.CNNLR },
		},
		enumParam("schedule", "Schedule", groupTraining,
			"how the learning rate changes over training: constant keeps it, step multiplies it by gamma every "+
				"stepevery epochs, decay multiplies it by gamma after every epoch.",
			names(ConstantSchedule, StepSchedule, DecaySchedule), func(c *Config) textField { return &c.Schedule }),
		floatParam("gamma", "Gamma", groupTraining, 0.01, 1, 0.01, false,
			"factor by which the schedule multiplies the learning rate; 1 keeps it constant.",
			func(c *Config) *float64 { return &c.Gamma }),
		intParam("stepevery", "StepEvery", groupTraining, 1, 1000, 1,
			"epochs between two learning-rate steps when schedule is step.",
			func(c *Config) *int { return &c.StepEvery }),
		intParam("batch", "Batch", groupTraining, 1, 1024, 1,
			"examples per gradient step (at most the whole training set); small batches give noisy gradients, "+
				"which the paper counts among the implicit regularizers of SGD.",
			func(c *Config) *int { return &c.Batch }),
		floatParam("momentum", "Momentum", groupTraining, 0, 0.99, 0.01, false,
			"fraction of the previous update added to the next, smoothing the path of SGD; 0.9 is the paper's choice.",
			func(c *Config) *float64 { return &c.Momentum }),
		floatParam("wd", "WeightDecay", groupTraining, 0, 0.1, 0.0001, false,
			"weight decay: an L2 penalty on the weights (not the biases), an explicit regularizer; the paper finds it "+
				"helps test accuracy a little but does not stop the network from fitting random labels.",
			func(c *Config) *float64 { return &c.WeightDecay }),
		floatParam("dropout", "Dropout", groupTraining, 0, 0.9, 0.05, false,
			"probability that each hidden unit is dropped at each training step, another explicit regularizer.",
			func(c *Config) *float64 { return &c.Dropout }),
		intParam("augment", "Augment", groupTraining, 0, 4, 1,
			"data augmentation: shift each training image at random by up to this many pixels every time it is "+
				"seen; 0 turns it off.",
			func(c *Config) *int { return &c.Augment }),
		boolParam("bn", "BatchNorm", groupTraining,
			"batch normalization after every hidden layer; it speeds up training and regularizes a little, "+
				"and is one of the implicit regularizers the paper examines.",
			func(c *Config) *bool { return &c.BatchNorm }),
		intParam("epochs", "Epochs", groupTraining, 1, 1000, 1,
			"maximum number of passes over the training set.",
			func(c *Config) *int { return &c.Epochs }),
		intParam("patience", "Patience", groupTraining, 0, 1000, 1,
			"early stopping: stop after this many epochs without a better validation accuracy and keep the weights "+
				"of the best epoch; 0 turns it off. The validation images are carved from the training images (see val), "+
				"so the test set never decides anything.",
			func(c *Config) *int { return &c.Patience }),
		floatParam("val", "Validation", groupTraining, 0.05, 0.5, 0.05, false,
			"share of the training images held out as a validation set when early stopping is on (patience > 0): "+
				"the network does not train on them, and early stopping watches their accuracy, as practitioners do.",
			func(c *Config) *float64 { return &c.Validation }),
		boolParam("stopfitted", "StopFitted", groupTraining,
			"stop as soon as every training image is classified as labeled: the moment the network has memorized "+
				"its training set, the time the paper measures.",
			func(c *Config) *bool { return &c.StopFitted }),
	}
}

// LookupParam returns the parameter called name, and whether there is one.
func LookupParam(name string) (Param, bool) {
	for _, p := range Params() {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// Get returns the value of the parameter called name in its canonical text form, the form
// that Encode writes and Set reads back exactly. Get panics if there is no such parameter:
// names come from the program, not the user.
func (c Config) Get(name string) string {
	p, ok := LookupParam(name)
	if !ok {
		panic(fmt.Sprintf("sim: Config.Get of unknown parameter %q", name))
	}
	return p.text(&c)
}

// Set parses value, checks it against the parameter's range and stores it in the field of c
// that the parameter called name describes. On error, which is a *FieldError, c is unchanged.
func (c *Config) Set(name, value string) error {
	p, ok := LookupParam(name)
	if !ok {
		return unknownParam(name, value, nil)
	}
	if e := p.parse(c, value); e != nil {
		return e
	}
	return nil
}

// names returns the text forms of the enum values vs, for Choices.
func names[T encoding.TextMarshaler](vs ...T) []string {
	s := make([]string, len(vs))
	for i, v := range vs {
		b, err := v.MarshalText()
		if err != nil {
			panic(fmt.Sprintf("sim: enum value %v does not marshal: %v", v, err))
		}
		s[i] = string(b)
	}
	return s
}

func intParam(name, field, group string, lo, hi int, step float64, help string, f func(*Config) *int) Param {
	return Param{Name: name, Field: field, Group: group, Help: help, Kind: KindInt,
		Min: float64(lo), Max: float64(hi), Step: step, field: func(c *Config) any { return f(c) }}
}

func floatParam(name, field, group string, lo, hi, step float64, log bool, help string, f func(*Config) *float64) Param {
	return Param{Name: name, Field: field, Group: group, Help: help, Kind: KindFloat,
		Min: lo, Max: hi, Step: step, Log: log, field: func(c *Config) any { return f(c) }}
}

func boolParam(name, field, group, help string, f func(*Config) *bool) Param {
	return Param{Name: name, Field: field, Group: group, Help: help, Kind: KindBool,
		field: func(c *Config) any { return f(c) }}
}

func enumParam(name, field, group, help string, choices []string, f func(*Config) textField) Param {
	return Param{Name: name, Field: field, Group: group, Help: help, Kind: KindEnum,
		Choices: choices, field: func(c *Config) any { return f(c) }}
}

// titled returns p with the titles of its choices, one per choice, in order.
func (p Param) titled(titles ...string) Param {
	if len(titles) != len(p.Choices) {
		panic(fmt.Sprintf("sim: parameter %s has %d choices and %d titles", p.Name, len(p.Choices), len(titles)))
	}
	p.Titles = titles
	return p
}

// text returns the canonical text of the parameter's field in c. Floats use the shortest
// decimal that parses back to the same float64, so text and parse round-trip exactly.
func (p *Param) text(c *Config) string {
	switch f := p.field(c).(type) {
	case *int:
		return strconv.Itoa(*f)
	case *uint64:
		return strconv.FormatUint(*f, 10)
	case *float64:
		return strconv.FormatFloat(*f, 'g', -1, 64)
	case *bool:
		return strconv.FormatBool(*f)
	case textField:
		b, err := f.MarshalText()
		if err != nil {
			panic(fmt.Sprintf("sim: parameter %s does not marshal: %v", p.Name, err))
		}
		return string(b)
	}
	panic(fmt.Sprintf("sim: parameter %s has unsupported field type %T", p.Name, p.field(c)))
}

// parse sets the parameter's field in c to the value written as s, or returns why s is not
// an allowed value and leaves c unchanged.
func (p *Param) parse(c *Config, s string) *FieldError {
	bad := func(reason string) *FieldError {
		return &FieldError{Param: p.Name, Value: Clip(s), Reason: reason}
	}
	if s == "" {
		return bad("is empty, want " + p.want())
	}
	switch f := p.field(c).(type) {
	case *int, *uint64:
		// Both integer kinds parse as int64: every bound, the seed's 2⁵³−1 included, fits,
		// and a negative seed is then simply out of range instead of a syntax error.
		v, err := strconv.ParseInt(s, 10, 64)
		switch {
		case err != nil && !isRange(err):
			return bad("is not " + p.want())
		case err != nil || v < int64(p.Min) || v > int64(p.Max):
			return bad("is out of range " + p.bounds())
		}
		if i, ok := f.(*int); ok {
			*i = int(v)
		} else {
			*f.(*uint64) = uint64(v)
		}
	case *float64:
		v, err := strconv.ParseFloat(s, 64)
		switch {
		case err != nil && !isRange(err):
			return bad("is not " + p.want())
		case math.IsNaN(v) || math.IsInf(v, 0):
			return bad("is not finite, want " + p.want())
		case v < p.Min || v > p.Max:
			return bad("is out of range " + p.bounds())
		}
		if v == 0 {
			v = 0 // -0 becomes 0, so that "-0" and "0" are one setting with one canonical text.
		}
		*f = v
	case *bool:
		v, err := strconv.ParseBool(s)
		if err != nil {
			return bad("is not " + p.want())
		}
		*f = v
	case textField:
		if !slices.Contains(p.Choices, s) {
			return bad("is not " + p.want())
		}
		if err := f.UnmarshalText([]byte(s)); err != nil {
			return bad("is not " + p.want())
		}
	default:
		panic(fmt.Sprintf("sim: parameter %s has unsupported field type %T", p.Name, f))
	}
	return nil
}

// check returns why the parameter's field in c is not an allowed value, or nil.
func (p *Param) check(c *Config) *FieldError {
	bad := func(reason string) *FieldError {
		return &FieldError{Param: p.Name, Value: Clip(p.text(c)), Reason: reason}
	}
	switch f := p.field(c).(type) {
	case *int:
		if float64(*f) < p.Min || float64(*f) > p.Max {
			return bad("is out of range " + p.bounds())
		}
	case *uint64:
		if *f > uint64(p.Max) {
			return bad("is out of range " + p.bounds())
		}
	case *float64:
		switch {
		case math.IsNaN(*f) || math.IsInf(*f, 0):
			return bad("is not finite, want " + p.want())
		case *f < p.Min || *f > p.Max:
			return bad("is out of range " + p.bounds())
		}
	case *bool:
	case textField:
		if !slices.Contains(p.Choices, p.text(c)) {
			return bad("is not " + p.want())
		}
	default:
		panic(fmt.Sprintf("sim: parameter %s has unsupported field type %T", p.Name, f))
	}
	return nil
}

// bounds returns the range of a numeric parameter as "min..max".
func (p *Param) bounds() string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	if p.Kind == KindInt || p.Kind == KindUint {
		// 'g' would write the seed's bound as 9.007199254740991e+15.
		f = func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }
	}
	return f(p.Min) + ".." + f(p.Max)
}

// want describes the allowed values, to complete "is not ...".
func (p *Param) want() string {
	switch p.Kind {
	case KindInt, KindUint:
		return "an integer in " + p.bounds()
	case KindFloat:
		return "a number in " + p.bounds()
	case KindBool:
		return "true or false"
	default:
		return "one of " + orList(p.Choices)
	}
}

// orList returns "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

func isRange(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// FieldError says that one parameter was not an allowed value.
//
// Param and Value are what the user wrote, clipped to maxShown characters, so that
// a hostile or mistaken link cannot flood the page. Error quotes them (with %q) unless
// they are plain words or numbers; the page should still insert the message as text,
// never as HTML.
type FieldError struct {
	Param   string // parameter name, e.g. "side"
	Value   string // offending value, e.g. "40"
	Reason  string // what is wrong with it, e.g. "is out of range 8..32"
	Default string // the value used instead (ParseQuery); "" if none was substituted
}

func (e *FieldError) Error() string {
	s := show(e.Param) + " = " + show(e.Value) + " " + e.Reason
	if e.Default != "" {
		s += " (using the default " + e.Default + ")"
	}
	return s
}

// Errors is every bad parameter of a Config or a link, in order. It is returned as an error
// only when it is not empty.
type Errors []*FieldError

func (e Errors) Error() string {
	s := make([]string, len(e))
	for i, fe := range e {
		s[i] = fe.Error()
	}
	return strings.Join(s, "; ")
}

// Unwrap returns the field errors, so that errors.As finds a *FieldError in an Errors.
func (e Errors) Unwrap() []error {
	errs := make([]error, len(e))
	for i, fe := range e {
		errs[i] = fe
	}
	return errs
}

// err returns e as an error, or a nil error (not a nil Errors) if e is empty.
func (e Errors) err() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

// unknownParam returns the error for a parameter name that is not in the table, with a
// suggestion when the name is a parameter or a Config field in another case.
func unknownParam(name, value string, params []Param) *FieldError {
	if params == nil {
		params = Params()
	}
	reason := "is not a known parameter and is ignored"
	for _, p := range params {
		if strings.EqualFold(name, p.Name) || strings.EqualFold(name, p.Field) {
			reason = "is not a known parameter (did you mean " + p.Name + "?) and is ignored"
			break
		}
	}
	return &FieldError{Param: Clip(name), Value: Clip(value), Reason: reason}
}

// maxShown is the number of characters of a user's text that an error repeats.
const maxShown = 40

// Clip returns s cut to maxShown characters, marking a cut with "…": what an error (or a
// page) repeats of a user's text, so that a hostile or mistaken link cannot flood it.
func Clip(s string) string {
	if utf8.RuneCountInString(s) <= maxShown {
		return s
	}
	n := 0
	for i := range s {
		if n == maxShown {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// show returns s as it appears in an error message: bare if it is a plain word or number
// (side = 40), quoted with escapes otherwise (side = "<script>", side = "").
func show(s string) string {
	if s == "" {
		return `""`
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("+-._", r)) {
			return fmt.Sprintf("%q", s)
		}
	}
	return s
}
