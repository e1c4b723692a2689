package message

import (
	"reflect"
	"testing"

	"genlab/sim"
)

func trainedSnapshot(t testing.TB) *sim.Snapshot {
	c := sim.Default()
	c.Train, c.Test, c.Width, c.Epochs = 100, 50, 32, 2
	c.Labels = 1 // corrupt labels, so clean and corrupt accuracies differ
	c.Corrupt = 0.5
	r, err := sim.NewRun(c)
	if err != nil {
		t.Fatal(err)
	}
	r.RunToEnd()
	var s sim.Snapshot
	r.Snapshot(&s)
	return &s
}

func TestSnapshotRoundTrip(t *testing.T) {
	want := trainedSnapshot(t)
	b := AppendSnapshot(nil, want)
	var got sim.Snapshot
	if err := DecodeSnapshot(&got, b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&got, want) {
		t.Errorf("round trip differs:\ngot  %+v\nwant %+v", got.History, want.History)
	}
	// Decoding again into the same snapshot allocates nothing.
	if n := testing.AllocsPerRun(10, func() { DecodeSnapshot(&got, b) }); n != 0 {
		t.Errorf("DecodeSnapshot allocates %v times when warm", n)
	}
	buf := make([]byte, 0, len(b))
	if n := testing.AllocsPerRun(10, func() { buf = AppendSnapshot(buf[:0], want) }); n != 0 {
		t.Errorf("AppendSnapshot allocates %v times into a large enough buffer", n)
	}
}

func TestDecodeSnapshotRejectsMalformed(t *testing.T) {
	good := AppendSnapshot(nil, trainedSnapshot(t))
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"bad magic", append([]byte("XXXX"), good[4:]...)},
		{"truncated", good[:len(good)-1]},
		{"extra byte", append(append([]byte(nil), good...), 0)},
		{"huge count", func() []byte {
			b := append([]byte(nil), good...)
			b[4+4*4+3] = 0x7f // examples ≈ 2 billion
			return b
		}()},
	}
	for _, tt := range tests {
		var s sim.Snapshot
		if err := DecodeSnapshot(&s, tt.b); err == nil {
			t.Errorf("%s: accepted", tt.name)
		}
	}
}

func FuzzDecodeSnapshot(f *testing.F) {
	f.Add(AppendSnapshot(nil, trainedSnapshot(f)))
	f.Fuzz(func(t *testing.T, b []byte) {
		var s sim.Snapshot
		if DecodeSnapshot(&s, b) == nil {
			if again := AppendSnapshot(nil, &s); string(again) != string(b) {
				t.Fatal("decoded snapshot does not re-encode to the same bytes")
			}
		}
	})
}

// BenchmarkSnapshotCodec encodes and decodes the snapshot of a small run with
// 60 epochs of history, as a worker and the canvas do several times a second.
func BenchmarkSnapshotCodec(b *testing.B) {
	s := trainedSnapshot(b)
	for len(s.History) < 60 {
		s.History = append(s.History, s.History[0])
	}
	buf := AppendSnapshot(nil, s)
	var got sim.Snapshot
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendSnapshot(buf[:0], s)
		if err := DecodeSnapshot(&got, buf); err != nil {
			b.Fatal(err)
		}
	}
}
