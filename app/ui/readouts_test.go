package ui

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
	"genlab/sim"
)

func sampleStats() []message.RunStats {
	return []message.RunStats{
		{Name: variant("labels=true"), Epoch: 5, TrainAcc: 1, TestAcc: 0.86, TrainLoss: 0.01, TestLoss: 0.5, Fitted: 1000, Examples: 1000,
			MsPerExample: 0.05, EpochsToFit: 5, Params: 136714, Stop: "fitted"},
		{Name: variant("labels=random"), Epoch: 5, TrainAcc: 0.875, TestAcc: 0.1, TrainLoss: 0.4, TestLoss: 3.1, Fitted: 875, Examples: 1000,
			MsPerExample: 0.05, Params: 136714, Stop: "running"},
	}
}

// Every number carries data-run, data-metric and data-value, and only the number as text.
func TestReadoutsCarryDataAttributes(t *testing.T) {
	stats := sampleStats()
	html := app.HTMLString(&Readouts{Stats: stats})
	for i, r := range stats {
		for _, m := range runMetrics(r) {
			want := fmt.Sprintf(`data-run="%d" data-metric="%s" data-value="%s"`, i, m.Key, m.Value)
			if !containsAttrs(html, i, m.Key, m.Value, m.Text) {
				t.Errorf("no element with %s and text %q", want, m.Text)
			}
		}
		name, _ := stateText(r.Stop)
		if !containsAttrs(html, i, metricState, name, name) {
			t.Errorf("run %d: no state %q", i, name)
		}
	}
	for _, want := range []string{"True labels", "Random labels", "136,714 weights", `87.5%`} {
		if !strings.Contains(html, want) {
			t.Errorf("readouts do not show %q", want)
		}
	}
	if strings.Contains(html, "Lower learning rate") {
		t.Error("a way out of a divergence that did not happen")
	}
}

// containsAttrs reports whether html has an element with these data attributes and text.
// go-app writes attributes in map order, so each is looked for within the element's tag.
func containsAttrs(html string, run int, metric, value, text string) bool {
	for _, tag := range strings.Split(html, "<")[1:] {
		end := strings.Index(tag, ">")
		if end < 0 {
			continue
		}
		attrs, body := tag[:end], strings.TrimSpace(tag[end+1:])
		if strings.Contains(attrs, fmt.Sprintf(`data-run="%d"`, run)) &&
			strings.Contains(attrs, `data-metric="`+metric+`"`) &&
			strings.Contains(attrs, `data-value="`+value+`"`) &&
			body == text {
			return true
		}
	}
	return false
}

func TestReadoutsBeforeTheCanvasReports(t *testing.T) {
	html := app.HTMLString(&Readouts{Runs: sim.DefaultVariants()})
	if strings.Contains(html, "data-metric=\"epoch\"") {
		t.Error("numbers shown before the canvas reported any")
	}
	if !strings.Contains(html, "True labels") || !strings.Contains(html, noValue) {
		t.Errorf("pending readouts: %s", html)
	}
}

func TestDivergedRunOffersAWayOut(t *testing.T) {
	stats := sampleStats()
	stats[1].Stop = "diverged"
	stats[1].TrainLoss = math.NaN() // cannot arrive (Decode refuses it), and still must not show
	html := app.HTMLString(&Readouts{Stats: stats, LearningRate: "5"})
	for _, want := range []string{`role="alert"`, "Run 2 diverged", "Lower learning rate", "The learning rate, 5, is too large"} {
		if !strings.Contains(html, want) {
			t.Errorf("no %q in %s", want, html)
		}
	}
	if !containsAttrs(html, 1, metricState, "diverged", "diverged") {
		t.Error("the diverged run's state does not read diverged")
	}
	if strings.Contains(html, "NaN") {
		t.Error("NaN on the page")
	}
}

func TestTransportButtons(t *testing.T) {
	html := app.HTMLString(&Transport{Ready: true, Playing: true, Speed: 3})
	for _, name := range []string{"Play", "Pause", "Step", "Reset"} {
		if !strings.Contains(html, "<span>"+name+"</span>") {
			t.Errorf("no button named %s", name)
		}
	}
	if strings.Contains(html, "disabled") {
		t.Error("a ready transport has a disabled button")
	}
	for _, want := range []string{`<label for="speed">Speed</label>`, `id="speed"`, `type="range"`, `min="1"`, `max="5"`, "3 · 64 steps/s", "Training…"} {
		if !strings.Contains(html, want) {
			t.Errorf("no %q in %s", want, html)
		}
	}
	waiting := app.HTMLString(&Transport{Speed: 5})
	if strings.Count(waiting, "disabled") != 4 || !strings.Contains(waiting, "Waiting for the canvas") {
		t.Errorf("a transport with no runs must be disabled: %s", waiting)
	}
	stopped := app.HTMLString(&Transport{Ready: true, Stopped: true, Speed: 5})
	if strings.Count(stopped, "disabled") != 2 || !strings.Contains(stopped, "as fast as it goes") {
		t.Errorf("stopped runs: Play and Step have nothing to do: %s", stopped)
	}
}

func TestSpeedText(t *testing.T) {
	for speed := message.MinSpeed; speed <= message.MaxSpeed; speed++ {
		if s := speedText(speed); !strings.HasPrefix(s, fmt.Sprint(speed)) || len(s) < 4 {
			t.Errorf("speedText(%d) = %q", speed, s)
		}
	}
}

// A run that validates shows its validation accuracy; one that does not, a dash; without
// validation anywhere the row is not there.
func TestReadoutsShowValidationWhenARunValidates(t *testing.T) {
	stats := sampleStats()
	if html := app.HTMLString(&Readouts{Stats: stats}); strings.Contains(html, "Validation accuracy") {
		t.Error("a validation row without validation")
	}
	stats[1].Validation, stats[1].ValAcc = 150, 0.125
	html := app.HTMLString(&Readouts{Stats: stats})
	if !containsAttrs(html, 1, metricValAcc, "0.125", "12.5%") || !strings.Contains(html, "150 training images held out") {
		t.Errorf("run 2's validation accuracy is not shown: %s", html)
	}
	if !strings.Contains(html, `data-row="val-acc"`) || strings.Contains(html, `data-run="0" data-metric="val-acc"`) {
		t.Error("the validation row is missing, or run 1, which does not validate, shows a number in it")
	}
}
