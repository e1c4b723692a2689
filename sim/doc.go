// Package sim is the core of Generalization Lab: it trains the small networks whose
// behaviour reproduces, at a size a browser trains in seconds, the findings of Zhang,
// Bengio, Hardt, Recht and Vinyals (2017), "Understanding deep learning requires
// rethinking generalization": a network that fits true labels also fits random ones, and
// only the first fit says anything about the test set.
//
// It is plain Go: no browser, no canvas, no page (a test checks it), so all of it is
// tested natively, and the same tests run again in WebAssembly under node.
//
// # Settings: Config
//
// A Config is every setting of one training run: the images (family, size, count, noise,
// seed), the randomization test applied to them (labels true, corrupted with
// probability p or random; pixels original, shuffled, random or Gaussian), the network
// (linear, MLP or CNN, and its size) and the optimizer (SGD with momentum, a learning-rate
// Schedule, weight decay, dropout, augmentation, batch norm, early stopping). Start from
// Default, whose doc comment tells how its values were chosen.
//
// Every setting is described once, by a row of the parameter table (Params): its name,
// range and a sentence that teaches what it means. The table drives everything that reads
// or writes settings, so a setting has one name, one range and one error message in a
// link (Config.Encode, ParseQuery), on the command line (Config.RegisterFlags) and in the
// page's controls. Reading a link is forgiving (a bad value keeps its default and is
// reported); Config.Set and Validate are strict.
//
//	c := sim.Default()
//	if err := c.Set("labels", "random"); err != nil { … } // a *FieldError for bad input
//
// # Runs side by side: Variant
//
// The lesson is a comparison, so runs are written as variants of one base Config: a
// Variant is the few settings one run changes ("labels=random"), and Variants the runs of
// a comparison ("labels=true;labels=random"), read once by ParseVariants and written back
// by String in one canonical spelling. Config.With applies a variant, Variants.Configs
// gives every run's settings and Variant.Title names a run for people ("Random labels").
// Runs of one comparison share everything their variants do not change: the same images,
// the same initial weights, the same batches.
//
// # Training: Run
//
// NewRun validates a Config, generates its data (Dataset, Sets; see package sim/data) and
// builds its network (Model; see package sim/nn). Run.Step trains on one minibatch and
// allocates nothing; after the last minibatch of an epoch it measures the epoch (an Epoch:
// losses, accuracies, fitted examples, clean and corrupted accuracy) and decides whether
// to stop (a Stop: fitted, early stop, the epoch budget, not learning, diverged).
// Run.RunEpoch and Run.RunToEnd loop over Step, and Run.Summary says what the run has
// measured, with the time to fit every training example to an eighth of an epoch:
//
//	r, err := sim.NewRun(c)
//	if err != nil { … }
//	r.RunToEnd()
//	fmt.Println(r.Summary().TestAcc)
//
// # Watching a run: Snapshot
//
// A page draws a run while a worker trains it, so Run.Snapshot copies what a drawing
// shows (which examples are fitted and since when, the curves so far, the first layer's
// weights) into a Snapshot that it refills in place, allocating nothing once warm. The
// page's canvas and its workers exchange snapshots; the images themselves never travel,
// since anyone can regenerate them from the seed (TrainingImages).
//
// # Determinism and seeds
//
// The same Config gives the same run, bit for bit, natively and in WebAssembly, with or
// without the SIMD kernels: that is what lets a shared link replay a run epoch for epoch.
// Every random choice (images, label corruption, pixel permutations, initial weights,
// batch order, dropout) draws from its own stream of the Seed, so changing one setting
// changes only what depends on it: random labels see the very images true labels see.
// Nothing here keeps state between calls or reads the clock, and exp and log come from
// sim/internal/portable, since amd64's assembly differs from other platforms in the last
// bit. Tests pin exact hashes of whole runs (TestSameSettingsSameRun).
//
// # Where the science is tested
//
// The paper's findings are claims about many seeds, so they are tested as such in package
// sim/claims: each claim (S1 random labels are memorized and test at chance, S2 a small
// constant slowdown, …) must hold on at least 9 of seeds 1–10, and genlab seeds prints the
// same table for any settings. science_test.go here checks that the data are hard enough
// to be worth learning; package sim/theory checks what needs no training: Theorem 1's
// construction fits any labels, and minimum-norm interpolation generalizes on true labels
// and its norm grows on random ones.
package sim
