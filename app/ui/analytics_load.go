package ui

import (
	"fmt"
	"net/url"
	"time"

	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// actionLoadAnalytics is the action that loads one analytics view. Its
// value is a viewKey. Components post it and observe the state named by
// viewKey.stateName, never calling the API themselves.
const actionLoadAnalytics = "analytics/load"

// scope is whose generations an analytics view covers.
type scope string

const (
	scopeMy     scope = "my"
	scopeGlobal scope = "global"
)

// scopes lists every scope in the order of the Analytics page's tabs.
var scopes = []scope{scopeMy, scopeGlobal}

// parseScope returns the scope named by v, or scopeMy when v names none.
func parseScope(v string) scope {
	if scope(v) == scopeGlobal {
		return scopeGlobal
	}
	return scopeMy
}

// parseRange returns the range named by v, or shared.DefaultRange when v
// names none, so a mistyped link still opens a view.
func parseRange(v string) shared.Range {
	r, err := shared.ParseRange(v)
	if err != nil {
		return shared.DefaultRange
	}
	return r
}

// viewKey identifies one analytics view: whose generations over which time
// range. One request loads it, one state holds it and one stored copy keeps
// it.
type viewKey struct {
	Scope scope
	Range shared.Range
}

// stateName returns the name of the state that holds the view's usageState.
func (k viewKey) stateName() string {
	return "analytics/" + string(k.Scope) + "/" + string(k.Range)
}

// String returns the key as "scope:range", as in "global:30d".
func (k viewKey) String() string {
	return string(k.Scope) + ":" + string(k.Range)
}

// allViewKeys returns the key of every scope and range.
func allViewKeys() []viewKey {
	var keys []viewKey
	for _, s := range scopes {
		for _, r := range shared.Ranges() {
			keys = append(keys, viewKey{Scope: s, Range: r})
		}
	}
	return keys
}

// usageState is the value stored under a viewKey's state name.
type usageState struct {
	Status loadStatus
	// Err is a sentence for the person when Status is statusFailed.
	Err string
	// Failure classifies the latest request when Status is statusFailed.
	// While a newer request loads it keeps the previous value, so a banner
	// about old figures stays until fresh ones arrive.
	Failure failure
	// Data holds the figures shown: those of the latest successful request,
	// or after a failure for lack of network or server, the device's stored
	// copy when it is newer. A view of scopeMy stores its shared.Usage with
	// Available set to true. Data stays set while a newer request is
	// loading, so a refresh keeps the figures on screen.
	Data *shared.GlobalUsage
	// FetchedAt is when the API sent Data.
	FetchedAt time.Time
	// Seq is the number of the request that produced this value.
	Seq uint64
}

// showsOldFigures reports whether the state shows figures kept from an
// earlier response because the latest request failed for lack of network
// or server. The page then shows a banner about it.
func (s usageState) showsOldFigures() bool {
	if s.Data == nil {
		return false
	}
	return s.Failure == failureOffline || s.Failure == failureServer
}

func handleLoadAnalytics(ctx app.Context, a app.Action) {
	key, ok := a.Value.(viewKey)
	if !ok {
		app.Logf("ignoring %s action: value is %T, want viewKey", a.Name, a.Value)
		return
	}
	loadAnalytics(ctx, key)
}

// loadAnalytics is the one path by which analytics data reaches the
// screen. It marks the view as loading, then in the background checks the
// session, fetches the view and stores the result under key.stateName(),
// unless a newer request for the same view started in the meantime.
//
// A successful response is also kept on the device for its owner. When the
// browser is offline, the server responds with a 5xx status or the request
// times out, the state gets the stored copy instead, with its fetch time.
func loadAnalytics(ctx app.Context, key viewKey) {
	name := key.stateName()

	seq := requests.begin(name, func(seq uint64) {
		var next usageState
		ctx.GetState(name, &next)
		next.Status = statusLoading
		next.Seq = seq
		ctx.SetState(name, next)
	})

	ctx.Async(func() {
		session := sessions.check(ctx)
		err := session.Err

		var data *shared.GlobalUsage
		fetchedAt := time.Now()
		if session.Confirmed {
			data, err = fetchView(ctx, key)
			fetchedAt = time.Now()
		}

		store := ctx.LocalStorage()
		failed := classifyFailure(err)
		var stored storedView
		var found bool
		switch {
		case err == nil:
			if saveErr := saveView(store, session.Me.ID, key, data, fetchedAt); saveErr != nil {
				app.Logf("keeping %s on the device failed: %v", key, saveErr)
			}
		case session.Me != nil && (failed == failureOffline || failed == failureServer):
			stored, found = readView(store, session.Me.ID, key)
		}

		applied := requests.finish(name, seq, func() {
			if err == nil {
				ctx.SetState(name, usageState{Status: statusReady, Data: data, FetchedAt: fetchedAt, Seq: seq})
				return
			}

			var previous usageState
			ctx.GetState(name, &previous)
			next := usageState{
				Status:    statusFailed,
				Err:       userMessage(err),
				Failure:   failed,
				Data:      previous.Data,
				FetchedAt: previous.FetchedAt,
				Seq:       seq,
			}
			if found && (next.Data == nil || stored.FetchedAt.After(next.FetchedAt)) {
				next.Data = stored.Data
				next.FetchedAt = stored.FetchedAt
			}
			ctx.SetState(name, next)
		})
		if !applied {
			app.Logf("dropped response %d for %s: a newer request replaced it", seq, name)
			return
		}

		if isUnauthenticated(err) {
			redirectToLogin(ctx)
		}
	})
}

// fetchView requests the figures of one view from the API.
func fetchView(ctx app.Context, key viewKey) (*shared.GlobalUsage, error) {
	query := "?" + url.Values{"range": {string(key.Range)}}.Encode()

	switch key.Scope {
	case scopeGlobal:
		var global shared.GlobalUsage
		if err := getJSON(ctx, shared.PathGlobalUsage+query, &global); err != nil {
			return nil, err
		}
		return &global, nil

	case scopeMy:
		var usage shared.Usage
		if err := getJSON(ctx, shared.PathUsage+query, &usage); err != nil {
			return nil, err
		}
		return &shared.GlobalUsage{Available: true, Range: usage.Range, Usage: &usage}, nil

	default:
		return nil, fmt.Errorf("unknown analytics scope %q", key.Scope)
	}
}

// analyticsURL returns the address of the Analytics page showing the tab of
// s over range r, as in "/analytics?tab=global&range=30d".
func analyticsURL(s scope, r shared.Range) string {
	return pathAnalytics + "?tab=" + url.QueryEscape(string(s)) + "&range=" + url.QueryEscape(string(r))
}
