package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// quick are settings that make every command finish in well under a second.
var quick = []string{"-train", "60", "-test", "40", "-width", "16", "-epochs", "2", "-side", "8", "-quiet"}

func genlab(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = mainExit(args, &o, &e)
	return o.String(), e.String(), code
}

// jsonLines decodes every line of out as a JSON object.
func jsonLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for l := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q is not JSON: %v", l, err)
		}
		lines = append(lines, m)
	}
	return lines
}

func TestRunJSON(t *testing.T) {
	out, errOut, code := genlab(t, append([]string{"run", "-json"}, quick...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := jsonLines(t, out)
	epochs, summaries := 0, 0
	for _, l := range lines {
		switch l["type"] {
		case "epoch":
			epochs++
			for _, k := range []string{"run", "name", "epoch", "train_acc", "test_acc", "train_loss", "test_loss", "clean_acc", "corrupt_acc", "fitted"} {
				if _, ok := l[k]; !ok {
					t.Errorf("epoch line lacks %q: %v", k, l)
				}
			}
		case "summary":
			summaries++
			for _, k := range []string{"train_acc", "test_acc", "epochs_to_fit", "steps_to_fit", "val_acc", "best_epoch", "fit_epochs", "stop", "config"} {
				if _, ok := l[k]; !ok {
					t.Errorf("summary lacks %q: %v", k, l)
				}
			}
			if l["stop"] == "fitted" && l["epochs_to_fit"] == nil {
				t.Errorf("stopped fitted but epochs_to_fit is %v", l["epochs_to_fit"])
			}
		}
	}
	// Two runs (true and random labels) of two epochs each, then two summaries.
	if epochs != 4 || summaries != 2 {
		t.Errorf("%d epoch lines and %d summaries, want 4 and 2", epochs, summaries)
	}
	if lines[len(lines)-1]["config"] != "side=8&train=60&test=40&labels=random&width=16&epochs=2" {
		t.Errorf("last run's config = %v", lines[len(lines)-1]["config"])
	}
}

func TestRunIsReproducible(t *testing.T) {
	a, _, _ := genlab(t, append([]string{"run", "-json"}, quick...)...)
	b, _, _ := genlab(t, append([]string{"run", "-json"}, quick...)...)
	if a != b {
		t.Error("the same command printed different numbers")
	}
}

func TestCommandsPrintTables(t *testing.T) {
	tests := []struct {
		args []string
		want []string // substrings of stdout
	}{
		{[]string{"run", "-runs", "labels=corrupt,p=0.5"}, []string{"train acc", "labels=corrupt,p=0.5", "wrong labels"}},
		{[]string{"sweep", "-ps", "0,1"}, []string{"test error", "steps to fit", "fit epochs"}},
		{[]string{"table1"}, []string{"weight decay", "dropout", "augmentation", "batch norm", "all"}},
		{[]string{"construct"}, []string{"cond(A)", "100.0%"}},
		{[]string{"kernel"}, []string{"rbf", "linear", "norm"}},
	}
	for _, tt := range tests {
		out, errOut, code := genlab(t, append(tt.args, quick...)...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tt.args, code, errOut)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, w, out)
			}
		}
	}
}

func TestSweepJSON(t *testing.T) {
	out, _, code := genlab(t, append([]string{"sweep", "-json", "-ps", "0,0.5,1"}, quick...)...)
	if code != 0 {
		t.Fatal("exit", code)
	}
	lines := jsonLines(t, out)
	if len(lines) != 3 || lines[2]["p"] != 1.0 || lines[0]["wrong_labels"] != 0.0 {
		t.Errorf("sweep lines = %v", lines)
	}
}

func TestBadSettingsAreNamed(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"run", "-side", "40"}, "side = 40 is out of range 8..32"},
		{[]string{"run", "-runs", "width=5000"}, "width = 5000 is out of range 1..1024"},
		{[]string{"run", "-runs", "colour=red"}, "colour"},
		{[]string{"sweep", "-ps", "0,2"}, `"2" is not a probability`},
		{[]string{"nonsense"}, `unknown command "nonsense"`},
		{[]string{"run", "extra"}, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		_, errOut, code := genlab(t, tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

func TestHelpTeaches(t *testing.T) {
	_, errOut, code := genlab(t, "run", "-h")
	if code != 0 {
		t.Errorf("exit %d", code)
	}
	for _, w := range []string{"-labels", "-p float", "probability", "-width", "-runs"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("run -h lacks %q", w)
		}
	}
	_, errOut, code = genlab(t, "help")
	if code != 0 || !strings.Contains(errOut, "sweep") || !strings.Contains(errOut, "Theorem 1") {
		t.Errorf("help: exit %d, %q", code, errOut)
	}
}
