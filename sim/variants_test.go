package sim

import (
	"encoding/json"
	"errors"
	"flag"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"genlab/sim/data"
)

func TestParseVariants(t *testing.T) {
	tests := []struct {
		text string
		want string // the canonical text
		runs int
	}{
		{"", "", 0},
		{" ; ;", "", 0},
		{"labels=true;labels=random", "labels=true;labels=random", 2},
		{" labels = true ;; labels=corrupt , p=0.5 ", "labels=true;labels=corrupt,p=0.5", 2},
		{"labels=corrupt,p=.40", "labels=corrupt,p=0.4", 1},
		{"p=0.4,labels=corrupt", "p=0.4,labels=corrupt", 1}, // the order written stays
		{"bn=1,noise=-0,side=+012", "bn=true,noise=0,side=12", 1},
		{"labels=true,,wd=0.0005,", "labels=true,wd=0.0005", 1},
		{"model=mlp;model=cnn;model=linear;labels=random;side=8", "model=mlp;model=cnn;model=linear;labels=random;side=8", 5},
	}
	for _, tt := range tests {
		vs, err := ParseVariants(tt.text)
		if err != nil {
			t.Errorf("ParseVariants(%q): %v", tt.text, err)
			continue
		}
		if got := vs.String(); got != tt.want || len(vs) != tt.runs {
			t.Errorf("ParseVariants(%q) = %q (%d runs), want %q (%d)", tt.text, got, len(vs), tt.want, tt.runs)
		}
		again, err := ParseVariants(vs.String())
		if err != nil || !again.Equal(vs) {
			t.Errorf("%q does not read back: %v, %v", vs, again, err)
		}
	}
}

func TestParseVariantsRefusesBadText(t *testing.T) {
	tests := []struct {
		text string
		want []string // what the error says
	}{
		{"labels=true;labels=rand", []string{`run "labels=rand"`, "labels = rand is not one of true, corrupt or random"}},
		{"side=40", []string{"side = 40 is out of range 8..32"}},
		{"labels", []string{`setting "labels" has no value`}},
		{"colour=red", []string{"colour = red is not a known parameter"}},
		{"Width=3", []string{"did you mean width?"}},
		{"labels=random,labels=true", []string{"labels = true is given twice in one run"}},
		{"side=40,width=0", []string{"side = 40", "width = 0"}},
		{"p=" + strings.Repeat("9", 100), []string{`p = "999`, "…"}},
	}
	for _, tt := range tests {
		_, err := ParseVariants(tt.text)
		if err == nil {
			t.Errorf("ParseVariants(%q) accepted it", tt.text)
			continue
		}
		for _, want := range tt.want {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("ParseVariants(%q) = %v, want it to say %q", tt.text, err, want)
			}
		}
		if strings.Contains(err.Error(), "ignored") {
			t.Errorf("ParseVariants(%q) = %v: nothing is ignored, the run is refused", tt.text, err)
		}
	}
	var fe *FieldError
	if _, err := ParseVariants("side=40"); !errors.As(err, &fe) || fe.Param != "side" {
		t.Errorf("no FieldError in %v", err)
	}
}

func TestVariantTitle(t *testing.T) {
	tests := []struct {
		variant string
		want    string
	}{
		{"labels=true", "True labels"},
		{"labels=random", "Random labels"},
		{"labels=corrupt,p=0.4", "Corrupted labels, p = 0.4"},
		{"p=0.4, labels=corrupt", "Corrupted labels, p = 0.4"},
		{"inputs=shuffled", "Shuffled pixels"},
		{"model=cnn,inputs=gaussian", "CNN, Gaussian inputs"},
		{"testlabels=random", "testlabels = random"},
		{"width=64", "width = 64"},
		{"labels=random,wd=0.0005,dropout=0.2", "Random labels, wd = 0.0005, dropout = 0.2"},
		{"", ""},
	}
	for _, tt := range tests {
		v, err := ParseVariant(tt.variant)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.Title(); got != tt.want {
			t.Errorf("Title(%q) = %q, want %q", tt.variant, got, tt.want)
		}
	}
	got := MustParseVariants("labels=random;width=64").Titles()
	if want := []string{"Random labels", "width = 64"}; !slices.Equal(got, want) {
		t.Errorf("Titles = %q, want %q", got, want)
	}
	if got := Variants(nil).Titles(); !slices.Equal(got, []string{"Run 1"}) {
		t.Errorf("Titles of the base alone = %q", got)
	}
}

func TestDefaultVariants(t *testing.T) {
	if got := DefaultVariants(); !got.Equal(MustParseVariants("labels=true;labels=random")) {
		t.Errorf("DefaultVariants() = %q", got)
	}
}

