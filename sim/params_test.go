package sim

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"genlab/sim/data"
)

func TestParamsTable(t *testing.T) {
	wantNames := []string{"family", "side", "classes", "train", "test", "noise", "seed",
		"labels", "p", "testlabels", "inputs", "model", "depth", "width", "filters",
		"lr", "cnnlr", "schedule", "gamma", "stepevery", "batch", "momentum", "wd", "dropout",
		"augment", "bn", "epochs", "patience", "val", "stopfitted"}
	params := Params()
	var got []string
	for _, p := range params {
		got = append(got, p.Name)
	}
	if !reflect.DeepEqual(got, wantNames) {
		t.Fatalf("names:\n got %v\nwant %v", got, wantNames)
	}

	// Every Config field is described exactly once, and the accessor returns that field.
	typ := reflect.TypeFor[Config]()
	seen := map[string]bool{}
	var c Config
	for _, p := range params {
		if seen[p.Field] {
			t.Errorf("%s: field %s described twice", p.Name, p.Field)
		}
		seen[p.Field] = true
		sf, ok := typ.FieldByName(p.Field)
		if !ok {
			t.Errorf("%s: Config has no field %s", p.Name, p.Field)
			continue
		}
		want := reflect.ValueOf(&c).Elem().FieldByIndex(sf.Index).Addr().Interface()
		if got := p.field(&c); got != want {
			t.Errorf("%s: accessor returns %T %p, want field %s at %p", p.Name, got, got, p.Field, want)
		}
		var kind Kind
		switch p.field(&c).(type) {
		case *int:
			kind = KindInt
		case *uint64:
			kind = KindUint
		case *float64:
			kind = KindFloat
		case *bool:
			kind = KindBool
		case textField:
			kind = KindEnum
		default:
			t.Errorf("%s: unsupported field type %T", p.Name, p.field(&c))
		}
		if p.Kind != kind {
			t.Errorf("%s: kind %v, field is %v", p.Name, p.Kind, kind)
		}
		if p.Help == "" || !strings.HasSuffix(p.Help, ".") {
			t.Errorf("%s: help %q should be sentences", p.Name, p.Help)
		}
		switch p.Kind {
		case KindInt, KindUint, KindFloat:
			if !(p.Min <= p.Max) || p.Step <= 0 || len(p.Choices) != 0 {
				t.Errorf("%s: min %v max %v step %v choices %v", p.Name, p.Min, p.Max, p.Step, p.Choices)
			}
			if p.Kind != KindFloat && (p.Min != math.Trunc(p.Min) || p.Max != math.Trunc(p.Max) || p.Max > maxSeed) {
				t.Errorf("%s: integer bounds %v..%v are not exact integers", p.Name, p.Min, p.Max)
			}
		case KindEnum:
			if len(p.Choices) < 2 {
				t.Errorf("%s: choices %v", p.Name, p.Choices)
			}
		}
	}
	for i := range typ.NumField() {
		if f := typ.Field(i); !seen[f.Name] {
			t.Errorf("Config.%s has no parameter", f.Name)
		}
	}
}

func TestParamsRanges(t *testing.T) {
	want := map[string][2]float64{
		"side": {8, 32}, "classes": {2, 10}, "train": {10, 10000}, "test": {10, 10000},
		"noise": {0, 1}, "seed": {0, 9007199254740991}, "p": {0, 1}, "depth": {1, 3},
		"width": {1, 1024}, "filters": {1, 32}, "lr": {0.00001, 10}, "cnnlr": {0.00001, 10}, "gamma": {0.01, 1},
		"stepevery": {1, 1000}, "batch": {1, 1024}, "momentum": {0, 0.99}, "wd": {0, 0.1},
		"dropout": {0, 0.9}, "augment": {0, 4}, "epochs": {1, 1000}, "patience": {0, 1000}, "val": {0.05, 0.5},
	}
	wantChoices := map[string][]string{
		"family":     {"shapes", "glyphs", "textures"},
		"labels":     {"true", "corrupt", "random"},
		"testlabels": {"true", "corrupt", "random"},
		"inputs":     {"original", "shuffled", "random", "gaussian"},
		"model":      {"linear", "mlp", "cnn"},
		"schedule":   {"constant", "step", "decay"},
	}
	for _, p := range Params() {
		switch p.Kind {
		case KindInt, KindUint, KindFloat:
			if got := [2]float64{p.Min, p.Max}; got != want[p.Name] {
				t.Errorf("%s: range %v, want %v", p.Name, got, want[p.Name])
			}
		case KindEnum:
			if !reflect.DeepEqual(p.Choices, wantChoices[p.Name]) {
				t.Errorf("%s: choices %v, want %v", p.Name, p.Choices, wantChoices[p.Name])
			}
		}
	}
}

