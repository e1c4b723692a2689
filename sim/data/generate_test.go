package data

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

func newRNG(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0)) }

// smallSpec is a cheap spec for tests that do not care about the family.
func smallSpec(f Family) Spec {
	return Spec{Family: f, Side: 16, Classes: 10, Train: 200, Test: 100, Noise: 0.2}
}

func TestGenerateDeterministic(t *testing.T) {
	for _, f := range Families() {
		t.Run(f.String(), func(t *testing.T) {
			spec := smallSpec(f)
			tr1, te1 := Generate(spec, newRNG(7))
			tr2, te2 := Generate(spec, newRNG(7))
			tr3, te3 := Generate(spec, newRNG(8))
			if !equalImages(&tr1, &tr2) || !equalImages(&te1, &te2) {
				t.Error("same seed gave different images")
			}
			if slices.Equal(tr1.Pixels, tr3.Pixels) || slices.Equal(te1.Pixels, te3.Pixels) {
				t.Error("different seeds gave the same pixels")
			}
			if slices.Equal(tr1.Labels, tr3.Labels) {
				t.Error("different seeds gave the same label order")
			}
		})
	}
}

// The training set is drawn before the test set, so changing the test size must not change
// the training images: a student who asks for more test images keeps the same training set.
func TestGenerateTrainIndependentOfTestSize(t *testing.T) {
	spec := smallSpec(Glyphs)
	a, _ := Generate(spec, newRNG(3))
	spec.Test = 0
	b, _ := Generate(spec, newRNG(3))
	if !equalImages(&a, &b) {
		t.Error("training set changed with the test size")
	}
}

// TestGenerateGolden pins the exact bits of generated data, so that the native tests and the
// WebAssembly tests (go test under GOOS=js GOARCH=wasm) are proven to produce the same images,
// and so that any change to the draws, which would change every dataset a shared link names,
// is made on purpose. To update after such a change: run natively and copy the "got" values.
func TestGenerateGolden(t *testing.T) {
	if fusesMultiplyAdd() {
		// Go may compile x*y+z into one fused instruction (arm64, amd64 with GOAMD64=v3), which
		// rounds once instead of twice. WebAssembly never fuses; neither does amd64 by default.
		t.Skipf("this build (%s) fuses multiply-adds; the golden hashes are for unfused IEEE arithmetic", runtime.GOARCH)
	}
	tests := []struct {
		spec Spec
		want uint64
	}{
		{Spec{Family: Shapes, Side: 16, Classes: 10, Train: 300, Test: 100, Noise: 0.2}, 0xd73b6dba01bece01},
		{Spec{Family: Glyphs, Side: 12, Classes: 7, Train: 300, Test: 100, Noise: 0.5}, 0x21e7031d1f805626},
		{Spec{Family: Textures, Side: 9, Classes: 10, Train: 300, Test: 101, Noise: 0.1}, 0x2db2e1b1e7e343d5},
		{Spec{Family: Shapes, Side: 32, Classes: 3, Train: 50, Test: 50, Noise: 0}, 0x8c95d24f6b0b8e8c},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%v-%d", tt.spec.Family, tt.spec.Side), func(t *testing.T) {
			train, test := Generate(tt.spec, newRNG(42))
			if got := hashImages(&train, &test); got != tt.want {
				t.Errorf("hash = %#x, want %#x", got, tt.want)
			}
		})
	}
}

//go:noinline
func mulAdd(x, y, z float64) float64 { return x*y + z }

// fusesMultiplyAdd reports whether this build fuses x*y+z: (1+2⁻³⁰)(1−2⁻³⁰) = 1−2⁻⁶⁰ rounds to
// 1, so unfused the result is exactly 0, fused it is −2⁻⁶⁰.
func fusesMultiplyAdd() bool { return mulAdd(1+0x1p-30, 1-0x1p-30, -1) != 0 }

// hashImages is FNV-1a over the bits of every pixel, label and true class, in order.
func hashImages(sets ...*Images) uint64 {
	h := fnv.New64a()
	var b [4]byte
	put := func(u uint32) {
		b[0], b[1], b[2], b[3] = byte(u), byte(u>>8), byte(u>>16), byte(u>>24)
		h.Write(b[:])
	}
	for _, s := range sets {
		for _, v := range s.Pixels {
			put(math.Float32bits(v))
		}
		for i := range s.Labels {
			put(uint32(s.Labels[i]))
			put(uint32(s.True[i]))
		}
	}
	return h.Sum64()
}

func equalImages(a, b *Images) bool {
	return a.Side == b.Side && slices.Equal(a.Pixels, b.Pixels) &&
		slices.Equal(a.Labels, b.Labels) && slices.Equal(a.True, b.True)
}

