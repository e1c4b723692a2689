//go:build js && wasm

// Command canvas is the Ebitengine canvas of Generalization Lab, shown by the page in an
// <iframe> (Ebitengine takes over the whole document it runs in). It wires the page's
// messages and the training workers' to a relay.Hub (app/relay), which keeps the lab up
// to date and says what each side must hear, and paints the hub's scene with app/canvas.
// main only wires.
package main

import (
	"log"

	"github.com/hajimehoshi/ebiten/v2"
)

func main() {
	g := newGame()
	ebiten.SetWindowTitle("Generalization Lab canvas")
	ebiten.SetScreenClearedEveryFrame(false) // Draw repaints only when the scene changed
	ebiten.SetTPS(30)                        // Update only relays messages: 30 a second is plenty
	g.start()
	if err := ebiten.RunGame(g); err != nil {
		log.Fatal(err)
	}
}