func TestParamsReadOnly(t *testing.T) {
	ps := Params()
	ps[0].Choices[0] = "changed"
	ps[1].Max = 1e9
	if p, _ := LookupParam("family"); p.Choices[0] != "shapes" {
		t.Errorf("changing a returned Param changed the table: %v", p.Choices)
	}
	if p, _ := LookupParam("side"); p.Max != 32 {
		t.Errorf("changing a returned Param changed the table: max %v", p.Max)
	}
}

func TestDefault(t *testing.T) {
	want := map[string]string{
		"family": "shapes", "side": "12", "classes": "10", "train": "1500", "test": "1000",
		"noise": "0.12", "seed": "1", "labels": "true", "p": "0.5", "testlabels": "true",
		"inputs": "original", "model": "mlp", "depth": "1", "width": "256", "filters": "8",
		"lr": "0.05", "cnnlr": "0.01", "schedule": "constant", "gamma": "0.5", "stepevery": "10", "batch": "32",
		"momentum": "0.9", "wd": "0", "dropout": "0", "augment": "0", "bn": "false",
		"epochs": "60", "patience": "0", "val": "0.1", "stopfitted": "true",
	}
	c := Default()
	if err := c.Validate(); err != nil {
		t.Fatalf("Default().Validate() = %v", err)
	}
	for _, p := range Params() {
		if got := c.Get(p.Name); got != want[p.Name] {
			t.Errorf("default %s = %q, want %q", p.Name, got, want[p.Name])
		}
	}
}

// bound is one value at or just beyond the edge of a parameter's range.
type bound struct {
	name  string
	text  string        // the value as a user writes it
	set   func(*Config) // stores the value directly, for Validate; nil if not representable
	valid bool
}

// bounds returns, for every numeric parameter, its min and max (valid) and the nearest
// values beyond them (invalid): ±1 for integers, the adjacent float64 for floats.
func bounds() []bound {
	var bs []bound
	for _, p := range Params() {
		switch p.Kind {
		case KindInt:
			for _, v := range []struct {
				v     int
				valid bool
			}{{int(p.Min), true}, {int(p.Max), true}, {int(p.Min) - 1, false}, {int(p.Max) + 1, false}} {
				bs = append(bs, bound{p.Name, strconv.Itoa(v.v), func(c *Config) { *p.field(c).(*int) = v.v }, v.valid})
			}
		case KindUint:
			for _, v := range []struct {
				v     uint64
				valid bool
			}{{uint64(p.Min), true}, {uint64(p.Max), true}, {uint64(p.Max) + 1, false}} {
				bs = append(bs, bound{p.Name, strconv.FormatUint(v.v, 10), func(c *Config) { *p.field(c).(*uint64) = v.v }, v.valid})
			}
			bs = append(bs, bound{p.Name, "-1", nil, false})
		case KindFloat:
			for _, v := range []struct {
				v     float64
				valid bool
			}{{p.Min, true}, {p.Max, true}, {math.Nextafter(p.Min, math.Inf(-1)), false}, {math.Nextafter(p.Max, math.Inf(1)), false}} {
				bs = append(bs, bound{p.Name, strconv.FormatFloat(v.v, 'g', -1, 64), func(c *Config) { *p.field(c).(*float64) = v.v }, v.valid})
			}
		}
	}
	return bs
}

