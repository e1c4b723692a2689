package claims

import (
	"runtime"
	"sync"
	"testing"

	"genlab/sim"
)

// testSeeds is the fixed range of seeds the claims are tested on. -short tests only the
// first, and only the claims that must hold on every seed (a claim allowed to fail on one
// seed in ten may fail on that one); under WebAssembly -short skips them, as they would
// take minutes in node, and the pinned run hashes carry the native results over.
var testSeeds = []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}

// measured holds the figures of every seed, computed once for all the tests of the package.
var measured struct {
	once  sync.Once
	figs  []Figures
	err   error
	short bool
}

func figuresAtDefaults(t *testing.T) []Figures {
	t.Helper()
	if testing.Short() && runtime.GOOS == "js" {
		t.Skip("claims across seeds train for minutes in node; skipped with -short under WebAssembly")
	}
	measured.once.Do(func() {
		seeds := testSeeds
		if testing.Short() {
			seeds, measured.short = seeds[:1], true
		}
		measured.figs, measured.err = Measure(sim.Default(), seeds, 0, nil)
	})
	if measured.err != nil {
		t.Fatal(measured.err)
	}
	return measured.figs
}

// judge asserts the claim called id at the defaults, logging every seed's figure.
func judge(t *testing.T, id string) {
	t.Helper()
	figs := figuresAtDefaults(t)
	for _, c := range Claims() {
		if c.ID != id {
			continue
		}
		v := Judge(figs, []Claim{c})[0]
		for i, f := range v.Figures {
			t.Logf("seed %d: %s (holds: %v)", figs[i].Seed, f, v.Held[i])
		}
		if v.Overall != "" {
			t.Logf("%s", v.Overall)
		}
		if measured.short && c.Need < 10 {
			t.Skipf("%s need hold on only %d of 10 seeds: not judged on one seed (-short)", id, c.Need)
		}
		if !v.OK {
			t.Errorf("%s %s: holds on %d of %d seeds, want %d; %s", id, v.Statement, v.Count, len(figs), v.Need, v.Overall)
		}
		return
	}
	t.Fatalf("no claim %s", id)
}

func TestS1RandomLabelsAreMemorizedAndTestAtChance(t *testing.T)    { judge(t, "S1") }
func TestS2RandomLabelsTakeASmallConstantFactorLonger(t *testing.T) { judge(t, "S2") }
func TestS3aTestErrorRisesWithCorruption(t *testing.T)              { judge(t, "S3a") }
func TestS3bTimeToFitRisesWithCorruption(t *testing.T)              { judge(t, "S3b") }
func TestS4aShuffledPixelsHurtTheCNN(t *testing.T)                  { judge(t, "S4a") }
func TestS4bTheCNNNeverCollapses(t *testing.T)                      { judge(t, "S4b") }
func TestS4cShuffledPixelsDoNotHurtTheMLP(t *testing.T)             { judge(t, "S4c") }
func TestS5aRandomPixelsAndGaussianAreMemorized(t *testing.T)       { judge(t, "S5a") }
func TestS5bNoiseInputsFitBetweenTrueAndRandomLabels(t *testing.T)  { judge(t, "S5b") }
func TestS6RegularizersDoNotStopMemorization(t *testing.T)          { judge(t, "S6") }
func TestS7DecayAndDropoutStillMemorize(t *testing.T)               { judge(t, "S7") }
func TestS8RegularizersAloneStillMemorize(t *testing.T)             { judge(t, "S8") }
func TestS10aShiftsSlowMemorizationDown(t *testing.T)               { judge(t, "S10a") }
func TestS10bEarlyStoppingStopsRandomLabels(t *testing.T)           { judge(t, "S10b") }
func TestS9NoisyExamplesAreFittedLater(t *testing.T)                { judge(t, "S9") }
func TestS11aTheMinimumNormInterpolantGeneralizes(t *testing.T)     { judge(t, "S11a") }
func TestS11bItsNormGrowsOnRandomLabels(t *testing.T)               { judge(t, "S11b") }
func TestS12TheoremOneFitsAnyLabels(t *testing.T)                   { judge(t, "S12") }

// Every claim has a test above.
func TestEveryClaimIsTested(t *testing.T) {
	tested := map[string]bool{"S1": true, "S2": true, "S3a": true, "S3b": true, "S4a": true, "S4b": true,
		"S4c": true, "S5a": true, "S5b": true, "S6": true, "S7": true, "S8": true, "S9": true, "S10a": true, "S10b": true,
		"S11a": true, "S11b": true, "S12": true}
	for _, c := range Claims() {
		if !tested[c.ID] {
			t.Errorf("claim %s has no test", c.ID)
		}
	}
}
