package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// table writes aligned columns.
type table struct{ tw *tabwriter.Writer }

func newTable(w io.Writer, header ...string) *table {
	t := &table{tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) { fmt.Fprintln(t.tw, strings.Join(cells, "\t")+"\t") }
func (t *table) flush()              { t.tw.Flush() }

// jsonLine writes v as one line of JSON.
func jsonLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

func pct(v float64) string {
	if v < 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*v)
}

func num(v float64) string { return fmt.Sprintf("%.4f", v) }

func intOrDash(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

// progress prints a status line on stderr at most once a second, so long commands show
// that they are alive without flooding the terminal.
type progress struct {
	w     io.Writer
	last  time.Time
	start time.Time
}

func newProgress(w io.Writer, quiet bool) *progress {
	if quiet {
		w = io.Discard
	}
	now := time.Now()
	return &progress{w: w, start: now, last: now}
}

func (p *progress) printf(format string, args ...any) {
	if time.Since(p.last) < time.Second {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "[%5.1fs] %s\n", time.Since(p.start).Seconds(), fmt.Sprintf(format, args...))
}
