package figure

import (
	"fmt"
	"strings"

	"genlab/sim"
)

// Kind is one of the paper's figures.
type Kind uint8

const (
	Randomizations Kind = iota // Fig. 1a
	Sweep                      // Fig. 1b and 1c
	Table1                     // Tables 1 and 2
	Theorem1                   // Theorem 1's construction
	Kernel                     // Section 5's minimum-norm interpolation
	Memorization               // Arpit et al.'s clean-before-noisy
	kinds
)

// Kinds lists every figure, in the paper's order.
func Kinds() []Kind {
	out := make([]Kind, kinds)
	for i := range out {
		out[i] = Kind(i)
	}
	return out
}

// String is the figure's name in a link (figure=sweep).
func (k Kind) String() string {
	switch k {
	case Randomizations:
		return "randomizations"
	case Sweep:
		return "sweep"
	case Table1:
		return "table1"
	case Theorem1:
		return "theorem1"
	case Kernel:
		return "kernel"
	case Memorization:
		return "memorization"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Title is how the page names the figure.
func (k Kind) Title() string {
	switch k {
	case Randomizations:
		return "Randomization tests (Fig. 1a)"
	case Sweep:
		return "Label corruption (Fig. 1b, 1c)"
	case Table1:
		return "Regularizers (Tables 1, 2)"
	case Theorem1:
		return "Theorem 1: fitting without training"
	case Kernel:
		return "Minimum-norm interpolation (Section 5)"
	case Memorization:
		return "What is learned first"
	}
	return k.String()
}

// Trained reports whether the figure's trials train networks; theorem1's and kernel's
// are computed (sim/theory, in float64) instead.
func (k Kind) Trained() bool { return k != Theorem1 && k != Kernel }

// ParseKind reads a figure's name, as String writes it.
func ParseKind(s string) (Kind, error) {
	var names []string
	for _, k := range Kinds() {
		if s == k.String() {
			return k, nil
		}
		names = append(names, k.String())
	}
	return 0, fmt.Errorf("no figure %q (there are %s)", s, strings.Join(names, ", "))
}

// KeyTitle names a trial's key for people, as a row or a legend says it: a regularizer
// on true or random labels (wd/random: "weight decay, random labels"), a variant by its
// title (inputs=gaussian: "Gaussian inputs"), a kernel at a level (rbf/p=1: "rbf kernel,
// p = 1") or on fewer images (rbf/random/n=375: "rbf kernel, random labels, n = 375"), a
// level (p=0.4: "p = 0.4").
func KeyTitle(k Kind, key string) string {
	switch k {
	case Table1:
		reg, labels, _ := strings.Cut(key, "/")
		for _, r := range Regularizers() {
			if r.Key == reg {
				reg = r.Name
			}
		}
		return reg + ", " + labels + " labels"
	case Randomizations, Theorem1:
		if v, err := sim.ParseVariant(key); err == nil {
			return v.Title()
		}
	case Kernel:
		if kernel, rest, ok := strings.Cut(key, "/"); ok {
			if labels, n, ok := strings.Cut(rest, "/"); ok {
				return kernel + " kernel, " + labels + " labels, " + strings.ReplaceAll(n, "=", " = ")
			}
			return kernel + " kernel, " + strings.ReplaceAll(rest, "=", " = ")
		}
	}
	return strings.ReplaceAll(key, "=", " = ")
}
