package message

import (
	"strings"
	"testing"
)

func TestExportAndFileRoundTrip(t *testing.T) {
	for _, want := range []Envelope{
		{Kind: Export, Format: FormatCSV}, {Kind: Export, Format: FormatPNG},
		{Kind: File, Format: FormatCSV}, {Kind: File, Format: FormatPNG},
	} {
		got, err := Decode(Encode(want))
		if err != nil {
			t.Errorf("%s %s: %v", want.Kind, want.Format, err)
			continue
		}
		if got.Kind != want.Kind || got.Format != want.Format {
			t.Errorf("got %+v, want %+v", got, want)
		}
	}
	if FileType(FormatCSV) != "text/csv" || FileType(FormatPNG) != "image/png" || FileType("gif") != "" {
		t.Error("FileType")
	}
}

func TestExportRejectsWrongShapes(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"export without a format", `{"v":1,"kind":"export"}`, "format"},
		{"export of an unknown format", `{"v":1,"kind":"export","format":"gif"}`, "format"},
		{"file without a format", `{"v":1,"kind":"file"}`, "format"},
		{"export with a payload", `{"v":1,"kind":"export","format":"csv","query":"a=1"}`, "another kind"},
		{"file with stats", `{"v":1,"kind":"file","format":"png","stats":[]}`, "another kind"},
		{"play with a format", `{"v":1,"kind":"play","format":"csv"}`, "another kind"},
		{"metrics with a format", `{"v":1,"kind":"metrics","format":"csv"}`, "another kind"},
		{"problem with a format", `{"v":1,"kind":"problem","error":"x","format":"csv"}`, "another kind"},
		{"format of the wrong type", `{"v":1,"kind":"export","format":1}`, "not a message"},
	}
	for _, tt := range tests {
		_, err := Decode(tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}
