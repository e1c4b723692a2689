package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// copyText copies the text of the field whose id is given (an <input> or <textarea>) to
// the clipboard, and calls done with a sentence saying what happened.
//
// navigator.clipboard exists only in secure contexts (https, or http on localhost) and
// may refuse (no permission, the document not focused). Then, or without it, the field's
// text is selected, so that Ctrl+C (⌘C) copies it: a student is never left with nothing.
func copyText(ctx app.Context, id, what string, done func(app.Context, string)) {
	if !app.IsClient {
		return
	}
	field := app.Window().GetElementByID(id)
	if !field.Truthy() {
		return
	}
	text := field.Get("value").String()
	selectField := func() {
		field.Call("focus")
		field.Call("select")
	}
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		selectField()
		done(ctx, "Selected the "+what+": press Ctrl+C (⌘C on a Mac) to copy it.")
		return
	}
	var ok, failed app.Func
	release := func() { ok.Release(); failed.Release() }
	ok = app.FuncOf(func(app.Value, []app.Value) any {
		release()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, "Copied the "+what+" to the clipboard.") })
		return nil
	})
	failed = app.FuncOf(func(app.Value, []app.Value) any {
		release()
		ctx.Dispatch(func(ctx app.Context) {
			selectField()
			done(ctx, "Selected the "+what+": press Ctrl+C (⌘C on a Mac) to copy it.")
		})
		return nil
	})
	clip.Call("writeText", text).Call("then", ok, failed)
}
