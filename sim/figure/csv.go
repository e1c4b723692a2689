package figure

import (
	"encoding/csv"
	"io"
	"strconv"
)

// WriteCSV writes the raw numbers of the trials done, one line per trial and metric:
// figure, key, seed, metric, value (a time to fit never reached is +Inf, a number
// the trial lacks NaN, as strconv writes them).
func (f *Figure) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"figure", "key", "seed", "metric", "value"})
	for i, t := range f.Trials {
		if !f.done[i] {
			continue
		}
		for _, m := range f.Kind.Metrics() {
			cw.Write([]string{f.Kind.String(), t.Key, strconv.FormatUint(t.Config.Seed, 10), m,
				strconv.FormatFloat(f.results[i].value(m), 'g', -1, 64)})
		}
	}
	cw.Flush()
	return cw.Error()
}
