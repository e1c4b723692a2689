//go:build !wasm

package site

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Files of the site that the page names, as go-app wants them: URL paths from the site's
// root (go-app resolves /web/ paths; Generate makes them relative).
const (
	iconPNG192 = "/web/icon-192.png"
	iconPNG512 = "/web/icon-512.png"
	iconSVG    = "/web/icon.svg"
	styleSheet = "/web/style.css"
)

// contentSecurityPolicy enforces the promise that no request leaves the site: scripts,
// styles, images, frames, workers and fetches may only come from the page's own origin.
// 'wasm-unsafe-eval' lets the page compile its WebAssembly (and nothing else: no eval);
// 'unsafe-inline' for styles covers the style attributes go-app sets (the accuracy bars).
// canvas.html carries its own policy, in the same spirit.
const contentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; " +
	"frame-src 'self'; " +
	"worker-src 'self'; " +
	"connect-src 'self'; " +
	"manifest-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'self'; " +
	"form-action 'none'"

const cspMeta = `<meta http-equiv="Content-Security-Policy" content="` + contentSecurityPolicy + `">`

// goappHandler describes the site to go-app, stamped with version.
func goappHandler(version string) *app.Handler {
	return &app.Handler{
		Name:      "Generalization Lab",
		ShortName: "Generalization Lab",
		Title:     "Generalization Lab: watch a network memorize random labels",
		Description: "A teaching simulator of Zhang et al. (2017), “Understanding deep learning requires " +
			"rethinking generalization”: the same network, trained in your browser on the same images " +
			"with true and with random labels, reaches 100% training accuracy on both, " +
			"but only the first generalizes to new images.",
		Keywords:        []string{"deep learning", "generalization", "memorization", "random labels", "teaching"},
		Lang:            "en",
		Icon:            app.Icon{Default: iconPNG192, Large: iconPNG512, Maskable: iconPNG512, SVG: iconSVG},
		BackgroundColor: "#f6f7f9",
		ThemeColor:      "#f6f7f9",
		LoadingLabel:    "Loading Generalization Lab… {progress}%",
		Styles:          []string{styleSheet},
		RawHeaders: []string{
			cspMeta, // moved to the top of <head> by Generate
			`<meta name="referrer" content="no-referrer">`,
		},
		ServiceWorkerTemplate: serviceWorkerJS(),
		Version:               version,
	}
}
