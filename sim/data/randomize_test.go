package data

import (
	"math"
	"slices"
	"testing"
)

// labelSet returns n balanced, shuffled labels of k classes with no pixels to speak of.
func labelSet(n, k int) Images {
	train, _ := Generate(Spec{Family: Shapes, Side: 8, Classes: k, Train: n}, newRNG(11))
	return train
}

func TestCorruptLabelsRate(t *testing.T) {
	const n, k = 10000, 10
	tests := []struct {
		p float64
	}{{0}, {0.2}, {0.4}, {0.8}, {1}}
	for _, tt := range tests {
		im := labelSet(n, k)
		trueBefore := slices.Clone(im.True)
		im.CorruptLabels(tt.p, k, newRNG(3))
		want := tt.p * (1 - 1.0/k)
		// Four binomial standard deviations: a false failure once in ~16,000 runs, and the
		// test still fails if the rate were p instead of p(1-1/K) (0.04 away at p = 0.4).
		tol := 4 * math.Sqrt(want*(1-want)/n)
		got := WrongLabelRate(&im)
		if math.Abs(got-want) > tol || (tt.p == 0 && got != 0) {
			t.Errorf("p=%v: wrong-label rate %.4f, want %.4f ± %.4f", tt.p, got, want, tol)
		}
		if !slices.Equal(im.True, trueBefore) {
			t.Errorf("p=%v: True changed", tt.p)
		}
		for i, l := range im.Labels {
			if l < 0 || l >= k {
				t.Fatalf("p=%v: label %d at %d outside 0..%d", tt.p, l, i, k-1)
			}
		}
	}
}

// With p = 1 the labels are uniform and independent of the classes: every class gets about
// n/K of them, whatever the true class.
func TestCorruptLabelsUniform(t *testing.T) {
	const n, k = 10000, 10
	im := labelSet(n, k)
	im.CorruptLabels(1, k, newRNG(4))
	count := make([]int, k)
	for _, l := range im.Labels {
		count[l]++
	}
	want := float64(n) / k
	tol := 4 * math.Sqrt(want*(1-1.0/k))
	for c, got := range count {
		if math.Abs(float64(got)-want) > tol {
			t.Errorf("class %d drawn %d times, want %.0f ± %.0f", c, got, want, tol)
		}
	}
}

func TestCorruptLabelsDeterministic(t *testing.T) {
	a, b, c := labelSet(1000, 10), labelSet(1000, 10), labelSet(1000, 10)
	a.CorruptLabels(0.5, 10, newRNG(9))
	b.CorruptLabels(0.5, 10, newRNG(9))
	c.CorruptLabels(0.5, 10, newRNG(10))
	if !slices.Equal(a.Labels, b.Labels) {
		t.Error("same seed gave different corruption")
	}
	if slices.Equal(a.Labels, c.Labels) {
		t.Error("different seeds gave the same corruption")
	}
	for i := range a.Labels {
		if a.Corrupted(i) != (a.Labels[i] != a.True[i]) {
			t.Fatalf("Corrupted(%d) = %v with label %d, true %d", i, a.Corrupted(i), a.Labels[i], a.True[i])
		}
	}
}

func TestCorruptLabelsPanics(t *testing.T) {
	tests := []struct {
		p       float64
		classes int
	}{{-0.1, 10}, {1.1, 10}, {math.NaN(), 10}, {0.5, 0}}
	for _, tt := range tests {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("CorruptLabels(%v, %d) did not panic", tt.p, tt.classes)
				}
			}()
			im := labelSet(10, 2)
			im.CorruptLabels(tt.p, tt.classes, newRNG(1))
		}()
	}
}

func TestPermute(t *testing.T) {
	spec := smallSpec(Shapes)
	train, test := Generate(spec, newRNG(1))
	d := spec.Side * spec.Side
	perm := newRNG(2).Perm(d)
	for _, orig := range []*Images{&train, &test} {
		im := *orig
		im.Pixels = slices.Clone(orig.Pixels)
		im.Permute(perm)
		for i := range im.Len() {
			got, old := im.At(i), orig.At(i)
			for j := range d {
				if got[j] != old[perm[j]] {
					t.Fatalf("image %d pixel %d = %v, want old[perm[j]] = %v", i, j, got[j], old[perm[j]])
				}
			}
			if !sameMultiset(got, old) {
				t.Fatalf("image %d: pixel values changed, not just moved", i)
			}
		}
		if !slices.Equal(im.Labels, orig.Labels) {
			t.Error("Permute changed the labels")
		}
		inv := make([]int, d)
		for j, k := range perm {
			inv[k] = j
		}
		im.Permute(inv)
		if !slices.Equal(im.Pixels, orig.Pixels) {
			t.Error("the inverse permutation did not restore the images")
		}
	}
}

func TestPermuteRejectsNonPermutations(t *testing.T) {
	tests := []struct {
		name string
		perm []int
	}{
		{"short", make([]int, 63)},
		{"repeat", append(make([]int, 63), 1)},
		{"out of range", append(newRNG(1).Perm(63), 64)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im := labelSet(2, 2)
			defer func() {
				if recover() == nil {
					t.Error("Permute did not panic")
				}
			}()
			im.Permute(tt.perm)
		})
	}
}

