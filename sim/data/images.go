package data

// Images holds n square grayscale images, row-major, one after another.
//
// Pixels are roughly 0 (background) to 1 (ink) before noise; noise is added without clamping,
// so values slightly outside [0, 1] are normal.
type Images struct {
	Side   int
	Pixels []float32 // n*Side*Side
	Labels []int     // the labels a network is trained/scored on (after any corruption)
	True   []int     // the classes the images were drawn from
}

// Len returns the number of images.
func (im *Images) Len() int { return len(im.Labels) }

// At returns image i's Side*Side pixels, row-major. It is a view, not a copy: writing to it
// changes the set. Its capacity ends with the image, so appending to it cannot spill into the
// next one.
func (im *Images) At(i int) []float32 {
	d := im.Side * im.Side
	return im.Pixels[i*d : (i+1)*d : (i+1)*d]
}

// Corrupted reports whether image i's label differs from the class it was drawn from.
func (im *Images) Corrupted(i int) bool { return im.Labels[i] != im.True[i] }

// Split returns the first Len()−k images and the last k, as views of im: a validation set
// carved from a training set. Their slices end where the part ends, so appending to one
// cannot overwrite the other. Split panics unless 0 ≤ k ≤ Len().
func (im *Images) Split(k int) (head, tail Images) {
	n, d := im.Len(), im.Side*im.Side
	if k < 0 || k > n {
		panic("data: Split of more images than the set holds")
	}
	m := n - k
	head = Images{Side: im.Side, Pixels: im.Pixels[: m*d : m*d], Labels: im.Labels[:m:m], True: im.True[:m:m]}
	tail = Images{Side: im.Side, Pixels: im.Pixels[m*d:], Labels: im.Labels[m:], True: im.True[m:]}
	return head, tail
}
