//go:build e2e

package e2e

import (
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestZZShot(t *testing.T) {
	link := os.Getenv("SHOT_LINK")
	p := openLab(t, link)
	p.waitUntil("Play", loadTimeout, buttonEnabledJS("Play"))
	if os.Getenv("SHOT_PLAY") != "" {
		p.press("Play")
		p.waitFigureDone(3 * trainTimeout)
	}
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	b, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(os.Getenv("SHOT_OUT"), b, 0o644)
}
