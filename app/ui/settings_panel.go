package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"genlab/sim"
)

// SettingsPanel is every setting of the core, built from the table sim.Params returns and
// grouped as it groups them. Nothing here knows a setting by name: a row added to the
// table appears on the page, with its range, its help and its error messages.
type SettingsPanel struct {
	app.Compo

	Config     sim.Config // the base settings in force
	Generation int        // see Lab.generation
}

// Render draws one collapsible group per part of the experiment.
func (s *SettingsPanel) Render() app.UI {
	params := sim.Params()
	groups := settingGroups()
	sections := make([]app.UI, 0, len(groups))
	for _, g := range groups {
		var fields []app.UI
		for _, p := range params {
			if p.Group != g.Name {
				continue
			}
			fields = append(fields, &SettingField{
				Name:       p.Name,
				Value:      s.Config.Get(p.Name),
				Generation: s.Generation,
			})
		}
		if len(fields) == 0 {
			continue
		}
		sections = append(sections, app.Details().Class("group").Open(true).Body(
			app.Summary().Body(
				app.Span().Class("group-title").Text(g.Title),
				app.Span().Class("group-intro").Text(g.Intro),
			),
			app.Div().Class("fields").Body(fields...),
		))
	}
	return app.Div().Class("settings-groups").Body(sections...)
}