func TestGenerateShapeOfSets(t *testing.T) {
	var tests []Spec
	for _, f := range Families() {
		for _, side := range []int{8, 13, 32} {
			for _, classes := range []int{2, 7, 10} {
				tests = append(tests, Spec{Family: f, Side: side, Classes: classes, Train: 103, Test: 31, Noise: 0.3})
			}
		}
	}
	tests = append(tests, Spec{Family: Shapes, Side: 16, Classes: 10, Train: 0, Test: 0})
	for _, spec := range tests {
		t.Run(fmt.Sprintf("%v-side%d-k%d-n%d", spec.Family, spec.Side, spec.Classes, spec.Train), func(t *testing.T) {
			train, test := Generate(spec, newRNG(1))
			for _, c := range []struct {
				name string
				im   *Images
				n    int
			}{{"train", &train, spec.Train}, {"test", &test, spec.Test}} {
				im := c.im
				if im.Side != spec.Side || im.Len() != c.n || len(im.True) != c.n || len(im.Pixels) != c.n*spec.Side*spec.Side {
					t.Fatalf("%s: side %d, %d labels, %d true, %d pixels; want side %d, %d images",
						c.name, im.Side, im.Len(), len(im.True), len(im.Pixels), spec.Side, c.n)
				}
				if !slices.Equal(im.Labels, im.True) {
					t.Errorf("%s: Labels differ from True before any corruption", c.name)
				}
				if WrongLabelRate(im) != 0 {
					t.Errorf("%s: wrong-label rate %v, want 0", c.name, WrongLabelRate(im))
				}
				count := make([]int, spec.Classes)
				for _, l := range im.True {
					if l < 0 || l >= spec.Classes {
						t.Fatalf("%s: label %d outside 0..%d", c.name, l, spec.Classes-1)
					}
					count[l]++
				}
				if lo, hi := slices.Min(count), slices.Max(count); c.n > 0 && hi-lo > 1 {
					t.Errorf("%s: class counts %v, want balanced to within 1", c.name, count)
				}
				for _, v := range im.Pixels {
					if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
						t.Fatalf("%s: pixel %v", c.name, v)
					}
				}
			}
		})
	}
}

// Labels come shuffled, not in round-robin order: a network sees classes mixed from the start.
func TestGenerateShufflesClasses(t *testing.T) {
	train, _ := Generate(smallSpec(Shapes), newRNG(1))
	roundRobin := true
	for i, l := range train.True {
		if l != i%10 {
			roundRobin = false
		}
	}
	if roundRobin {
		t.Error("labels are in round-robin order, want shuffled")
	}
}

func TestGeneratePanicsOnInvalidSpec(t *testing.T) {
	ok := Spec{Family: Shapes, Side: 16, Classes: 10, Train: 10, Test: 10, Noise: 0.2}
	tests := []struct {
		name   string
		change func(*Spec)
	}{
		{"family", func(s *Spec) { s.Family = 3 }},
		{"side small", func(s *Spec) { s.Side = 7 }},
		{"side large", func(s *Spec) { s.Side = 33 }},
		{"one class", func(s *Spec) { s.Classes = 1 }},
		{"eleven classes", func(s *Spec) { s.Classes = 11 }},
		{"negative train", func(s *Spec) { s.Train = -1 }},
		{"huge train", func(s *Spec) { s.Train = 10001 }},
		{"huge test", func(s *Spec) { s.Test = 10001 }},
		{"negative noise", func(s *Spec) { s.Noise = -0.1 }},
		{"noise above 1", func(s *Spec) { s.Noise = 1.5 }},
		{"NaN noise", func(s *Spec) { s.Noise = math.NaN() }},
	}
	if err := ok.validate(); err != nil {
		t.Fatalf("valid spec rejected: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := ok
			tt.change(&spec)
			defer func() {
				if recover() == nil {
					t.Errorf("Generate(%+v) did not panic", spec)
				}
			}()
			Generate(spec, newRNG(1))
		})
	}
}

// Every class of every family must be its own thing: no two classes with the same mean image,
// and no blank images. Noise is off so the means show the drawing alone. Jitter blurs mean
// images (a moving ring and a moving square average to similar smudges), and two means of the
// same class differ by sampling, so the test uses many images and an explicit noise floor: the
// training-set mean of class a must be further from the test-set mean of class b than the
// training and test means of any one class are from each other, by a clear factor.
func TestClassesDistinctAndNotBlank(t *testing.T) {
	const factor = 2
	for _, f := range Families() {
		t.Run(f.String(), func(t *testing.T) {
			spec := Spec{Family: f, Side: 16, Classes: 10, Train: 10000, Test: 10000}
			train, test := Generate(spec, newRNG(5))
			d := spec.Side * spec.Side
			for i := range train.Len() {
				var sum float64
				var peak float32
				for j, v := range train.At(i) {
					sum += float64(v)
					peak = max(peak, v)
					if v < 0 || v > 1 {
						t.Fatalf("image %d pixel %d = %v outside [0,1] without noise", i, j, v)
					}
				}
				// At least four pixels' worth of ink, and some pixel nearly fully inked.
				if sum < 4 || peak < 0.9 {
					t.Errorf("image %d (%s): total ink %.2f, peak %.2f: blank", i, className(f, train.True[i]), sum, peak)
				}
				// Shapes and glyphs are objects on a background: most of the image is empty.
				if f != Textures && sum > 0.5*float64(d) {
					t.Errorf("image %d (class %d): total ink %.1f of %d pixels, want an object on a background", i, train.True[i], sum, d)
				}
			}
			mTrain, mTest := classMeans(&train, 10), classMeans(&test, 10)
			floor := 0.0
			for c := range 10 {
				floor = max(floor, rms(mTrain[c], mTest[c]))
			}
			closest := math.Inf(1)
			for a := range 10 {
				for b := range 10 {
					if a == b {
						continue
					}
					dist := rms(mTrain[a], mTest[b])
					closest = min(closest, dist)
					if dist < factor*floor {
						t.Errorf("classes %s and %s: mean images %.4f apart (RMS per pixel), want ≥ %d × %.4f (same-class noise floor)",
							className(f, a), className(f, b), dist, factor, floor)
					}
				}
			}
			t.Logf("%s: closest classes %.3f apart (RMS per pixel); same class, train vs test, up to %.3f", f, closest, floor)
		})
	}
}

