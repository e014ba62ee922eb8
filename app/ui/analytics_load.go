package ui

import (
	"fmt"
	"net/url"

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

// parseScope returns the scope named by v, or scopeMy when v names none.
func parseScope(v string) scope {
	if scope(v) == scopeGlobal {
		return scopeGlobal
	}
	return scopeMy
}

// viewKey identifies one analytics view: what one request loads and one
// state stores. A time range will join Scope here.
type viewKey struct {
	Scope scope
}

// stateName returns the name of the state that holds the view's usageState.
func (k viewKey) stateName() string {
	return "analytics/" + string(k.Scope)
}

// usageState is the value stored under a viewKey's state name.
type usageState struct {
	Status loadStatus
	// Err is a sentence for the person when Status is statusFailed.
	Err string
	// Data holds the figures of the latest successful request. A view of
	// scopeMy stores its shared.Usage with Available set to true. Data stays
	// set while a newer request is loading, so a refresh keeps the figures on
	// screen.
	Data *shared.GlobalUsage
	// Seq is the number of the request that produced this value.
	Seq uint64
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
// screen. It marks the view as loading, fetches it in the background and
// stores the result under key.stateName(), unless a newer request for the
// same view started in the meantime.
func loadAnalytics(ctx app.Context, key viewKey) {
	name := key.stateName()

	seq := requests.begin(name, func(seq uint64) {
		var previous usageState
		ctx.GetState(name, &previous)
		ctx.SetState(name, usageState{Status: statusLoading, Data: previous.Data, Seq: seq})
	})

	ctx.Async(func() {
		data, err := fetchView(ctx, key)

		stored := requests.finish(name, seq, func() {
			next := usageState{Status: statusReady, Data: data, Seq: seq}
			if err != nil {
				var previous usageState
				ctx.GetState(name, &previous)
				next = usageState{Status: statusFailed, Err: userMessage(err), Data: previous.Data, Seq: seq}
			}
			ctx.SetState(name, next)
		})
		if !stored {
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
	switch key.Scope {
	case scopeGlobal:
		var global shared.GlobalUsage
		if err := getJSON(ctx, shared.PathGlobalUsage, &global); err != nil {
			return nil, err
		}
		return &global, nil

	case scopeMy:
		var usage shared.Usage
		if err := getJSON(ctx, shared.PathUsage, &usage); err != nil {
			return nil, err
		}
		return &shared.GlobalUsage{Available: true, Usage: &usage}, nil

	default:
		return nil, fmt.Errorf("unknown analytics scope %q", key.Scope)
	}
}

// analyticsURL returns the address of the Analytics page showing tab s.
func analyticsURL(s scope) string {
	return pathAnalytics + "?" + url.Values{"tab": {string(s)}}.Encode()
}
