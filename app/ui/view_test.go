package ui

import (
	"strings"
	"testing"

	"genlab/app/message"
)

func TestViewKeysRoundTrip(t *testing.T) {
	views := []view{
		defaultView(),
		{Mode: viewEmbed, Speed: 2, Panels: defaultPanels, Controls: controlSet(1<<controlPlay | 1<<controlReset), Autoplay: true},
		{Mode: viewEmbed, Speed: 5, Panels: defaultPanels, Controls: 0, Parent: "https://course.example:8443"},
		{Mode: viewFull, Speed: 1, Panels: 0, Controls: allControls},
		{Mode: viewFull, Speed: 5, Zoom: 4, Panels: defaultPanels, Controls: defaultControls},
		{Mode: viewFull, Speed: 5, Zoom: 1, Panels: defaultPanels, Controls: defaultControls},
		{Mode: viewFull, Speed: 5, Zoom: message.MaxZoom, Panels: defaultPanels, Controls: defaultControls},
		{Mode: viewFull, Speed: 3, Panels: panelSet(1<<panelShare | 1<<panelReadouts | 1<<panelSettings), Controls: defaultControls},
	}
	for _, v := range views {
		q := linkQuery(pageState{Exp: defaultExperiment(), View: v})
		got, problems := parseLink(q)
		if len(problems) > 0 || got.View != v || !got.Exp.equal(defaultExperiment()) {
			t.Errorf("%q read back %+v, %q; want %+v", q, got.View, problems, v)
		}
	}
}

func TestViewLinkIsReadable(t *testing.T) {
	v := defaultView()
	v.Mode, v.Speed, v.Autoplay = viewEmbed, 3, true
	v.Controls = controlSet(1<<controlReset | 1<<controlPlay)
	e, _ := presetByID("random-labels")
	exp := e.experiment()
	got := linkQuery(pageState{Exp: exp, View: v})
	want := "view=embed&preset=random-labels&speed=3&controls=play,reset&autoplay=1"
	if got != want {
		t.Errorf("link %q, want %q", got, want)
	}
	v = defaultView()
	v.Zoom = 4
	if got := linkQuery(pageState{Exp: defaultExperiment(), View: v}); got != "zoom=3" {
		t.Errorf("zoom link %q, want zoom=3 (the label)", got)
	}
	v = defaultView()
	v.Panels = v.Panels.toggle(panelShare).toggle(panelSettings)
	if got := linkQuery(pageState{Exp: defaultExperiment(), View: v}); got != "panels=readouts,share" {
		t.Errorf("panels link %q", got)
	}
}

func TestNameSets(t *testing.T) {
	tests := []struct {
		value, want, problem string
	}{
		{"play,reset", "play,reset", ""},
		{"reset,play,play", "play,reset", ""}, // any order, repeats harmless
		{"none", "none", ""},
		{"play,pause,step,reset,speed,presets,settings,readouts", "play,pause,step,reset,speed,presets,settings,readouts", ""},
		{"", "", "is empty"},
		{"play,,reset", "", `has "", which is not a control`},
		{"play,explode", "", `has "explode", which is not a control (want a list of play,pause,step,reset,speed,presets,settings,readouts or none)`},
		{"Play", "", `has "Play"`},
		{"none,play", "", "mixes none"},
		{"play reset", "", `has "play reset"`},
	}
	for _, tt := range tests {
		s, reason := parseNameSet(tt.value, controlNames, "control")
		if tt.problem != "" {
			if !strings.Contains(reason, tt.problem) {
				t.Errorf("%q: reason %q, want %q", tt.value, reason, tt.problem)
			}
			continue
		}
		if reason != "" || controlSet(s).String() != tt.want {
			t.Errorf("%q: %q, %q; want %q", tt.value, controlSet(s), reason, tt.want)
		}
	}
	if allControls.String() != strings.Join(controlNames, ",") {
		t.Errorf("allControls = %s", allControls)
	}
}