// rangeMessage is the error every path gives for a value out of range.
func rangeMessage(name, text string) string {
	p, _ := LookupParam(name)
	return name + " = " + text + " is out of range " + p.bounds()
}

func TestValidateBounds(t *testing.T) {
	for _, b := range bounds() {
		if b.set == nil {
			continue
		}
		c := Default()
		b.set(&c)
		err := c.Validate()
		if b.valid {
			if err != nil {
				t.Errorf("%s = %s: Validate() = %v, want nil", b.name, b.text, err)
			}
			continue
		}
		want := rangeMessage(b.name, b.text)
		if err == nil || err.Error() != want {
			t.Errorf("%s = %s: Validate() = %v, want %q", b.name, b.text, err, want)
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Param != b.name || fe.Value != b.text || fe.Default != "" {
			t.Errorf("%s = %s: field error %+v", b.name, b.text, fe)
		}
	}
}

func TestParamSetBounds(t *testing.T) {
	for _, b := range bounds() {
		c := Default()
		err := c.Set(b.name, b.text)
		if b.valid {
			if err != nil || c.Get(b.name) != b.text {
				t.Errorf("Set(%s, %s) = %v, Get = %s", b.name, b.text, err, c.Get(b.name))
			}
			continue
		}
		if want := rangeMessage(b.name, b.text); err == nil || err.Error() != want {
			t.Errorf("Set(%s, %s) = %v, want %q", b.name, b.text, err, want)
		}
		if c != Default() {
			t.Errorf("Set(%s, %s) failed but changed the config", b.name, b.text)
		}
	}
}

func TestValidateAll(t *testing.T) {
	c := Default()
	c.Side = 40
	c.LR = math.NaN()
	c.Momentum = math.Inf(1)
	c.Family = data.Family(7)
	c.Seed = math.MaxUint64
	c.Batch = 0
	err := c.Validate()
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("Validate() = %T %v, want Errors", err, err)
	}
	want := []string{
		`family = "Family(7)" is not one of shapes, glyphs or textures`,
		`side = 40 is out of range 8..32`,
		`seed = 18446744073709551615 is out of range 0..9007199254740991`,
		`lr = NaN is not finite, want a number in 1e-05..10`,
		`batch = 0 is out of range 1..1024`,
		`momentum = +Inf is not finite, want a number in 0..0.99`,
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}
	if err.Error() != strings.Join(want, "; ") {
		t.Errorf("Error() = %q", err.Error())
	}
}

func TestValidateRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		if c := randomConfig(rng); c.Validate() != nil {
			t.Fatalf("random config %+v: %v", c, c.Validate())
		}
	}
}

func TestParamSetErrors(t *testing.T) {
	tests := []struct {
		name, value, want string
	}{
		{"side", "", `side = "" is empty, want an integer in 8..32`},
		{"side", "3.5", `side = 3.5 is not an integer in 8..32`},
		{"side", "0x10", `side = 0x10 is not an integer in 8..32`},
		{"lr", "fast", `lr = fast is not a number in 1e-05..10`},
		{"lr", "-Inf", `lr = -Inf is not finite, want a number in 1e-05..10`},
		{"bn", "yes", `bn = yes is not true or false`},
		{"model", "MLP", `model = MLP is not one of linear, mlp or cnn`},
		{"Seed", "3", `Seed = 3 is not a known parameter (did you mean seed?) and is ignored`},
		{"corrupt", "0.1", `corrupt = 0.1 is not a known parameter (did you mean p?) and is ignored`},
	}
	for _, tt := range tests {
		c := Default()
		err := c.Set(tt.name, tt.value)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Set(%q, %q) = %v, want %q", tt.name, tt.value, err, tt.want)
		}
		if c != Default() {
			t.Errorf("Set(%q, %q) failed but changed the config", tt.name, tt.value)
		}
	}
}

