//go:build js && wasm

// Command canvas is the Ebitengine canvas of Generalization Lab, shown by the page in an
// <iframe> (Ebitengine takes over the whole document it runs in). It only wires: the
// browser's messages and pointer (package app/browser) go to a screen.Loop (app/screen),
// which applies them to a relay.Hub and says when to paint and what to export; game hands
// Ebitengine's calls to the loop and uploads the frames it paints.
package main

import (
	"log"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"genlab/app/browser"
	"genlab/app/relay"
	"genlab/app/screen"
)

func main() {
	var inbox screen.Inbox
	page := browser.ListenToPage(inbox.FromPage)
	browser.ListenToPointer(inbox.Pointer, inbox.Click)
	workers := browser.AdoptWorkers(inbox.FromWorker)
	hub := relay.NewHub(page, relay.NewPool(workers.Size(), func(i int) relay.Worker { return workers.Start(i) }))
	hub.StartTheory = func() relay.Worker { return workers.StartTheory(relay.TheoryWorker) }
	loop := screen.NewLoop(&inbox, hub, time.Now, browser.Warn)
	loop.Calm = browser.PrefersReducedMotion()
	loop.Start(browser.LocationHash(), page.Alone())
	ebiten.SetScreenClearedEveryFrame(false) // Draw uploads only the frames the loop paints
	ebiten.SetTPS(30)                        // Update only relays messages: 30 a second is plenty
	if err := ebiten.RunGame(&game{loop: loop, page: page}); err != nil {
		log.Fatal(err)
	}
}
