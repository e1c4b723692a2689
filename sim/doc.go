// Package sim is the core of Generalization Lab.
package sim
