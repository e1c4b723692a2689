package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// PanelBar shows and hides the panels beside the canvas (the live numbers, share and
// export, the settings). Which are open is part of the view, so it is in the address:
// a teacher can send a link with the settings closed, or the share panel open.
//
// Each is a toggle button (aria-pressed) rather than a disclosure in the panel's own
// heading, so that a closed panel leaves nothing behind but its button here.
type PanelBar struct {
	app.Compo

	Open panelSet
}

// Render draws one toggle per panel.
func (b *PanelBar) Render() app.UI {
	buttons := make([]app.UI, len(panelNames))
	for i := range panelNames {
		buttons[i] = app.Button().
			Type("button").
			Class("chip", "chip-small").
			DataSet("panel", panelNames[i]).
			Aria("pressed", b.Open.has(i)).
			Text(panelToggles[i]).
			OnClick(b.toggle(i))
	}
	return app.Div().Class("panel-bar").Role("group").Aria("label", "Panels shown").Body(
		append([]app.UI{app.Span().Class("panel-bar-label").Aria("hidden", true).Text("Show")}, buttons...)...,
	)
}

func (b *PanelBar) toggle(p int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionPanel, p)
	}
}
