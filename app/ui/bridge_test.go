package ui

import (
	"strings"
	"testing"

	"genlab/app/message"
)

const testOrigin = "http://127.0.0.1:8080"

func TestAcceptMessageTakesReportsFromTheCanvas(t *testing.T) {
	reports := []message.Envelope{
		{Kind: message.Hello},
		{Kind: message.Ready, Stats: []message.RunStats{{Name: variant("labels=true"), Examples: 10, Stop: "running"}}},
		{Kind: message.Metrics, Playing: true, Stats: []message.RunStats{{Name: variant("labels=random"), Epoch: 3, TrainAcc: 0.5, Fitted: 5, Examples: 10, Stop: "running"}}},
		{Kind: message.Problem, Error: "bad settings"},
	}
	for _, want := range reports {
		in := inbound{Origin: testOrigin, FromFrame: true, IsString: true, Data: message.Encode(want)}
		got, err := acceptMessage(in, testOrigin)
		if err != nil {
			t.Errorf("%s: rejected: %v", want.Kind, err)
			continue
		}
		if got.Kind != want.Kind || len(got.Stats) != len(want.Stats) || got.Error != want.Error {
			t.Errorf("%s: got %+v", want.Kind, got)
		}
	}
}

func TestAcceptMessageRejectsStrangers(t *testing.T) {
	hello := message.Encode(message.Envelope{Kind: message.Hello})
	tests := []struct {
		name string
		in   inbound
		own  string
		want string // part of the error
	}{
		{"another origin", inbound{Origin: "http://evil.example", FromFrame: true, IsString: true, Data: hello}, testOrigin, "origin"},
		{"same origin, other window", inbound{Origin: testOrigin, FromFrame: false, IsString: true, Data: hello}, testOrigin, "not from the canvas frame"},
		{"an object, not a string", inbound{Origin: testOrigin, FromFrame: true, IsString: false}, testOrigin, "not a string"},
		{"not JSON", inbound{Origin: testOrigin, FromFrame: true, IsString: true, Data: "hello"}, testOrigin, "not a message"},
		{"another version", inbound{Origin: testOrigin, FromFrame: true, IsString: true, Data: `{"v":2,"kind":"hello"}`}, testOrigin, "version"},
		{"unknown field", inbound{Origin: testOrigin, FromFrame: true, IsString: true, Data: `{"v":1,"kind":"hello","x":1}`}, testOrigin, "not a message"},
		{"a command", inbound{Origin: testOrigin, FromFrame: true, IsString: true, Data: message.Encode(message.Envelope{Kind: message.Play})}, testOrigin, "command"},
		{"accuracy out of range", inbound{Origin: testOrigin, FromFrame: true, IsString: true,
			Data: `{"v":1,"kind":"metrics","stats":[{"name":"","epoch":1,"steps":1,"train_acc":2,"test_acc":0,"train_loss":0,"test_loss":0,"fitted":0,"examples":1,"ms_per_example":0,"epochs_to_fit":0,"params":0,"stop":"running"}]}`},
			testOrigin, "accuracy"},
		{"a page opened from a file", inbound{Origin: "null", FromFrame: true, IsString: true, Data: hello}, "null", "no origin"},
		{"origin unknown", inbound{Origin: "", FromFrame: true, IsString: true, Data: hello}, "", "no origin"},
	}
	for _, tt := range tests {
		_, err := acceptMessage(tt.in, tt.own)
		if err == nil {
			t.Errorf("%s: accepted", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q, want it to mention %q", tt.name, err, tt.want)
		}
	}
}

func TestBridgeDoesNothingOutsideTheBrowser(t *testing.T) {
	b := NewBridge(CanvasFrameID)
	if b.Post(message.Envelope{Kind: message.Play}) {
		t.Error("Post reported success without a browser")
	}
	b.Close() // must not panic when never listening
}
