package sim

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseQuery checks that no link, however broken, makes ParseQuery panic or return an
// invalid Config, that every error stays short, and that the Config it returns survives
// Encode and ParseQuery unchanged and without error.
func FuzzParseQuery(f *testing.F) {
	for _, seed := range []string{
		"",
		"?",
		"side=12&labels=random&p=0.30000000000000004&lr=1e-05&bn=true",
		"side=abc&width=64",
		"colour=red&depth=2",
		"width=64&width=128",
		"lr=1e999&noise=NaN&momentum=-Inf",
		"train=1234567890123456789012345678901234567890",
		"noise=&seed=-1",
		"model=%3Cscript%3Ealert(1)%3C/script%3E",
		"labels=%zz&%zz=1&p=%",
		"p=0.5;side=12",
		"seed=9007199254740991&lr=10&gamma=0.01",
		"noise=-0&wd=0x1p-4&side=+012",
		"bn&stopfitted=F&bn=1",
		"=&==&&&x",
		"side=%E2%80%AE12&family=gl%C3%BFphs",
		strings.Repeat("a", 100) + "=" + strings.Repeat("é", 100),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := ParseQuery(raw)
		if verr := c.Validate(); verr != nil {
			t.Fatalf("ParseQuery(%q) returned an invalid config: %v", raw, verr)
		}
		if err != nil {
			errs, ok := err.(Errors)
			if !ok || len(errs) == 0 {
				t.Fatalf("ParseQuery(%q) error %T %v, want a non-empty Errors", raw, err, err)
			}
			for _, e := range errs {
				if utf8.RuneCountInString(e.Param) > maxShown+1 || utf8.RuneCountInString(e.Value) > maxShown+1 {
					t.Fatalf("ParseQuery(%q): error repeats too much: %q", raw, e.Error())
				}
				if msg := e.Error(); !utf8.ValidString(msg) || strings.ContainsFunc(msg, func(r rune) bool { return r < ' ' || r == 0x7f }) {
					t.Fatalf("ParseQuery(%q): unsafe error text %q", raw, msg)
				}
			}
		}
		enc := c.Encode()
		c2, err := ParseQuery(enc)
		if err != nil || c2 != c {
			t.Fatalf("ParseQuery(%q) = %+v\nEncode = %q re-parses to %+v, %v", raw, c, enc, c2, err)
		}
		if enc2 := c2.Encode(); enc2 != enc {
			t.Fatalf("Encode not canonical: %q then %q", enc, enc2)
		}
	})
}
