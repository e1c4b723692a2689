package canvas

import (
	"math"
	"strconv"

	"genlab/sim"
)

// Numbers are appended to a scratch buffer owned by the Painter, never formatted into new
// strings, so that painting a frame allocates nothing. Every formatter is defensive: NaN and
// infinities, which a diverging run can produce, come out as "–" and never as "NaN".

const noValue = "–"

// appendGrouped appends n with thousands separators: 136,714.
func appendGrouped(b []byte, n int) []byte {
	if n == math.MinInt {
		return strconv.AppendInt(b, int64(n), 10)
	}
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var digits [24]byte
	d := strconv.AppendInt(digits[:0], int64(n), 10)
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	return b
}

// appendPct appends a share in [0, 1] as a percentage with one decimal, "100%" and "0%"
// without: 97.3%.
func appendPct(b []byte, v float64) []byte {
	if !sim.Finite(v) || v < 0 {
		return append(b, noValue...)
	}
	switch {
	case v >= 1:
		return append(b, "100%"...)
	case v == 0:
		return append(b, "0%"...)
	}
	b = strconv.AppendFloat(b, v*100, 'f', 1, 64)
	return append(b, '%')
}

// appendFixed appends v with prec decimals.
func appendFixed(b []byte, v float64, prec int) []byte {
	if !sim.Finite(v) || math.Abs(v) > 1e15 {
		return append(b, noValue...)
	}
	return strconv.AppendFloat(b, v, 'f', prec, 64)
}

// appendRatio appends a ratio readably: whole above 10 (137), one decimal below (2.3).
func appendRatio(b []byte, v float64) []byte {
	if !sim.Finite(v) || v < 0 || v > 1e15 {
		return append(b, noValue...)
	}
	if v >= 10 {
		return appendGrouped(b, int(math.Round(v)))
	}
	return strconv.AppendFloat(b, v, 'f', 1, 64)
}

// appendShort appends a count with a k or M suffix, for axis labels: 10, 100, 1k, 10k, 1M.
func appendShort(b []byte, n int) []byte {
	switch {
	case n >= 1_000_000_000 && n%1_000_000_000 == 0:
		return append(strconv.AppendInt(b, int64(n/1_000_000_000), 10), 'G')
	case n >= 1_000_000 && n%1_000_000 == 0:
		return append(strconv.AppendInt(b, int64(n/1_000_000), 10), 'M')
	case n >= 1000 && n%1000 == 0:
		return append(strconv.AppendInt(b, int64(n/1000), 10), 'k')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// appendTick appends an axis value with just enough decimals for the step between ticks;
// the origin as a plain 0.
func appendTick(b []byte, v, step float64) []byte {
	if v == 0 {
		return append(b, '0')
	}
	prec := 0
	for s := step; prec < 3 && sim.Finite(s) && s > 0 && math.Abs(s-math.Round(s)) > 1e-9; s *= 10 {
		prec++
	}
	return appendFixed(b, v, prec)
}
