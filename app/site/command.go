//go:build !wasm

package site

import (
	"flag"
	"fmt"
	"io"
)

// Command runs the site tool (the native build of wasm/ui) with the arguments args:
// exactly one of -generate DIR, -compress DIR or -serve DIR [-addr host:port] [-base
// /path/]. A wrong command line is an error that says how to use it; usage goes to out.
func Command(args []string, out io.Writer) error {
	fset := flag.NewFlagSet("ui", flag.ContinueOnError)
	fset.SetOutput(out)
	gen := fset.String("generate", "", "write the site (hand-written and go-app's files) into `dir`, around the built binaries")
	comp := fset.String("compress", "", "write the .br and .gz copies of the compressible files in `dir` (after -generate)")
	dir := fset.String("serve", "", "serve the static site in `dir` over HTTP")
	addr := fset.String("addr", "127.0.0.1:8080", "the `address` to serve on (port 0: any free port)")
	base := fset.String("base", "/", "with -serve, the `path` to serve the site under, e.g. /courses/ml/lab/")
	fset.Usage = func() {
		fmt.Fprintln(out, "usage: ui -generate public | ui -compress public | ui -serve public [-addr host:port] [-base /path/]")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	switch {
	case *gen != "" && *comp == "" && *dir == "":
		return Generate(*gen)
	case *comp != "" && *gen == "" && *dir == "":
		return Compress(*comp)
	case *dir != "" && *gen == "" && *comp == "":
		return Serve(*dir, *addr, *base)
	}
	fset.Usage()
	return fmt.Errorf("give exactly one of -generate, -compress and -serve")
}
