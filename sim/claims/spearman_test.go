package claims

import (
	"math"
	"testing"
)

func TestSpearman(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		y    []float64
		want float64
	}{
		{[]float64{1, 2, 3, 4}, 1},
		{[]float64{4, 3, 2, 1}, -1},
		{[]float64{1, 3, 2, 4}, 0.8},
		{[]float64{1, 2, inf, inf}, math.Sqrt(0.9)}, // ties share rank 2.5
	}
	for _, tt := range tests {
		if got := Spearman([]float64{0, 1, 2, 3}, tt.y); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Spearman(%v) = %v, want %v", tt.y, got, tt.want)
		}
	}
}