func TestParamSetAccepts(t *testing.T) {
	tests := []struct {
		name, value, want string
	}{
		{"side", "+12", "12"},
		{"side", "012", "12"},
		{"noise", "-0", "0"},
		{"noise", ".25", "0.25"},
		{"wd", "1E-3", "0.001"},
		{"bn", "1", "true"},
		{"stopfitted", "F", "false"},
		{"lr", "1e-5", "1e-05"},
		{"seed", "9007199254740991", "9007199254740991"},
	}
	for _, tt := range tests {
		c := Default()
		if err := c.Set(tt.name, tt.value); err != nil || c.Get(tt.name) != tt.want {
			t.Errorf("Set(%q, %q) = %v, Get = %q, want %q", tt.name, tt.value, err, c.Get(tt.name), tt.want)
		}
	}
	c := Default()
	if c.Set("noise", "-0"); math.Signbit(c.Noise) {
		t.Errorf("noise = -0 kept its sign")
	}
}

func TestParamGetUnknownPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("Get of an unknown parameter did not panic")
		}
	}()
	Default().Get("nope")
}

func TestParamFieldErrorText(t *testing.T) {
	long := strings.Repeat("9", 100)
	tests := []struct {
		e    FieldError
		want string
	}{
		{FieldError{"side", "40", "is out of range 8..32", "16"}, `side = 40 is out of range 8..32 (using the default 16)`},
		{FieldError{"side", "", "is empty", ""}, `side = "" is empty`},
		{FieldError{"x y", "<b>\"hi\"</b>\n", "r", ""}, `"x y" = "<b>\"hi\"</b>\n" r`},
		{FieldError{"k", "\u202egnp.exe\xff", "r", ""}, `k = "\u202egnp.exe\xff" r`},
		{FieldError{"k", Clip(long), "r", ""}, `k = "` + long[:40] + `…" r`},
		{FieldError{"k", Clip(strings.Repeat("é", 50)), "r", ""}, `k = "` + strings.Repeat("é", 40) + `…" r`},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %s, want %s", got, tt.want)
		}
	}
	if errs := (Errors{}); errs.err() != nil {
		t.Errorf("empty Errors as error is not nil")
	}
}

// randomConfig draws a valid Config with every field spread over its whole range, edges and
// awkward floats (1e-05, 0.30000000000000004, neighbours of the bounds) included.
func randomConfig(rng *rand.Rand) Config {
	c := Default()
	for _, p := range Params() {
		switch f := p.field(&c).(type) {
		case *int:
			lo, hi := int(p.Min), int(p.Max)
			switch rng.IntN(5) {
			case 0:
				*f = lo
			case 1:
				*f = hi
			default:
				*f = lo + rng.IntN(hi-lo+1)
			}
		case *uint64:
			switch rng.IntN(4) {
			case 0:
				*f = uint64(p.Max)
			case 1:
				*f = rng.Uint64N(100)
			default:
				*f = rng.Uint64N(uint64(p.Max) + 1)
			}
		case *float64:
			*f = randomFloat(rng, p.Min, p.Max)
		case *bool:
			*f = rng.IntN(2) == 1
		case textField:
			if err := f.UnmarshalText([]byte(p.Choices[rng.IntN(len(p.Choices))])); err != nil {
				panic(err)
			}
		}
	}
	return c
}

func randomFloat(rng *rand.Rand, lo, hi float64) float64 {
	var v float64
	switch rng.IntN(5) {
	case 0:
		tenth := 0.1 // a variable, so that tenth + 0.2 is rounded as float64, not folded exactly
		special := []float64{lo, hi, math.Nextafter(lo, hi), math.Nextafter(hi, lo), tenth + 0.2,
			1e-5, 1.0 / 3, 0.1, 0.5, 0.99, 5e-324, 1e-300, 2.5e-5}
		v = special[rng.IntN(len(special))]
	case 1: // log-uniform, for values spanning decades such as lr
		l := math.Max(lo, 1e-12)
		v = math.Exp(math.Log(l) + rng.Float64()*(math.Log(hi)-math.Log(l)))
	case 2: // a few decimals, as a person types them
		scale := math.Pow(10, float64(rng.IntN(5)))
		v = math.Round((lo+rng.Float64()*(hi-lo))*scale) / scale
	default:
		v = lo + rng.Float64()*(hi-lo)
	}
	return math.Min(math.Max(v, lo), hi)
}
