//go:build !wasm

package site

import (
	"flag"
	"fmt"
	"io"
	"os"
)

// Command runs the site tool (the native build of wasm/ui) with the arguments args:
// exactly one of -generate DIR, -compress DIR, -serve DIR [-addr host:port] [-base
// /path/] or -list WHAT. A wrong command line is an error that says how to use it;
// usage goes to out.
func Command(args []string, out io.Writer) error {
	fset := flag.NewFlagSet("ui", flag.ContinueOnError)
	fset.SetOutput(out)
	gen := fset.String("generate", "", "write the site (hand-written and go-app's files) into `dir`, around the built binaries")
	comp := fset.String("compress", "", "write the .br and .gz copies of the compressible files in `dir` (after -generate)")
	dir := fset.String("serve", "", "serve the static site in `dir` over HTTP")
	addr := fset.String("addr", "127.0.0.1:8080", "the `address` to serve on (port 0: any free port)")
	base := fset.String("base", "/", "with -serve, the `path` to serve the site under, e.g. /courses/ml/lab/")
	list := fset.String("list", "", "print, one a line, the site's `binaries` (the file and the package make build compiles it from) or its files")
	fset.Usage = func() {
		fmt.Fprintln(out, "usage: ui -generate public | ui -compress public | ui -serve public [-addr host:port] [-base /path/] | ui -list binaries|files")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	given := 0
	for _, f := range []string{*gen, *comp, *dir, *list} {
		if f != "" {
			given++
		}
	}
	switch {
	case given != 1:
	case *gen != "":
		return Generate(*gen)
	case *comp != "":
		return Compress(*comp)
	case *dir != "":
		return Serve(*dir, *addr, *base)
	case *list == "binaries":
		for _, b := range Binaries() {
			fmt.Fprintln(os.Stdout, b.File, b.Package)
		}
		return nil
	case *list == "files":
		for _, f := range Files() {
			fmt.Fprintln(os.Stdout, f)
		}
		return nil
	default:
		fset.Usage()
		return fmt.Errorf("-list %s: give -list binaries or -list files", *list)
	}
	fset.Usage()
	return fmt.Errorf("give exactly one of -generate, -compress, -serve and -list")
}
