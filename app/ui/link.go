package ui

import (
	"errors"
	"net/url"
	"strconv"
	"strings"

	"genlab/sim"
)

// The page keeps its whole state in its address, so that a link replays it: the
// experiment (the settings as sim writes them, with Config.Encode: only what differs
// from the defaults; and the variants under "runs" when they are not the default
// comparison) and the view (layout, speed, panels, controls, autoplay: see view.go).
//
//	/?labels=corrupt&p=0.3&runs=labels=true%3Blabels=random&speed=3
//	/?view=embed&preset=random-labels&controls=play,reset&autoplay=1
//
// An experiment that is exactly one of the lessons is written as preset=<id>, which is
// shorter and says what it is. Reading, preset= gives the starting experiment and any
// setting or runs in the same link change it, so a teacher can write
// ?preset=random-labels&seed=7 by hand. Writing only uses preset= for an exact lesson,
// so reading a written link always gives back the state that wrote it.
//
// Reading a link is forgiving, like sim.ParseQuery: every bad value (malformed, unknown,
// out of range, empty, given twice, badly %-escaped) falls back to its default and is
// reported in a sentence that names the key, the value and the default used instead;
// everything else still applies. No link can stop the page.

// runsKey is the link key of the variants.
const runsKey = "runs"

// pageState is everything a page's address holds.
type pageState struct {
	Exp  experiment
	View view
}

// defaultState is what the page shows with no link.
func defaultState() pageState {
	return pageState{Exp: defaultExperiment(), View: defaultView()}
}

// parseLink reads the state from a page's query string (with or without "?"). The
// problems, one sentence each, name what was wrong and what is used instead; they are
// empty for a good link.
func parseLink(rawQuery string) (pageState, []string) {
	rawQuery = strings.TrimPrefix(rawQuery, "?")
	var settings []string
	// Runs and the view's keys, as given: decoded, or raw with ok false for a bad escape.
	type given struct {
		value string
		ok    bool
	}
	own := map[string][]given{}
	for pair := range strings.SplitSeq(rawQuery, "&") {
		if pair == "" {
			continue
		}
		rawKey, rawValue, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(rawKey)
		if err != nil || (key != runsKey && key != keyLock && indexOf(viewKeys, key) < 0 && indexOf(figureKeys(), key) < 0 && indexOf(lessonKeys, key) < 0) {
			settings = append(settings, pair) // sim reads it, and reports what it cannot
			continue
		}
		value, err := url.QueryUnescape(rawValue)
		if err != nil {
			own[key] = append(own[key], given{rawValue, false})
			continue
		}
		own[key] = append(own[key], given{value, true})
	}
	var problems []string
	// once returns the value of key if the link gives it once and it decodes; it reports
	// a key given more than once (neither value wins: the link is ambiguous) or badly
	// escaped.
	once := func(key, def string) (string, bool) {
		gs := own[key]
		switch {
		case len(gs) > 1:
			vs := make([]string, len(gs))
			for i, g := range gs {
				vs[i] = g.value
			}
			problems = append(problems, problem(key, sim.Clip(strings.Join(vs, ",")),
				"is given "+strconv.Itoa(len(gs))+" times, want it once", def))
		case len(gs) == 1 && !gs[0].ok:
			problems = append(problems, problem(key, sim.Clip(gs[0].value), "has a bad %-escape", def))
		case len(gs) == 1:
			return gs[0].value, true
		}
		return "", false
	}

	s := defaultState()

	// The starting experiment: a lesson, or the defaults.
	if id, ok := once(keyPreset, defaultText(keyPreset)); ok {
		if p, found := presetByID(id); found {
			s.Exp = p.experiment()
		} else {
			problems = append(problems, problem(keyPreset, sim.Clip(id),
				emptyOr(id, "is not ")+"one of "+orList(presetIDs()), defaultText(keyPreset)))
		}
	}
	problems = append(problems, parseLesson(&s, once)...)
	base := s.Exp

	// The settings of the link, on top of it.
	cfg, err := sim.ParseQuery(strings.Join(settings, "&"))
	var fieldErrs sim.Errors
	if errors.As(err, &fieldErrs) {
		for _, fe := range fieldErrs {
			// A bad setting keeps the starting experiment's value, which is sim's default
			// unless a lesson set it.
			if fe.Default != "" {
				if _, known := sim.LookupParam(fe.Param); known {
					fe.Default = base.Config.Get(fe.Param)
				}
			}
			problems = append(problems, fe.Error())
		}
	} else if err != nil {
		problems = append(problems, err.Error())
	}
	for _, name := range goodSettings(settings, fieldErrs) {
		if err := s.Exp.Config.Set(name, cfg.Get(name)); err != nil {
			panic(err) // sim accepted the value a moment ago
		}
	}

	if text, ok := once(runsKey, runsText(base.Runs)); ok {
		if runs, err := parseRuns(text); err != nil {
			problems = append(problems, "runs: "+err.Error()+" (using the default "+runsText(base.Runs)+")")
		} else {
			s.Exp.Runs = runs
		}
	}
	problems = append(problems, parseFigure(&s.Exp.Figure, once)...)

	for _, key := range viewKeys {
		if key == keyPreset {
			continue
		}
		if value, ok := once(key, defaultText(key)); ok {
			if fe := setViewParam(&s.View, key, value); fe != nil {
				problems = append(problems, fe.Error())
			}
		}
	}
	// After the lesson and the view: the lock needs the one and trims the other's controls.
	problems = append(problems, parseLock(&s, once)...)
	return s, problems
}

