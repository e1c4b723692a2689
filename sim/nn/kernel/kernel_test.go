package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

// make test-wasm sets GENLAB_WANT_SIMD on the pass that loads the kernels, so that a
// broken loader cannot pass as the pure-Go path.
func TestKernelsLoaded(t *testing.T) {
	if os.Getenv("GENLAB_WANT_SIMD") != "" && !SIMD() {
		t.Fatal("GENLAB_WANT_SIMD is set but the SIMD kernels did not load: the tests below ran on the pure-Go path")
	}
	t.Logf("path: %s", path())
}

// path names the path the tests run on, for their messages.
func path() string {
	if SIMD() {
		return "WebAssembly SIMD"
	}
	return "Go"
}

// values returns n floats for a kernel test: mostly normal draws, with zeros of both
// signs (ReLU makes half the inputs zero), and, when special, infinities and NaNs.
func values(rng *rand.Rand, n int, special bool) []float32 {
	s := make([]float32, n)
	for i := range s {
		switch r := rng.IntN(100); {
		case r < 25:
			s[i] = 0
		case r < 30:
			s[i] = float32(math.Copysign(0, -1))
		case special && r < 32:
			s[i] = float32(math.Inf(1 - 2*rng.IntN(2)))
		case special && r < 33:
			s[i] = float32(math.NaN())
		default:
			s[i] = float32(rng.NormFloat64())
		}
	}
	return s
}

// sameBits reports whether got and want are equal bit for bit (any NaN equals any NaN:
// WebAssembly leaves NaN payloads unspecified) and describes the first difference.
func sameBits(got, want []float32) (bool, string) {
	if len(got) != len(want) {
		return false, fmt.Sprintf("length %d, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if math.Float32bits(g) != math.Float32bits(w) && !(g != g && w != w) {
			return false, fmt.Sprintf("element %d is %v (%#08x), want %v (%#08x)", i, g, math.Float32bits(g), w, math.Float32bits(w))
		}
	}
	return true, ""
}

// referenceGemm is Gemm's documented arithmetic, written plainly: c[i,j] += a(i,l)·b[l,j]
// in increasing l, skipping a zero a(i,l).
func referenceGemm(transA bool, m, n, k int, a, b []float32, c []float32) {
	for i := range m {
		for j := range n {
			s := c[i*n+j]
			for l := range k {
				ail := a[i*k+l]
				if transA {
					ail = a[l*m+i]
				}
				if ail != 0 {
					s += ail * b[l*n+j]
				}
			}
			c[i*n+j] = s
		}
	}
}

// gemmShapes are the shapes of the tests: every tail of the 4×8 blocks, the shapes the
// networks use, and random ones.
func gemmShapes(rng *rand.Rand) [][3]int {
	shapes := [][3]int{
		{0, 5, 3}, {5, 0, 3}, {5, 3, 0}, {1, 1, 1},
		{32, 256, 256}, {256, 256, 32}, {32, 10, 256}, {256, 10, 32}, {32, 256, 10},
		{4, 8, 1}, {4, 8, 7}, {8, 16, 5}, {3, 7, 2}, {5, 9, 4}, {7, 13, 9}, {9, 12, 11},
		{1024, 16, 9}, {1024, 9, 16}, {256, 32, 144},
	}
	for range 60 {
		shapes = append(shapes, [3]int{rng.IntN(40), rng.IntN(40), rng.IntN(40)})
	}
	return shapes
}

func TestGemmIsItsDocumentedArithmetic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, shape := range gemmShapes(rng) {
		for _, transA := range []bool{false, true} {
			for _, beta := range []float32{0, 1} {
				for _, special := range []bool{false, true} {
					m, n, k := shape[0], shape[1], shape[2]
					a, b, c := values(rng, m*k, special), values(rng, k*n, special), values(rng, m*n, special)
					want := append([]float32(nil), c...)
					if beta == 0 {
						clear(want)
					}
					referenceGemm(transA, m, n, k, a, b, want)
					got := append([]float32(nil), c...)
					Gemm(transA, m, n, k, a, b, beta, got)
					if ok, diff := sameBits(got, want); !ok {
						t.Errorf("%s: Gemm(transA=%v, %d×%d×%d, beta=%v, special=%v): %s", path(), transA, m, n, k, beta, special, diff)
					}
				}
			}
		}
	}
}

