package ui

import (
	"net/url"
	"strings"
	"sync"

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
	// Data is the signed-in person. While the API cannot be reached it is
	// the device's stored owner, and Confirmed is false.
	Data      *shared.Me
	Confirmed bool
}

func handleLoadMe(ctx app.Context, a app.Action) {
	loadMe(ctx)
}

// loadMe checks who is signed in and stores the result under stateMe. A
// 401 response sends the browser to the sign-in page. When the API cannot be
// reached, the state gets the device's stored owner instead, so the pages
// still show whose figures they contain.
func loadMe(ctx app.Context) {
	seq := requests.begin(stateMe, func(uint64) {
		var previous meState
		ctx.GetState(stateMe, &previous)
		ctx.SetState(stateMe, meState{Status: statusLoading, Data: previous.Data, Confirmed: previous.Confirmed})
	})

	ctx.Async(func() {
		session := sessions.check(ctx)

		stored := requests.finish(stateMe, seq, func() {
			if session.Me == nil {
				ctx.SetState(stateMe, meState{Status: statusFailed, Err: userMessage(session.Err)})
				return
			}
			ctx.SetState(stateMe, meState{Status: statusReady, Data: session.Me, Confirmed: session.Confirmed})
		})
		if stored && isUnauthenticated(session.Err) {
			redirectToLogin(ctx)
		}
	})
}

// sessionResult is the outcome of sessionChecker.check: the signed-in
// person, and whether the API confirmed them.
type sessionResult struct {
	// Me is the signed-in person when Confirmed. Otherwise it is the
	// device's stored owner, or nil when the device stores none or the API
	// responded with 401.
	Me *shared.Me
	// Confirmed reports that GET /api/auth/me returned Me during this run of
	// the app.
	Confirmed bool
	// Err is the error that kept the API from confirming the session, or
	// nil.
	Err error
}

// sessionChecker requests the signed-in person from the API and keeps the
// device's stored copies in line with the response. The copies belong to
// one person, and they are deleted before a different person's session can
// show anything. Every analytics load waits for the check, so no stored
// figure is shown before it.
type sessionChecker struct {
	mu        sync.Mutex
	confirmed *shared.Me
	pending   chan struct{}
	last      sessionResult
	// generation counts resets, so that a check started before a reset
	// cannot store its result after it.
	generation uint64
}

// sessions is the app's one sessionChecker.
var sessions = &sessionChecker{}

// check returns the signed-in person. The first call sends GET
// /api/auth/me, and calls made while that request runs wait for it and
// share its result. A confirmed result is kept until reset. A failed one is
// not, so the next call sends the request again.
//
// On success, when the device's stored owner is someone else, check deletes
// every stored copy before it records the new owner. On 401 it deletes them
// too. On any other failure it leaves them, and returns the stored owner.
func (c *sessionChecker) check(ctx app.Context) sessionResult {
	c.mu.Lock()
	if c.confirmed != nil {
		me := *c.confirmed
		c.mu.Unlock()
		return sessionResult{Me: &me, Confirmed: true}
	}
	if c.pending != nil {
		wait := c.pending
		c.mu.Unlock()
		<-wait

		c.mu.Lock()
		defer c.mu.Unlock()
		return c.last
	}
	done := make(chan struct{})
	c.pending = done
	generation := c.generation
	c.mu.Unlock()

	result := askSession(ctx)

	c.mu.Lock()
	c.pending = nil
	c.last = result
	if result.Confirmed && generation == c.generation {
		me := *result.Me
		c.confirmed = &me
	}
	c.mu.Unlock()
	close(done)
	return result
}

// reset drops the confirmed person, so the next check requests it again.
func (c *sessionChecker) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()

	c.confirmed = nil
	c.generation++
}

// askSession sends GET /api/auth/me and reconciles the device's stored
// copies with the response, as sessionChecker.check describes.
func askSession(ctx app.Context) sessionResult {
	var me shared.Me
	err := getJSON(ctx, shared.PathMe, &me)
	store := ctx.LocalStorage()

	switch {
	case err == nil:
		if owner := readOwner(store); owner != nil && owner.ID != me.ID {
			forgetDevice(store)
		}
		if err := writeOwner(store, me); err != nil {
			app.Logf("recording the device's owner failed: %v", err)
		}
		return sessionResult{Me: &me, Confirmed: true}

	case isUnauthenticated(err):
		forgetDevice(store)
		return sessionResult{Err: err}

	default:
		return sessionResult{Me: readOwner(store), Err: err}
	}
}

// clearSession resets every state loaded for the signed-in person, so that
// nothing of theirs is shown to the next person who signs in in the same
// tab. Responses still in flight are dropped, and the next request checks
// the session again. It leaves the device's stored copies alone: signing
// out deletes them with forgetDevice.
func clearSession(ctx app.Context) {
	requests.reset()
	sessions.reset()
	ctx.SetState(stateMe, meState{})
	for _, key := range allViewKeys() {
		ctx.SetState(key.stateName(), usageState{})
	}
}

// redirectToLogin deletes the device's stored copies and sends the browser
// to the sign-in page, which returns to the current page after signing in. It does nothing on the sign-in page
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
		forgetDevice(ctx.LocalStorage())
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