func TestConfigsApplyEachVariant(t *testing.T) {
	base := Default()
	base.Side = 8
	cs := MustParseVariants("labels=corrupt,p=0.4;inputs=shuffled,side=10").Configs(base)
	want0, want1 := base, base
	want0.Labels, want0.Corrupt = data.CorruptLabels, 0.4
	want1.Inputs, want1.Side = data.ShuffledPixels, 10
	if len(cs) != 2 || cs[0] != want0 || cs[1] != want1 {
		t.Errorf("Configs = %+v", cs)
	}
	if cs := Variants(nil).Configs(base); len(cs) != 1 || cs[0] != base {
		t.Errorf("the empty list is not the base alone: %+v", cs)
	}
	if got := Variants(nil).PerRun(); len(got) != 1 || got[0].String() != "" {
		t.Errorf("PerRun of the empty list = %q", got)
	}
}

// A Variant is a value: setting one never changes a copy of it.
func TestVariantSetChangesOnlyItsReceiver(t *testing.T) {
	v, _ := ParseVariant("labels=true,lr=0.3")
	w := v
	if err := w.Set("lr", "0.03"); err != nil {
		t.Fatal(err)
	}
	if err := w.Set("width", "64"); err != nil {
		t.Fatal(err)
	}
	if v.String() != "labels=true,lr=0.3" || w.String() != "labels=true,lr=0.03,width=64" {
		t.Errorf("v %q, w %q", v, w)
	}
	if err := w.Set("lr", "0"); err == nil || w.String() != "labels=true,lr=0.03,width=64" {
		t.Errorf("a bad value: %v, %q", err, w)
	}
	if lr, ok := w.Get("lr"); !ok || lr != "0.03" {
		t.Errorf("Get(lr) = %q, %v", lr, ok)
	}
	if _, ok := w.Get("p"); ok {
		t.Error("Get of a setting the variant leaves alone")
	}
}

// The text of variants is what crosses JSON and the command line.
func TestVariantsAsText(t *testing.T) {
	type message struct {
		Runs Variants `json:"runs,omitempty"`
		Name Variant  `json:"name"`
	}
	in := `{"runs":"labels=true; labels=corrupt,p=.5","name":"labels=random"}`
	var m message
	if err := json.Unmarshal([]byte(in), &m); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(m)
	if want := `{"runs":"labels=true;labels=corrupt,p=0.5","name":"labels=random"}`; string(out) != want {
		t.Errorf("JSON %s, want %s", out, want)
	}
	if out, _ := json.Marshal(message{}); string(out) != `{"name":""}` {
		t.Errorf("JSON of nothing %s", out)
	}
	if err := json.Unmarshal([]byte(`{"runs":"side=99"}`), &m); err == nil {
		t.Error("JSON with a bad variant decoded")
	}

	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var vs Variants
	fs.TextVar(&vs, "runs", DefaultVariants(), "")
	if !vs.Equal(DefaultVariants()) {
		t.Errorf("flag default %q", vs)
	}
	if err := fs.Parse([]string{"-runs", "inputs=original;inputs=random"}); err != nil || vs.String() != "inputs=original;inputs=random" {
		t.Errorf("flag: %q, %v", vs, err)
	}
	if err := fs.Parse([]string{"-runs", "inputs=nope"}); err == nil {
		t.Error("a bad flag was accepted")
	}
}

// FuzzParseVariants checks that no text, however broken, makes ParseVariants panic, that
// its errors stay short and printable, and that what it reads is canonical: written and
// read again, it is the same list, and valid on top of any valid base.
func FuzzParseVariants(f *testing.F) {
	for _, seed := range []string{
		"",
		"labels=true;labels=random",
		" labels = corrupt , p=.4 ;; inputs=shuffled ;",
		"labels=random,labels=true",
		"side=40;width=abc",
		"labels;=;,=,",
		"bn=1,noise=-0,side=+012,lr=1e-05",
		"model=%3Cscript%3E",
		"p=NaN,seed=9007199254740991",
		strings.Repeat("a", 100) + "=" + strings.Repeat("é", 100),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		vs, err := ParseVariants(text)
		if err != nil {
			// Every piece of the text an error repeats is clipped to maxShown characters and
			// quoted when it is not a plain word (up to 10 characters an escape): a message
			// of a few lines per bad setting however long the text, safe to show.
			msg := err.Error()
			if !utf8.ValidString(msg) || strings.ContainsFunc(msg, func(r rune) bool { return r < ' ' || r == 0x7f }) {
				t.Fatalf("ParseVariants(%q): unsafe error text %q", text, msg)
			}
			if n := utf8.RuneCountInString(msg); n > 25*maxShown*(strings.Count(text, ",")+2) {
				t.Fatalf("ParseVariants(%q): error of %d characters says too much: %q", text, n, msg)
			}
			return
		}
		again, err := ParseVariants(vs.String())
		if err != nil || !again.Equal(vs) || again.String() != vs.String() {
			t.Fatalf("ParseVariants(%q) = %q, which reads back as %q, %v", text, vs, again, err)
		}
		for _, c := range vs.Configs(Default()) {
			if err := c.Validate(); err != nil {
				t.Fatalf("ParseVariants(%q): run %+v invalid: %v", text, c, err)
			}
		}
		for _, v := range vs {
			_ = v.Title()
		}
	})
}
