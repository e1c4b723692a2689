package data

import (
	"math"
	"slices"
	"testing"
)

// TestPixelHistogramCarriesNoClass is the probe behind the paper's "random pixels" test: a
// fresh permutation per image keeps only each image's multiset of pixel values, so that
// multiset must say nothing about the class, or a network trained on random pixels would beat
// chance on the test set. The probe is a nearest-centroid classifier on each image's sorted
// pixel values (the multiset as a vector), trained on 1,000 images and scored on 1,000 others;
// it must be at chance, within 3 points of 10% (three binomial standard deviations).
func TestPixelHistogramCarriesNoClass(t *testing.T) {
	for _, f := range Families() {
		t.Run(f.String(), func(t *testing.T) {
			spec := Spec{Family: f, Side: 16, Classes: 10, Train: 1000, Test: 1000, Noise: 0.2}
			train, test := Generate(spec, newRNG(1))
			acc := sortedCentroidAccuracy(&train, &test, spec.Classes)
			t.Logf("%s: nearest centroid on sorted pixel values, test accuracy %.1f%%", f, 100*acc)
			if math.Abs(acc-0.1) > 0.03 {
				t.Errorf("%s: the sorted pixel values predict the class %.1f%% of the time, want chance (10%% ± 3)", f, 100*acc)
			}
		})
	}
}

// The clean images (no noise) of every class hold exactly the same multiset of values for the
// same ink budget: the sorted values of an image are a function of its budget alone. The
// budgets are drawn independently of the class, so the probe above cannot do better than chance
// however many images it sees.
func TestCleanHistogramIsClassFree(t *testing.T) {
	for _, f := range Families() {
		t.Run(f.String(), func(t *testing.T) {
			spec := Spec{Family: f, Side: 16, Classes: 10, Train: 2000}
			train, _ := Generate(spec, newRNG(3))
			byInk := map[int][]float32{} // number of full-ink pixels → sorted values
			classes := map[int]map[int]bool{}
			for i := range train.Len() {
				v := slices.Clone(train.At(i))
				slices.Sort(v)
				k := 0
				for _, x := range v {
					if x == 1 {
						k++
					}
				}
				if want, ok := byInk[k]; ok && !slices.Equal(v, want) {
					t.Fatalf("image %d (%s) with %d full-ink pixels has a different multiset of values than another image with as many",
						i, className(f, train.True[i]), k)
				}
				byInk[k] = v
				if classes[k] == nil {
					classes[k] = map[int]bool{}
				}
				classes[k][train.True[i]] = true
			}
			// Each budget is shared by images of many classes (a check that the budget is not
			// secretly tied to the class).
			shared := 0
			for _, cs := range classes {
				if len(cs) >= 5 {
					shared++
				}
			}
			if shared < len(classes)/2 {
				t.Errorf("only %d of %d ink budgets occur in 5 or more classes", shared, len(classes))
			}
		})
	}
}

// sortedCentroidAccuracy sorts every image's pixel values, averages the sorted vectors per
// class of train, and scores test by the nearest class average.
func sortedCentroidAccuracy(train, test *Images, k int) float64 {
	d := train.Side * train.Side
	sorted := func(im *Images, i int) []float64 {
		v := make([]float64, d)
		for j, x := range im.At(i) {
			v[j] = float64(x)
		}
		slices.Sort(v)
		return v
	}
	cent := make([][]float64, k)
	count := make([]int, k)
	for c := range cent {
		cent[c] = make([]float64, d)
	}
	for i := range train.Len() {
		c := train.Labels[i]
		count[c]++
		for j, x := range sorted(train, i) {
			cent[c][j] += x
		}
	}
	for c := range cent {
		for j := range cent[c] {
			cent[c][j] /= float64(max(1, count[c]))
		}
	}
	ok := 0
	for i := range test.Len() {
		v := sorted(test, i)
		best, bestDist := 0, math.Inf(1)
		for c := range cent {
			var dist float64
			for j := range v {
				dist += (v[j] - cent[c][j]) * (v[j] - cent[c][j])
			}
			if dist < bestDist {
				best, bestDist = c, dist
			}
		}
		if best == test.Labels[i] {
			ok++
		}
	}
	return float64(ok) / float64(max(1, test.Len()))
}