// Every bad value of a view key is named, with the default used instead, and the rest
// of the link applies.
func TestBadViewParameters(t *testing.T) {
	d := defaultView()
	tests := []struct {
		query string
		want  []string // in the one problem
	}{
		{"view=popup", []string{"view = popup is not full or embed", "using the default full"}},
		{"view=", []string{`view = "" is empty`, "using the default full"}},
		{"zoom=10", []string{"zoom = 10 is out of range 0..9", "using the default none: the whole wall"}},
		{"zoom=-1", []string{"zoom = -1 is out of range 0..9"}},
		{"zoom=big", []string{"zoom = big is not a label in 0..9"}},
		{"zoom=", []string{`zoom = "" is empty`}},
		{"speed=9", []string{"speed = 9 is out of range 1..5", "using the default 5"}},
		{"speed=0", []string{"speed = 0 is out of range 1..5"}},
		{"speed=fast", []string{"speed = fast is not an integer in 1..5", "using the default 5"}},
		{"speed=2.5", []string{"speed = 2.5 is not an integer"}},
		{"speed=99999999999999999999999", []string{"out of range 1..5"}},
		{"speed=", []string{`speed = "" is empty`}},
		{"speed=3&speed=4", []string{`speed = "3,4" is given 2 times, want it once`, "using the default 5"}},
		{"autoplay=yes", []string{"autoplay = yes is not 1 or 0", "using the default 0"}},
		{"panels=numbers", []string{`panels = numbers has "numbers", which is not a panel (want a list of readouts,share,settings or none)`, "using the default readouts,settings"}},
		{"controls=play,fly", []string{`has "fly", which is not a control`, "using the default play,pause,reset"}},
		{"controls=", []string{`controls = "" is empty`}},
		{"controls=%ZZ", []string{`controls = "%ZZ" has a bad %-escape`, "using the default play,pause,reset"}},
		{"parent=javascript:alert(1)", []string{`parent = "javascript:alert(1)" is not an http or https origin`, "using the default none"}},
		{"parent=https://course.example/lesson/1", []string{"is not an http or https origin"}},
		{"parent=https://user@course.example", []string{"is not an http or https origin"}},
		{"parent=*", []string{`parent = "*" is not`}},
		{"preset=nope", []string{"preset = nope is not one of true-vs-random,", "using the default true-vs-random"}},
		{"preset=%3Cscript%3Ealert(1)%3C/script%3E", []string{`preset = "<script>alert(1)</script>" is not one of`}},
		{"controls=" + strings.Repeat("x", 5000), []string{"…", "using the default"}},
	}
	for _, tt := range tests {
		s, problems := parseLink(tt.query + "&labels=random")
		if len(problems) != 1 {
			t.Errorf("%.60s: %d problems %q, want 1", tt.query, len(problems), problems)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(problems[0], w) {
				t.Errorf("%.60s: problem %q lacks %q", tt.query, problems[0], w)
			}
		}
		if len(problems[0]) > 400 {
			t.Errorf("%.60s: problem of %d bytes: a link can flood the page", tt.query, len(problems[0]))
		}
		if s.View != d {
			t.Errorf("%.60s: view %+v, want the default", tt.query, s.View)
		}
		if s.Exp.Config.Get("labels") != "random" {
			t.Errorf("%.60s: the rest of the link did not apply", tt.query)
		}
	}
}

func TestCheckOrigin(t *testing.T) {
	good := map[string]string{
		"https://course.example":     "https://course.example",
		"https://course.example/":    "https://course.example",
		"http://127.0.0.1:8080":      "http://127.0.0.1:8080",
		"HTTPS://Course.Example:443": "https://course.example:443",
		"http://[::1]:3000":          "http://[::1]:3000",
	}
	for in, want := range good {
		if got, err := checkOrigin(in); err != "" || got != want {
			t.Errorf("%q: %q, %q; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{
		"", "course.example", "//course.example", "ftp://course.example", "javascript:alert(1)",
		"data:text/html,hi", "https://", "https://course.example/x", "https://course.example?x=1",
		"https://course.example#x", "https://a:b@course.example", "https://course.example:99999",
		"https://course.example:", "null", "*", "https://course example", "https://course.example\\x",
	} {
		if got, err := checkOrigin(bad); err == "" {
			t.Errorf("%q accepted as %q", bad, got)
		}
	}
}

func TestDefaultViewSpeed(t *testing.T) {
	if defaultView().Speed != message.DefaultSpeed {
		t.Error("default speed")
	}
}
