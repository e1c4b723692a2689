package sim

// The URL encoding.
//
// A link such as ?labels=random&width=1024 holds only the settings that differ from
// Default, one key per parameter, in the order of the table; a missing key means the
// default. Numbers are written in the shortest form that reads back to the same value, so
// a link reproduces a run exactly. Reading a link is forgiving: a bad parameter falls back
// to its default and is reported, and every good one still applies, so that a shared link
// with one typo still runs and the page can show what was wrong.

import (
	"net/url"
	"strconv"
	"strings"
)

// Query returns the settings of c that differ from Default, keyed by parameter name.
// Use Encode for a link: url.Values is a map and loses the canonical order.
func (c Config) Query() url.Values {
	v := url.Values{}
	def := Default()
	for _, p := range Params() {
		if s := p.text(&c); s != p.text(&def) {
			v.Set(p.Name, s)
		}
	}
	return v
}

// Encode returns the query string, without a leading "?", of the settings of c that differ
// from Default, in table order. Encode of Default is "". ParseQuery reads it back to c
// exactly when c is valid; the settings of an invalid c come back as errors.
func (c Config) Encode() string {
	var b strings.Builder
	def := Default()
	for _, p := range Params() {
		s := p.text(&c)
		if s == p.text(&def) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.Name)
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(s))
	}
	return b.String()
}

// ParseQuery reads the settings of a query string, with or without its leading "?", on top of
// Default. The returned Config is always valid.
//
// Every parameter that cannot be used is reported, in the order of the link, by a *FieldError
// in the returned Errors, and the Config keeps the default for it (named in the error's
// Default field): a key given more than once, an empty, malformed, non-finite or out-of-range
// value, or a %-escape that does not decode. An unknown key is reported and ignored. All
// other parameters apply. The error is nil if every parameter was good.
func ParseQuery(raw string) (Config, error) {
	raw = strings.TrimPrefix(raw, "?")

	// Split by hand rather than with url.ParseQuery, which silently drops every pair after
	// the first one with a bad escape: here each pair is judged on its own.
	type pair struct {
		key, value     string // decoded
		rawKey, rawVal string
		keyOK, valOK   bool
	}
	var pairs []pair
	values := map[string][]string{} // decoded values of each decoded key, to find duplicates
	for seg := range strings.SplitSeq(raw, "&") {
		if seg == "" {
			continue // "a=1&&b=2" and a trailing "&" are harmless
		}
		pr := pair{}
		pr.rawKey, pr.rawVal, _ = strings.Cut(seg, "=")
		var err error
		pr.key, err = url.QueryUnescape(pr.rawKey)
		pr.keyOK = err == nil
		pr.value, err = url.QueryUnescape(pr.rawVal)
		pr.valOK = err == nil
		if !pr.valOK {
			pr.value = pr.rawVal
		}
		if pr.keyOK {
			values[pr.key] = append(values[pr.key], pr.value)
		}
		pairs = append(pairs, pr)
	}

	params := Params()
	index := make(map[string]*Param, len(params))
	for i := range params {
		index[params[i].Name] = &params[i]
	}
	c, def := Default(), Default()
	var errs Errors
	reported := map[string]bool{} // duplicated keys already reported
	for _, pr := range pairs {
		if !pr.keyOK {
			errs = append(errs, &FieldError{Param: Clip(pr.rawKey), Value: Clip(pr.rawVal),
				Reason: "has a bad %-escape in its name and is ignored"})
			continue
		}
		p, ok := index[pr.key]
		if !ok {
			errs = append(errs, unknownParam(pr.key, pr.value, params))
			continue
		}
		var e *FieldError
		switch vs := values[pr.key]; {
		case len(vs) > 1:
			// Neither value wins: a link that says two things about one setting is ambiguous,
			// and silently taking the first or the last would hide it.
			if reported[pr.key] {
				continue
			}
			reported[pr.key] = true
			e = &FieldError{Param: p.Name, Value: Clip(strings.Join(vs, ",")),
				Reason: "is given " + strconv.Itoa(len(vs)) + " times, want it once"}
		case !pr.valOK:
			e = &FieldError{Param: p.Name, Value: Clip(pr.rawVal), Reason: "has a bad %-escape"}
		default:
			e = p.parse(&c, pr.value)
		}
		if e != nil {
			e.Default = p.text(&def)
			errs = append(errs, e)
		}
	}
	return c, errs.err()
}
