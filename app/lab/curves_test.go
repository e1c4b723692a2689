package lab

import (
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"

	"genlab/sim"
)

func TestCurvesCSV(t *testing.T) {
	l, err := New(quick, sim.MustParseVariants("labels=true;labels=corrupt,p=0.5"))
	if err != nil {
		t.Fatal(err)
	}
	l.Lanes[0].Snap.History = []sim.Epoch{
		{Epoch: 1, Steps: 2, LR: 0.05, TrainLoss: 2.25, TrainAcc: 0.125, TestLoss: 2.5, TestAcc: 0.1, CleanAcc: 0.125, CorruptAcc: -1, Fitted: 8},
		{Epoch: 2, Steps: 4, LR: 0.05, TrainLoss: 1.0 / 3, TrainAcc: 0.5, TestLoss: 2, TestAcc: 0.3, CleanAcc: 0.5, CorruptAcc: -1, Fitted: 32},
	}
	l.Lanes[1].Snap.History = []sim.Epoch{
		{Epoch: 1, Steps: 2, LR: 0.05, TrainLoss: math.Inf(1), TrainAcc: 0, TestLoss: math.NaN(), TestAcc: 0.1, CleanAcc: 0, CorruptAcc: 0, Fitted: 0},
	}
	text := l.CurvesCSV()
	if !strings.HasPrefix(text, "run,name,epoch,steps,lr,train_loss,train_acc,test_loss,test_acc,clean_acc,corrupt_acc,fitted\r\n") {
		t.Fatalf("header: %q", text)
	}
	rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		CurvesHeader,
		{"1", "labels=true", "1", "2", "0.05", "2.25", "0.125", "2.5", "0.1", "0.125", "", "8"},
		{"1", "labels=true", "2", "4", "0.05", "0.3333333333333333", "0.5", "2", "0.3", "0.5", "", "32"},
		{"2", "labels=corrupt,p=0.5", "1", "2", "0.05", "+Inf", "0", "NaN", "0.1", "0", "0", "0"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d:\n%s", len(rows), len(want), text)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
	// Every number reads back exactly.
	if v, _ := strconv.ParseFloat(rows[2][5], 64); v != 1.0/3 {
		t.Errorf("train loss %v does not read back to 1/3", v)
	}
	// The variant with commas is quoted in the file.
	if !strings.Contains(text, `,"labels=corrupt,p=0.5",`) {
		t.Errorf("the variant is not quoted:\n%s", text)
	}
}

// Before any epoch the file is the header alone; with no lab, too.
func TestCurvesCSVEmpty(t *testing.T) {
	l, err := New(quick, sim.DefaultVariants())
	if err != nil {
		t.Fatal(err)
	}
	if got := l.CurvesCSV(); got != strings.Join(CurvesHeader, ",")+"\r\n" {
		t.Errorf("got %q", got)
	}
	if got := (&Bench{}).CurvesCSV(); got != strings.Join(CurvesHeader, ",")+"\r\n" {
		t.Errorf("empty lab: %q", got)
	}
}