// The kernels against their Go twins, on random lengths (every tail of 4) and values.
// Natively the two are the same code; under WebAssembly with the kernels loaded, this is
// the test that they give the same bits.
func TestKernelsMatchGo(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	check := func(name string, got, want []float32) {
		t.Helper()
		if ok, diff := sameBits(got, want); !ok {
			t.Errorf("%s on %s: %s", name, path(), diff)
		}
	}
	for trial := range 200 {
		special := trial%2 == 1
		n := rng.IntN(70)
		if trial < 20 {
			n = trial
		}
		x, y := values(rng, n, special), values(rng, n, special)

		got, want := make([]float32, n), make([]float32, n)
		ReLU(got, x)
		goReLU(want, x)
		check(fmt.Sprintf("ReLU(n=%d)", n), got, want)

		dy := values(rng, n, special)
		got, want = values(rng, n, false), make([]float32, n)
		ReLUGrad(got, dy, y)
		goReLUGrad(want, dy, y)
		check(fmt.Sprintf("ReLUGrad(n=%d)", n), got, want)

		w, v, g := values(rng, n, special), values(rng, n, special), values(rng, n, special)
		w2, v2 := append([]float32(nil), w...), append([]float32(nil), v...)
		eta, mu := float32(rng.Float64()), float32(rng.Float64())
		lambda := []float32{0, 5e-4, float32(rng.Float64())}[trial%3]
		SGD(w, v, g, eta, mu, lambda)
		goSGD(w2, v2, g, eta, mu, lambda)
		check(fmt.Sprintf("SGD(n=%d) weights", n), w, w2)
		check(fmt.Sprintf("SGD(n=%d) velocity", n), v, v2)

		rows, cols := rng.IntN(20), rng.IntN(20)
		src := values(rng, rows*cols, special)
		got, want = values(rng, rows*cols, false), make([]float32, rows*cols)
		copy(want, got)
		Transpose(got, src, rows, cols)
		goTranspose(want, src, rows, cols)
		check(fmt.Sprintf("Transpose(%d×%d)", rows, cols), got, want)

		got = values(rng, cols, special)
		want = append([]float32(nil), got...)
		SumColumns(got, src, rows, cols)
		goSumColumns(want, src, rows, cols)
		check(fmt.Sprintf("SumColumns(%d×%d)", rows, cols), got, want)
	}
}

// The convolution's and the pooling's kernels against their Go twins, on every tail:
// odd sides, channels not a multiple of 4, ties and NaNs (which decide what pooling keeps).
func TestImageKernelsMatchGo(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 120 {
		n, h, w, c := 1+rng.IntN(3), 1+rng.IntN(9), 1+rng.IntN(9), 1+rng.IntN(11)
		x := values(rng, n*h*w*c, trial%2 == 1)
		if trial%3 == 0 { // few distinct values: ties
			for i := range x {
				x[i] = float32(rng.IntN(3))
			}
		}
		name := fmt.Sprintf("%d images %d×%d×%d", n, h, w, c)

		got, want := values(rng, n*h*w*9*c, false), make([]float32, n*h*w*9*c)
		Im2Col(got, x, n, h, w, c)
		goIm2Col(want, x, n, h, w, c)
		if ok, diff := sameBits(got, want); !ok {
			t.Errorf("Im2Col of %s on %s: %s", name, path(), diff)
		}

		dcols := values(rng, n*h*w*9*c, trial%2 == 1)
		got, want = values(rng, n*h*w*c, false), values(rng, n*h*w*c, false)
		Col2Im(got, dcols, n, h, w, c)
		goCol2Im(want, dcols, n, h, w, c)
		if ok, diff := sameBits(got, want); !ok {
			t.Errorf("Col2Im of %s on %s: %s", name, path(), diff)
		}

		out := n * (h / 2) * (w / 2) * c
		gotY, wantY := make([]float32, out), make([]float32, out)
		gotArg, wantArg := make([]int32, out), make([]int32, out)
		MaxPool(gotY, gotArg, x, n, h, w, c)
		goMaxPool(wantY, wantArg, x, n, h, w, c)
		if ok, diff := sameBits(gotY, wantY); !ok {
			t.Errorf("MaxPool of %s on %s: %s", name, path(), diff)
		}
		if !slices.Equal(gotArg, wantArg) {
			t.Errorf("MaxPool of %s on %s: kept %v, want %v", name, path(), gotArg, wantArg)
		}

		dy := values(rng, out, trial%2 == 1)
		got, want = values(rng, n*h*w*c, false), values(rng, n*h*w*c, false)
		MaxPoolGrad(got, dy, wantArg)
		goMaxPoolGrad(want, dy, wantArg)
		if ok, diff := sameBits(got, want); !ok {
			t.Errorf("MaxPoolGrad of %s on %s: %s", name, path(), diff)
		}
	}
}

