package ui

import (
	"net/url"
	"strconv"
	"strings"

	"genlab/app/message"
	"genlab/sim"
)

// view is how the page shows the experiment, as opposed to what the experiment is: which
// layout, how fast, which controls and panels, whether it starts by itself, and for an
// embedded lesson which course page it reports to. It lives in the link beside the
// experiment (see link.go), so a shared link shows the lesson as it was shown.
//
// The zero value is not the default: use defaultView.
type view struct {
	Mode  viewMode
	Speed int // message.MinSpeed..MaxSpeed
	// Zoom is the memory walls' zoom, as message.Envelope.Zoom: 0 the whole walls, z
	// zoomed on label z-1. Links write the label: zoom=3.
	Zoom     int
	Autoplay bool       // start playing as soon as the runs are built
	Panels   panelSet   // full page: the panels beside the canvas that are open
	Controls controlSet // embed: the controls shown under the canvas
	// Parent is the course page's origin, for an embed whose framing page sends no
	// referrer (see parentOrigin); "" to use the referrer's.
	Parent string
	// Lesson is the guided lesson on screen (its N, see lesson.go), 0 for none; Step
	// is where in it the student is, and Guess the ID of the choice predicted, "" before
	// a prediction. See lesson_link.go.
	Lesson int
	Step   int
	Guess  string
	// Lock is a teacher's lock on the lesson (lock=1, see lesson_lock_link.go): the page
	// shows the lesson and its runs but nothing that changes the experiment.
	Lock bool
}

// viewMode is the page's layout.
type viewMode uint8

const (
	// viewFull is the whole lab: header, lessons, canvas, numbers, share, settings.
	viewFull viewMode = iota
	// viewEmbed is a compact lesson for an <iframe> of a course page: the canvas filling
	// the width and only the controls the teacher chose, no header, no intro.
	viewEmbed
)

var viewModeNames = []string{viewFull: "full", viewEmbed: "embed"}

func (m viewMode) String() string { return viewModeNames[m] }

// Link keys of the view. "runs" (link.go) and the settings of sim are the experiment's.
const (
	keyView     = "view"
	keyPreset   = "preset"
	keySpeed    = "speed"
	keyZoom     = "zoom"
	keyAutoplay = "autoplay"
	keyPanels   = "panels"
	keyControls = "controls"
	keyParent   = "parent"
)

// viewKeys are the keys of the view, in the order links write them (after the
// experiment, except view and preset, which lead).
var viewKeys = []string{keyView, keyPreset, keySpeed, keyZoom, keyPanels, keyControls, keyAutoplay, keyParent}

// A nameSet is a set of names of a fixed list, written in links as a comma-separated
// list in the list's order, or "none". panelSet and controlSet are the two.
type nameSet uint16

func (s nameSet) has(i int) bool { return s&(1<<i) != 0 }

