package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/sim"
)

// A lock round-trips through the link, on the full page and in the embed, and every bad
// lock= is named and ignored.
func TestLockLink(t *testing.T) {
	tests := []struct {
		query     string
		lock      bool
		lesson    int
		controls  controlSet // checked in the embed only
		problems  []string   // each a part of one problem, in order
		roundTrip bool       // linkQuery writes the query back as it is
	}{
		{query: "lesson=2&lock=1", lock: true, lesson: 2, roundTrip: true},
		{query: "lesson=1&step=3&guess=all&lock=1&speed=3", lock: true, lesson: 1, roundTrip: true},
		{query: "view=embed&lesson=2&lock=1&controls=play,reset", lock: true, lesson: 2,
			controls: controlSet(1<<controlPlay | 1<<controlReset), roundTrip: true},
		{query: "lesson=2&lock=true", lock: true, lesson: 2},
		{query: "lesson=2&lock=0", lesson: 2},
		{query: "lesson=2&lock=false", lesson: 2},
		{query: "lock=1", problems: []string{"lock = 1 is given without a lesson (only a guided lesson, lesson=N, can be locked) (using the default 0: the lab unlocked)"}},
		{query: "preset=random-labels&lock=1", problems: []string{"lock = 1 is given without a lesson"}},
		{query: "lesson=99&lock=1", problems: []string{"lesson = 99", "lock = 1 is given without a lesson"}},
		{query: "lesson=2&lock=yes", lesson: 2, problems: []string{"lock = yes is not 1 or 0 (using the default 0: the lab unlocked)"}},
		{query: "lesson=2&lock=", lesson: 2, problems: []string{`lock = "" is empty, want 1 or 0`}},
		{query: "lesson=2&lock=1&lock=1", lesson: 2, problems: []string{`lock = "1,1" is given 2 times`}},
		// The embed's controls that change the experiment are hidden by the lock, and say so.
		{query: "view=embed&lesson=2&lock=1&controls=play,presets,settings,readouts", lock: true, lesson: 2,
			controls: controlSet(1<<controlPlay | 1<<controlReadouts),
			problems: []string{`controls = "presets,settings" is hidden by lock=1`}},
	}
	for _, tt := range tests {
		s, problems := parseLink(tt.query)
		if s.View.Lock != tt.lock || s.View.Lesson != tt.lesson {
			t.Errorf("%s: lock %v lesson %d, want %v %d", tt.query, s.View.Lock, s.View.Lesson, tt.lock, tt.lesson)
		}
		if s.View.Mode == viewEmbed && s.View.Controls != tt.controls {
			t.Errorf("%s: controls %s, want %s", tt.query, s.View.Controls, tt.controls)
		}
		if len(problems) != len(tt.problems) {
			t.Errorf("%s: problems %q, want %d", tt.query, problems, len(tt.problems))
		} else {
			for i, want := range tt.problems {
				if !strings.Contains(problems[i], want) {
					t.Errorf("%s: problem %q, want it to say %q", tt.query, problems[i], want)
				}
			}
		}
		got := linkQuery(s)
		if tt.roundTrip && got != tt.query {
			t.Errorf("%s: written back as %q", tt.query, got)
		}
		back, again := parseLink(got)
		if len(again) > 0 || !sameState(back, s) {
			t.Errorf("%s: written %q, read back %+v, %q; want %+v", tt.query, got, back.View, again, s.View)
		}
	}
}

// The share panel's lock: the link and the embed open the lesson on screen locked, at its
// question, with the lesson's own experiment and no prediction; they read back locked.
func TestLockedShareLinks(t *testing.T) {
	s, _ := parseLink("lesson=2&step=3&guess=factor&lr=0.02&speed=3&panels=share")
	link := lockedShareLink(testBase, 2, s)
	if want := testBase + "?lesson=2&lock=1&speed=3"; link != want {
		t.Errorf("locked link %q, want %q", link, want)
	}
	les, _ := lessonByN(2)
	back, problems := parseLink(strings.TrimPrefix(link, testBase))
	if len(problems) > 0 || !back.View.Lock || back.View.Step != stepQuestion || back.View.Guess != "" ||
		!back.Exp.equal(les.experiment()) || back.View.Mode != viewFull {
		t.Errorf("locked link read back %+v, %q", back, problems)
	}

	tests := []struct {
		opts embedOptions
		want string
	}{
		{embedOptions{Controls: defaultControls, Lock: 2}, "?view=embed&lesson=2&lock=1&speed=3&controls=play,pause,reset"},
		// Locked, the lessons and the settings are left out of the controls.
		{embedOptions{Controls: allControls, Autoplay: true, Lock: 2},
			"?view=embed&lesson=2&lock=1&speed=3&controls=play,pause,step,reset,speed,readouts&autoplay=1"},
	}
	for _, tt := range tests {
		got := embedLink(testBase, s.Exp, 3, tt.opts)
		if got != testBase+tt.want {
			t.Errorf("embed %q, want %q", got, testBase+tt.want)
			continue
		}
		back, problems := parseLink(strings.TrimPrefix(got, testBase))
		if len(problems) > 0 || !back.View.Lock || back.View.Lesson != 2 || back.View.Mode != viewEmbed ||
			back.View.Controls != tt.opts.Controls&^lockedControls || !back.Exp.equal(les.experiment()) {
			t.Errorf("%q read back %+v, %q", got, back.View, problems)
		}
	}
}

