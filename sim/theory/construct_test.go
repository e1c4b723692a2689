package theory

import (
	"cmp"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"genlab/sim/figure"
)

// sortedProjections returns <Dir, x_i> for every point, sorted.
func sortedProjections(c *Construction, x []float32) []float64 {
	d := len(c.Dir)
	z := make([]float64, len(x)/d)
	for i := range z {
		z[i] = dot(c.Dir, x[i*d:(i+1)*d])
	}
	slices.Sort(z)
	return z
}

// residual returns max |A W − Y| with A rebuilt from the construction's own direction and
// thresholds, independently of the solver, and Y the one-hot labels in sorted order.
func residual(c *Construction, x []float32, labels []int) float64 {
	d := len(c.Dir)
	n, k := c.Out.Dims()
	type pt struct {
		z float64
		l int
	}
	pts := make([]pt, n)
	for i := range pts {
		pts[i] = pt{dot(c.Dir, x[i*d:(i+1)*d]), labels[i]}
	}
	slices.SortFunc(pts, func(a, b pt) int { return cmp.Compare(a.z, b.z) })
	var worst float64
	for _, p := range pts {
		for cl := range k {
			var s float64
			for j := range n {
				s += max(p.z-c.Bias[j], 0) * c.Out.At(j, cl) // the full row: ReLU zeroes j > i
			}
			want := 0.0
			if cl == p.l {
				want = 1
			}
			worst = max(worst, math.Abs(s-want))
		}
	}
	return worst
}

func TestConstructFitsAnyLabels(t *testing.T) {
	for _, tc := range []struct {
		name       string
		n, d, k    int
		wantWeight int
	}{
		{"n1000-d256-k10", 1000, 256, 10, 1000*10 + 1000 + 256},
		{"n300-d32-k2", 300, 32, 2, 300*2 + 300 + 32},
		{"n50-d8-k1", 50, 8, 1, 2*50 + 8}, // one output: the theorem's 2n + d
		{"n1-d3-k1", 1, 3, 1, 2*1 + 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := newRand(1)
			x := gaussian(rng, tc.n, tc.d)
			labels := uniformLabels(rng, tc.n, tc.k)
			c, err := Construct(x, tc.d, labels, tc.k, rng)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Accuracy(x, tc.d, labels); got != 1 {
				t.Errorf("training accuracy = %v, want 1", got)
			}
			if c.Weights != tc.wantWeight {
				t.Errorf("Weights = %d, want %d", c.Weights, tc.wantWeight)
			}
			if r, c := c.Out.Dims(); r != tc.n || c != tc.k {
				t.Errorf("Out is %d×%d, want %d×%d", r, c, tc.n, tc.k)
			}
			z := sortedProjections(c, x)
			for j := range z {
				// b_j < z_(j) is also A's diagonal entry z_(j) − b_j being positive.
				if !(c.Bias[j] < z[j]) || j > 0 && !(z[j-1] < c.Bias[j]) {
					t.Fatalf("threshold %d = %v does not interleave projections %v", j, c.Bias[j], z[max(j-1, 0):j+1])
				}
			}
			res := residual(c, x, labels)
			if res > 1e-6 {
				t.Errorf("max |AW − Y| = %g, want < 1e-6", res)
			}
			if !(c.Cond >= 1) || math.IsInf(c.Cond, 0) {
				t.Errorf("Cond = %v, want finite and ≥ 1", c.Cond)
			}

			// Fresh points with fresh labels: the construction knows nothing about them.
			m := 1000
			xt := gaussian(rng, m, tc.d)
			lt := uniformLabels(rng, m, tc.k)
			acc := c.Accuracy(xt, tc.d, lt)
			chance := 1 / float64(tc.k)
			if tol := binomialTol(chance, m); tc.k > 1 && math.Abs(acc-chance) > tol {
				t.Errorf("test accuracy = %.3f, want chance %.3f ± %.3f", acc, chance, tol)
			}
			t.Logf("train 1.0, test %.3f (chance %.3f), max|AW−Y| %.2g, cond(A) %.3g, max|w| %.3g",
				acc, chance, res, c.Cond, max(mat.Max(c.Out), -mat.Min(c.Out)))
		})
	}
}

