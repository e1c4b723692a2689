package sim

// The command-line encoding.
//
// The headless runner takes the same settings as the page, with the same names: the link
// ?labels=random&width=1024 is the command line -labels=random -width=1024, and a bad value
// is rejected with the same message in both.

import (
	"flag"
	"strings"

	"genlab/sim/data"
)

// RegisterFlags defines one flag in fs for every parameter of the table, named as in URLs,
// whose default is the current value in c and whose usage is the parameter's help followed
// by its allowed values. Parsing fs stores into c. Boolean parameters are boolean flags:
// -bn sets BatchNorm and -bn=false clears it.
//
// RegisterFlags panics, as flag.FlagSet.Var does, if fs already has a flag of the same name.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	for _, p := range Params() {
		fs.Var(&flagValue{c: c, p: p}, p.Name, p.usage())
	}
}

// Args returns the command-line arguments, in table order, that set the settings of c that
// differ from Default: parsing them into the flags of a Default Config reproduces c when c
// is valid. Args of Default is empty.
func (c Config) Args() []string {
	var args []string
	def := Default()
	for _, p := range Params() {
		if s := p.text(&c); s != p.text(&def) {
			args = append(args, "-"+p.Name+"="+s)
		}
	}
	return args
}

// usage returns the flag usage of p: its help and its allowed values. The back-quoted word
// becomes the argument name in flag.PrintDefaults, e.g. "-side int".
func (p *Param) usage() string {
	switch p.Kind {
	case KindInt, KindUint:
		return p.Help + " (`int` in " + p.bounds() + ")"
	case KindFloat:
		return p.Help + " (`float` in " + p.bounds() + ")"
	case KindEnum:
		return p.Help + " (one of `" + strings.Join(p.Choices, "|") + "`)"
	default:
		return p.Help
	}
}

// flagValue is the flag.Value of one parameter of a Config.
type flagValue struct {
	c *Config
	p Param
}

// String returns the current value. The flag package also calls it on a zero flagValue,
// to learn whether a default is worth printing, so a nil Config reads as "".
func (v *flagValue) String() string {
	if v == nil || v.c == nil {
		return ""
	}
	return v.p.text(v.c)
}

// Set parses s with the same checks as a link, so a bad value fails with the same message.
func (v *flagValue) Set(s string) error {
	if e := v.p.parse(v.c, s); e != nil {
		return e
	}
	return nil
}

// Get implements flag.Getter: the field's value (an int, uint64, float64, bool or enum).
func (v *flagValue) Get() any {
	switch f := v.p.field(v.c).(type) {
	case *int:
		return *f
	case *uint64:
		return *f
	case *float64:
		return *f
	case *bool:
		return *f
	case *data.Family:
		return *f
	case *data.LabelMode:
		return *f
	case *data.InputMode:
		return *f
	case *Arch:
		return *f
	case *Schedule:
		return *f
	}
	panic("sim: parameter " + v.p.Name + " has no flag.Getter case")
}

// IsBoolFlag lets boolean parameters be given as a bare -name.
func (v *flagValue) IsBoolFlag() bool { return v.p.Kind == KindBool }