// format writes s with names, in their order; "none" when empty.
func (s nameSet) format(names []string) string {
	var out []string
	for i, n := range names {
		if s.has(i) {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ",")
}

// parseNameSet reads a list of names (any order; repeats are harmless) or "none". noun
// names one of them in problems ("control"). The reason, when it is not a list, completes
// "<key> = <value> ...".
func parseNameSet(value string, names []string, noun string) (nameSet, string) {
	want := "want a list of " + strings.Join(names, ",") + " or none"
	if strings.TrimSpace(value) == "" {
		return 0, "is empty, " + want
	}
	if value == "none" {
		return 0, ""
	}
	var s nameSet
	for n := range strings.SplitSeq(value, ",") {
		i := indexOf(names, n)
		if i < 0 {
			if n == "none" {
				return 0, "mixes none with " + noun + "s, " + want
			}
			return 0, "has " + quoteName(n) + ", which is not a " + noun + " (" + want + ")"
		}
		s |= 1 << i
	}
	return s, ""
}

// Panels of the full page, beside the canvas.
const (
	panelReadouts = iota // the live numbers
	panelShare           // the link, the embed snippet, the downloads
	panelSettings        // the runs and every setting
)

var panelNames = []string{panelReadouts: "readouts", panelShare: "share", panelSettings: "settings"}

// panelTitles are the panels' headings; panelToggles, shorter, their buttons in the
// PanelBar, where all three fit one row of a 375 px phone.
var (
	panelTitles  = []string{panelReadouts: "Live numbers", panelShare: "Share and export", panelSettings: "Settings"}
	panelToggles = []string{panelReadouts: "Numbers", panelShare: "Share & export", panelSettings: "Settings"}
)

type panelSet nameSet

// defaultPanels: the numbers and the settings, which a student uses all the time; the
// share panel opens on demand.
const defaultPanels = panelSet(1<<panelReadouts | 1<<panelSettings)

func (s panelSet) has(p int) bool        { return nameSet(s).has(p) }
func (s panelSet) String() string        { return nameSet(s).format(panelNames) }
func (s panelSet) toggle(p int) panelSet { return s ^ 1<<p }

// Controls of the embed view. The names are those of the link's controls= list.
const (
	controlPlay = iota
	controlPause
	controlStep
	controlReset
	controlSpeed
	controlPresets  // the lesson buttons and what to look for
	controlSettings // the runs and every setting, folded
	controlReadouts // the live numbers
)

var controlNames = []string{
	controlPlay: "play", controlPause: "pause", controlStep: "step", controlReset: "reset",
	controlSpeed: "speed", controlPresets: "presets", controlSettings: "settings", controlReadouts: "readouts",
}

// controlTitles name the controls in the share panel's options.
var controlTitles = []string{
	controlPlay: "Play", controlPause: "Pause", controlStep: "Step", controlReset: "Reset",
	controlSpeed: "Speed", controlPresets: "Lessons", controlSettings: "Settings", controlReadouts: "Numbers",
}

type controlSet nameSet

// defaultControls: what a lesson needs to be watched, and no more: a teacher who wants
// students to change things lists the rest.
const defaultControls = controlSet(1<<controlPlay | 1<<controlPause | 1<<controlReset)

// allControls is every control, as the full page shows them.
const allControls = controlSet(1<<(controlReadouts+1) - 1)

func (s controlSet) has(c int) bool          { return nameSet(s).has(c) }
func (s controlSet) String() string          { return nameSet(s).format(controlNames) }
func (s controlSet) toggle(c int) controlSet { return s ^ 1<<c }

// transportControls are the controls that sit in the Transport bar.
const transportControls = controlSet(1<<controlPlay | 1<<controlPause | 1<<controlStep | 1<<controlReset | 1<<controlSpeed)

// defaultView is the full page at full speed, as a first visit shows it.
func defaultView() view {
	return view{Mode: viewFull, Speed: message.DefaultSpeed, Panels: defaultPanels, Controls: defaultControls}
}

// viewQuery appends the view's keys that differ from defaultView to q, in viewKeys
// order, except preset (the experiment's, see linkQuery) and view, written first.
func (v view) appendQuery(q []string) []string {
	d := defaultView()
	if v.Speed != d.Speed {
		q = append(q, keySpeed+"="+strconv.Itoa(v.Speed))
	}
	if v.Zoom > 0 {
		q = append(q, keyZoom+"="+strconv.Itoa(v.Zoom-1))
	}
	if v.Panels != d.Panels {
		q = append(q, keyPanels+"="+v.Panels.String())
	}
	if v.Controls != d.Controls {
		q = append(q, keyControls+"="+v.Controls.String())
	}
	if v.Autoplay {
		q = append(q, keyAutoplay+"=1")
	}
	if v.Parent != "" {
		q = append(q, keyParent+"="+url.QueryEscape(v.Parent))
	}
	return q
}

// setViewParam applies one view key of a link (not preset, which link.go reads) to v, or
// returns why its value cannot be used; v then keeps the default, which the error names.
func setViewParam(v *view, key, value string) *sim.FieldError {
	bad := func(reason, def string) *sim.FieldError {
		return &sim.FieldError{Param: key, Value: sim.Clip(value), Reason: reason, Default: def}
	}
	d := defaultView()
	switch key {
	case keyView:
		i := indexOf(viewModeNames, value)
		if i < 0 {
			return bad(emptyOr(value, "is not ")+orList(viewModeNames), d.Mode.String())
		}
		v.Mode = viewMode(i)
	case keySpeed:
		want := "an integer in " + speedRange()
		n, err := strconv.Atoi(value)
		switch {
		case value == "":
			return bad("is empty, want "+want, strconv.Itoa(d.Speed))
		case err != nil && !isRangeErr(err):
			return bad("is not "+want, strconv.Itoa(d.Speed))
		case err != nil || n < message.MinSpeed || n > message.MaxSpeed:
			return bad("is out of range "+speedRange(), strconv.Itoa(d.Speed))
		}
		v.Speed = n
	case keyZoom:
		// The label the walls are zoomed on; a label beyond the classes setting shows
		// the last one (the canvas clamps it).
		want := "a label in 0.." + strconv.Itoa(message.MaxZoom-1)
		n, err := strconv.Atoi(value)
		switch {
		case value == "":
			return bad("is empty, want "+want, "none: the whole wall")
		case err != nil && !isRangeErr(err):
			return bad("is not "+want, "none: the whole wall")
		case err != nil || n < 0 || n >= message.MaxZoom:
			return bad("is out of range 0.."+strconv.Itoa(message.MaxZoom-1), "none: the whole wall")
		}
		v.Zoom = n + 1
	case keyAutoplay:
		switch value {
		case "1", "true":
			v.Autoplay = true
		case "0", "false":
			v.Autoplay = false
		default:
			return bad(emptyOr(value, "is not ")+"1 or 0", "0")
		}
	case keyPanels:
		s, reason := parseNameSet(value, panelNames, "panel")
		if reason != "" {
			return bad(reason, d.Panels.String())
		}
		v.Panels = panelSet(s)
	case keyControls:
		s, reason := parseNameSet(value, controlNames, "control")
		if reason != "" {
			return bad(reason, d.Controls.String())
		}
		v.Controls = controlSet(s)
	case keyParent:
		origin, err := checkOrigin(value)
		if err != "" {
			return bad(err, "none: the origin of the page that framed the lesson")
		}
		v.Parent = origin
	}
	return nil
}

// checkOrigin returns the canonical form of an http(s) origin (scheme://host[:port],
// lower-case, no path), or why value is not one.
func checkOrigin(value string) (string, string) {
	const want = "an http or https origin such as https://course.example (scheme, host and port only)"
	if value == "" {
		return "", "is empty, want " + want
	}
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" ||
		u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.ForceQuery ||
		u.Fragment != "" || strings.ContainsAny(value, " \t\r\n\\") || strings.HasSuffix(u.Host, ":") {
		return "", "is not " + want
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return "", "is not " + want
		}
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), ""
}

func speedRange() string {
	return strconv.Itoa(message.MinSpeed) + ".." + strconv.Itoa(message.MaxSpeed)
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// emptyOr returns "is empty, want " for an empty value, else prefix.
func emptyOr(value, prefix string) string {
	if value == "" {
		return "is empty, want "
	}
	return prefix
}

func indexOf(names []string, n string) int {
	for i, m := range names {
		if m == n {
			return i
		}
	}
	return -1
}

// orList writes "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// quoteName quotes a name from a link for a problem, clipped.
func quoteName(n string) string {
	return strconv.Quote(sim.Clip(n))
}
