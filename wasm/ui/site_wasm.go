//go:build wasm

package main

// runSite has nothing to do in the browser, where app.RunWhenOnBrowser never returns.
func runSite() {}
