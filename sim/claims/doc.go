// Package claims turns the findings of Zhang et al. (2017), "Understanding deep learning
// requires rethinking generalization", into checks that a simulator run either passes or
// fails, and judges them over many seeds: what holds on almost every seed is the paper's
// law; what holds on one seed may be luck.
//
// Measure trains, for each seed, every run the claims need — true labels, label corruption
// p = 0.2 … 0.8, random labels, shuffled pixels for the MLP and for the CNN, random pixels,
// Gaussian inputs, and random labels under weight decay and dropout, with and without
// random shifts — once (Runs lists them), computes what needs no training (Computations:
// Theorem 1's construction and the minimum-norm RBF interpolant, on true and random
// labels, as the page's theorem1 and kernel figures compute them), and reads from them one
// Figures per seed. Claims lists the findings, each with the share of
// seeds it must hold on (most on 9 of 10, some on every seed), and Judge counts the seeds
// each holds on. The same code serves the tests of this package (at the simulator's
// defaults, on seeds 1–10) and the command "genlab seeds", which prints the table for any
// settings and seeds.
//
// Times to fit are the epochs until every training example is first classified as labeled,
// measured to an eighth of an epoch (sim.Summary.FitEpochs), so that a rise with the
// corruption level shows within an epoch. The random-label run doubles as p = 1 of the
// sweep: corrupting every label draws the same labels, from the same stream.
package claims
