package message

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// The commands a course page may send, as JSON.stringify writes them.
func TestDecodeParentCommandAccepts(t *testing.T) {
	tests := map[string]Kind{
		`{"source":"genlab","v":1,"type":"play"}`:                       Play,
		`{"source":"genlab","v":1,"type":"pause"}`:                      Pause,
		`{"source":"genlab","v":1,"type":"reset"}`:                      Reset,
		`{"type":"play","v":1,"source":"genlab"}`:                       Play, // any order
		" {\n \"source\": \"genlab\", \"v\": 1, \"type\": \"reset\" } ": Reset,
	}
	for text, want := range tests {
		got, err := DecodeParentCommand(text)
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", text, got, err, want)
		}
	}
}

func TestDecodeParentCommandRejects(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"empty", ``, "not a JSON object"},
		{"not JSON", `play`, "not a JSON object"},
		{"a string", `"play"`, "not a JSON object"},
		{"an array", `[{"source":"genlab","v":1,"type":"play"}]`, "not a JSON object"},
		{"null", `null`, "not a JSON object"},
		{"no source", `{"v":1,"type":"play"}`, "exactly the fields"},
		{"no version", `{"source":"genlab","type":"play"}`, "exactly the fields"},
		{"no type", `{"source":"genlab","v":1}`, "exactly the fields"},
		{"another source", `{"source":"other","v":1,"type":"play"}`, `source "other"`},
		{"source of the wrong case", `{"source":"GenLab","v":1,"type":"play"}`, "source"},
		{"field name of the wrong case", `{"Source":"genlab","v":1,"type":"play"}`, `unknown field "Source"`},
		{"version 2", `{"source":"genlab","v":2,"type":"play"}`, "version 2"},
		{"version as a string", `{"source":"genlab","v":"1","type":"play"}`, `version "1"`},
		{"version 1.5", `{"source":"genlab","v":1.5,"type":"play"}`, "version 1.5"},
		{"unknown type", `{"source":"genlab","v":1,"type":"explode"}`, `type "explode"`},
		{"an internal command", `{"source":"genlab","v":1,"type":"step"}`, `type "step"`},
		{"setup is not for parents", `{"source":"genlab","v":1,"type":"setup"}`, `type "setup"`},
		{"type of the wrong case", `{"source":"genlab","v":1,"type":"Play"}`, `type "Play"`},
		{"type as a number", `{"source":"genlab","v":1,"type":1}`, "type 1"},
		{"type null", `{"source":"genlab","v":1,"type":null}`, "type"},
		{"type as an object", `{"source":"genlab","v":1,"type":{"x":1}}`, "not a string or a number"},
		{"extra field", `{"source":"genlab","v":1,"type":"play","speed":3}`, `unknown field "speed"`},
		{"repeated field", `{"source":"genlab","v":1,"type":"pause","type":"play"}`, "given twice"},
		{"two objects", `{"source":"genlab","v":1,"type":"play"}{}`, "text after"},
		{"unterminated", `{"source":"genlab","v":1,"type":"play"`, "not a command"},
		{"huge", `{"source":"genlab","v":1,"type":"` + strings.Repeat("p", 2000) + `"}`, "larger than"},
	}
	for _, tt := range tests {
		got, err := DecodeParentCommand(tt.text)
		if err == nil {
			t.Errorf("%s: accepted as %q", tt.name, got)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

func TestEncodeParentEvent(t *testing.T) {
	run := 1
	text := EncodeParentEvent(ParentEvent{Type: ParentFitted, Playing: true, Run: &run, Runs: []ParentRunStats{
		{Name: variant(t, "labels=true"), Title: "True labels", Epoch: 5, TrainAcc: 1, TestAcc: 0.86, Fitted: 1000, Examples: 1000, EpochsToFit: 5, FitEpochs: 4.5, State: "fitted"},
	}})
	want := `{"source":"genlab","v":1,"type":"fitted","playing":true,"run":1,"runs":[{"name":"labels=true","title":"True labels",` +
		`"epoch":5,"train_acc":1,"test_acc":0.86,"fitted":1000,"examples":1000,"epochs_to_fit":5,"fit_epochs":4.5,"state":"fitted"}]}`
	if text != want {
		t.Errorf("got  %s\nwant %s", text, want)
	}
	// No run list is an empty list, never null, and "run" is only in fitted events.
	var got map[string]any
	if err := json.Unmarshal([]byte(EncodeParentEvent(ParentEvent{Type: ParentReady})), &got); err != nil {
		t.Fatal(err)
	}
	if runs, ok := got["runs"].([]any); !ok || len(runs) != 0 {
		t.Errorf("runs = %#v, want []", got["runs"])
	}
	if _, ok := got["run"]; ok {
		t.Error("a ready event has a run index")
	}
}

func FuzzDecodeParentCommand(f *testing.F) {
	f.Add(`{"source":"genlab","v":1,"type":"play"}`)
	f.Add(`{"source":"genlab","v":1,"type":"reset","x":[1,{"y":2}]}`)
	f.Fuzz(func(t *testing.T, s string) {
		k, err := DecodeParentCommand(s)
		if err == nil && k != Play && k != Pause && k != Reset {
			t.Fatalf("%q decoded to %q", s, k)
		}
	})
}

// A lesson event carries the prediction and the outcome, and reads back as it was written:
// a course page's JSON.parse sees every field, and a ready event has no "lesson". A choice
// lesson's event is the same JSON as before number predictions came (no number fields); a
// number lesson's adds the two numbers.
func TestParentLessonEventRoundTrip(t *testing.T) {
	three, measured := 3.0, 2.62
	choice := ParentLesson{
		N: 2, Title: "Only a constant factor longer", Step: 3,
		Prediction: "factor", PredictionText: "A small factor longer (1.5 to 10 times)",
		Outcome: "factor", OutcomeText: "A small factor longer (1.5 to 10 times)",
		Measured: "True labels took 8.4 epochs, random labels 22.0 (×2.6).", Matched: true,
	}
	number := choice
	number.PredictionText, number.PredictionNumber, number.MeasuredNumber = "×3", &three, &measured
	head := `{"source":"genlab","v":1,"type":"lesson","playing":false,"runs":[],"lesson":{"n":2,` +
		`"title":"Only a constant factor longer","step":3,"prediction":"factor",`
	tail := `"outcome":"factor","outcome_text":"A small factor longer (1.5 to 10 times)",` +
		`"measured":"True labels took 8.4 epochs, random labels 22.0 (×2.6).","matched":true`
	tests := []struct {
		name   string
		lesson ParentLesson
		want   string
	}{
		{"choice", choice, head + `"prediction_text":"A small factor longer (1.5 to 10 times)",` + tail + `}}`},
		{"number", number, head + `"prediction_text":"×3",` + tail + `,"prediction_number":3,"measured_number":2.62}}`},
	}
	for _, tt := range tests {
		e := ParentEvent{Type: ParentLessonEvent, Runs: []ParentRunStats{}, Lesson: &tt.lesson}
		text := EncodeParentEvent(e)
		if text != tt.want {
			t.Errorf("%s: got  %s\nwant %s", tt.name, text, tt.want)
		}
		var back ParentEvent
		if err := json.Unmarshal([]byte(text), &back); err != nil {
			t.Fatal(err)
		}
		e.Source, e.V = ParentSource, ParentVersion
		if !reflect.DeepEqual(back, e) {
			t.Errorf("%s: read back %+v (lesson %+v), want %+v", tt.name, back, back.Lesson, e.Lesson)
		}
	}
	// A course page written before number predictions reads a number lesson's event into
	// the fields it knows.
	var old struct {
		Lesson struct {
			Prediction string `json:"prediction"`
			Matched    bool   `json:"matched"`
		} `json:"lesson"`
	}
	if err := json.Unmarshal([]byte(tests[1].want), &old); err != nil || old.Lesson.Prediction != "factor" || !old.Lesson.Matched {
		t.Errorf("an older reader: %+v, %v", old, err)
	}
	if strings.Contains(EncodeParentEvent(ParentEvent{Type: ParentReady}), `"lesson"`) {
		t.Error("a ready event has a lesson")
	}
}

// Whatever a lesson's texts hold (quotes, markup, line breaks, any Unicode), its event is
// one JSON object that reads back to the same lesson.
func FuzzParentLessonEvent(f *testing.F) {
	f.Add(1, 3, "all", "Yes: it fits every training image", `"</script><b>`, "×2.6\n", true, 0.0, false)
	f.Add(2, 3, "factor", "×3", "×2.6", "Only a constant factor longer", true, 2.5, true)
	f.Fuzz(func(t *testing.T, n, step int, id, text, measured, title string, matched bool, number float64, hasNumber bool) {
		l := ParentLesson{N: n, Title: title, Step: step, Prediction: id, PredictionText: text,
			Outcome: id, OutcomeText: text, Measured: measured, Matched: matched}
		if hasNumber && !math.IsNaN(number) && !math.IsInf(number, 0) { // JSON has no NaN nor infinity
			l.PredictionNumber, l.MeasuredNumber = &number, &number
		}
		out := EncodeParentEvent(ParentEvent{Type: ParentLessonEvent, Lesson: &l})
		var back ParentEvent
		if err := json.Unmarshal([]byte(out), &back); err != nil || back.Lesson == nil {
			t.Fatalf("%s: %v", out, err)
		}
		valid := utf8.ValidString(id) && utf8.ValidString(text) && utf8.ValidString(measured) && utf8.ValidString(title)
		if valid && !reflect.DeepEqual(*back.Lesson, l) { // JSON writes invalid UTF-8 as U+FFFD
			t.Fatalf("read back %+v, want %+v", *back.Lesson, l)
		}
	})
}
