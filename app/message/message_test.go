package message

import (
	"encoding/json"
	"strings"
	"testing"

	"genlab/sim"
	"genlab/sim/figure"
)

// variant reads the text of one variant, written in the test.
func variant(t testing.TB, text string) sim.Variant {
	t.Helper()
	v, err := sim.ParseVariant(text)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// picture is the figure.Picture of three points (sim/figure's TestPictureByHand).
var picture = figure.NewPicture([]float64{0, 1, 3}, []float64{-0.75, 0.5, 2}, []int{1, 0, 1}, 2)

func TestRoundTrip(t *testing.T) {
	steps, epochs := 400, 8.5
	tests := []Envelope{
		{Kind: Setup, Query: "width=64", Runs: sim.DefaultVariants()},
		{Kind: Setup},
		{Kind: Play}, {Kind: Pause}, {Kind: Step}, {Kind: Reset}, {Kind: Hello},
		{Kind: Speed, Speed: 3},
		{Kind: Zoom, Zoom: 4}, {Kind: Zoom}, {Kind: Zoom, Zoom: MaxZoom},
		{Kind: Ready, Stats: []RunStats{{Name: variant(t, "labels=true"), Examples: 10}}},
		{Kind: Metrics, Playing: true, Stats: []RunStats{{Name: variant(t, "labels=random"), Epoch: 2, TrainAcc: 0.5, TestAcc: 0.25, TrainLoss: 1, Fitted: 5, Examples: 10, Stop: "running"}}},
		{Kind: Metrics, Stats: []RunStats{{Name: variant(t, "labels=corrupt,p=0.5"), Epoch: 3, Fitted: 6, Examples: 10, Wrong: 4, WrongFitted: 2, Stop: "running"}}},
		{Kind: Problem, Error: "side = 40 is out of range 8..32"},
		{Kind: Setup, Query: "width=64", Run: 3},
		{Kind: Metrics, Run: 1, Stats: []RunStats{{Examples: 10, Path: PathSIMD}}},
		// Figures (figure.go)
		{Kind: Setup, Query: "width=64", Figure: &FigureSetup{Kind: "sweep", Seeds: 3, Levels: 4}},
		{Kind: Setup, Figure: &FigureSetup{Kind: "table1"}},
		{Kind: Ready, Progress: &FigureProgress{Total: 14}},
		{Kind: Metrics, Playing: true, Progress: &FigureProgress{Done: 1, Total: 6, Cells: []FigureCell{
			{Key: "p=0", Metric: figure.StepsToFit, Value: &epochs, Seeds: []*float64{&epochs}},
			{Key: "p=1", Metric: figure.StepsToFit, Value: nil, Seeds: []*float64{nil}},
		}}},
		{Kind: Metrics, Run: 2, Stats: []RunStats{{Examples: 10, Stop: "fitted", Summary: &sim.Summary{
			Stop: sim.Fitted, TrainAcc: 1, TestAcc: 0.9, ValAcc: -1, StepsToFit: &steps, FitEpochs: &epochs}}}},
		{Kind: Compute, Trial: 3, Query: "train=200", Kernel: "rbf"},
		{Kind: Compute},
		{Kind: Computed, Trial: 3, Query: "train=200", Kernel: "rbf", Values: map[string]float64{figure.Norm: 34.4, figure.Interpolates: 1}},
		{Kind: Computed, Trial: 1, Query: "train=200", Values: map[string]float64{figure.TrainAcc: 1}, Picture: &picture},
	}
	for _, want := range tests {
		got, err := Decode(Encode(want))
		want.V = Version
		if err != nil {
			t.Errorf("%s: %v", want.Kind, err)
			continue
		}
		if Encode(got) != Encode(want) {
			t.Errorf("%s: got %+v, want %+v", want.Kind, got, want)
		}
	}
}

// pictureJSON is picture on the wire.
var pictureJSON = func() string {
	b, err := json.Marshal(picture)
	if err != nil {
		panic(err)
	}
	return string(b)
}()

func TestDecodeRejectsWrongShapes(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"not json", `hello`, "not a message"},
		{"array", `[1,2]`, "not a message"},
		{"no version", `{"kind":"play"}`, "version 0"},
		{"future version", `{"v":2,"kind":"play"}`, "version 2"},
		{"unknown kind", `{"v":1,"kind":"explode"}`, "unknown kind"},
		{"unknown field", `{"v":1,"kind":"play","x":1}`, "unknown field"},
		{"wrong type", `{"v":1,"kind":"speed","speed":"fast"}`, "not a message"},
		{"speed out of range", `{"v":1,"kind":"speed","speed":9}`, "out of range"},
		{"zoom out of range", `{"v":1,"kind":"zoom","zoom":11}`, "out of range"},
		{"negative zoom", `{"v":1,"kind":"zoom","zoom":-1}`, "out of range"},
		{"zoom of another kind", `{"v":1,"kind":"play","zoom":2}`, "another kind"},
		{"speed with a zoom", `{"v":1,"kind":"zoom","zoom":2,"speed":3}`, "another kind"},
		{"play with a payload", `{"v":1,"kind":"play","query":"a=1"}`, "another kind"},
		{"problem without text", `{"v":1,"kind":"problem"}`, "no error text"},
		{"NaN-ish accuracy", `{"v":1,"kind":"metrics","stats":[{"name":"labels=true","train_acc":2}]}`, "outside 0..1"},
		{"negative loss", `{"v":1,"kind":"metrics","stats":[{"name":"labels=true","train_loss":-1}]}`, "non-negative"},
		{"more wrong labels fitted than wrong", `{"v":1,"kind":"metrics","stats":[{"name":"labels=true","fitted":5,"examples":9,"wrong":2,"wrong_fitted":3}]}`, "counts out of range"},
		{"more wrong labels than images", `{"v":1,"kind":"metrics","stats":[{"name":"labels=true","examples":9,"wrong":10}]}`, "counts out of range"},
		{"two objects", `{"v":1,"kind":"play"}{"v":1,"kind":"play"}`, "text after"},
		{"huge", `{"v":1,"kind":"setup","query":"` + strings.Repeat("a", maxSize) + `"}`, "larger than"},
		{"negative run", `{"v":1,"kind":"play","run":-1}`, "out of range"},
		{"run too large", `{"v":1,"kind":"play","run":64}`, "out of range"},
		{"hello about a run", `{"v":1,"kind":"hello","run":1}`, "another kind"},
		{"unknown path", `{"v":1,"kind":"metrics","stats":[{"name":"labels=true","path":"gpu"}]}`, "unknown path"},
		{"bad runs", `{"v":1,"kind":"setup","runs":"labels=nope"}`, "labels = nope"},
		{"bad run name", `{"v":1,"kind":"metrics","stats":[{"name":"side=99"}]}`, "side = 99"},
		{"picture of a compute", `{"v":1,"kind":"compute","picture":` + pictureJSON + `}`, "another kind"},
		{"picture of a label out of range", `{"v":1,"kind":"computed","picture":` +
			strings.Replace(pictureJSON, `"classes":2`, `"classes":1`, 1) + `}`, "label 1 of 1 classes"},
		{"picture of A too small", `{"v":1,"kind":"computed","picture":` +
			strings.Replace(pictureJSON, `"side":3`, `"side":2`, 1) + `}`, "side 2"},
	}
	for _, tt := range tests {
		_, err := Decode(tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(`{"v":1,"kind":"play"}`)
	f.Add(`{"v":1,"kind":"metrics","stats":[{"name":"labels=true","epoch":1}]}`)
	f.Add(`{"v":1,"kind":"setup","query":"width=64","runs":"labels=random"}`)
	f.Add(`{"v":1,"kind":"setup","runs":" labels=corrupt , p=.40 ;;inputs=random"}`)
	f.Add(`{"v":1,"kind":"ready","run":3,"stats":[{"name":"p=0.4,labels=corrupt","examples":9}]}`)
	f.Add(`{"v":1,"kind":"inspected","look":{"run":1,"example":7,"examples":9,"classes":2,"side":1,"pixels":"/w==","given":1,"pred":0,"probs":[0.5,0.5],"epoch":2,"first_fit":1}}`)
	f.Add(`{"v":1,"kind":"computed","trial":1,"values":{"train-acc":1},"picture":` + pictureJSON + `}`)
	f.Fuzz(func(t *testing.T, s string) {
		e, err := Decode(s)
		if err != nil {
			return
		}
		// Whatever decodes re-encodes to something that decodes to the same.
		again, err := Decode(Encode(e))
		if err != nil || Encode(again) != Encode(e) {
			t.Fatalf("%q decoded but does not round-trip: %v", s, err)
		}
	})
}
