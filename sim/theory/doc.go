// Package theory holds the two results of Zhang et al. (2017) that are proved or computed rather
// than trained: the finite-sample expressivity of a two-layer ReLU network (Theorem 1) and the
// minimum-norm interpolant that SGD finds for a linear model (Section 5).
//
// # Theorem 1: 2n + d weights fit any labels on n points
//
// Expressivity results usually ask what functions a network can represent on the whole input
// space. The paper asks a smaller question, the one that matters for training: can a network fit
// any labels on the n points it is actually given? For a two-layer ReLU network the answer is yes
// as soon as it has n hidden units, that is 2n + d weights for one output, and the proof is a
// construction (Construct) with no training at all:
//
//  1. Pick a direction a at random and project: z_i = <a, x_i>. Distinct points have distinct
//     projections with probability one, so the n points now lie on a line in a known order
//     z_(1) < z_(2) < … < z_(n).
//  2. Give hidden unit j the input weights a and a threshold b_j placed just below z_(j) and above
//     z_(j-1): b_1 < z_(1) < b_2 < z_(2) < … < b_n < z_(n). Unit j is then silent on every point
//     before the j-th and active on the j-th and every point after it.
//  3. The hidden activations form the matrix A_ij = ReLU(z_(i) − b_j), which is therefore lower
//     triangular with a positive diagonal, and so invertible. The output weights solve A w = y,
//     row by row from the top: forward substitution, which A's structure (each row is the one
//     above it shifted by a gap) brings down to a few operations per row and output.
//
// With K classes the targets are the one-hot rows of Y and W is n×K, n·K + n + d weights in all.
// The network scores 100% on its training set whatever the labels are — true, random, or shuffled
// — and its predictions elsewhere are arbitrary: a network with as many units as data points can
// memorize, so its ability to fit the training set says nothing about whether it will generalize.
// The construction pays for its generality in conditioning: the diagonal of A is half the gap
// between neighbouring projections, so close points make A ill-conditioned and w enormous, the
// opposite of the small-norm solutions that generalize.
//
// # Section 5: what SGD finds on a linear model
//
// A linear model y = X w with more parameters than points (d ≥ n) can also fit any labels, and
// has infinitely many ways to. Which one does SGD pick? Its update for the squared loss on
// example i is w ← w − η (<x_i, w> − y_i) x_i: a multiple of a data point. Started from w = 0, the
// weights therefore stay in the span of the data, w = Xᵀα, for all time. If they converge to an
// interpolant, X Xᵀ α = y, which fixes α whenever the Gram matrix X Xᵀ is invertible. That
// interpolant is the one of minimum Euclidean norm: any other interpolant adds to w a vector v
// with X v = 0, orthogonal to every row of X and hence to w, so its norm is ‖w‖² + ‖v‖². No
// penalty was written down; the algorithm alone selected the smallest solution. That is the
// paper's "implicit regularization".
//
// Replacing <x, x'> by a kernel k(x, x') gives the same statement for a linear model on the
// kernel's features: solve K α = Y and predict Σ_i α_i k(x, x_i) (Interpolate). The paper finds
// that this exact, unregularized interpolation still generalizes on real labels (1.2% test error
// on MNIST pixels), and that the norm of the solution grows when the labels are random: fitting
// noise is possible but costly, and the norm measures the cost. It also warns that norm alone
// does not explain generalization; the lab shows the number next to the test accuracy so that a
// student can judge.
package theory
