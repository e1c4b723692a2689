package nn

import (
	"math"

	"genlab/sim/internal/portable"
)

// SoftmaxCrossEntropy turns the logits of n examples over k classes into the mean
// cross-entropy loss against labels, writes the loss gradient with respect to the logits
// into dlogits (softmax − one-hot, divided by n), and records in correct whether each
// example's largest logit is its label. dlogits and correct may be nil (evaluation).
// The loss is accumulated in float64; it is +Inf or NaN when the logits diverged.
func SoftmaxCrossEntropy(logits []float32, labels []int, n, k int, dlogits []float32, correct []bool) (loss float64) {
	for i := 0; i < n; i++ {
		z := logits[i*k : (i+1)*k]
		best := 0
		for j, v := range z {
			if v > z[best] {
				best = j
			}
		}
		zmax := float64(z[best])
		var sum float64
		for _, v := range z {
			sum += portable.Exp(float64(v) - zmax)
		}
		y := labels[i]
		loss += portable.Log(sum) - (float64(z[y]) - zmax)
		if correct != nil {
			correct[i] = best == y && !math.IsNaN(zmax)
		}
		if dlogits != nil {
			g := dlogits[i*k : (i+1)*k]
			scale := 1 / (sum * float64(n))
			for j, v := range z {
				g[j] = float32(portable.Exp(float64(v)-zmax) * scale)
			}
			g[y] -= float32(1 / float64(n))
		}
	}
	return loss / float64(n)
}
