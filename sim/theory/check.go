package theory

import (
	"fmt"
	"math"
)

// checkData validates a labelled data set handed in by a caller (and so, ultimately, by the
// user's settings) and returns its number of points. Everything the constructions below rely on
// is checked here once, so that they can index freely afterwards: the values form whole rows of
// d, there is one label per row, every label is a class, and every value is finite (a NaN would
// silently break sorting in Construct and every comparison in the solvers).
func checkData(x []float32, d int, labels []int, classes int) (int, error) {
	if d < 1 {
		return 0, fmt.Errorf("theory: dimension d = %d, want at least 1", d)
	}
	if classes < 1 {
		return 0, fmt.Errorf("theory: %d classes, want at least 1", classes)
	}
	if len(x) == 0 {
		return 0, fmt.Errorf("theory: no training points")
	}
	if len(x)%d != 0 {
		return 0, fmt.Errorf("theory: %d values are not a whole number of points of dimension %d", len(x), d)
	}
	n := len(x) / d
	if len(labels) != n {
		return 0, fmt.Errorf("theory: %d labels for %d points", len(labels), n)
	}
	for i, l := range labels {
		if l < 0 || l >= classes {
			return 0, fmt.Errorf("theory: label %d of point %d is outside 0..%d", l, i, classes-1)
		}
	}
	for i, v := range x {
		if f := float64(v); math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, fmt.Errorf("theory: value %d of point %d is %v", i%d, i/d, v)
		}
	}
	return n, nil
}

// checkEval panics unless x and labels describe whole points of the dimension a model was built
// for. Evaluation has no error result: the caller built the model from the same data source, so
// a mismatch here is a programming error, not a user's.
func checkEval(x []float32, d, want int, labels []int) int {
	if d != want {
		panic(fmt.Sprintf("theory: evaluating points of dimension %d on a model of dimension %d", d, want))
	}
	if len(x)%d != 0 || len(x)/d != len(labels) {
		panic(fmt.Sprintf("theory: %d values and %d labels do not form points of dimension %d", len(x), len(labels), d))
	}
	return len(labels)
}

// argmax returns the index of the largest score, the first one on ties, so that predictions are
// deterministic.
func argmax(s []float64) int {
	best := 0
	for i, v := range s[1:] {
		if v > s[best] {
			best = i + 1
		}
	}
	return best
}

// grow returns dst resized to n, reusing its storage when it is large enough.
func grow(dst []float64, n int) []float64 {
	if cap(dst) < n {
		return make([]float64, n)
	}
	return dst[:n]
}
