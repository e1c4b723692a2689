package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"genlab/sim"
)

// errHelp reports that -h was asked for and the usage was printed; errUsage that the
// flags were wrong and flag has already said so.
var (
	errHelp  = errors.New("help requested")
	errUsage = errors.New("bad flags")
)

// options are the flags every command shares: the simulator's settings, -json and -quiet.
type options struct {
	cfg   sim.Config
	json  bool
	quiet bool
}

// parse parses the flags of one command: its own (added by extra) and the shared ones,
// whose defaults are sim.Default() changed by base (nil: none).
func parse(name, about string, args []string, stderr io.Writer, base func(c *sim.Config), extra func(fs *flag.FlagSet)) (*options, error) {
	o := &options{cfg: sim.Default()}
	if base != nil {
		base(&o.cfg)
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	o.cfg.RegisterFlags(fs)
	fs.BoolVar(&o.json, "json", false, "print one JSON object per line instead of tables")
	fs.BoolVar(&o.quiet, "quiet", false, "print no progress on stderr")
	if extra != nil {
		extra(fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: genlab %s [settings]\n\n%s\n\nSettings and flags:\n", name, about)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, errHelp
		}
		return nil, errUsage
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q (settings are flags, e.g. -labels=random)", fs.Arg(0))
	}
	return o, nil
}
