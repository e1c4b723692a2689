package message

import (
	"strings"
	"testing"
)

func TestInspectRoundTrip(t *testing.T) {
	tests := []Envelope{
		{Kind: Inspect, Look: &Look{Run: 1, Example: 41}},
		{Kind: Inspect}, // close the inspector
		{Kind: Inspect, Run: 3, Look: &Look{Run: 3, Example: 0}},
		{Kind: Metrics, Run: 1, Stats: []RunStats{{Examples: 10}}, Look: &Look{Run: 1, Example: 7, Classes: 2, Probs: []float64{0.25, 0.75}}},
		{Kind: Inspected, Look: &Look{Run: 1, Example: 7, Examples: 10, Classes: 3, Side: 2, Pixels: []byte{0, 255, 128, 7},
			Given: 2, True: 0, Pred: 2, Probs: []float64{0.1, 0.2, 0.7}, Epoch: 5, Fitted: true, FirstFit: 3}},
		{Kind: Inspected, Look: &Look{Run: 0, Example: 0, Examples: 10, Classes: 10, Pred: -1}},
	}
	for _, want := range tests {
		got, err := Decode(Encode(want))
		want.V = Version
		if err != nil {
			t.Errorf("%s %+v: %v", want.Kind, want.Look, err)
			continue
		}
		if Encode(got) != Encode(want) {
			t.Errorf("%s: got %+v, want %+v", want.Kind, got, want)
		}
	}
}

func TestInspectRejectsWrongShapes(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"inspected of nothing", `{"v":1,"kind":"inspected"}`, "nothing inspected"},
		{"look on a play", `{"v":1,"kind":"play","look":{"run":0,"example":1}}`, "another kind"},
		{"run out of range", `{"v":1,"kind":"inspect","look":{"run":4,"example":1}}`, "run 4"},
		{"negative example", `{"v":1,"kind":"inspect","look":{"run":0,"example":-1}}`, "example -1"},
		{"example past the end", `{"v":1,"kind":"inspected","look":{"run":0,"example":10,"examples":10}}`, "example 10 of 10"},
		{"label out of range", `{"v":1,"kind":"inspected","look":{"run":0,"example":1,"classes":2,"given":2}}`, "of 2 classes"},
		{"prediction out of range", `{"v":1,"kind":"inspected","look":{"run":0,"example":1,"classes":2,"pred":-2}}`, "prediction -2"},
		{"short image", `{"v":1,"kind":"inspected","look":{"run":0,"example":1,"side":2,"pixels":"AAAA"}}`, "3 pixels for an image of side 2"},
		{"huge image", `{"v":1,"kind":"inspected","look":{"run":0,"example":1,"side":99}}`, "side 99"},
		{"probabilities of other classes", `{"v":1,"kind":"inspected","look":{"run":0,"example":1,"classes":3,"probs":[0.5,0.5]}}`, "2 probabilities for 3"},
		{"probabilities not summing to 1", `{"v":1,"kind":"metrics","look":{"run":0,"example":1,"classes":2,"probs":[0.5,0.6]}}`, "sum to"},
		{"negative probability", `{"v":1,"kind":"metrics","look":{"run":0,"example":1,"classes":2,"probs":[-0.5,1.5]}}`, "probability -0.5"},
		{"fitted in the future", `{"v":1,"kind":"inspected","look":{"run":0,"example":1,"epoch":2,"first_fit":3}}`, "epoch 3 of 2"},
		{"inspect with a setup", `{"v":1,"kind":"inspect","query":"a=1"}`, "another kind"},
	}
	for _, tt := range tests {
		_, err := Decode(tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}
