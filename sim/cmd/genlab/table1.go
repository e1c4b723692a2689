package main

import (
	"fmt"
	"io"

	"genlab/sim"
	"genlab/sim/claims"
	"genlab/sim/data"
)

// regularizer is one row of the Table 1 grid: a name and what it switches on.
type regularizer struct {
	name  string
	apply func(c *sim.Config)
}

// table2Patience is the early-stopping row (the paper's Table 2): stop after this many
// epochs without a better accuracy on the validation images, carved from the training
// images (val), and keep the best epoch's weights.
const table2Patience = 5

func regularizers() []regularizer {
	// The usual textbook strengths, the ones the claims (genlab seeds) use.
	wd := func(c *sim.Config) { c.WeightDecay = claims.WeightDecay }
	drop := func(c *sim.Config) { c.Dropout = claims.Dropout }
	aug := func(c *sim.Config) { c.Augment = claims.Augment }
	bn := func(c *sim.Config) { c.BatchNorm = true }
	return []regularizer{
		{"none", func(c *sim.Config) {}},
		{"weight decay", wd},
		{"dropout", drop},
		{"augmentation", aug},
		{"batch norm", bn},
		{"wd+dropout+aug", claims.Regularize},
		{"all", func(c *sim.Config) { wd(c); drop(c); aug(c); bn(c) }},
		{"early stopping", func(c *sim.Config) { c.Patience = table2Patience }},
	}
}

type table1Line struct {
	Type        string `json:"type"` // "table1"
	Regularizer string `json:"regularizer"`
	Labels      string `json:"labels"`
	Config      string `json:"config"`
	sim.Summary
}

func table1Cmd(args []string, stdout, stderr io.Writer) error {
	o, err := parse("table1", `Trains the network with each regularizer switched on (weight decay, dropout, random
shifts, batch normalization, and all of them) on true and on random labels, and prints
training and test accuracy: the paper's Table 1. Regularizers change test accuracy by a
few points, and random labels are still memorized with them on: they are neither
necessary nor sufficient for generalization. Random shifts make memorizing slow, so this
command defaults to a smaller learning rate and more epochs than the others.`, args, stderr, nil, nil)
	if err != nil {
		return err
	}
	regs := regularizers()
	labels := []data.LabelMode{data.TrueLabels, data.RandomLabels}
	var runs []*sim.Run
	for _, reg := range regs {
		for _, l := range labels {
			c := o.cfg
			c.Labels = l
			reg.apply(&c)
			r, err := sim.NewRun(c)
			if err != nil {
				return err
			}
			runs = append(runs, r)
		}
	}
	trainAll(runs, newProgress(stderr, o.quiet))
	var t *table
	if !o.json {
		t = newTable(stdout, "regularizer", "true: train", "test", "epochs", "random: train", "test", "epochs")
	}
	for i, reg := range regs {
		pair := runs[2*i : 2*i+2]
		if o.json {
			for j, r := range pair {
				if err := jsonLine(stdout, table1Line{"table1", reg.name, labels[j].String(), r.Config().Encode(), r.Summary()}); err != nil {
					return err
				}
			}
			continue
		}
		a, b := pair[0].Summary(), pair[1].Summary()
		t.row(reg.name, pct(a.TrainAcc), pct(a.TestAcc), fmt.Sprint(a.Epochs), pct(b.TrainAcc), pct(b.TestAcc), fmt.Sprint(b.Epochs))
	}
	if t != nil {
		t.flush()
	}
	return nil
}
