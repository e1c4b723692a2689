package sim

// Side-by-side runs.
//
// The lab's lesson is a comparison: the same images and the same network, trained once on
// true labels and once on random ones. So runs are written as variants of one base Config,
// each the few settings it changes, in a list separated by ";":
//
//	labels=true;labels=random
//	labels=corrupt,p=0.4;inputs=shuffled
//
// Every run then shares the base's data, network and seed except for what its variant
// changes, which is exactly what makes the runs comparable. The same text is the runs=
// key of a link, the -runs flag of genlab and the runs of a Setup message; it is parsed
// once, by ParseVariants, and everything past that point holds Variants.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Variant is what one run of a comparison changes in the base settings: settings of the
// parameter table (Params), each a name and a value in its range, in the order written.
//
// Its text is name=value settings separated by commas, "labels=corrupt,p=0.4".
// ParseVariant reads it; String writes it back in canonical form, without spaces and with
// every value as Config.Get writes it ("p = .40" is p=0.4), so that one variant has one
// spelling in links, messages and run names.
//
// The zero Variant changes nothing: its run is the base settings. A Variant is a value:
// Set changes only its receiver, never a copy.
type Variant struct {
	settings []setting // canonical values, each parameter at most once
}

// setting is one name=value of a Variant.
type setting struct{ name, value string }

// ParseVariant reads a variant written as name=value settings separated by commas; spaces
// around names, values and commas are ignored. The error, for text a user wrote, names
// every setting that is not a parameter, not in its range, or given twice.
func ParseVariant(text string) (Variant, error) {
	var v Variant
	var errs Errors
	for item := range strings.SplitSeq(text, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue // "a=1,,b=2" and a trailing comma are harmless
		}
		name, value, ok := strings.Cut(item, "=")
		if !ok {
			return Variant{}, fmt.Errorf("setting %q has no value (write name=value)", Clip(item))
		}
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if _, given := v.Get(name); given {
			// Neither value wins, as in a link: a run that says two things about one
			// setting is ambiguous.
			errs = append(errs, &FieldError{Param: Clip(name), Value: Clip(value), Reason: "is given twice in one run, want it once"})
			continue
		}
		if err := v.Set(name, value); err != nil {
			errs = append(errs, err.(*FieldError))
		}
	}
	if len(errs) > 0 {
		return Variant{}, errs
	}
	return v, nil
}

// Set sets the parameter called name to value in v, replacing the value v had for it, or
// adding it after the others. The value is checked against the parameter's range and
// stored in canonical form; on error, a *FieldError, v is unchanged.
func (v *Variant) Set(name, value string) error {
	p, ok := LookupParam(name)
	if !ok {
		e := unknownParam(name, value, nil)
		// A variant is strict: an unknown setting refuses the variant, it is not skipped.
		e.Reason = strings.TrimSuffix(e.Reason, " and is ignored")
		return e
	}
	c := Default()
	if e := p.parse(&c, value); e != nil {
		return e
	}
	// Copy before writing: copies of v share their settings.
	settings := slices.Clone(v.settings)
	s := setting{p.Name, p.text(&c)}
	if i := v.index(name); i >= 0 {
		settings[i] = s
	} else {
		settings = append(settings, s)
	}
	v.settings = settings
	return nil
}

// Get returns the canonical value v gives the parameter called name, and whether v sets it.
func (v Variant) Get(name string) (value string, ok bool) {
	if i := v.index(name); i >= 0 {
		return v.settings[i].value, true
	}
	return "", false
}

func (v Variant) index(name string) int {
	return slices.IndexFunc(v.settings, func(s setting) bool { return s.name == name })
}

// String returns v's canonical text, "labels=corrupt,p=0.4"; "" for the zero Variant.
func (v Variant) String() string {
	var b strings.Builder
	for i, s := range v.settings {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s.name)
		b.WriteByte('=')
		b.WriteString(s.value)
	}
	return b.String()
}

// MarshalText implements encoding.TextMarshaler: v's canonical text.
func (v Variant) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseVariant.
func (v *Variant) UnmarshalText(text []byte) error {
	parsed, err := ParseVariant(string(text))
	if err != nil {
		return err
	}
	*v = parsed
	return nil
}

// Equal reports whether v and w are the same settings in the same order: whether they
// have the same text.
func (v Variant) Equal(w Variant) bool { return slices.Equal(v.settings, w.settings) }

