package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
)

// progressNews is what the page says aloud, through a polite live region, of the runs
// training: a screen reader's user hears how memorizing goes without reading the numbers
// table, which changes several times a second and is not live.
//
// It speaks at a calm rate: at once when a run stops (fitted, stopped early, diverged…),
// otherwise at most every newsEvery while the runs train, and never the same sentence
// twice. A live region that changed with every report would talk without pause.
type progressNews struct {
	said  string    // the last sentence spoken
	at    time.Time // when
	stops string    // the runs' stop states when it was spoken
}

// newsEvery is the calm rate: often enough to follow a run of 20 epochs, a few seconds
// here; rarely enough that a sentence is heard to its end.
const newsEvery = 15 * time.Second

// update returns the sentence to speak after a report of the runs' stats at now, and
// whether it changed.
func (n *progressNews) update(now time.Time, stats []message.RunStats) (string, bool) {
	if len(stats) == 0 {
		return n.said, false
	}
	var stops []string
	for _, r := range stats {
		stops = append(stops, r.Stop)
	}
	stopped := strings.Join(stops, ",") != n.stops
	if !stopped && now.Sub(n.at) < newsEvery {
		return n.said, false
	}
	s := newsSentence(stats)
	if s == n.said {
		return n.said, false
	}
	n.said, n.at, n.stops = s, now, strings.Join(stops, ",")
	return s, true
}

// newsSentence says where every run stands, one clause a run: "Random labels: epoch 12,
// 812 of 1,500 training images fitted, test accuracy 9.8%."
func newsSentence(stats []message.RunStats) string {
	var b strings.Builder
	for i, r := range stats {
		if i > 0 {
			b.WriteString(" ")
		}
		name := r.Name.Title()
		if name == "" {
			name = "Run " + strconv.Itoa(i+1)
		}
		b.WriteString(name + ": ")
		switch {
		case r.Epoch == 0:
			b.WriteString("not trained yet.")
			continue
		case r.EpochsToFit > 0:
			b.WriteString("every training image fitted, in " + strconv.FormatFloat(r.FitEpochs, 'f', 1, 64) + " epochs")
		default:
			b.WriteString("epoch " + strconv.Itoa(r.Epoch) + ", " + formatCount(r.Fitted) + " of " +
				formatCount(r.Examples) + " training images fitted")
		}
		b.WriteString(", test accuracy " + formatPercent(r.TestAcc))
		if r.Stop != "" && r.Stop != "running" && r.Stop != "fitted" {
			b.WriteString(", stopped (" + strings.ReplaceAll(r.Stop, "-", " ") + ")")
		}
		b.WriteString(".")
	}
	return b.String()
}

// ProgressNewsID is the id of the live region, which the browser tests read.
const ProgressNewsID = "progress-news"

// newsRegion is the live region: hidden from sight, read by screen readers when its
// sentence changes.
func (l *Lab) newsRegion() app.UI {
	return app.P().ID(ProgressNewsID).Class("visually-hidden").Aria("live", "polite").Text(l.spoken.said)
}