// TestConstructByHand checks the solver on three points of a line, small enough to solve on paper.
// Projections 0, 1, 3: the first threshold goes half the mean gap (1.5/2) below 0, the others at
// midpoints, so
//
//	b = (−0.75, 0.5, 2),  A = [0.75 0 0; 1.75 0.5 0; 3.75 2.5 1].
func TestConstructByHand(t *testing.T) {
	zs := []float64{0, 1, 3}
	b, k := thresholds(zs)
	if want := []float64{-0.75, 0.5, 2}; k != 0 || !slices.Equal(b, want) {
		t.Fatalf("thresholds = %v (collision %d), want %v", b, k, want)
	}
	for _, tc := range []struct {
		y, want []float64
	}{
		{[]float64{1, 0, 1}, []float64{4.0 / 3, -14.0 / 3, 23.0 / 3}},
		{[]float64{0, 1, 0}, []float64{0, 2, -5}},
		{[]float64{1, 1, 1}, []float64{4.0 / 3, -8.0 / 3, 8.0 / 3}},
	} {
		got := slices.Clone(tc.y)
		forwardSolve(zs, b, got, 1)
		for i := range got {
			if math.Abs(got[i]-tc.want[i]) > 1e-12 {
				t.Errorf("y = %v: w = %v, want %v", tc.y, got, tc.want)
				break
			}
		}
	}

	// The same points through the public API, as 1-dimensional inputs with two classes.
	x := []float32{0, 1, 3}
	labels := []int{1, 0, 1}
	c, err := Construct(x, 1, labels, 2, newRand(3))
	if err != nil {
		t.Fatal(err)
	}
	if c.Weights != 3*2+3+1 {
		t.Errorf("Weights = %d, want 10", c.Weights)
	}
	for i, l := range labels {
		s := c.Scores(nil, x[i:i+1])
		want := []float64{0, 0}
		want[l] = 1
		if math.Abs(s[0]-want[0]) > 1e-12 || math.Abs(s[1]-want[1]) > 1e-12 {
			t.Errorf("scores of x = %v: got %v, want %v", x[i], s, want)
		}
	}
	// Below every threshold no unit is active: the network outputs zero.
	if lo := float32(-10 * math.Copysign(1, c.Dir[0])); !slices.Equal(c.Scores(nil, []float32{lo}), []float64{0, 0}) {
		t.Errorf("scores below the lowest threshold = %v, want 0", c.Scores(nil, []float32{lo}))
	}
}

func TestConstructDeterministic(t *testing.T) {
	x := gaussian(newRand(4), 100, 10)
	labels := uniformLabels(newRand(5), 100, 4)
	a, err := Construct(x, 10, labels, 4, newRand(6))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Construct(x, 10, labels, 4, newRand(6))
	if !slices.Equal(a.Dir, b.Dir) || !slices.Equal(a.Bias, b.Bias) || !mat.Equal(a.Out, b.Out) {
		t.Error("two constructions from the same seed differ")
	}
}

