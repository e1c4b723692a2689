package lab

import (
	"encoding/csv"
	"strconv"
	"strings"
)

// CurvesHeader is the first row of the curves file, the columns of every other row:
// one row per run and completed epoch, runs in order (numbered from 1 like the page's
// "Run 1"), epochs in order.
var CurvesHeader = []string{
	"run", "name", "epoch", "steps", "lr",
	"train_loss", "train_acc", "test_loss", "test_acc",
	"clean_acc", "corrupt_acc", "fitted",
}

// CurvesCSV returns the per-epoch history of every run as CSV (RFC 4180, comma-separated,
// CRLF line ends, fields quoted when they need it: a variant such as
// "labels=corrupt,p=0.2" has commas).
//
// Numbers are written in the shortest form that reads back to the same float64, so the
// file holds exactly what the runs measured. A run that diverged has losses of NaN or
// +Inf, written so (spreadsheets and pandas read both). clean_acc and corrupt_acc are
// empty when the run has no such examples (no corrupted labels: every example is clean);
// fitted counts the training examples fitted at the end of the epoch.
func (b *Bench) CurvesCSV() string {
	var sb strings.Builder
	w := csv.NewWriter(&sb)
	w.UseCRLF = true
	_ = w.Write(CurvesHeader) // a strings.Builder does not fail
	row := make([]string, len(CurvesHeader))
	for i := range b.Lanes {
		r := &b.Lanes[i]
		for _, e := range r.Snap.History {
			row[0] = strconv.Itoa(i + 1)
			row[1] = r.Variant.String()
			row[2] = strconv.Itoa(e.Epoch)
			row[3] = strconv.Itoa(e.Steps)
			row[4] = number(e.LR)
			row[5] = number(e.TrainLoss)
			row[6] = number(e.TrainAcc)
			row[7] = number(e.TestLoss)
			row[8] = number(e.TestAcc)
			row[9] = share(e.CleanAcc)
			row[10] = share(e.CorruptAcc)
			row[11] = strconv.Itoa(e.Fitted)
			_ = w.Write(row)
		}
	}
	w.Flush()
	return sb.String()
}

func number(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// share writes an accuracy of a subset, which sim sets to -1 when the subset is empty.
func share(v float64) string {
	if v < 0 {
		return ""
	}
	return number(v)
}
