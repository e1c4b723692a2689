//go:build js && wasm

// Command canvas is the Ebitengine canvas of Generalization Lab, shown by the page in an
// <iframe> (Ebitengine takes over the whole document it runs in). It only wires: the
// browser's messages (package app/browser) go to a screen.Loop (app/screen), which applies
// them to a relay.Hub and says when to paint and what to export; game hands Ebitengine's
// calls to the loop and uploads the frames it paints.
package main

import (
	"log"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"genlab/app/browser"
	"genlab/app/relay"
	"genlab/app/screen"
)

func main() {
	var inbox screen.Inbox
	page := browser.ListenToPage(inbox.FromPage)
	workers := browser.AdoptWorkers(inbox.FromWorker)
	pool := relay.NewPool(workers.Size(), func(i int) relay.Worker { return workers.Start(i) })
	hub := relay.NewHub(page, pool)
	hub.StartTheory = func() relay.Worker { return workers.StartTheory(relay.TheoryWorker) }
	loop := screen.NewLoop(&inbox, hub, time.Now, browser.Warn)
	loop.Calm = browser.PrefersReducedMotion()
	loop.Start(browser.LocationHash(), page.Alone())
	ebiten.SetWindowTitle("Generalization Lab canvas")
	ebiten.SetScreenClearedEveryFrame(false) // Draw uploads only the frames the loop paints
	ebiten.SetTPS(30)                        // Update only relays messages: 30 a second is plenty
	if err := ebiten.RunGame(&game{loop: loop, page: page}); err != nil {
		log.Fatal(err)
	}
}

// game is the loop as an ebiten.Game.
type game struct {
	loop *screen.Loop
	page *browser.Page
	img  *ebiten.Image // the loop's frame, uploaded
	taps []ebiten.TouchID
}

// Update follows the mouse or the last touch, hands a click or a tap that ended (on a
// tile, it opens the inspector) to the loop, and posts the files the page asked for.
func (g *game) Update() error {
	if inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft) {
		g.loop.Click(ebiten.CursorPosition())
	}
	g.taps = inpututil.AppendJustReleasedTouchIDs(g.taps[:0])
	for _, id := range g.taps {
		g.loop.Click(inpututil.TouchPositionInPreviousTick(id))
	}
	x, y := ebiten.CursorPosition()
	for _, id := range ebiten.AppendTouchIDs(nil) {
		x, y = ebiten.TouchPosition(id)
	}
	for _, f := range g.loop.Update(x, y) {
		g.page.PostFile(f.Format, f.Text, f.Image)
	}
	return nil
}

func (g *game) Layout(w, h int) (int, int) {
	return g.loop.Layout(w, h, ebiten.Monitor().DeviceScaleFactor())
}

// Draw uploads the frame the loop painted, if any; the screen keeps the last one otherwise.
func (g *game) Draw(dst *ebiten.Image) {
	if f := g.loop.Frame(); f != nil {
		if g.img == nil || g.img.Bounds() != f.Rect {
			g.img = ebiten.NewImage(f.Rect.Dx(), f.Rect.Dy())
		}
		g.img.WritePixels(f.Pix)
		dst.DrawImage(g.img, nil)
	}
}