// MaxPoolGrad scatters through indices, which the kernel cannot let Go check: it must
// check them itself, and panic as Go's path does, rather than write outside dx.
func TestMaxPoolGradPanicsOnIndexOutside(t *testing.T) {
	for _, index := range []int32{4, -1} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("MaxPoolGrad with index %d of 4 inputs on %s did not panic", index, path())
				}
			}()
			MaxPoolGrad(make([]float32, 4), []float32{1, 2}, []int32{0, index})
		}()
	}
}

func TestGemmPanicsOnShortSlices(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Gemm with a short c did not panic")
		}
	}()
	Gemm(false, 2, 2, 2, make([]float32, 4), make([]float32, 4), 0, make([]float32, 3))
}

func TestGemmAllocatesNothing(t *testing.T) {
	a, b, c := make([]float32, 32*256), make([]float32, 256*256), make([]float32, 32*256)
	if got := testing.AllocsPerRun(10, func() { Gemm(false, 32, 256, 256, a, b, 1, c) }); got != 0 {
		t.Errorf("Gemm allocates %v times, want 0", got)
	}
}

// BenchmarkGemm measures the matrix products of the reference workload W1 (an MLP
// 256-256-256-10 at batch 32): the forward product, the weight gradient (aᵀ·b), the
// input gradient and the last layer's forward product, with ReLU-like inputs (half
// zeros), in GFLOP/s.
func BenchmarkGemm(b *testing.B) {
	for _, bc := range []struct {
		name    string
		transA  bool
		m, n, k int
	}{
		{"forward-32x256x256", false, 32, 256, 256},
		{"weights-256x256x32", true, 256, 256, 32},
		{"input-32x256x256", false, 32, 256, 256},
		{"logits-32x10x256", false, 32, 10, 256},
	} {
		b.Run(bc.name, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 1))
			a, bm, c := values(rng, bc.m*bc.k, false), values(rng, bc.k*bc.n, false), make([]float32, bc.m*bc.n)
			for b.Loop() {
				Gemm(bc.transA, bc.m, bc.n, bc.k, a, bm, 0, c)
			}
			b.ReportMetric(2*float64(bc.m*bc.n*bc.k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}

// The batch-norm kernels against their Go twins, on random rows and channels (every
// tail of the vectors of 4 and of 2), zeros, infinities and NaNs.
func TestBatchNormKernelsMatchGo(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 150 {
		special := trial%2 == 1
		rows, channels := rng.IntN(40), 1+rng.IntN(19)
		if trial%10 == 0 {
			channels = 256
		}
		name := fmt.Sprintf("%d×%d", rows, channels)
		size := rows * channels
		x := values(rng, size, special)

		gotMean, gotVar := make([]float64, channels), make([]float64, channels)
		wantMean, wantVar := make([]float64, channels), make([]float64, channels)
		BatchNormStats(gotMean, gotVar, x, rows, channels)
		goBatchNormStats(wantMean, wantVar, x, rows, channels)
		for c := range channels {
			for _, v := range [][2]float64{{gotMean[c], wantMean[c]}, {gotVar[c], wantVar[c]}} {
				if math.Float64bits(v[0]) != math.Float64bits(v[1]) && !(v[0] != v[0] && v[1] != v[1]) {
					t.Errorf("BatchNormStats(%s) on %s: channel %d mean %v variance %v, want %v, %v",
						name, path(), c, gotMean[c], gotVar[c], wantMean[c], wantVar[c])
				}
			}
		}

		mean, invStd := values(rng, channels, special), values(rng, channels, special)
		gamma, beta := values(rng, channels, special), values(rng, channels, special)
		gotY, gotXhat := values(rng, size, false), values(rng, size, false)
		wantY, wantXhat := make([]float32, size), make([]float32, size)
		BatchNormNormalize(gotY, gotXhat, x, mean, invStd, gamma, beta, rows, channels)
		goBatchNormNormalize(wantY, wantXhat, x, mean, invStd, gamma, beta, rows, channels)
		if ok, diff := sameBits(gotY, wantY); !ok {
			t.Errorf("BatchNormNormalize(%s) output on %s: %s", name, path(), diff)
		}
		if ok, diff := sameBits(gotXhat, wantXhat); !ok {
			t.Errorf("BatchNormNormalize(%s) normalized values on %s: %s", name, path(), diff)
		}

		dy, xhat := values(rng, size, special), values(rng, size, special)
		gotSumDy, gotSumDyXhat := values(rng, channels, special), values(rng, channels, special)
		wantSumDy, wantSumDyXhat := slices.Clone(gotSumDy), slices.Clone(gotSumDyXhat)
		BatchNormSums(gotSumDy, gotSumDyXhat, dy, xhat, rows, channels)
		goBatchNormSums(wantSumDy, wantSumDyXhat, dy, xhat, rows, channels)
		if ok, diff := sameBits(gotSumDy, wantSumDy); !ok {
			t.Errorf("BatchNormSums(%s) of dy on %s: %s", name, path(), diff)
		}
		if ok, diff := sameBits(gotSumDyXhat, wantSumDyXhat); !ok {
			t.Errorf("BatchNormSums(%s) of dy·x̂ on %s: %s", name, path(), diff)
		}

		inv := float32(1) / float32(max(rows, 1))
		gotDx, wantDx := values(rng, size, false), make([]float32, size)
		BatchNormInputGrad(gotDx, dy, xhat, gamma, invStd, gotSumDy, gotSumDyXhat, inv, rows, channels)
		goBatchNormInputGrad(wantDx, dy, xhat, gamma, invStd, gotSumDy, gotSumDyXhat, inv, rows, channels)
		if ok, diff := sameBits(gotDx, wantDx); !ok {
			t.Errorf("BatchNormInputGrad(%s) on %s: %s", name, path(), diff)
		}
	}
}

// BenchmarkLayerKernels measures the kernels of the convolution's and batch norm's
// backward and forward passes on the shapes of the default CNN at batch 32 (12×12
// inputs, 8 then 16 filters), each against its Go twin in the same process, so that
// the ratio of the two lines is the kernel's gain: "simd" is the exported function,
// which runs the kernel when it is loaded.
func BenchmarkLayerKernels(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	const n = 32
	// The second convolution's input gradient: 6×6 positions, 8 channels.
	dcols, dx := values(rng, n*6*6*9*8, false), make([]float32, n*6*6*8)
	// The first batch norm: 32 images of 12×12 positions, 8 channels.
	const rows, channels = n * 12 * 12, 8
	x, y, xhat := values(rng, rows*channels, false), make([]float32, rows*channels), make([]float32, rows*channels)
	mean64, var64 := make([]float64, channels), make([]float64, channels)
	mean, invStd, gamma, beta := values(rng, channels, false), values(rng, channels, false), values(rng, channels, false), values(rng, channels, false)
	sumDy, sumDyXhat := make([]float32, channels), make([]float32, channels)
	for _, bc := range []struct {
		name       string
		simd, pure func()
	}{
		{"col2im-6x6x8", func() { Col2Im(dx, dcols, n, 6, 6, 8) }, func() { goCol2Im(dx, dcols, n, 6, 6, 8) }},
		{"bnstats-4608x8",
			func() { BatchNormStats(mean64, var64, x, rows, channels) },
			func() { goBatchNormStats(mean64, var64, x, rows, channels) }},
		{"bnnormalize-4608x8",
			func() { BatchNormNormalize(y, xhat, x, mean, invStd, gamma, beta, rows, channels) },
			func() { goBatchNormNormalize(y, xhat, x, mean, invStd, gamma, beta, rows, channels) }},
		{"bnsums-4608x8",
			func() { BatchNormSums(sumDy, sumDyXhat, x, y, rows, channels) },
			func() { goBatchNormSums(sumDy, sumDyXhat, x, y, rows, channels) }},
		{"bninputgrad-4608x8",
			func() { BatchNormInputGrad(xhat, x, y, gamma, invStd, mean, beta, 1.0/rows, rows, channels) },
			func() { goBatchNormInputGrad(xhat, x, y, gamma, invStd, mean, beta, 1.0/rows, rows, channels) }},
	} {
		b.Run(bc.name+"/simd", func(b *testing.B) {
			for b.Loop() {
				bc.simd()
			}
		})
		b.Run(bc.name+"/go", func(b *testing.B) {
			for b.Loop() {
				bc.pure()
			}
		})
	}
}
