package message

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"genlab/sim/data"
)

// A worker sends its run's training images to the canvas once, beside the JSON of an
// Images message, as a flat little-endian record:
//
//	"GLI1", then uint32 side, uint32 n
//	n·side² × float32 pixels (the bits as they are: the canvas shows what the run trains on)
//	n bytes of labels (as trained on), n bytes of true classes
//
// About 0.9 MB for the default 1,500 images of 12×12: posted once per Setup, and
// transferred rather than copied.

const imagesMagic = "GLI1"

// maxLabel is the largest label a byte holds.
const maxLabel = math.MaxUint8

// AppendImages appends im's record to dst and returns it. It panics on a label outside
// 0..255: a run has at most a few dozen classes.
func AppendImages(dst []byte, im *data.Images) []byte {
	n, d := im.Len(), im.Side*im.Side
	if len(im.Pixels) != n*d || len(im.True) != n {
		panic("message: AppendImages of inconsistent images")
	}
	dst = append(dst, imagesMagic...)
	dst = binary.LittleEndian.AppendUint32(dst, uint32(im.Side))
	dst = binary.LittleEndian.AppendUint32(dst, uint32(n))
	for _, v := range im.Pixels {
		dst = binary.LittleEndian.AppendUint32(dst, math.Float32bits(v))
	}
	for _, labels := range [][]int{im.Labels, im.True} {
		for _, l := range labels {
			if l < 0 || l > maxLabel {
				panic(fmt.Sprintf("message: label %d does not fit a byte", l))
			}
			dst = append(dst, byte(l))
		}
	}
	return dst
}

// DecodeImages returns the images of a record AppendImages made, in new slices, or an
// error for bytes that are not one.
func DecodeImages(b []byte) (data.Images, error) {
	const header = len(imagesMagic) + 8
	if len(b) < header || string(b[:len(imagesMagic)]) != imagesMagic {
		return data.Images{}, errors.New("images: not an images record")
	}
	side := binary.LittleEndian.Uint32(b[4:])
	n := binary.LittleEndian.Uint32(b[8:])
	b = b[header:]
	// The sizes in uint64, so that a hostile header cannot overflow them.
	if side == 0 || uint64(len(b)) != uint64(n)*(uint64(side)*uint64(side)*4+2) {
		return data.Images{}, fmt.Errorf("images: %d bytes for %d images of side %d", len(b), n, side)
	}
	im := data.Images{Side: int(side), Pixels: make([]float32, int(n)*int(side)*int(side)),
		Labels: make([]int, n), True: make([]int, n)}
	for i := range im.Pixels {
		im.Pixels[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	b = b[4*len(im.Pixels):]
	for i := range im.Labels {
		im.Labels[i], im.True[i] = int(b[i]), int(b[int(n)+i])
	}
	return im, nil
}
