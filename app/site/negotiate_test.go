//go:build !wasm

package site

import (
	"testing"
)

// The encoding chosen for each Accept-Encoding, by the rules of HTTP: weights (q),
// "*", "identity", refusals (q=0); the smaller encoding on a tie; the file as it is
// without the header or when nothing is acceptable.
func TestNegotiate(t *testing.T) {
	both := encodings
	gzipOnly := encodings[1:]
	for _, tc := range []struct {
		header  []string // nil: no Accept-Encoding at all
		offered []encoding
		want    string // "identity": the file as it is
	}{
		{nil, both, "identity"},
		{[]string{""}, both, "identity"},
		{[]string{"gzip, deflate, br, zstd"}, both, "br"}, // Chromium over HTTPS
		{[]string{"gzip, deflate"}, both, "gzip"},
		{[]string{"br"}, both, "br"},
		{[]string{"br"}, gzipOnly, "identity"},
		{[]string{"gzip, br"}, gzipOnly, "gzip"},
		{[]string{"BR, GZip"}, both, "br"},
		{[]string{"br;q=0, gzip"}, both, "gzip"},
		{[]string{"br;q=0"}, both, "identity"},
		{[]string{"br; q=0.000"}, both, "identity"},
		{[]string{"gzip;q=1.0, br;q=0.5"}, both, "gzip"},
		{[]string{"br;q=0.5, gzip;q=0.5"}, both, "br"},
		{[]string{" gzip ; q=0.8 , br ; Q=0.9 "}, both, "br"},
		{[]string{"gzip", "br"}, both, "br"}, // two header lines
		{[]string{"*"}, both, "br"},
		{[]string{"*;q=0.5, br;q=0"}, both, "gzip"},
		{[]string{"*;q=0"}, both, "identity"},
		{[]string{"identity"}, both, "identity"},
		{[]string{"identity, gzip;q=0.5"}, both, "identity"},
		{[]string{"identity;q=0.5, gzip"}, both, "gzip"},
		{[]string{"identity;q=0, *;q=0"}, both, "identity"}, // nothing acceptable: the file anyway
		{[]string{"x-gzip"}, both, "gzip"},
		{[]string{"deflate, zstd"}, both, "identity"},
		{[]string{"br;q=2, gzip"}, both, "gzip"}, // not a weight: refused
		{[]string{"br;q=high, gzip"}, both, "gzip"},
		{[]string{"br;level=5"}, both, "br"}, // other parameters do not matter
		{[]string{",, br ,"}, both, "br"},
	} {
		got := "identity"
		if enc, ok := negotiate(tc.header, tc.offered); ok {
			got = enc.token
		}
		if got != tc.want {
			t.Errorf("Accept-Encoding %q, offering %v: got %s, want %s", tc.header, tc.offered, got, tc.want)
		}
	}
}
