package sim

import (
	"errors"
	"math"
	"math/rand/v2"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"genlab/sim/data"
)

func TestQueryEncodeDefault(t *testing.T) {
	c := Default()
	if got := c.Encode(); got != "" {
		t.Errorf("Default().Encode() = %q, want empty", got)
	}
	if got := c.Query(); len(got) != 0 {
		t.Errorf("Default().Query() = %v, want empty", got)
	}
	for _, raw := range []string{"", "?", "&", "?&&"} {
		got, err := ParseQuery(raw)
		if err != nil || got != c {
			t.Errorf("ParseQuery(%q) = %+v, %v; want Default", raw, got, err)
		}
	}
}

func TestQueryEncodeCanonical(t *testing.T) {
	c := Default()
	c.StopFitted = false
	c.BatchNorm = true
	c.LR = 1e-5
	tenth := 0.1
	c.Corrupt = tenth + 0.2 // 0.30000000000000004; a constant expression would be exactly 0.3
	c.Labels = data.CorruptLabels
	c.Side = 16
	c.Seed = 9007199254740991
	c.Noise = 0
	want := "side=16&noise=0&seed=9007199254740991&labels=corrupt&p=0.30000000000000004&lr=1e-05&bn=true&stopfitted=false"
	if got := c.Encode(); got != want {
		t.Errorf("Encode() =\n%s\nwant\n%s", got, want)
	}
	wantQ := url.Values{"side": {"16"}, "noise": {"0"}, "seed": {"9007199254740991"}, "labels": {"corrupt"},
		"p": {"0.30000000000000004"}, "lr": {"1e-05"}, "bn": {"true"}, "stopfitted": {"false"}}
	if got := c.Query(); !reflect.DeepEqual(got, wantQ) {
		t.Errorf("Query() = %v, want %v", got, wantQ)
	}
	for _, raw := range []string{want, "?" + want, wantQ.Encode()} {
		if got, err := ParseQuery(raw); err != nil || got != c {
			t.Errorf("ParseQuery(%q) = %+v, %v; want %+v", raw, got, err, c)
		}
	}
}

func TestQueryRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(2017, 1611))
	configs := []Config{Default()}
	for range 5000 {
		configs = append(configs, randomConfig(rng))
	}
	for _, c := range configs {
		raw := c.Encode()
		got, err := ParseQuery(raw)
		if err != nil || got != c || !reflect.DeepEqual(got, c) {
			t.Fatalf("ParseQuery(%q) = %+v, %v; want %+v", raw, got, err, c)
		}
		if again := got.Encode(); again != raw {
			t.Fatalf("Encode is not canonical: %q then %q", raw, again)
		}
		// url.Values.Encode sorts the keys; the order must not matter.
		if got, err := ParseQuery(c.Query().Encode()); err != nil || got != c {
			t.Fatalf("ParseQuery(Query().Encode()) = %+v, %v; want %+v", got, err, c)
		}
	}
}

// fieldErr is the part of a *FieldError a malformed link is checked against.
type fieldErr struct {
	param, value, def, text string
}

