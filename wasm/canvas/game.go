//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"genlab/app/browser"
	"genlab/app/screen"
)

// game is the loop as an ebiten.Game: Ebitengine's calls, handed to the loop.
type game struct {
	loop *screen.Loop
	page *browser.Page
	img  *ebiten.Image // the loop's frame, uploaded
}

// Update advances the loop and posts the files the page asked for.
func (g *game) Update() error {
	for _, f := range g.loop.Update() {
		g.page.PostFile(f.Format, f.Text, f.Image)
	}
	return nil
}

// Layout sizes the frame in device pixels, for crisp text on dense screens.
func (g *game) Layout(w, h int) (int, int) { return g.loop.Layout(w, h, browser.DevicePixelRatio()) }

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