// goodSettings returns the names of the settings a link gives once and well: those not
// named by an error of sim.ParseQuery.
func goodSettings(pairs []string, errs sim.Errors) []string {
	bad := map[string]bool{}
	for _, fe := range errs {
		bad[fe.Param] = true
	}
	var names []string
	seen := map[string]bool{}
	for _, pair := range pairs {
		k, _, _ := strings.Cut(pair, "=")
		name, err := url.QueryUnescape(k)
		if err != nil || bad[name] || seen[name] {
			continue
		}
		if _, ok := sim.LookupParam(name); ok {
			seen[name] = true
			names = append(names, name)
		}
	}
	return names
}

// problem writes one problem of a link the way sim writes its own.
func problem(key, value, reason, def string) string {
	return (&sim.FieldError{Param: key, Value: value, Reason: reason, Default: def}).Error()
}

// defaultText is what a key of runs or of the view falls back to, for its problems.
func defaultText(key string) string {
	switch key {
	case keyPreset:
		return Presets()[0].ID
	case keyParent:
		return "none: the origin of the page that framed the lesson"
	}
	d := defaultView()
	switch key {
	case keyView:
		return d.Mode.String()
	case keySpeed:
		return strconv.Itoa(d.Speed)
	case keyAutoplay:
		return "0"
	case keyPanels:
		return d.Panels.String()
	case keyControls:
		return d.Controls.String()
	}
	return ""
}

// runsText names variants in a problem; the base alone has none.
func runsText(runs sim.Variants) string {
	if len(runs) == 0 {
		return "the base settings alone"
	}
	return runs.String()
}

// linkQuery returns the query string, without "?", that parseLink reads back to s: the
// view first (when it is not the full page), then the experiment, then the rest of the
// view. The default state's is "".
func linkQuery(s pageState) string {
	var q []string
	if s.View.Mode != viewFull {
		q = append(q, keyView+"="+s.View.Mode.String())
	}
	if l, ok := lessonByN(s.View.Lesson); ok {
		q = appendLesson(q, s.View, l, s.Exp)
		q = appendLock(q, s.View)
	} else {
		q = appendExperiment(q, s.Exp)
	}
	q = s.View.appendQuery(q)
	return strings.Join(q, "&")
}

// appendExperiment appends the experiment's keys to q: preset=<id> for a lesson other
// than the default one, else the settings and the runs.
func appendExperiment(q []string, e experiment) []string {
	if e.equal(defaultExperiment()) {
		return q
	}
	if id := activePreset(e); id != "" {
		return append(q, keyPreset+"="+id)
	}
	if c := e.Config.Encode(); c != "" {
		q = append(q, c)
	}
	if !e.Runs.Equal(sim.DefaultVariants()) {
		// "=" and "," are legal in a query value and keep the link readable; ";" is
		// escaped because some servers and libraries still split queries at it.
		runs := url.QueryEscape(e.Runs.String())
		runs = strings.NewReplacer("%3D", "=", "%2C", ",").Replace(runs)
		q = append(q, runsKey+"="+runs)
	}
	if e.Figure.Kind != "" {
		// The runs side by side stay in the link too: they come back when the figure goes.
		q = appendFigure(q, e.Figure)
	}
	return q
}

// presetIDs lists the lessons' IDs, for problems.
func presetIDs() []string {
	ps := Presets()
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return ids
}
