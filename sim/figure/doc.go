// Package figure lays out the paper's figures as the runs they need, and fills each one in
// from its runs' results as they finish, so that a figure can be drawn, tabulated and
// exported while it is still being made.
//
// A figure is one of six Kinds, named as in a link (figure=sweep):
//
//	randomizations  Fig. 1a: true labels, random labels, shuffled pixels, random pixels and
//	                Gaussian inputs on one network; loss and accuracy against steps
//	sweep           Fig. 1b/1c: label corruption p from 0 to 1; time to fit and test error
//	table1          Tables 1–2: each regularizer, and early stopping, on true and random labels
//	theorem1        Theorem 1: a network of 2n+d weights that fits n points with no training
//	kernel          Section 5: the minimum-norm interpolant of a linear and an RBF kernel,
//	                as p goes from 0 to 1 and as n grows past d
//	memorization    Arpit et al.: when each example is first fitted, clean against noisy
//
// New lays a figure out from a base Config (every setting the figure does not vary) and
// its Options (how many seeds, how many corruption levels): its Trials are the runs, or
// for theorem1 and kernel the computations, that it needs, each with a Key that says what
// sets it apart ("p=0.4", "wd+dropout/random") and a seed. Whoever runs the trials — a
// pool of browser workers, or the command line — hands each Result to Set, in any order;
// Cells then gives the figure's numbers so far, one per key and metric, averaged over the
// seeds done, each seed's value kept for the spread. The same base, options and seeds
// give the same trials, and so, the simulator being deterministic, the same figure.
//
// The package trains nothing and imports neither gonum's mat nor sim/theory: the binaries
// that draw figures stay small, and theorem1's and kernel's numbers come in as Values.
package figure
