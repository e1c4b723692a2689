package nn

import "math/rand/v2"

// Dropout zeroes each value with probability P during training and scales the survivors
// by 1/(1-P) ("inverted dropout"), so evaluation is the identity.
type Dropout struct {
	P    float64
	size int
	rng  *rand.Rand
	mask []float32 // 0 or 1/(1-P)
	y    []float32
	dx   []float32
	on   bool // the last Forward dropped
}

// NewDropout returns a dropout layer drawing its masks from rng.
func NewDropout(p float64, size, capacity int, rng *rand.Rand) *Dropout {
	if p < 0 || p >= 1 {
		panic("nn: dropout probability outside [0, 1)")
	}
	return &Dropout{P: p, size: size, rng: rng,
		mask: make([]float32, size*capacity),
		y:    make([]float32, size*capacity),
		dx:   make([]float32, size*capacity)}
}

// Out implements Layer.
func (d *Dropout) Out() int { return d.size }

// Params implements Layer.
func (d *Dropout) Params() []*Param { return nil }

// Forward implements Layer.
func (d *Dropout) Forward(x []float32, n int, train bool) []float32 {
	d.on = train && d.P > 0
	if !d.on {
		return x[:n*d.size]
	}
	keep := float32(1 / (1 - d.P))
	y, mask := d.y[:n*d.size], d.mask[:n*d.size]
	for i := range y {
		if d.rng.Float64() < d.P {
			mask[i] = 0
		} else {
			mask[i] = keep
		}
		y[i] = x[i] * mask[i]
	}
	return y
}

// Backward implements Layer.
func (d *Dropout) Backward(dy []float32, n int, needInput bool) []float32 {
	if !needInput {
		return nil
	}
	if !d.on {
		return dy[:n*d.size]
	}
	dx := d.dx[:n*d.size]
	for i, m := range d.mask[:len(dx)] {
		dx[i] = dy[i] * m
	}
	return dx
}
