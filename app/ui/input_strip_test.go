package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The strip shows for every lesson on an input randomization, and only for them: five
// images before and five after, each a PNG in a data: URL, and the randomization named.
func TestInputStrip(t *testing.T) {
	for _, p := range presets() {
		s := inputStrip(p.experiment())
		want := strings.Contains(p.ID, "pixels") || strings.Contains(p.ID, "gaussian")
		if s.Show != want {
			t.Errorf("%s: strip shown %v, want %v", p.ID, s.Show, want)
			continue
		}
		if !want {
			continue
		}
		html := app.HTMLString(s)
		if n := strings.Count(html, `src="data:image/png;base64,`); n != 2*stripClasses {
			t.Errorf("%s: %d images, want %d", p.ID, n, 2*stripClasses)
		}
		if !strings.Contains(html, `data-inputs="`+s.Config.Inputs.String()+`"`) || !strings.Contains(html, strings.Split(inputsNames[s.Config.Inputs], ":")[0]+":") {
			t.Errorf("%s: the strip does not name %v:\n%s", p.ID, s.Config.Inputs, html[:min(len(html), 400)])
		}
	}
}
