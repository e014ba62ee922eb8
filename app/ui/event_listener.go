package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// eventListener is a JavaScript event listener that a component adds in
// OnMount and removes in OnDismount, which also releases its app.Func.
type eventListener struct {
	target app.Value
	event  string
	fn     app.Func
}

// listen adds handle as the listener of event on target. handle runs on the
// UI goroutine through ctx.Dispatch, with the event object.
func listen(ctx app.Context, target app.Value, event string, handle func(ctx app.Context, e app.Value)) *eventListener {
	l := &eventListener{target: target, event: event}
	l.fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		e := app.Undefined()
		if len(args) > 0 {
			e = args[0]
		}
		ctx.Dispatch(func(ctx app.Context) {
			handle(ctx, e)
		})
		return nil
	})
	target.Call("addEventListener", event, l.fn)
	return l
}

// remove removes the listener and releases its function. It does nothing
// on a nil listener, so OnDismount can call it whether or not OnMount ran.
func (l *eventListener) remove() {
	if l == nil || l.fn == nil {
		return
	}
	l.target.Call("removeEventListener", l.event, l.fn)
	l.fn.Release()
	l.fn = nil
}
