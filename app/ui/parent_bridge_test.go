package ui

import (
	"strings"
	"testing"

	"genlab/app/message"
)

const courseOrigin = "https://course.example"

func TestParentOrigin(t *testing.T) {
	tests := []struct{ param, referrer, want string }{
		{"", "https://course.example/unit/3?x=1", "https://course.example"},
		{"", "https://course.example/", "https://course.example"},
		{"", "http://127.0.0.1:8123/parent.html", "http://127.0.0.1:8123"},
		{"", "HTTPS://Course.Example/", "https://course.example"},
		{"https://school.example", "https://course.example/", "https://school.example"}, // parent= wins
		{"https://school.example", "", "https://school.example"},
		{"", "", ""},                            // no referrer: post nothing
		{"", "about:blank", ""},                 // not http(s)
		{"", "file:///home/me/course.html", ""}, // not http(s)
		{"", "not a url at all", ""},
		{"", "https://user:pw@course.example/", ""},
	}
	for _, tt := range tests {
		if got := parentOrigin(tt.param, tt.referrer); got != tt.want {
			t.Errorf("parentOrigin(%q, %q) = %q, want %q", tt.param, tt.referrer, got, tt.want)
		}
	}
}

func TestAcceptParentCommand(t *testing.T) {
	ok := func(data string) parentInbound {
		return parentInbound{Origin: courseOrigin, FromParent: true, Readable: true, Data: data}
	}
	accept := map[string]message.Kind{
		`{"source":"genlab","v":1,"type":"play"}`:  message.Play,
		`{"source":"genlab","v":1,"type":"pause"}`: message.Pause,
		`{"source":"genlab","v":1,"type":"reset"}`: message.Reset,
	}
	for data, want := range accept {
		if got, err := acceptParentCommand(ok(data), courseOrigin); err != nil || got != want {
			t.Errorf("%s: %q, %v", data, got, err)
		}
	}
	play := `{"source":"genlab","v":1,"type":"play"}`
	reject := []struct {
		name   string
		in     parentInbound
		origin string
		want   string
	}{
		{"another origin", parentInbound{Origin: "https://evil.example", FromParent: true, Readable: true, Data: play}, courseOrigin, "not the course page's"},
		{"the parent's origin, another window", parentInbound{Origin: courseOrigin, FromParent: false, Readable: true, Data: play}, courseOrigin, "not from the framing window"},
		{"origin unknown", ok(play), "", "unknown"},
		{"not readable (a cyclic object, a number)", parentInbound{Origin: courseOrigin, FromParent: true}, courseOrigin, "neither"},
		{"an internal command", ok(`{"source":"genlab","v":1,"type":"step"}`), courseOrigin, "type"},
		{"the canvas protocol", ok(`{"v":1,"kind":"play"}`), courseOrigin, "unknown field"},
		{"another version", ok(`{"source":"genlab","v":2,"type":"play"}`), courseOrigin, "version"},
		{"another source", ok(`{"source":"other-widget","v":1,"type":"play"}`), courseOrigin, "source"},
		{"an extra field", ok(`{"source":"genlab","v":1,"type":"play","speed":1}`), courseOrigin, "unknown field"},
		{"a bare word", ok(`play`), courseOrigin, "not a command"},
	}
	for _, tt := range reject {
		got, err := acceptParentCommand(tt.in, tt.origin)
		if err == nil {
			t.Errorf("%s: accepted as %q", tt.name, got)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q, want %q", tt.name, err, tt.want)
		}
	}
}

func TestParentBridgeDoesNothingOutsideTheBrowser(t *testing.T) {
	var p ParentBridge
	if p.Post(message.ParentEvent{Type: message.ParentReady}) {
		t.Error("posted without a browser")
	}
	p.Close()
}
