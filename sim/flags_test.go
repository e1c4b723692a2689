package sim

import (
	"bytes"
	"flag"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"genlab/sim/data"
)

// parseFlags parses args into a Default Config through RegisterFlags.
func parseFlags(args ...string) (Config, error) {
	c := Default()
	fs := flag.NewFlagSet("genlab", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.RegisterFlags(fs)
	err := fs.Parse(args)
	return c, err
}

func TestFlagsRoundTrip(t *testing.T) {
	if args := Default().Args(); len(args) != 0 {
		t.Errorf("Default().Args() = %q, want none", args)
	}
	rng := rand.New(rand.NewPCG(53, 1))
	configs := []Config{Default()}
	for range 2000 {
		configs = append(configs, randomConfig(rng))
	}
	for _, c := range configs {
		args := c.Args()
		got, err := parseFlags(args...)
		if err != nil || got != c {
			t.Fatalf("flags %q = %+v, %v; want %+v", args, got, err, c)
		}
		// The flags and the link are the same settings.
		if want := strings.Join(args, "&"); strings.ReplaceAll(want, "-", "") != strings.ReplaceAll(c.Encode(), "-", "") {
			t.Fatalf("Args %q and Encode %q disagree", args, c.Encode())
		}
	}
}

func TestFlagsArgs(t *testing.T) {
	c := Default()
	c.Labels = data.RandomLabels
	c.Width = 1024
	c.LR = 1e-5
	c.BatchNorm = true
	want := []string{"-labels=random", "-width=1024", "-lr=1e-05", "-bn=true"}
	if got := c.Args(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Args() = %q, want %q", got, want)
	}
}

func TestFlagsBool(t *testing.T) {
	tests := []struct {
		args          []string
		bn, fitted    bool
		remainingArgs int
	}{
		{nil, false, true, 0},
		{[]string{"-bn"}, true, true, 0},
		{[]string{"-bn=true"}, true, true, 0},
		{[]string{"-bn", "-bn=false"}, false, true, 0},
		{[]string{"--bn", "-stopfitted=false"}, true, false, 0},
		{[]string{"-stopfitted=0", "-bn=1"}, true, false, 0},
		{[]string{"-bn", "false"}, true, true, 1}, // as with every flag package bool: "false" is an argument
	}
	for _, tt := range tests {
		c := Default()
		fs := flag.NewFlagSet("genlab", flag.ContinueOnError)
		c.RegisterFlags(fs)
		if err := fs.Parse(tt.args); err != nil || c.BatchNorm != tt.bn || c.StopFitted != tt.fitted || fs.NArg() != tt.remainingArgs {
			t.Errorf("%q: bn %v stopfitted %v args %d err %v; want %v %v %d", tt.args, c.BatchNorm, c.StopFitted, fs.NArg(), err,
				tt.bn, tt.fitted, tt.remainingArgs)
		}
	}
}

func TestFlagsErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-side", "40"}, `invalid value "40" for flag -side: side = 40 is out of range 8..32`},
		{[]string{"-side=abc"}, `invalid value "abc" for flag -side: side = abc is not an integer in 8..32`},
		{[]string{"-lr", "NaN"}, `invalid value "NaN" for flag -lr: lr = NaN is not finite, want a number in 1e-05..10`},
		{[]string{"-seed=-1"}, `invalid value "-1" for flag -seed: seed = -1 is out of range 0..9007199254740991`},
		{[]string{"-model", "rnn"}, `invalid value "rnn" for flag -model: model = rnn is not one of linear, mlp or cnn`},
		{[]string{"-bn=maybe"}, `invalid boolean value "maybe" for -bn: bn = maybe is not true or false`},
		{[]string{"-noise="}, `invalid value "" for flag -noise: noise = "" is empty, want a number in 0..1`},
		{[]string{"-colour=red"}, `flag provided but not defined: -colour`},
	}
	for _, tt := range tests {
		c, err := parseFlags(tt.args...)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: error %v\nwant %s", tt.args, err, tt.want)
		}
		if c != Default() {
			t.Errorf("%q: a failed flag changed the config", tt.args)
		}
	}
	// The same message as the link, apart from the default the link falls back to.
	_, ferr := parseFlags("-side", "40")
	_, qerr := ParseQuery("side=40")
	if want := `invalid value "40" for flag -side: ` + strings.TrimSuffix(qerr.Error(), " (using the default 12)"); ferr.Error() != want {
		t.Errorf("flag error %q, link error %q", ferr, qerr)
	}
}

func TestFlagsDefaultsAndUsage(t *testing.T) {
	c := Default()
	c.Side = 24
	c.Model = CNN
	fs := flag.NewFlagSet("genlab", flag.ContinueOnError)
	var out bytes.Buffer
	fs.SetOutput(&out)
	c.RegisterFlags(fs)
	n := 0
	fs.VisitAll(func(f *flag.Flag) {
		n++
		p, ok := LookupParam(f.Name)
		if !ok {
			t.Errorf("flag -%s is not a parameter", f.Name)
			return
		}
		if f.DefValue != c.Get(p.Name) {
			t.Errorf("-%s default %q, want %q", f.Name, f.DefValue, c.Get(p.Name))
		}
		if !strings.HasPrefix(f.Usage, p.Help) {
			t.Errorf("-%s usage %q does not start with the help", f.Name, f.Usage)
		}
		if g, ok := f.Value.(flag.Getter); !ok || g.Get() == nil {
			t.Errorf("-%s is not a flag.Getter", f.Name)
		}
	})
	if n != len(Params()) {
		t.Errorf("%d flags, want %d", n, len(Params()))
	}
	if g := fs.Lookup("model").Value.(flag.Getter).Get(); g != CNN {
		t.Errorf("-model Get() = %v (%T), want cnn", g, g)
	}
	fs.PrintDefaults()
	for _, want := range []string{
		"  -side int\n    \twidth and height of every image in pixels;",
		"(int in 8..32) (default 24)\n",
		"  -lr float\n",
		"(float in 1e-05..10) (default 0.05)\n",
		"  -model linear|mlp|cnn\n",
		"(one of linear|mlp|cnn) (default cnn)\n",
		"  -seed int\n",
		"(int in 0..9007199254740991) (default 1)\n",
		"  -bn\n    \tbatch normalization",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("PrintDefaults lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "panic") {
		t.Errorf("PrintDefaults reports a panic:\n%s", out.String())
	}
}