func TestConstructErrors(t *testing.T) {
	x := gaussian(newRand(7), 4, 2)
	dup := slices.Clone(x)
	copy(dup[3*2:], dup[1*2:2*2]) // point 3 := point 1
	nan := slices.Clone(x)
	nan[5] = float32(math.NaN())
	for _, tc := range []struct {
		name    string
		x       []float32
		d       int
		labels  []int
		classes int
		want    string
	}{
		{"duplicate", dup, 2, []int{0, 1, 0, 1}, 2, "points 1 and 3 are identical"},
		{"empty", nil, 2, nil, 2, "no training points"},
		{"d0", x, 0, []int{0, 1, 0, 1}, 2, "dimension d = 0"},
		{"ragged", x[:7], 2, []int{0, 1, 0, 1}, 2, "not a whole number"},
		{"labels", x, 2, []int{0, 1, 0}, 2, "3 labels for 4 points"},
		{"label range", x, 2, []int{0, 1, 2, 1}, 2, "label 2 of point 2 is outside 0..1"},
		{"negative label", x, 2, []int{0, -1, 0, 1}, 2, "label -1 of point 1"},
		{"classes", x, 2, []int{0, 0, 0, 0}, 0, "0 classes"},
		{"nan", nan, 2, []int{0, 1, 0, 1}, 2, "value 1 of point 2 is NaN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Construct(tc.x, tc.d, tc.labels, tc.classes, newRand(8))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestCondEstimate compares the matrix-free estimate of κ₁(A) with the exact value from an
// explicit inverse, on matrices small enough to invert.
func TestCondEstimate(t *testing.T) {
	for _, n := range []int{1, 2, 10, 50, 200} {
		rng := newRand(uint64(n))
		zs := make([]float64, n)
		for i := range zs {
			zs[i] = rng.NormFloat64()
		}
		slices.Sort(zs)
		b, _ := thresholds(zs)
		a := mat.NewTriDense(n, mat.Lower, nil)
		for i := range n {
			for j := range i + 1 {
				a.SetTri(i, j, zs[i]-b[j])
			}
		}
		var inv mat.TriDense
		if err := inv.InverseTri(a); err != nil {
			t.Logf("n = %d: %v", n, err)
		}
		exact := a.Norm(1) * inv.Norm(1)
		got := condA(zs, b)
		// Hager's estimate is a lower bound and, in practice, within a factor of 3.
		if got > exact*(1+1e-8) || got < exact/3 {
			t.Errorf("n = %d: estimated cond %.6g, exact %.6g", n, got, exact)
		}
	}
}

func TestConstructScoresReusesDst(t *testing.T) {
	x := gaussian(newRand(9), 20, 3)
	c, err := Construct(x, 3, uniformLabels(newRand(10), 20, 5), 5, newRand(11))
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]float64, 0, 8)
	got := c.Scores(buf, x[:3])
	if len(got) != 5 || &got[0] != &buf[:1][0] {
		t.Errorf("Scores returned len %d, reused dst %v; want len 5 in dst's storage", len(got), &got[0] == &buf[:1][0])
	}
}

// The picture of a construction (figure.Picture) is drawn from its own sorted projections
// and thresholds, with the labels of the points in that order, and is a few KB on the wire.
func TestConstructPicture(t *testing.T) {
	rng := newRand(9)
	n, d := 2000, 64
	x := gaussian(rng, n, d)
	labels := uniformLabels(rng, n, 10)
	c, err := Construct(x, d, labels, 10, rng)
	if err != nil {
		t.Fatal(err)
	}
	p := c.Picture(labels)
	if err := p.Check(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.ZoomZ, c.Sorted[:figure.ZoomPoints]) || !slices.Equal(p.ZoomB, c.Bias[:figure.ZoomPoints]) {
		t.Errorf("zoom %v / %v, want the first projections and thresholds", p.ZoomZ, p.ZoomB)
	}
	for k, i := range c.Order[:figure.ZoomPoints] {
		if z := dot(c.Dir, x[i*d:(i+1)*d]); z != c.Sorted[k] || int(p.ZoomLabels[k]) != labels[i] {
			t.Errorf("rank %d: point %d, z %v label %d; picture has z %v label %d", k, i, z, labels[i], c.Sorted[k], p.ZoomLabels[k])
		}
	}
	if p.Lo != c.Sorted[0] || p.Hi != c.Sorted[n-1] || int(p.LineLabels[len(p.LineLabels)-1]) != labels[c.Order[n-1]] {
		t.Errorf("line from %v to %v, last label %d", p.Lo, p.Hi, p.LineLabels[len(p.LineLabels)-1])
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 12<<10 {
		t.Errorf("picture is %d bytes of JSON, want a few KB", len(b))
	}
	t.Logf("picture: %d bytes of JSON", len(b))
}

// The O(n) triangular solves give what plain substitution, entry by entry over an explicit A,
// gives: on projections spread like images' (offset from zero, some gaps tiny), with several
// right-hand sides, forward and transposed.
func TestSolvesMatchSubstitution(t *testing.T) {
	for _, n := range []int{1, 2, 3, 50, 700} {
		rng := newRand(uint64(n) + 40)
		zs := make([]float64, n)
		for i := range zs {
			zs[i] = 30 + 4*rng.NormFloat64()
		}
		slices.Sort(zs)
		b, _ := thresholds(zs)
		const k = 3
		r := make([]float64, n*k)
		for i := range r {
			r[i] = float64(rng.IntN(2))
		}
		// Reference: row by row, every entry of A.
		want := slices.Clone(r)
		for i := range n {
			for c := range k {
				s := want[i*k+c]
				for j := range i {
					s -= (zs[i] - b[j]) * want[j*k+c]
				}
				want[i*k+c] = s / (zs[i] - b[i])
			}
		}
		got := slices.Clone(r)
		forwardSolve(zs, b, got, k)
		wantT := slices.Clone(r[:n])
		for j := n - 1; j >= 0; j-- {
			s := wantT[j]
			for i := j + 1; i < n; i++ {
				s -= (zs[i] - b[j]) * wantT[i]
			}
			wantT[j] = s / (zs[j] - b[j])
		}
		gotT := slices.Clone(r[:n])
		backSolve(zs, b, gotT)
		for _, tc := range []struct {
			name      string
			got, want []float64
		}{{"forward", got, want}, {"transposed", gotT, wantT}} {
			scale := 0.0
			for _, v := range tc.want {
				scale = max(scale, math.Abs(v))
			}
			for i := range tc.want {
				if d := math.Abs(tc.got[i] - tc.want[i]); d > 1e-9*scale {
					t.Fatalf("n %d %s: w[%d] = %v, substitution gives %v (scale %g)", n, tc.name, i, tc.got[i], tc.want[i], scale)
				}
			}
		}
	}
}