// Classes=2 uses the family's first two classes, and only those.
func TestGenerateFirstClasses(t *testing.T) {
	for _, f := range Families() {
		t.Run(f.String(), func(t *testing.T) {
			two := Spec{Family: f, Side: 16, Classes: 2, Train: 200, Test: 0}
			ten := two
			ten.Classes = 10
			ten.Train = 1000
			a, _ := Generate(two, newRNG(2))
			b, _ := Generate(ten, newRNG(2))
			// Mean images of class 0 and 1 should match across the two sets (same drawings,
			// different draws), and differ from every other class.
			ma, mb := classMeans(&a, 10), classMeans(&b, 10)
			for c := range 2 {
				same := rms(ma[c], mb[c])
				for o := 2; o < 10; o++ {
					if other := rms(ma[c], mb[o]); other <= same {
						t.Errorf("class %d of the 2-class set is closer to class %d (%.3f) than to class %d (%.3f) of the 10-class set", c, o, other, c, same)
					}
				}
			}
			for _, l := range a.True {
				if l > 1 {
					t.Fatalf("label %d in a 2-class set", l)
				}
			}
		})
	}
}

func classMeans(im *Images, k int) [][]float64 {
	d := im.Side * im.Side
	means := make([][]float64, k)
	count := make([]int, k)
	for c := range means {
		means[c] = make([]float64, d)
	}
	for i := range im.Len() {
		count[im.True[i]]++
		for j, v := range im.At(i) {
			means[im.True[i]][j] += float64(v)
		}
	}
	for c := range means {
		for j := range means[c] {
			means[c][j] /= float64(max(1, count[c]))
		}
	}
	return means
}

func rms(a, b []float64) float64 {
	var s float64
	for j := range a {
		s += (a[j] - b[j]) * (a[j] - b[j])
	}
	return math.Sqrt(s / float64(len(a)))
}

// The same figure at side 8 and side 32 is the same drawing: downsampling the 32-pixel mean
// image of a class by 4×4 averaging gives nearly the 8-pixel mean image.
func TestSideIndependence(t *testing.T) {
	for _, f := range Families() {
		t.Run(f.String(), func(t *testing.T) {
			small, _ := Generate(Spec{Family: f, Side: 8, Classes: 10, Train: 1000}, newRNG(4))
			large, _ := Generate(Spec{Family: f, Side: 32, Classes: 10, Train: 1000}, newRNG(4))
			ms, ml := classMeans(&small, 10), classMeans(&large, 10)
			for c := range 10 {
				down := make([]float64, 64)
				for i := range 32 {
					for j := range 32 {
						down[(i/4)*8+j/4] += ml[c][i*32+j] / 16
					}
				}
				same := rms(ms[c], down)
				for o := range 10 {
					if o == c {
						continue
					}
					if other := rms(ms[o], down); other <= same {
						t.Errorf("side-32 class %d downsampled is closer to side-8 class %d (%.3f) than to itself (%.3f)", c, o, other, same)
					}
				}
			}
		})
	}
}

func TestAtIsAView(t *testing.T) {
	train, _ := Generate(Spec{Family: Shapes, Side: 8, Classes: 2, Train: 3}, newRNG(1))
	px := train.At(1)
	if len(px) != 64 || cap(px) != 64 {
		t.Fatalf("At(1): len %d cap %d, want 64 64", len(px), cap(px))
	}
	px[0] = 42
	if train.Pixels[64] != 42 {
		t.Error("writing through At did not change Pixels")
	}
}

func TestNoiseIsNotClamped(t *testing.T) {
	train, _ := Generate(Spec{Family: Shapes, Side: 16, Classes: 10, Train: 50, Noise: 0.3}, newRNG(1))
	if lo, hi := slices.Min(train.Pixels), slices.Max(train.Pixels); lo >= 0 || hi <= 1 {
		t.Errorf("pixels in [%v, %v]: want noise to reach outside [0,1]", lo, hi)
	}
}