func TestPermuteEach(t *testing.T) {
	// Pixel values 0..d-1 in every image, so each shuffled image spells out its permutation.
	const n, side = 50, 8
	d := side * side
	im := Images{Side: side, Pixels: make([]float32, n*d), Labels: make([]int, n), True: make([]int, n)}
	for i := range n {
		for j := range d {
			im.At(i)[j] = float32(j)
		}
	}
	orig := slices.Clone(im.Pixels)
	again := im
	again.Pixels = slices.Clone(im.Pixels)
	im.PermuteEach(newRNG(6))
	again.PermuteEach(newRNG(6))
	if !slices.Equal(im.Pixels, again.Pixels) {
		t.Error("same seed gave different permutations")
	}
	seen := map[string]int{}
	for i := range n {
		px := im.At(i)
		if !sameMultiset(px, orig[i*d:(i+1)*d]) {
			t.Fatalf("image %d: pixel values changed, not just moved", i)
		}
		if slices.Equal(px, orig[i*d:(i+1)*d]) {
			t.Errorf("image %d left in place", i)
		}
		key := string(float32Bytes(px))
		if j, dup := seen[key]; dup {
			t.Errorf("images %d and %d got the same permutation", j, i)
		}
		seen[key] = i
	}
}

func TestFillGaussianMatchesMeanStd(t *testing.T) {
	tests := []struct {
		mean, std float64
	}{{0, 1}, {0.3, 0.7}, {-2, 0.05}}
	for _, tt := range tests {
		train, test := Generate(Spec{Family: Glyphs, Side: 16, Classes: 10, Train: 600, Test: 401, Noise: 0.2}, newRNG(1))
		labels := slices.Clone(train.Labels)
		train.FillGaussian(tt.mean, tt.std, newRNG(2))
		test.FillGaussian(tt.mean, tt.std, newRNG(3))
		n := float64(len(train.Pixels) + len(test.Pixels))
		gotMean, gotStd := MeanStd(&train, &test)
		// Four standard errors: of the mean σ/√n, of the standard deviation about σ/√(2n).
		if tol := 4 * tt.std / math.Sqrt(n); math.Abs(gotMean-tt.mean) > tol {
			t.Errorf("N(%v, %v²): mean %.5f, want ± %.5f", tt.mean, tt.std, gotMean, tol)
		}
		if tol := 4 * tt.std / math.Sqrt(2*n); math.Abs(gotStd-tt.std) > tol {
			t.Errorf("N(%v, %v²): std %.5f, want ± %.5f", tt.mean, tt.std, gotStd, tol)
		}
		if !slices.Equal(train.Labels, labels) {
			t.Error("FillGaussian changed the labels")
		}
	}
}

func TestMeanStd(t *testing.T) {
	set := func(px ...float32) *Images { return &Images{Side: 1, Pixels: px} }
	tests := []struct {
		name      string
		sets      []*Images
		mean, std float64
	}{
		{"none", nil, 0, 0},
		{"empty", []*Images{set()}, 0, 0},
		{"constant", []*Images{set(2, 2, 2)}, 2, 0},
		{"two sets", []*Images{set(1, 3), set(5, 7)}, 4, math.Sqrt(5)},
		{"large offset", []*Images{set(1e6+1, 1e6-1)}, 1e6, 1},
	}
	for _, tt := range tests {
		mean, std := MeanStd(tt.sets...)
		if math.Abs(mean-tt.mean) > 1e-9 || math.Abs(std-tt.std) > 1e-9 {
			t.Errorf("%s: MeanStd = %v, %v; want %v, %v", tt.name, mean, std, tt.mean, tt.std)
		}
	}
}

func TestWrongLabelRate(t *testing.T) {
	tests := []struct {
		labels, true_ []int
		want          float64
	}{
		{nil, nil, 0},
		{[]int{0, 1, 2, 3}, []int{0, 1, 2, 3}, 0},
		{[]int{0, 1, 2, 3}, []int{0, 1, 3, 3}, 0.25},
		{[]int{1, 0}, []int{0, 1}, 1},
	}
	for _, tt := range tests {
		im := Images{Side: 1, Labels: tt.labels, True: tt.true_}
		if got := WrongLabelRate(&im); got != tt.want {
			t.Errorf("WrongLabelRate(%v vs %v) = %v, want %v", tt.labels, tt.true_, got, tt.want)
		}
	}
}

func sameMultiset(a, b []float32) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

func float32Bytes(px []float32) []byte {
	b := make([]byte, 0, 4*len(px))
	for _, v := range px {
		u := math.Float32bits(v)
		b = append(b, byte(u), byte(u>>8), byte(u>>16), byte(u>>24))
	}
	return b
}

func TestSplit(t *testing.T) {
	im := Images{Side: 1, Pixels: []float32{0, 1, 2, 3, 4}, Labels: []int{0, 1, 2, 3, 4}, True: []int{0, 1, 2, 3, 4}}
	tests := []struct{ k, head int }{{0, 5}, {2, 3}, {5, 0}}
	for _, tt := range tests {
		h, tl := im.Split(tt.k)
		if h.Len() != tt.head || tl.Len() != tt.k {
			t.Errorf("Split(%d): %d and %d images, want %d and %d", tt.k, h.Len(), tl.Len(), tt.head, tt.k)
			continue
		}
		if tt.k > 0 && (tl.Pixels[0] != float32(tt.head) || tl.Labels[0] != tt.head || tl.True[0] != tt.head) {
			t.Errorf("Split(%d): the tail starts with image %v, want %d", tt.k, tl.Pixels[0], tt.head)
		}
		if cap(h.Pixels) != tt.head || cap(h.Labels) != tt.head || cap(h.True) != tt.head {
			t.Errorf("Split(%d): the head's slices reach into the tail", tt.k)
		}
	}
}
