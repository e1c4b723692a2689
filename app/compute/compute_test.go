package compute

import (
	"strings"
	"testing"

	"genlab/app/message"
	"genlab/sim/figure"
)

func TestAnswer(t *testing.T) {
	const small = "train=200&test=100"
	got, err := Answer(message.Envelope{Kind: message.Compute, Trial: 3, Query: small + "&labels=random"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Kind != message.Computed || got.Trial != 3 || got.Query != small+"&labels=random" || got.Values[figure.TrainAcc] != 1 {
		t.Errorf("Theorem 1 on random labels: %+v, want Computed of trial 3 fitting every point", got)
	}
	if p := got.Picture; p == nil || p.N != 200 || p.Side != 96 {
		t.Errorf("Theorem 1's picture %+v, want one of 200 points in 96×96 blocks", p)
	}
	if _, err := message.Decode(message.Encode(got)); err != nil {
		t.Errorf("the answer does not cross the wire: %v", err)
	}
	got, _ = Answer(message.Envelope{Kind: message.Compute, Trial: 1, Query: small, Kernel: "rbf"})
	if got.Kind != message.Computed || got.Kernel != "rbf" || got.Values[figure.Interpolates] != 1 || got.Values[figure.Norm] <= 0 {
		t.Errorf("RBF on true labels: %+v", got)
	}
	if got.Picture != nil {
		t.Errorf("a kernel's answer with a picture of Theorem 1")
	}
	// At the defaults the settings are empty: a trial on them crosses the wire too.
	if _, err := message.Decode(message.Encode(message.Envelope{Kind: message.Compute, Trial: 0})); err != nil {
		t.Errorf("a computation at the default settings: %v", err)
	}
	got, _ = Answer(message.Envelope{Kind: message.Compute, Trial: 2, Query: "train=-1"})
	if got.Kind != message.Problem || got.Trial != 2 || !strings.Contains(got.Error, "train") {
		t.Errorf("bad settings: %+v, want a Problem about them", got)
	}
	if _, err := Answer(message.Envelope{Kind: message.Play}); err == nil {
		t.Error("a Play taken by the theory worker")
	}
}
