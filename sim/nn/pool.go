package nn

// MaxPool keeps the largest value of every 2×2 block of each channel (stride 2), halving
// height and width (an odd last row or column is dropped). Layout is channels last.
type MaxPool struct {
	H, W, C int     // input size
	arg     []int32 // per output value, the input index that won
	y, dx   []float32
}

// NewMaxPool returns 2×2 max pooling of h×w images with c channels.
func NewMaxPool(h, w, c, capacity int) *MaxPool {
	out := (h / 2) * (w / 2) * c
	return &MaxPool{H: h, W: w, C: c,
		arg: make([]int32, capacity*out),
		y:   make([]float32, capacity*out),
		dx:  make([]float32, capacity*h*w*c)}
}

// Out implements Layer.
func (p *MaxPool) Out() int { return (p.H / 2) * (p.W / 2) * p.C }

// Params implements Layer.
func (p *MaxPool) Params() []*Param { return nil }

// Forward implements Layer.
func (p *MaxPool) Forward(x []float32, n int, _ bool) []float32 {
	oh, ow := p.H/2, p.W/2
	inSize, outSize := p.H*p.W*p.C, p.Out()
	y := p.y[:n*outSize]
	for e := 0; e < n; e++ {
		for oy := 0; oy < oh; oy++ {
			for ox := 0; ox < ow; ox++ {
				for c := 0; c < p.C; c++ {
					o := e*outSize + (oy*ow+ox)*p.C + c
					best := int32(e*inSize + ((2*oy)*p.W+2*ox)*p.C + c)
					for _, d := range [3][2]int{{0, 1}, {1, 0}, {1, 1}} {
						i := int32(e*inSize + ((2*oy+d[0])*p.W+2*ox+d[1])*p.C + c)
						if x[i] > x[best] {
							best = i
						}
					}
					p.arg[o] = best
					y[o] = x[best]
				}
			}
		}
	}
	return y
}

// Backward implements Layer: each output's gradient goes to the input that won.
func (p *MaxPool) Backward(dy []float32, n int, needInput bool) []float32 {
	if !needInput {
		return nil
	}
	dx := p.dx[:n*p.H*p.W*p.C]
	clear(dx)
	for o, g := range dy[:n*p.Out()] {
		dx[p.arg[o]] += g
	}
	return dx
}