// The share panel offers the lock only with a lesson on screen; ticked, its link, its
// snippet and its options follow.
func TestSharePanelLock(t *testing.T) {
	if html := app.HTMLString(&SharePanel{Base: testBase, State: defaultState()}); strings.Contains(html, shareLockID) {
		t.Error("the lock is offered without a lesson")
	}
	s, _ := parseLink("lesson=2&step=2&guess=factor")
	p := &SharePanel{Base: testBase, State: s}
	html := app.HTMLString(p)
	if !strings.Contains(html, `id="`+shareLockID+`"`) || !strings.Contains(html, "Lock this lesson for students") ||
		strings.Contains(html, "lock=1") {
		t.Errorf("unlocked panel: lock offered and not applied? %s", html)
	}
	p.lock = true
	html = app.HTMLString(p)
	for _, want := range []string{
		`?view=embed&amp;lesson=2&amp;lock=1&amp;controls=play,pause,reset`,
		`Generalization Lab: Lesson 2: `,
		"Locked: students get this lesson at its question",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("locked panel lacks %q", want)
		}
	}
	for _, c := range []string{"settings", "presets", "play"} {
		tag := html[strings.LastIndex(html[:strings.Index(html, `id="embed-control-`+c+`"`)], "<"):]
		tag = tag[:strings.Index(tag, ">")]
		if disabled := strings.Contains(tag, "disabled"); disabled != (c != "play") {
			t.Errorf("locked panel: %s disabled %v: %s", c, disabled, tag)
		}
	}
}

// A locked lesson shows the lesson, Play and the numbers, says it is locked and links to
// it unlocked; it shows no settings, presets, figures, runs editor, panel toggles, share
// panel or other lessons, and refuses every change of the experiment.
func TestLockedLab(t *testing.T) {
	for _, query := range []string{"lesson=2&step=2&guess=factor&lock=1", "view=embed&lesson=2&step=2&guess=factor&lock=1"} {
		l := labAt(t, query)
		l.base = testBase
		html := withoutStyle(app.HTMLString(l))
		for _, want := range []string{
			`class="lesson"`, `data-prediction="factor"`, "Play", `id="` + lockNoteID + `"`,
			"Locked by your teacher", `href="` + testBase + `?lesson=2&step=2&guess=factor"`, "Open the lab unlocked",
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: lacks %q", query, want)
			}
		}
		for _, unwanted := range []string{`id="settings-title"`, `id="runs"`, "Lesson 3 →", "← Lesson 1", "Leave the lessons",
			`class="panel-bar`, `id="share"`, `class="figures`, `class="presets`} {
			if strings.Contains(html, unwanted) {
				t.Errorf("%s: shows %q", query, unwanted)
			}
		}
		if query[0] == 'l' && !strings.Contains(html, `id="readouts-title"`) {
			t.Errorf("%s: no numbers", query)
		}

		var ctx app.Context
		before := l.exp
		l.onPreset(ctx, app.Action{Value: "shuffled-pixels"})
		l.onSetting(ctx, app.Action{Value: settingChange{Name: "lr", Value: "0.5"}})
		l.onRuns(ctx, app.Action{Value: sim.MustParseVariants("labels=true")})
		l.onLowerLR(ctx, app.Action{})
		l.onLesson(ctx, app.Action{Value: lessonMove{N: 3, Step: stepQuestion}})
		l.onLesson(ctx, app.Action{Value: lessonMove{}})
		if !l.exp.equal(before) || l.view.Lesson != 2 || !l.view.Lock {
			t.Errorf("%s: a locked lesson changed to %+v, %+v", query, l.exp, l.view)
		}
		// Its own steps still move.
		l.onLesson(ctx, app.Action{Value: lessonMove{N: 2, Step: stepOutcome, Guess: "factor"}})
		if l.view.Step != stepOutcome {
			t.Errorf("%s: step %d after seeing the outcome", query, l.view.Step)
		}
	}
}
