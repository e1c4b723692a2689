package message

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"genlab/sim"
)

// A worker sends its run's snapshot to the canvas as bytes beside the JSON of a Metrics
// message: it is large (a flag, an epoch and a prediction per training example, the
// first-layer weights) and sent several times a second, so it is a flat little-endian
// record rather than JSON, laid out by encoding/binary from the types below:
//
//	snapshotHeader (magic "GLS2", then eight uint32 counts)
//	n bytes fitted (0/1), n × int32 first-fit epoch, n bytes predicted class
//	h × epoch record (see appendEpoch)
//	f·s² × float32 first-layer weights
//
// encoding/binary packs the fields without padding and, for these fixed-size types,
// without allocating, so encoding into a large enough buffer and decoding into a warm
// Snapshot allocate nothing.

const snapshotMagic = "GLS2" // GLS1 had no validation figures

type snapshotHeader struct {
	Magic                                                         [4]byte
	Epoch, Steps, StepsPerEpoch, Stop, Examples, History, Filters uint32
	FilterSide                                                    uint32
}

// An epoch's record is 3 int32 (epoch, steps, fitted), then 9 float64 (lr, train loss,
// train acc, test loss, test acc, validation loss, validation acc, clean acc, corrupt
// acc). It is written field by field rather than as a struct through binary.Append:
// a struct goes through reflection, which under WebAssembly doubled the time to encode
// and decode a snapshot of 60 epochs (BenchmarkSnapshotCodec in node: 0.5 ms as structs,
// 0.25 ms so), and the canvas decodes several a second.
const epochSize = 3*4 + 9*8

func appendEpoch(dst []byte, e *sim.Epoch) []byte {
	le := binary.LittleEndian
	for _, v := range [...]int{e.Epoch, e.Steps, e.Fitted} {
		dst = le.AppendUint32(dst, uint32(v))
	}
	for _, v := range epochFloats(e) {
		dst = le.AppendUint64(dst, math.Float64bits(*v))
	}
	return dst
}

// epochFloats lists an epoch's float64 fields in their order on the wire.
func epochFloats(e *sim.Epoch) [9]*float64 {
	return [...]*float64{&e.LR, &e.TrainLoss, &e.TrainAcc, &e.TestLoss, &e.TestAcc,
		&e.ValLoss, &e.ValAcc, &e.CleanAcc, &e.CorruptAcc}
}

func decodeEpoch(e *sim.Epoch, b []byte) {
	le := binary.LittleEndian
	e.Epoch = int(int32(le.Uint32(b)))
	e.Steps = int(int32(le.Uint32(b[4:])))
	e.Fitted = int(int32(le.Uint32(b[8:])))
	for i, v := range epochFloats(e) {
		*v = math.Float64frombits(le.Uint64(b[12+8*i:]))
	}
}

// Bounds that no valid snapshot exceeds; they stop a malformed one from making the
// decoder allocate without limit.
const (
	maxExamples   = 10000
	maxHistory    = 1000
	maxFilterSide = 32 // a first-layer filter is an image (an MLP's) or 3×3 (a CNN's)
)

// AppendSnapshot appends the binary form of s to dst and returns the extended slice.
func AppendSnapshot(dst []byte, s *sim.Snapshot) []byte {
	h := snapshotHeader{
		Epoch: uint32(s.Epoch), Steps: uint32(s.Steps), StepsPerEpoch: uint32(s.StepsPerEpoch),
		Stop: uint32(s.Stop), Examples: uint32(len(s.Fitted)), History: uint32(len(s.History)),
		Filters: uint32(s.Filters), FilterSide: uint32(s.FilterSide),
	}
	copy(h.Magic[:], snapshotMagic)
	dst = mustAppend(dst, &h)
	dst = mustAppend(dst, s.Fitted) // a bool is one byte, 0 or 1
	dst = mustAppend(dst, s.FirstFit)
	dst = append(dst, s.Pred...)
	for i := range s.History {
		dst = appendEpoch(dst, &s.History[i])
	}
	return mustAppend(dst, s.Weights)
}

// mustAppend appends v, a value of fixed size, which binary.Append cannot fail to encode.
func mustAppend(dst []byte, v any) []byte {
	dst, err := binary.Append(dst, binary.LittleEndian, v)
	if err != nil {
		panic(err)
	}
	return dst
}

// DecodeSnapshot fills s from b, reusing s's slices (no allocation once they are large
// enough). On error s is unchanged in length but its contents are unspecified.
func DecodeSnapshot(s *sim.Snapshot, b []byte) error {
	var h snapshotHeader
	if _, err := binary.Decode(b, binary.LittleEndian, &h); err != nil || string(h.Magic[:]) != snapshotMagic {
		return errors.New("snapshot: bad header")
	}
	n, hist, filters, side := int(h.Examples), int(h.History), int(h.Filters), int(h.FilterSide)
	// Each count is checked alone, before any product: two huge ones multiplied wrap
	// around to a small or negative size (FuzzDecodeSnapshot found that).
	if n > maxExamples || hist > maxHistory || filters > sim.MaxFilters || side > maxFilterSide || h.Stop > uint32(sim.Diverged) {
		return fmt.Errorf("snapshot: sizes out of range (%d examples, %d epochs, %d×%d² weights)", n, hist, filters, side)
	}
	headerSize := binary.Size(&h)
	want := headerSize + n + 4*n + n + hist*epochSize + 4*filters*side*side
	if len(b) != want {
		return fmt.Errorf("snapshot: %d bytes, want %d", len(b), want)
	}
	b = b[headerSize:]
	// binary.Decode reads any non-zero byte as true, which would not encode back the
	// same: only 0 and 1 are flags.
	for i, f := range b[:n] {
		if f > 1 {
			return fmt.Errorf("snapshot: fitted flag %d of example %d is neither 0 nor 1", f, i)
		}
	}
	s.Epoch, s.Steps, s.StepsPerEpoch, s.Stop = int(h.Epoch), int(h.Steps), int(h.StepsPerEpoch), sim.Stop(h.Stop)
	s.Filters, s.FilterSide = filters, side
	s.Fitted = grow(s.Fitted, n)
	b = mustDecode(b, s.Fitted)
	s.FirstFit = grow(s.FirstFit, n)
	b = mustDecode(b, s.FirstFit)
	s.Pred = append(s.Pred[:0], b[:n]...)
	b = b[n:]
	s.History = grow(s.History, hist)
	for i := range s.History {
		decodeEpoch(&s.History[i], b)
		b = b[epochSize:]
	}
	s.Weights = grow(s.Weights, filters*side*side)
	mustDecode(b, s.Weights)
	return nil
}

// mustDecode decodes v from the front of b, whose length was checked, and returns the rest.
// It hands binary.Decode exactly v's bytes: Go 1.26's Decode loops over the whole buffer
// for a []bool or []uint8 and runs past the end of v when the buffer is longer.
func mustDecode(b []byte, v any) []byte {
	size := binary.Size(v)
	if _, err := binary.Decode(b[:size], binary.LittleEndian, v); err != nil {
		panic(err)
	}
	return b[size:]
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
