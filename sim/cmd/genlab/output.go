package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// table writes right-aligned columns as wide as their headers (at least 8), one row at a
// time, so rows can be printed as they are measured: a run's epochs as they end, a
// sweep's levels as they fit. text/tabwriter cannot: it sizes columns over the lines it
// holds until Flush, so a table flushed row by row would not line up, and one flushed at
// the end would show nothing for minutes.
type table struct {
	w      io.Writer
	widths []int
}

func newTable(w io.Writer, header ...string) *table {
	t := &table{w: w}
	for _, h := range header {
		t.widths = append(t.widths, max(8, utf8.RuneCountInString(h)))
	}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) {
	var b strings.Builder
	for i, c := range cells {
		w := 8
		if i < len(t.widths) {
			w = t.widths[i]
		}
		if i > 0 {
			b.WriteString("  ")
		}
		b.WriteString(strings.Repeat(" ", max(0, w-utf8.RuneCountInString(c))))
		b.WriteString(c)
	}
	fmt.Fprintln(t.w, b.String())
}

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

// floatOrDash writes a time in epochs to the eighth of an epoch it is measured to.
func floatOrDash(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%.3f", *p)
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
