package data

import "fmt"

// Family names a generator of synthetic images.
type Family uint8

const (
	// Shapes are jittered geometric figures, outlined or filled (disc, square, triangle, ...).
	Shapes Family = iota
	// Glyphs are digit-like figures 0-9 drawn from strokes.
	Glyphs
	// Textures are oriented gratings and patterns that fill the image.
	Textures
)

var familyNames = [...]string{Shapes: "shapes", Glyphs: "glyphs", Textures: "textures"}

// Families returns every family, in order.
func Families() []Family { return []Family{Shapes, Glyphs, Textures} }

func (f Family) String() string {
	if int(f) < len(familyNames) {
		return familyNames[f]
	}
	return fmt.Sprintf("Family(%d)", uint8(f))
}

// MarshalText implements encoding.TextMarshaler.
func (f Family) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *Family) UnmarshalText(b []byte) error {
	return parseName(b, familyNames[:], (*uint8)(f), "family")
}

// LabelMode says which labels the training set carries.
type LabelMode uint8

const (
	// TrueLabels keeps the generated labels.
	TrueLabels LabelMode = iota
	// CorruptLabels replaces each label, with probability p, by a uniformly drawn class.
	CorruptLabels
	// RandomLabels replaces every label by a uniformly drawn class (corruption with p = 1).
	RandomLabels
)

var labelModeNames = [...]string{TrueLabels: "true", CorruptLabels: "corrupt", RandomLabels: "random"}

func (m LabelMode) String() string {
	if int(m) < len(labelModeNames) {
		return labelModeNames[m]
	}
	return fmt.Sprintf("LabelMode(%d)", uint8(m))
}

// MarshalText implements encoding.TextMarshaler.
func (m LabelMode) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *LabelMode) UnmarshalText(b []byte) error {
	return parseName(b, labelModeNames[:], (*uint8)(m), "label mode")
}

// InputMode says what happens to the pixels of every image, train and test alike.
type InputMode uint8

const (
	// Original keeps the generated pixels.
	Original InputMode = iota
	// ShuffledPixels applies one fixed permutation of pixel positions to every image.
	ShuffledPixels
	// RandomPixels applies a different random permutation to each image.
	RandomPixels
	// Gaussian replaces every pixel by a draw from a Gaussian with the data's mean and variance.
	Gaussian
)

var inputModeNames = [...]string{Original: "original", ShuffledPixels: "shuffled", RandomPixels: "random", Gaussian: "gaussian"}

func (m InputMode) String() string {
	if int(m) < len(inputModeNames) {
		return inputModeNames[m]
	}
	return fmt.Sprintf("InputMode(%d)", uint8(m))
}

// MarshalText implements encoding.TextMarshaler.
func (m InputMode) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *InputMode) UnmarshalText(b []byte) error {
	return parseName(b, inputModeNames[:], (*uint8)(m), "input mode")
}

// parseName sets *dst to the index of b in names, or returns an error listing the names.
func parseName(b []byte, names []string, dst *uint8, what string) error {
	for i, n := range names {
		if string(b) == n {
			*dst = uint8(i)
			return nil
		}
	}
	return fmt.Errorf("unknown %s %q (want one of %v)", what, b, names)
}
