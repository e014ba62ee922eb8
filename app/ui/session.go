package ui

import (
	"net/url"
	"strings"

	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// actionLoadMe is the action that loads the signed-in person into the state
// stateMe. It carries no value.
const actionLoadMe = "auth/me"

// stateMe is the name of the state that holds a meState.
const stateMe = "auth/me"

// meState is the value stored under stateMe.
type meState struct {
	Status loadStatus
	Err    string
	Data   *shared.Me
}

func handleLoadMe(ctx app.Context, a app.Action) {
	loadMe(ctx)
}

// loadMe fetches the signed-in person and stores the result under stateMe.
// A 401 response sends the browser to the sign-in page.
func loadMe(ctx app.Context) {
	seq := requests.begin(stateMe, func(uint64) {
		var previous meState
		ctx.GetState(stateMe, &previous)
		ctx.SetState(stateMe, meState{Status: statusLoading, Data: previous.Data})
	})

	ctx.Async(func() {
		var me shared.Me
		err := getJSON(ctx, shared.PathMe, &me)

		stored := requests.finish(stateMe, seq, func() {
			if err != nil {
				ctx.SetState(stateMe, meState{Status: statusFailed, Err: userMessage(err)})
				return
			}
			ctx.SetState(stateMe, meState{Status: statusReady, Data: &me})
		})
		if stored && isUnauthenticated(err) {
			redirectToLogin(ctx)
		}
	})
}

// clearSession resets every state loaded for the signed-in person, so that
// nothing of theirs is shown to the next person who signs in in the same
// tab. Responses still in flight are dropped.
func clearSession(ctx app.Context) {
	requests.reset()
	ctx.SetState(stateMe, meState{})
	for _, s := range []scope{scopeMy, scopeGlobal} {
		ctx.SetState(viewKey{Scope: s}.stateName(), usageState{})
	}
}

// redirectToLogin sends the browser to the sign-in page, which returns to
// the current page after signing in. It does nothing on the sign-in page
// itself, so several requests failing at once redirect only once.
func redirectToLogin(ctx app.Context) {
	ctx.Dispatch(func(ctx app.Context) {
		current := app.Window().URL()
		if current.Path == pathLogin {
			return
		}

		next := current.Path
		if current.RawQuery != "" {
			next += "?" + current.RawQuery
		}
		clearSession(ctx)
		ctx.Navigate(loginURL(next))
	})
}

// loginURL returns the sign-in page's address that returns to next.
func loginURL(next string) string {
	return pathLogin + "?" + url.Values{"next": {next}}.Encode()
}

// safeNext returns next when it is a path on this site, and the Analytics
// page otherwise. It rejects absolute URLs and paths that browsers read as
// another host ("//host", "/\host"), so a crafted sign-in link cannot send
// the person elsewhere.
func safeNext(next string) string {
	switch {
	case !strings.HasPrefix(next, "/"),
		strings.HasPrefix(next, "//"),
		strings.ContainsAny(next, "\\\r\n\t"):
		return pathAnalytics
	}

	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == pathLogin {
		return pathAnalytics
	}
	return next
}
