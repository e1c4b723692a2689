//go:build e2e

package e2e

import (
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestZZShot(t *testing.T) {
	p := openLab(t, os.Getenv("SHOT_QUERY"))
	p.press("Play")
	p.waitUntil("both fitted", trainTimeout, `m(1, "state") != "running" && m(0, "state") != "running"`)
	buf, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/shot.png", buf, 0o644)
	t.Log(p.state())
}
