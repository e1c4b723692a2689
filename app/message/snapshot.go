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
// record rather than JSON:
//
//	magic "GLS2"
//	uint32 epoch, steps, steps per epoch, stop, examples n, history h, filters f, filter side s
//	n bytes fitted (0/1), n × int32 first-fit epoch, n bytes predicted class
//	h × epoch record: int32 epoch, int32 steps, int32 fitted, then float64 lr, train loss,
//	    train acc, test loss, test acc, validation loss, validation acc, clean acc, corrupt acc
//	f·s² × float32 first-layer weights

const snapshotMagic = "GLS2" // GLS1 had no validation figures

const (
	headerSize      = 4 + 8*4
	epochRecordSize = 3*4 + 9*8
	// Bounds that no valid snapshot exceeds; they stop a malformed one from making the
	// decoder allocate without limit.
	maxExamples   = 10000
	maxHistory    = 1000
	maxFilterSide = 32 // a first-layer filter is an image (an MLP's) or 3×3 (a CNN's)
)

// AppendSnapshot appends the binary form of s to dst and returns the extended slice.
func AppendSnapshot(dst []byte, s *sim.Snapshot) []byte {
	le := binary.LittleEndian
	n := len(s.Fitted)
	dst = append(dst, snapshotMagic...)
	for _, v := range []int{s.Epoch, s.Steps, s.StepsPerEpoch, int(s.Stop), n, len(s.History), s.Filters, s.FilterSide} {
		dst = le.AppendUint32(dst, uint32(v))
	}
	for _, f := range s.Fitted {
		if f {
			dst = append(dst, 1)
		} else {
			dst = append(dst, 0)
		}
	}
	for _, e := range s.FirstFit {
		dst = le.AppendUint32(dst, uint32(e))
	}
	dst = append(dst, s.Pred...)
	for _, e := range s.History {
		dst = le.AppendUint32(dst, uint32(e.Epoch))
		dst = le.AppendUint32(dst, uint32(e.Steps))
		dst = le.AppendUint32(dst, uint32(e.Fitted))
		for _, v := range []float64{e.LR, e.TrainLoss, e.TrainAcc, e.TestLoss, e.TestAcc, e.ValLoss, e.ValAcc, e.CleanAcc, e.CorruptAcc} {
			dst = le.AppendUint64(dst, math.Float64bits(v))
		}
	}
	for _, w := range s.Weights {
		dst = le.AppendUint32(dst, math.Float32bits(w))
	}
	return dst
}

// DecodeSnapshot fills s from b, reusing s's slices (no allocation once they are large
// enough). On error s is unchanged in length but its contents are unspecified.
func DecodeSnapshot(s *sim.Snapshot, b []byte) error {
	le := binary.LittleEndian
	if len(b) < headerSize || string(b[:4]) != snapshotMagic {
		return errors.New("snapshot: bad header")
	}
	var hdr [8]int
	for i := range hdr {
		hdr[i] = int(le.Uint32(b[4+4*i:]))
	}
	epoch, steps, perEpoch, stop, n, hist, filters, side := hdr[0], hdr[1], hdr[2], hdr[3], hdr[4], hdr[5], hdr[6], hdr[7]
	// Each count is checked alone, before any product: two huge ones multiplied wrap
	// around to a small or negative size (FuzzDecodeSnapshot found that).
	if n > maxExamples || hist > maxHistory || filters > sim.MaxFilters || side > maxFilterSide || stop > int(sim.Diverged) {
		return fmt.Errorf("snapshot: sizes out of range (%d examples, %d epochs, %d×%d² weights)", n, hist, filters, side)
	}
	want := headerSize + n + 4*n + n + hist*epochRecordSize + 4*filters*side*side
	if len(b) != want {
		return fmt.Errorf("snapshot: %d bytes, want %d", len(b), want)
	}
	s.Epoch, s.Steps, s.StepsPerEpoch, s.Stop = epoch, steps, perEpoch, sim.Stop(stop)
	s.Filters, s.FilterSide = filters, side
	p := headerSize
	s.Fitted = grow(s.Fitted, n)
	for i := range s.Fitted {
		if b[p+i] > 1 {
			return fmt.Errorf("snapshot: fitted flag %d of example %d is neither 0 nor 1", b[p+i], i)
		}
		s.Fitted[i] = b[p+i] == 1
	}
	p += n
	s.FirstFit = grow(s.FirstFit, n)
	for i := range s.FirstFit {
		s.FirstFit[i] = int32(le.Uint32(b[p+4*i:]))
	}
	p += 4 * n
	s.Pred = grow(s.Pred, n)
	copy(s.Pred, b[p:p+n])
	p += n
	s.History = grow(s.History, hist)
	for i := range s.History {
		e := &s.History[i]
		e.Epoch = int(int32(le.Uint32(b[p:])))
		e.Steps = int(int32(le.Uint32(b[p+4:])))
		e.Fitted = int(int32(le.Uint32(b[p+8:])))
		p += 12
		for _, f := range []*float64{&e.LR, &e.TrainLoss, &e.TrainAcc, &e.TestLoss, &e.TestAcc, &e.ValLoss, &e.ValAcc, &e.CleanAcc, &e.CorruptAcc} {
			*f = math.Float64frombits(le.Uint64(b[p:]))
			p += 8
		}
	}
	s.Weights = grow(s.Weights, filters*side*side)
	for i := range s.Weights {
		s.Weights[i] = math.Float32frombits(le.Uint32(b[p+4*i:]))
	}
	return nil
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