func TestQueryMalformed(t *testing.T) {
	tests := []struct {
		raw  string
		want func(*Config) // the good parameters of the link
		errs []fieldErr
	}{
		{
			raw:  "side=abc&width=64",
			want: func(c *Config) { c.Width = 64 },
			errs: []fieldErr{{"side", "abc", "12", `side = abc is not an integer in 8..32 (using the default 12)`}},
		},
		{
			raw:  "?colour=red&depth=2",
			want: func(c *Config) { c.Depth = 2 },
			errs: []fieldErr{{"colour", "red", "", `colour = red is not a known parameter and is ignored`}},
		},
		{
			raw:  "side=40&classes=5",
			want: func(c *Config) { c.Classes = 5 },
			errs: []fieldErr{{"side", "40", "12", `side = 40 is out of range 8..32 (using the default 12)`}},
		},
		{
			raw:  "width=64&depth=3&width=128",
			want: func(c *Config) { c.Depth = 3 },
			errs: []fieldErr{{"width", "64,128", "256", `width = "64,128" is given 2 times, want it once (using the default 256)`}},
		},
		{
			raw:  "lr=1e999&batch=64",
			want: func(c *Config) { c.Batch = 64 },
			errs: []fieldErr{{"lr", "1e999", "0.05", `lr = 1e999 is not finite, want a number in 1e-05..10 (using the default 0.05)`}},
		},
		{
			raw:  "train=1234567890123456789012345678901234567890&test=50",
			want: func(c *Config) { c.Test = 50 },
			errs: []fieldErr{{"train", "1234567890123456789012345678901234567890", "1500",
				`train = 1234567890123456789012345678901234567890 is out of range 10..10000 (using the default 1500)`}},
		},
		{
			raw:  "noise=&seed=7",
			want: func(c *Config) { c.Seed = 7 },
			errs: []fieldErr{{"noise", "", "0.12", `noise = "" is empty, want a number in 0..1 (using the default 0.12)`}},
		},
		{
			raw:  "model=%3Cscript%3Ealert(1)%3C/script%3E&bn=true",
			want: func(c *Config) { c.BatchNorm = true },
			errs: []fieldErr{{"model", "<script>alert(1)</script>", "mlp",
				`model = "<script>alert(1)</script>" is not one of linear, mlp or cnn (using the default mlp)`}},
		},
		{
			raw:  "labels=%zz&p=0.25",
			want: func(c *Config) { c.Corrupt = 0.25 },
			errs: []fieldErr{{"labels", "%zz", "true", `labels = "%zz" has a bad %-escape (using the default true)`}},
		},
		{
			raw:  "momentum=NaN&epochs=5",
			want: func(c *Config) { c.Epochs = 5 },
			errs: []fieldErr{{"momentum", "NaN", "0.9", `momentum = NaN is not finite, want a number in 0..0.99 (using the default 0.9)`}},
		},
		{
			raw:  "seed=-1&filters=16",
			want: func(c *Config) { c.Filters = 16 },
			errs: []fieldErr{{"seed", "-1", "1", `seed = -1 is out of range 0..9007199254740991 (using the default 1)`}},
		},
		{
			raw:  "Side=12&labels=random",
			want: func(c *Config) { c.Labels = data.RandomLabels },
			errs: []fieldErr{{"Side", "12", "", `Side = 12 is not a known parameter (did you mean side?) and is ignored`}},
		},
		{
			raw:  "%zz=1&augment=2",
			want: func(c *Config) { c.Augment = 2 },
			errs: []fieldErr{{"%zz", "1", "", `"%zz" = 1 has a bad %-escape in its name and is ignored`}},
		},
		{
			raw:  "p=0.5;side=12&dropout=0.5",
			want: func(c *Config) { c.Dropout = 0.5 },
			errs: []fieldErr{{"p", "0.5;side=12", "0.5", `p = "0.5;side=12" is not a number in 0..1 (using the default 0.5)`}},
		},
		{
			raw:  "bn=yes&stopfitted=false&model=cnn",
			want: func(c *Config) { c.StopFitted = false; c.Model = CNN },
			errs: []fieldErr{{"bn", "yes", "false", `bn = yes is not true or false (using the default false)`}},
		},
		{
			raw:  "inputs=" + strings.Repeat("A", 5000) + "&gamma=0.1",
			want: func(c *Config) { c.Gamma = 0.1 },
			errs: []fieldErr{{"inputs", strings.Repeat("A", 40) + "…", "original",
				`inputs = "` + strings.Repeat("A", 40) + `…" is not one of original, shuffled, random or gaussian (using the default original)`}},
		},
		{
			// Several bad parameters in one link: all are reported, in link order, and the
			// good ones between them apply.
			raw:  "schedule=step&side=7&stepevery=5&side=9&lr=-1&wd=0.01&nonsense&x=1",
			want: func(c *Config) { c.Schedule = StepSchedule; c.StepEvery = 5; c.WeightDecay = 0.01 },
			errs: []fieldErr{
				{"side", "7,9", "12", `side = "7,9" is given 2 times, want it once (using the default 12)`},
				{"lr", "-1", "0.05", `lr = -1 is out of range 1e-05..10 (using the default 0.05)`},
				{"nonsense", "", "", `nonsense = "" is not a known parameter and is ignored`},
				{"x", "1", "", `x = 1 is not a known parameter and is ignored`},
			},
		},
		{
			// A key repeated with the same value is still ambiguous in intent; report it once.
			raw:  "epochs=5&epochs=5&epochs=5&depth=2",
			want: func(c *Config) { c.Depth = 2 },
			errs: []fieldErr{{"epochs", "5,5,5", "60", `epochs = "5,5,5" is given 3 times, want it once (using the default 60)`}},
		},
	}
	for _, tt := range tests {
		t.Run("", func(t *testing.T) {
			want := Default()
			tt.want(&want)
			got, err := ParseQuery(tt.raw)
			if got != want {
				t.Errorf("ParseQuery(%.60q) =\n%+v\nwant\n%+v", tt.raw, got, want)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("ParseQuery(%.60q) returned an invalid config: %v", tt.raw, err)
			}
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("ParseQuery(%.60q) error = %T %v, want Errors", tt.raw, err, err)
			}
			var gotErrs []fieldErr
			for _, e := range errs {
				gotErrs = append(gotErrs, fieldErr{e.Param, e.Value, e.Default, e.Error()})
			}
			if !reflect.DeepEqual(gotErrs, tt.errs) {
				t.Errorf("ParseQuery(%.60q) errors:\n got %q\nwant %q", tt.raw, gotErrs, tt.errs)
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe != errs[0] {
				t.Errorf("errors.As does not find the first *FieldError")
			}
		})
	}
}

