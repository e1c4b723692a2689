//go:build !wasm

package main

import (
	"fmt"
	"os"

	"genlab/app/site"
)

// runSite is the command line of the native build: the site tool (package genlab/app/site).
func runSite() {
	if err := site.Command(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "ui:", err)
		os.Exit(2)
	}
}
