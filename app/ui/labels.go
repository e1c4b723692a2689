package ui

import (
	"strings"
	"unicode"

	"genlab/sim"
)

// paramLabel is the name a field of the settings form shows for a parameter. The table in
// sim names every setting twice, by its short link name ("wd") and by its Config field
// ("WeightDecay"); a student reads words, so the few fields whose Go name is not already
// plain English get one here, and the rest are split at their capitals.
func paramLabel(p sim.Param) string {
	switch p.Name {
	case "p":
		return "Corruption p"
	case "testlabels":
		return "Test labels"
	case "lr":
		return "Learning rate"
	case "stepevery":
		return "Step every (epochs)"
	case "wd":
		return "Weight decay"
	case "augment":
		return "Augment (shift, px)"
	case "bn":
		return "Batch norm"
	case "patience":
		return "Early-stop patience"
	case "stopfitted":
		return "Stop when fitted"
	case "side":
		return "Side (px)"
	case "train":
		return "Training images"
	case "test":
		return "Test images"
	}
	return splitCamel(p.Field)
}

// splitCamel turns "WeightDecay" into "Weight decay".
func splitCamel(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte(' ')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// settingGroup is one part of the settings form, in the order of sim.Params.
type settingGroup struct {
	Name  string // sim.Param.Group
	Title string
	Intro string // what the group is for, in one sentence
}

// settingGroups lists the groups of sim.Params with the words the form shows for them.
func settingGroups() []settingGroup {
	return []settingGroup{
		{"data", "Data", "The images: generated in your browser from the seed, the same for every run."},
		{"randomization", "Randomization tests", "What the paper randomizes: the labels, or the pixels themselves."},
		{"model", "Model", "The network that learns, or memorizes."},
		{"training", "Training", "Stochastic gradient descent and the regularizers the paper switches on and off."},
	}
}

// helpSentence turns a Param.Help, written to follow "name:", into a sentence.
func helpSentence(help string) string {
	return capitalize(help)
}