func TestQueryMessagesMatchValidate(t *testing.T) {
	// A value out of range reads the same whether it comes from a link or from Go code.
	for _, b := range bounds() {
		got, err := ParseQuery(b.name + "=" + url.QueryEscape(b.text))
		if b.valid {
			if err != nil || got.Get(b.name) != b.text {
				t.Errorf("ParseQuery(%s=%s) = %v, %s", b.name, b.text, err, got.Get(b.name))
			}
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) {
			t.Errorf("ParseQuery(%s=%s): no field error", b.name, b.text)
			continue
		}
		def := Default()
		if want := rangeMessage(b.name, b.text); fe.Default != def.Get(b.name) ||
			fe.Error() != want+" (using the default "+def.Get(b.name)+")" {
			t.Errorf("ParseQuery(%s=%s) = %v, want %s", b.name, b.text, fe, want)
		}
		if got != def {
			t.Errorf("ParseQuery(%s=%s) did not keep the default", b.name, b.text)
		}
	}
}

func TestQueryHugeValues(t *testing.T) {
	for _, raw := range []string{
		"lr=1e999", "lr=-1e999", "lr=1e-999", "noise=Infinity", "seed=99999999999999999999999999999999999999999",
		"seed=18446744073709551616", "side=" + strings.Repeat("9", 100000),
		strings.Repeat("&", 10000), strings.Repeat("x=1&", 1000), "%", "=", "==", "=&=", "side=%", "side=%2",
		"side=%F0%9F%98%80", "side=%ff%fe", "side=1%00", "side=%E2%80%AE12",
	} {
		c, err := ParseQuery(raw)
		if c.Validate() != nil {
			t.Errorf("ParseQuery(%.40q) returned an invalid config", raw)
		}
		if err == nil {
			if c != Default() {
				t.Errorf("ParseQuery(%.40q) changed the config without error", raw)
			}
			continue
		}
		for _, e := range err.(Errors) {
			if len([]rune(e.Value)) > maxShown+1 || len([]rune(e.Param)) > maxShown+1 {
				t.Errorf("ParseQuery(%.40q): error repeats too much: %.100s", raw, e.Error())
			}
			if strings.ContainsAny(e.Error(), "\x00\n\u202e") {
				t.Errorf("ParseQuery(%.40q): unescaped control character in %q", raw, e.Error())
			}
		}
	}
	// p = 0.000…01 with 100000 zeros underflows to 0, which is in range: it is a number, after all.
	if c, err := ParseQuery("p=0." + strings.Repeat("0", 100000) + "1"); err != nil || c.Corrupt != 0 {
		t.Errorf("p = 1e-100001: %v, %v", c.Corrupt, err)
	}
	if c, _ := ParseQuery("p=1e-999"); math.Signbit(c.Corrupt) || c.Corrupt != 0 {
		t.Errorf("p = 1e-999: %v", c.Corrupt)
	}
}
