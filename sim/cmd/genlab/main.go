// Command genlab is the headless runner of Generalization Lab: it trains the simulator's
// networks from the command line and prints what the page would show, as readable tables
// or as JSON lines for scripts and notebooks.
//
//	genlab run      [settings] [-runs 'labels=true;labels=random'] [-json]
//	genlab sweep    [settings] [-ps 0,0.2,0.4,0.6,0.8,1] [-json]
//	genlab table1   [settings] [-json]
//	genlab seeds    [settings] [-seeds 1-10] [-json]
//	genlab construct [settings] [-json]
//	genlab kernel   [settings] [-json]
//
// The settings are the page's URL parameters as flags, with the same names, ranges and
// messages: the link ?labels=random&width=1024 is -labels=random -width=1024.
// Run "genlab help" or "genlab CMD -h" for what every setting means.
package main

import (
	"fmt"
	"io"
	"os"
)

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"run", "train one or more variants side by side and print every epoch", runCmd},
		{"sweep", "corrupt labels with each p of a list: epochs to fit and test error (paper Fig. 1b, 1c)", sweepCmd},
		{"table1", "regularizers on and off, true and random labels (paper Table 1)", table1Cmd},
		{"seeds", "every claim of the paper on each of several seeds: the figure per seed and how many it holds on", seedsCmd},
		{"construct", "Theorem 1: a 2n+d ReLU network that fits any labels with no training", constructCmd},
		{"kernel", "minimum-norm interpolation, linear and RBF kernels, no regularization (paper §5)", kernelCmd},
	}
}

func main() {
	os.Exit(mainExit(os.Args[1:], os.Stdout, os.Stderr))
}

func mainExit(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			switch err := c.run(args[1:], stdout, stderr); err {
			case nil, errHelp:
				return 0
			case errUsage:
				return 2
			default:
				fmt.Fprintln(stderr, "genlab "+c.name+":", err)
				return 2
			}
		}
	}
	fmt.Fprintf(stderr, "genlab: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, `genlab trains tiny networks to reproduce "Understanding deep learning requires
rethinking generalization" (Zhang et al., ICLR 2017) from the command line.

Usage: genlab COMMAND [settings] [-json]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Every command takes the simulator's settings as flags (the same names as the page's URL
parameters); "genlab COMMAND -h" lists them with what each one means. With -json, every
line of output is one JSON object; progress goes to stderr.

Examples:
  genlab run                               # true labels next to random labels
  genlab run -runs 'labels=corrupt,p=0.4'  # one run at 40% label corruption
  genlab sweep -ps 0,0.5,1 -json
  genlab table1 -train 500
  genlab seeds -seeds 1-10                 # every claim on seeds 1 to 10
  genlab construct -train 1000 -labels random
`)
}
