package message

import (
	"encoding/binary"
	"math"
	"slices"
	"testing"

	"genlab/sim"
	"genlab/sim/data"
)

// The images a worker trains on reach the canvas bit for bit, labels and true classes too.
func TestImagesRoundTrip(t *testing.T) {
	c := sim.Default()
	c.Train, c.Test = 200, 20
	c.Labels, c.Corrupt = 1, 0.5 // some labels differ from the true classes
	want := sim.TrainingImages(c)
	want.Pixels[0], want.Pixels[1] = float32(math.Copysign(0, -1)), float32(math.Inf(1)) // bits, not values
	b := AppendImages([]byte("kept"), &want)
	if string(b[:4]) != "kept" {
		t.Fatal("AppendImages did not append")
	}
	got, err := DecodeImages(b[4:])
	if err != nil {
		t.Fatal(err)
	}
	if got.Side != want.Side || !slices.Equal(got.Labels, want.Labels) || !slices.Equal(got.True, want.True) {
		t.Fatalf("side %d, %d labels; want %d, %d", got.Side, got.Len(), want.Side, want.Len())
	}
	for i := range want.Pixels {
		if math.Float32bits(got.Pixels[i]) != math.Float32bits(want.Pixels[i]) {
			t.Fatalf("pixel %d = %v, want %v", i, got.Pixels[i], want.Pixels[i])
		}
	}
	if !slices.ContainsFunc(want.Labels, func(l int) bool { return l != want.True[0] }) {
		t.Error("the test's images have one label only")
	}
}

func TestDecodeImagesRejectsMalformed(t *testing.T) {
	im := data.Images{Side: 2, Pixels: make([]float32, 8), Labels: []int{1, 2}, True: []int{1, 3}}
	good := AppendImages(nil, &im)
	header := func(side, n uint32) []byte {
		b := binary.LittleEndian.AppendUint32([]byte(imagesMagic), side)
		return binary.LittleEndian.AppendUint32(b, n)
	}
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"short", good[:6]},
		{"another magic", append([]byte("GLS2"), good[4:]...)},
		{"a byte short", good[:len(good)-1]},
		{"a byte long", append(slices.Clone(good), 0)},
		{"side 0", append(header(0, 2), make([]byte, 4)...)},
		{"counts that overflow", append(header(1<<31, 1<<31), good[12:]...)},
	}
	for _, tt := range tests {
		if _, err := DecodeImages(tt.b); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	if _, err := DecodeImages(good); err != nil {
		t.Errorf("the good record: %v", err)
	}
}

func TestAppendImagesPanicsOnWideLabel(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for label 256")
		}
	}()
	AppendImages(nil, &data.Images{Side: 1, Pixels: []float32{0}, Labels: []int{256}, True: []int{0}})
}

// An Images message carries only its run.
func TestImagesMessage(t *testing.T) {
	e, err := Decode(Encode(Envelope{Kind: Images, Run: 2}))
	if err != nil || e.Kind != Images || e.Run != 2 {
		t.Fatalf("Decode = %+v, %v", e, err)
	}
	if _, err := Decode(Encode(Envelope{Kind: Images, Query: "seed=2"})); err == nil {
		t.Error("an Images message with settings decoded")
	}
}