// Title names v for people: each setting by the title of its value where the parameter
// table has one (labels=random is "Random labels", see Param.Titles) and as "name = value"
// otherwise, in order, except p, which says how corrupted the labels are and so comes
// after them whatever the order written: labels=corrupt,p=0.4 is "Corrupted labels,
// p = 0.4". The zero Variant has no title, "": see Variants.Titles.
func (v Variant) Title() string {
	if len(v.settings) == 0 {
		return ""
	}
	params := Params()
	parts := make([]string, 0, len(v.settings))
	corrupt := ""
	for _, s := range v.settings {
		i := slices.IndexFunc(params, func(p Param) bool { return p.Name == s.name })
		if i < 0 {
			panic(fmt.Sprintf("sim: variant of unknown parameter %q", s.name)) // Set refuses them
		}
		p := &params[i]
		if j := slices.Index(p.Choices, s.value); j >= 0 && j < len(p.Titles) {
			parts = append(parts, p.Titles[j])
			continue
		}
		title := s.name + " = " + s.value
		if s.name == "p" {
			corrupt = title
			continue
		}
		parts = append(parts, title)
	}
	if corrupt != "" {
		parts = append(parts, corrupt)
	}
	return strings.Join(parts, ", ")
}

// With returns c with the settings of v applied. Every setting of a Variant was checked
// when it was set, so the result is valid when c is.
func (c Config) With(v Variant) Config {
	for _, s := range v.settings {
		if err := c.Set(s.name, s.value); err != nil {
			panic(fmt.Sprintf("sim: variant setting %s=%s: %v", s.name, s.value, err)) // Set checked it
		}
	}
	return c
}

// Variants is the runs of a comparison, one Variant each, in order. Its text is the
// variants' separated by ";", "labels=true;labels=random".
//
// The empty list stands for one run of the base settings alone: PerRun and Configs say so.
type Variants []Variant

// DefaultVariants returns the comparison the simulator opens with: the same images and
// the same network, on true labels and on random labels.
func DefaultVariants() Variants {
	return Variants{
		{settings: []setting{{"labels", "true"}}},
		{settings: []setting{{"labels", "random"}}},
	}
}

// ParseVariants reads a list of variants (see ParseVariant) separated by ";". Runs that
// set nothing (";;", a trailing ";", spaces) are dropped, so "" is the empty list: the
// base settings alone. The error, for text a user wrote, names the first run that cannot
// be read and every bad setting in it.
func ParseVariants(text string) (Variants, error) {
	var vs Variants
	for item := range strings.SplitSeq(text, ";") {
		v, err := ParseVariant(item)
		if err != nil {
			return nil, fmt.Errorf("run %q: %w", Clip(strings.TrimSpace(item)), err)
		}
		if len(v.settings) > 0 {
			vs = append(vs, v)
		}
	}
	return vs, nil
}

// MustParseVariants is ParseVariants for lists written in the program, such as a lesson's:
// it panics if text cannot be read.
func MustParseVariants(text string) Variants {
	vs, err := ParseVariants(text)
	if err != nil {
		panic("sim: " + err.Error())
	}
	return vs
}

// String returns the canonical text of the list: "labels=true;labels=random".
func (vs Variants) String() string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = v.String()
	}
	return strings.Join(parts, ";")
}

// MarshalText implements encoding.TextMarshaler: the list's canonical text.
func (vs Variants) MarshalText() ([]byte, error) { return []byte(vs.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseVariants; it also makes
// *Variants a flag (flag.TextVar).
func (vs *Variants) UnmarshalText(text []byte) error {
	parsed, err := ParseVariants(string(text))
	if err != nil {
		return err
	}
	*vs = parsed
	return nil
}

// Equal reports whether vs and ws are the same variants in the same order.
func (vs Variants) Equal(ws Variants) bool { return slices.EqualFunc(vs, ws, Variant.Equal) }

// PerRun returns the variant of every run the list stands for: vs itself, or, for the
// empty list, the zero Variant alone, the one run of the base settings.
func (vs Variants) PerRun() Variants {
	if len(vs) == 0 {
		return Variants{{}}
	}
	return vs
}

// Configs returns the settings of every run: base with each variant applied, in order,
// or base alone for the empty list.
func (vs Variants) Configs(base Config) []Config {
	runs := vs.PerRun()
	cs := make([]Config, len(runs))
	for i, v := range runs {
		cs[i] = base.With(v)
	}
	return cs
}

// Titles names every run for people, in order (see Variant.Title): a run that changes
// nothing is named by its place, "Run 1".
func (vs Variants) Titles() []string {
	runs := vs.PerRun()
	titles := make([]string, len(runs))
	for i, v := range runs {
		if titles[i] = v.Title(); titles[i] == "" {
			titles[i] = "Run " + strconv.Itoa(i+1)
		}
	}
	return titles
}
