// Command ui is the page of Generalization Lab, built twice from the same source:
//
//   - as WebAssembly (GOOS=js GOARCH=wasm), it is public/web/app.wasm, the go-app program
//     that runs the page in the browser (package genlab/app/ui);
//   - natively, it is the site tool: it writes go-app's static files into public/
//     (-generate), their compressed copies (-compress), and serves the folder for
//     development (-serve): package genlab/app/site, whose Command site.go calls.
//
// The native half lives behind a build constraint so that none of it (net/http, the
// file system, go-app's server side) is linked into app.wasm, which it would double; a
// test of package genlab/app/site checks it.
//
// The page never imports ebiten: the canvas is a separate binary in an <iframe> (see
// package genlab/app/ui), and a test of that package checks the dependencies.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/ui"
)

func main() {
	routes()
	app.RunWhenOnBrowser() // in the browser, this runs the page and never returns
	runSite()
}

// routes declares the pages, in both builds: the browser needs them to mount the page,
// the generator to pre-render it.
func routes() {
	app.Route("/", func() app.Composer { return ui.NewLab() })
}
