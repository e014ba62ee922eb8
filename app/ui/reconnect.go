package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// actionNetworkOnline is the action the shell posts when the browser's
// network comes back. Pages that show figures handle it by loading them
// again. It carries no value.
const actionNetworkOnline = "network/online"

// retryDelay is how long a page that shows old figures, or none, for lack of
// network or server waits before it requests them again. It covers a
// server that comes back while the browser stays online, which fires no
// online event.
const retryDelay = 15 * time.Second

// autoRetry reloads the view a page shows some time after its request
// failed for lack of network or server, until one succeeds. A page holds
// one and calls schedule whenever the state of the view it shows changes.
type autoRetry struct {
	pending bool
}

// schedule arranges for reload to run after retryDelay when the state that
// current returns failed for lack of network or server and no retry is
// pending. When the retry is due, it calls current again and runs reload
// only if that state still failed that way, so a view that recovered in the
// meantime is not loaded again. It must be called on the UI goroutine.
func (r *autoRetry) schedule(ctx app.Context, current func() usageState, reload func(app.Context)) {
	if r.pending || !retryable(current()) {
		return
	}

	r.pending = true
	ctx.After(retryDelay, func(ctx app.Context) {
		r.pending = false
		if !retryable(current()) {
			return
		}
		if !browserOnline() {
			// The shell's online listener reloads the view when the
			// network returns, so a request now would only fail again.
			return
		}
		reload(ctx)
	})
}

// retryable reports whether state failed for lack of network or server,
// which time may cure.
func retryable(state usageState) bool {
	if state.Status != statusFailed {
		return false
	}
	return state.Failure == failureOffline || state.Failure == failureServer
}

// browserOnline reports whether the browser believes it has a network
// connection. It returns true outside the browser.
func browserOnline() bool {
	if !app.IsClient {
		return true
	}
	online := app.Window().Get("navigator").Get("onLine")
	if online.IsUndefined() {
		return true
	}
	return online.Bool()
}
