package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
)

// sampleLook is a randomized label of the default lesson's random-labels run: a disc
// (class 0) trained as a ring (6), fitted at epoch 2 and forgotten since.
func sampleLook() *message.Look {
	return &message.Look{Run: 1, Example: 7, Examples: 1500, Classes: 3, Side: 2, Pixels: []byte{0, 255, 128, 7},
		Given: 2, True: 0, Pred: 2, Probs: []float64{0.1, 0.2, 0.7}, Epoch: 5, FirstFit: 2}
}

// The page takes the canvas's Inspected, shows it while the runs are the ones it is of,
// and drops it when new runs are built.
func TestLabShowsTheInspector(t *testing.T) {
	l := NewLab()
	var ctx app.Context
	if strings.Contains(app.HTMLString(l), "inspector-title") {
		t.Fatal("an inspector before anything was inspected")
	}
	l.receive(ctx, message.Envelope{Kind: message.Hello})
	l.receive(ctx, message.Envelope{Kind: message.Inspected, Look: sampleLook()})
	if l.look != nil {
		t.Error("an Inspected of the runs before the last Setup was shown")
	}
	l.receive(ctx, message.Envelope{Kind: message.Ready, Stats: sampleStats()})
	l.receive(ctx, message.Envelope{Kind: message.Inspected, Look: sampleLook()})
	html := app.HTMLString(l)
	for _, want := range []string{
		"Training image #7 of 1500 · Random labels", `data-run="1"`, `data-example="7"`,
		`data-true="0"`, "0 (disc)", `data-given="2"`, "2 (triangle)", "not its class",
		"2 (triangle), 70.0% sure", "first at epoch 2, forgotten since",
		`data-prob="0.7"`, "0 (disc) (true)", "2 (triangle) (given)",
		"rgb(255,255,255)", "Previous image", "Next image",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the inspector lacks %q", want)
		}
	}
	l.receive(ctx, message.Envelope{Kind: message.Ready, Stats: sampleStats()})
	if l.look != nil {
		t.Error("the inspector stayed open on new runs")
	}
}

func TestAcceptMessageTakesInspected(t *testing.T) {
	e := message.Envelope{Kind: message.Inspected, Look: sampleLook()}
	in := inbound{Origin: testOrigin, FromFrame: true, IsString: true, Data: message.Encode(e)}
	if got, err := acceptMessage(in, testOrigin); err != nil || got.Look == nil || got.Look.Example != 7 {
		t.Errorf("Inspected: %+v, %v", got.Look, err)
	}
	cmd := message.Encode(message.Envelope{Kind: message.Inspect, Look: &message.Look{Run: 1}})
	if _, err := acceptMessage(inbound{Origin: testOrigin, FromFrame: true, IsString: true, Data: cmd}, testOrigin); err == nil {
		t.Error("an Inspect, a command, was taken from the canvas")
	}
}

func TestLookFitText(t *testing.T) {
	tests := []struct {
		l    message.Look
		want string
	}{
		{message.Look{}, "not yet (no epoch trained)"},
		{message.Look{Epoch: 3}, "not yet, after 3 epochs"},
		{message.Look{Epoch: 3, FirstFit: 2, Fitted: true}, "yes, since epoch 2"},
		{message.Look{Epoch: 3, FirstFit: 1}, "first at epoch 1, forgotten since"},
	}
	for _, tt := range tests {
		if got := lookFitText(&tt.l); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.l, got, tt.want)
		}
	}
}
