package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/app/message"
)

// Exported files are handed to the browser's downloads from a Blob the canvas made (see
// package message, "Export"), through an object URL and a temporary <a download>: the
// bytes never leave the page, no request is made, and no server is involved.

// exportName returns the file name offered for a download of format, of the figure
// called fig ("" for the runs side by side: their curves, and the canvas).
func exportName(format, fig string) string {
	what := "curves"
	if fig != "" {
		what = fig
	}
	switch format {
	case message.FormatCSV:
		return "generalization-lab-" + what + ".csv"
	case message.FormatPNG:
		if fig == "" {
			what = "canvas"
		}
		return "generalization-lab-" + what + ".png"
	}
	return "generalization-lab"
}

// download saves blob as a file called name. The object URL is released a minute later:
// released at once, some browsers cancel the download they have not started reading.
func download(name string, blob app.Value) {
	if !app.IsClient {
		return
	}
	urls := app.Window().Get("URL")
	href := urls.Call("createObjectURL", blob).String()
	doc := app.Window().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", name)
	a.Set("hidden", true)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var release app.Func
	release = app.FuncOf(func(app.Value, []app.Value) any {
		urls.Call("revokeObjectURL", href)
		release.Release()
		return nil
	})
	app.Window().Call("setTimeout", release, int(time.Minute/time.Millisecond))
}
