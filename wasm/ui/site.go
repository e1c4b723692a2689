//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"os"

	"genlab/app/site"
)

// runSite is the command line of the native build: the site tool (see package
// genlab/app/site), run by make build and make serve.
func runSite() {
	fset := flag.NewFlagSet("ui", flag.ExitOnError)
	gen := fset.String("generate", "", "write go-app's static files (index.html, app.js, ...) into `dir`")
	comp := fset.String("compress", "", "write the .br and .gz copies of the compressible files in `dir` (after -generate)")
	dir := fset.String("serve", "", "serve the static site in `dir` over HTTP")
	addr := fset.String("addr", "127.0.0.1:8080", "the `address` to serve on (port 0: any free port)")
	base := fset.String("base", "/", "with -serve, the `path` to serve the site under, e.g. /courses/ml/lab/")
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "usage: ui -generate public | ui -compress public | ui -serve public [-addr host:port] [-base /path/]")
		fset.PrintDefaults()
	}
	_ = fset.Parse(os.Args[1:])

	var err error
	switch {
	case *gen != "" && *comp == "" && *dir == "":
		err = site.Generate(*gen)
	case *comp != "" && *gen == "" && *dir == "":
		err = site.Compress(*comp)
	case *dir != "" && *gen == "" && *comp == "":
		err = site.Serve(*dir, *addr, *base)
	default:
		fset.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ui:", err)
		os.Exit(1)
	}
}
