package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseSeeds(t *testing.T) {
	tests := []struct {
		in   string
		want []uint64
		err  bool
	}{
		{"1-3", []uint64{1, 2, 3}, false},
		{"7", []uint64{7}, false},
		{"3, 7,20-21", []uint64{3, 7, 20, 21}, false},
		{"5-4", nil, true},
		{"x", nil, true},
		{"1-", nil, true},
		{"0-5000", nil, true},
	}
	for _, tt := range tests {
		got, err := parseSeeds(tt.in)
		if (err != nil) != tt.err || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseSeeds(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestSeedsPrintsEveryClaimPerSeed(t *testing.T) {
	out, errOut, code := genlab(t, append([]string{"seeds", "-seeds", "3-4", "-json"}, quick...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	seeds, claims := 0, 0
	for _, l := range jsonLines(t, out) {
		switch l["type"] {
		case "seed":
			seeds++
		case "claim":
			claims++
			if figs, ok := l["figures"].([]any); !ok || len(figs) != 2 {
				t.Errorf("claim %v: figures %v, want one per seed", l["id"], l["figures"])
			}
			for _, k := range []string{"id", "statement", "held", "count", "need", "ok"} {
				if _, ok := l[k]; !ok {
					t.Errorf("claim line lacks %q: %v", k, l)
				}
			}
		}
	}
	if seeds != 2 || claims < 10 {
		t.Errorf("%d seed lines and %d claims, want 2 and every claim", seeds, claims)
	}
	table, _, _ := genlab(t, append([]string{"seeds", "-seeds", "3"}, quick...)...)
	for _, want := range []string{"S1 random labels", "seed 3", "S9 "} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
}
