// Package data generates the synthetic image sets of Generalization Lab and applies to them the
// randomization tests of Zhang et al. (2017), "Understanding deep learning requires rethinking
// generalization".
//
// Every set is a pure function of a Spec and a seeded *rand.Rand: the same seed gives the same
// images, bit for bit, in a native test and in the browser (WebAssembly), which is what lets a
// shared link replay a run. Nothing here keeps state between calls.
//
// # The families
//
// The paper used CIFAR10 and ImageNet; a browser needs something a thousand times smaller that
// still has structure worth learning. Three families of small grayscale images (8 to 32 pixels
// a side, ink ≈ 1 on a background ≈ 0, plus Gaussian pixel noise of std Spec.Noise), each of up
// to ten classes:
//
//   - Shapes: a geometric figure per class: disc, square, triangle, plus, cross (X), diamond,
//     ring, bar, L and T, outlined or filled. Confusable pairs are there on purpose: disc and
//     ring, plus and cross and bar, square and diamond, L and T.
//   - Glyphs: the digits 0 to 9 written with strokes and arcs, slanted, bent and stretched a
//     little differently each time, like handwriting.
//   - Textures: patterns that fill the image: stripes at four orientations, a checkerboard,
//     dots, concentric rings, a pinwheel, a grid of lines and wavy stripes.
//
// Every image draws its own pose: position, size, rotation (up to ±12–15°, small enough that a
// square never turns into a diamond), stretch and slant; textures draw their phase, orientation
// and period. Every image also draws its amount of ink, which sets how thick its strokes come
// out (next section). Drawing is done in units of the image side, so the same figure at side 8
// and at side 32 is the same drawing, sampled coarser or finer.
//
// # Why every image gets its ink from the same budget
//
// The paper's "random pixels" test gives every image its own random permutation of pixel
// positions. What survives a permutation is the image's multiset of pixel values, its
// histogram, and for CIFAR10 that says almost nothing about the class: a network trained on
// randomly permuted CIFAR images memorizes them and stays at chance on the test set. Drawn
// naively, our families would not be like that: a filled disc or bar has more ink than a thin
// plus or cross, stripes are half ink and dots far less, so the histogram alone would tell
// some classes apart (a nearest-centroid classifier on sorted pixel values got 24–34% where
// chance is 10%), and random pixels would wrongly beat chance.
//
// So ink is handed out by rank (histogram specification, see ink.go). A renderer does not paint
// pixels; it computes a key per pixel, larger where the pattern is more "inside": for a figure,
// minus the distance to its strokes; for a texture, the continuous pattern before any
// threshold. Each image then draws its total ink from one distribution for the whole family,
// and its pixels take their values by rank of key from one profile: the first k pixels full
// ink, the next few a soft edge falling to 0, the rest background. Ranking by distance grows a
// figure evenly around its strokes until it has its ink, so a disc stays a disc and a stroke
// becomes a band; only the thickness varies, from image to image and not from class to class.
// Every clean image with the same k holds exactly the same values, whatever its class, so a
// permutation leaves nothing of the class (TestPixelHistogramCarriesNoClass: the same probe is
// at chance for every family), while the images still look like what they are.
//
// # Why the objects move
//
// If every square sat on the same pixels, one template per class would classify perfectly and
// the lab would have nothing to teach. Shapes and glyphs move by up to ±11–13% of the side in
// each direction (a quarter of the side from one extreme to the other), so the same class
// lights up different pixels from image to image. A linear model, one template per class,
// gets only about 60–70% of the test images right; an MLP, which can learn several templates per
// class, about 80–85%; a CNN does better still (about 95% on shapes), because its convolutions
// share weights across positions: it detects a corner wherever the corner is. That is the
// essay's "regularization by construction", and it is why shuffled pixels hurt a CNN but not an
// MLP. (Side 16, noise 0.2, 1,000 training images. The linear figure is
// TestLinearProxyDifficulty; the MLP and CNN figures were measured with the simulator's
// defaults of the time, an MLP of 512 hidden units and SGD, learning rate 0.05, momentum 0.9,
// batch 32, when the jitter and the ink were tuned: random labels then took about 1.5–2 times
// as many epochs to fit as true labels. At today's defaults, side 12, noise 0.12 and 1,500
// training images, see sim.Default: on seed 1 a linear model tests at about 78%, the MLP of
// 256 units at 91%, the CNN at 98%, and random labels take 2.4–3.2 times as many epochs.)
//
// # The randomization tests
//
// The paper asks whether networks learn because the data has structure, by taking structure
// away and training anyway. Each experiment is one method here, applied after Generate:
//
//   - True labels: nothing to do; Labels == True.
//   - Partially corrupted labels (paper Fig. 1b and 1c): CorruptLabels(p, K, rng) replaces each
//     label, with probability p, by a class drawn uniformly; a draw can land on the true class,
//     so the fraction of wrong labels is p(1-1/K). True keeps the original classes, so a lesson
//     can tell noisy examples from clean ones (Corrupted, WrongLabelRate).
//   - Random labels (Fig. 1a): CorruptLabels with p = 1. The images keep their structure; the
//     labels no longer have anything to do with it, so a network can only memorize, and test
//     accuracy falls to chance. The paper's point is that it still reaches 100% training
//     accuracy, only a small constant factor slower.
//   - Shuffled pixels (Fig. 1a): Permute(perm) with one permutation for every training and test image.
//     The information is all still there, scrambled the same way everywhere: an MLP, which does
//     not know which pixels are neighbors, learns exactly as well; a CNN loses its advantage.
//   - Random pixels (Fig. 1a): PermuteEach(rng), a new permutation for every image. Each image keeps its
//     pixel values but shares no structure with the others, and its values say nothing of its
//     class (see above), so the test set is at chance.
//   - Gaussian (Fig. 1a): FillGaussian(mean, std, rng) with the mean and std of the original data
//     (MeanStd), so inputs keep their scale but carry no information at all. Networks fit
//     these labels too: memorization needs no structure.
package data
