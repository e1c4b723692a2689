package canvas

import (
	"strconv"

	"genlab/sim"
)

// The header of a run's card: its title, next to a stroke of its colour as in the charts, and
// its state, in words on a coloured pill: "ready", "training", "paused", "fitted", "stopped
// early", "max epochs", or "diverged — lower the learning rate", the one state a student can
// do something about. Below, one status line: epoch, training and test accuracy, and how many
// examples are fitted.

// headerItems lays out (and, with w.draw, paints) run i's header: the title and the state on
// the first line, the numbers on the second. With worst it uses the widest values the items
// can take, to measure how many lines the header needs. With brief only the first line.
func (p *Painter) headerItems(w *pen, i int, run *Card, playing, worst, brief bool) {
	w.iconText(iconRun, runColor(i), run.Title, colInk)
	snap := run.Snap
	hist := snapHistory(snap)
	epoch := 0
	if snap != nil {
		epoch = snap.Epoch
	}
	stop := sim.Running
	if snap != nil {
		stop = snap.Stop
	}
	switch {
	case worst:
		w.pill("stopped early", colCalm) // the longest state word
	case stop == sim.Running && playing:
		w.pill("training", runColor(i))
	case stop == sim.Running && epoch == 0:
		w.pill("ready", colCalm)
	case stop == sim.Running:
		w.pill("paused", colCalm)
	case stop == sim.Fitted:
		w.pill("fitted", colGood)
	case stop == sim.EarlyStop:
		w.pill("stopped early", colCalm)
	case stop == sim.MaxEpochs:
		w.pill("max epochs", colCalm)
	case stop == sim.NotLearning:
		w.pill("not learning", colBad)
	case stop == sim.Diverged:
		w.pill("diverged", colBad)
	default:
		w.pill("stopped", colCalm)
	}
	if brief {
		return
	}
	w.br()
	if stop == sim.Diverged && !worst {
		// What to do comes first, so that it is never the part cut off.
		w.str("— lower the learning rate", colBad)
	}

	if worst {
		epoch = max(run.MaxEpochs, 999)
	}
	b := append(p.scratch(), "epoch "...)
	b = strconv.AppendInt(b, int64(epoch), 10)
	if run.MaxEpochs > 0 {
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(run.MaxEpochs), 10)
	}
	w.text(b, colInkSoft)

	// Accuracies once there are some (before the first epoch there is nothing to say).
	if n := len(hist); n > 0 || worst {
		train, test := 0.999, 0.999
		if !worst {
			train, test = hist[n-1].TrainAcc, hist[n-1].TestAcc
		}
		w.text(appendPct(append(p.scratch(), "train "...), train), colInkSoft)
		w.text(appendPct(append(p.scratch(), "test "...), test), colInkSoft)
	}

	n := 0
	if run.Images != nil {
		n = len(run.Images.Labels)
	}
	fitted := n
	if !worst {
		fitted = wallFitted(snap, n)
	}
	b = append(p.scratch(), "fitted "...)
	b = appendGrouped(b, fitted)
	b = append(b, '/')
	b = appendGrouped(b, n)
	w.text(b, colInkSoft)
}

// paintHeader paints run i's header.
func (p *Painter) paintHeader(bx *runBox, i int, run *Card, playing bool) {
	p.r.setClip(bx.header)
	w := p.newPen(bx.header, true)
	p.headerItems(&w, i, run, playing, false, bx.brief)
	p.r.resetClip()
}
