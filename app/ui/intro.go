package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Intro is the page's header: the name and the experiment in two sentences, so that a
// student who reads nothing else knows what to watch for.
type Intro struct {
	app.Compo
}

// Render draws the header.
func (i *Intro) Render() app.UI {
	return app.Header().Class("intro").Body(
		app.A().Class("skip-link").Href("#main").Text("Skip to the experiment"),
		app.Div().Class("brand").Body(
			app.Img().Class("brand-icon").Src("/web/icon.svg").Alt("").Width(40).Height(40),
			app.H1().Text("Generalization Lab"),
		),
		app.P().Class("lede").Body(
			app.Text("The same network learns from the same images twice: once with their "),
			app.Strong().Text("true labels"),
			app.Text(", once with labels drawn "),
			app.Strong().Text("at random"),
			app.Text(". Both reach 100% training accuracy, but only one has learned anything that carries over to images it has never seen. Press Play and watch memorizing and learning side by side."),
		),
	)
}
