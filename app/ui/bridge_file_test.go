package ui

import (
	"strings"
	"testing"

	"genlab/app/message"
)

func TestAcceptMessageTakesFiles(t *testing.T) {
	for _, format := range []string{message.FormatCSV, message.FormatPNG} {
		in := inbound{Origin: testOrigin, FromFrame: true, IsFile: true, HasBlob: true, BlobType: message.FileType(format), BlobSize: 1234,
			Data: message.Encode(message.Envelope{Kind: message.File, Format: format})}
		e, err := acceptMessage(in, testOrigin)
		if err != nil || e.Kind != message.File || e.Format != format {
			t.Errorf("%s: %+v, %v", format, e, err)
		}
	}
}

func TestAcceptMessageRejectsBadFiles(t *testing.T) {
	csv := message.Encode(message.Envelope{Kind: message.File, Format: message.FormatCSV})
	file := func(mod func(*inbound)) inbound {
		in := inbound{Origin: testOrigin, FromFrame: true, IsFile: true, HasBlob: true, BlobType: "text/csv", BlobSize: 10, Data: csv}
		mod(&in)
		return in
	}
	tests := []struct {
		name string
		in   inbound
		want string
	}{
		{"no blob", file(func(in *inbound) { in.HasBlob = false }), "without its Blob"},
		{"a blob of another type", file(func(in *inbound) { in.BlobType = "text/html" }), `"text/html"`},
		{"an empty blob", file(func(in *inbound) { in.BlobSize = 0 }), "0 bytes"},
		{"a huge blob", file(func(in *inbound) { in.BlobSize = maxFileSize + 1 }), "bytes"},
		{"another origin", file(func(in *inbound) { in.Origin = "https://evil.example" }), "origin"},
		{"not the canvas", file(func(in *inbound) { in.FromFrame = false }), "not from the canvas frame"},
		{"a report as an object", file(func(in *inbound) { in.Data = message.Encode(message.Envelope{Kind: message.Hello}) }), "only files"},
		{"a file as a string", inbound{Origin: testOrigin, FromFrame: true, IsString: true, Data: csv}, "without its Blob"},
		{"an export request", file(func(in *inbound) {
			in.Data = message.Encode(message.Envelope{Kind: message.Export, Format: message.FormatCSV})
		}), "only files"},
		{"bad JSON in msg", file(func(in *inbound) { in.Data = "{" }), "not a message"},
	}
	for _, tt := range tests {
		_, err := acceptMessage(tt.in, testOrigin)
		if err == nil {
			t.Errorf("%s: accepted", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q, want %q", tt.name, err, tt.want)
		}
	}
}
