package theory

import (
	"fmt"
	"math"
)

// KernelKind names a kernel for Interpolate.
type KernelKind uint8

const (
	// LinearKernel is k(x, x') = <x, x'>: interpolating with it is exactly what SGD from zero
	// finds for a linear model on the raw pixels.
	LinearKernel KernelKind = iota
	// RBFKernel is k(x, x') = exp(−γ‖x − x'‖²), the Gaussian kernel: a linear model on infinitely
	// many features, so it can interpolate any labels on distinct points.
	RBFKernel
)

var kernelNames = [...]string{LinearKernel: "linear", RBFKernel: "rbf"}

func (k KernelKind) String() string {
	if int(k) < len(kernelNames) {
		return kernelNames[k]
	}
	return fmt.Sprintf("KernelKind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler.
func (k KernelKind) MarshalText() ([]byte, error) {
	if int(k) >= len(kernelNames) {
		return nil, fmt.Errorf("theory: unknown kernel %d", uint8(k))
	}
	return []byte(kernelNames[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *KernelKind) UnmarshalText(b []byte) error {
	for i, n := range kernelNames {
		if string(b) == n {
			*k = KernelKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown kernel %q (want one of %v)", b, kernelNames)
}

// Kernel is a kernel and its parameter.
//
// Gamma is the RBF kernel's inverse squared length scale; the linear kernel ignores it. Gamma 0
// means 1/(d·σ²), σ² the variance of all the training pixel values together (scikit-learn's
// "scale" heuristic): then γ‖x − x'‖² is about 2 for two independent points of that variance
// whatever d is, so the kernel neither sees every pair as identical (γ too small) nor every pair
// as unrelated (γ too large). Cheaper than the median-distance heuristic, and as good here.
type Kernel struct {
	Kind  KernelKind
	Gamma float64
}

// resolve returns k with Gamma filled in for the training values x of dimension d, or an error if
// k cannot be used.
func (k Kernel) resolve(x []float32, d int) (Kernel, error) {
	switch k.Kind {
	case LinearKernel:
		return k, nil
	case RBFKernel:
	default:
		return k, fmt.Errorf("theory: unknown kernel %v", k.Kind)
	}
	if math.IsNaN(k.Gamma) || math.IsInf(k.Gamma, 0) || k.Gamma < 0 {
		return k, fmt.Errorf("theory: RBF gamma %v, want a finite value ≥ 0 (0 chooses it from the data)", k.Gamma)
	}
	if k.Gamma > 0 {
		return k, nil
	}
	var mean, m2 float64 // Welford's running variance: pixel values may share a large offset
	for i, v := range x {
		dv := float64(v) - mean
		mean += dv / float64(i+1)
		m2 += dv * (float64(v) - mean)
	}
	k.Gamma = 1 / (float64(d) * m2 / float64(len(x)))
	if math.IsInf(k.Gamma, 0) {
		// Every value is the same, so every point is: any γ gives the same kernel matrix.
		k.Gamma = 1 / float64(d)
	}
	return k, nil
}

// eval returns k(x, y) for a training point y stored in float64 and a point x.
func (k Kernel) eval(y []float64, x []float32) float64 {
	var s float64
	if k.Kind == LinearKernel {
		for i, v := range x {
			s += y[i] * float64(v)
		}
		return s
	}
	for i, v := range x {
		t := y[i] - float64(v)
		s += t * t
	}
	return math.Exp(-k.Gamma * s)
}
