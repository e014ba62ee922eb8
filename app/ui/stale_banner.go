package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Values of a banner's data-banner attribute.
const (
	bannerOffline           = "offline"
	bannerServerUnavailable = "server-unavailable"
	bannerUpdate            = "update"
)

// staleBanner is the notice that the figures below it are a copy from an
// earlier visit. It names the reason the latest ones are missing and the
// time the copy was fetched.
type staleBanner struct {
	app.Compo

	// Failure is the kind of failure of the latest request: failureOffline
	// or failureServer.
	Failure failure
	// FetchedAt is when the API sent the figures shown.
	FetchedAt time.Time
}

func newStaleBanner() *staleBanner {
	return &staleBanner{}
}

// SetFailure sets the kind of failure of the latest request.
func (b *staleBanner) SetFailure(f failure) *staleBanner {
	b.Failure = f
	return b
}

// SetFetchedAt sets when the figures shown were fetched.
func (b *staleBanner) SetFetchedAt(t time.Time) *staleBanner {
	b.FetchedAt = t
	return b
}

func (b *staleBanner) Render() app.UI {
	kind, reason := bannerServerUnavailable, "Server unavailable"
	if b.Failure == failureOffline {
		kind, reason = bannerOffline, "Offline"
	}

	return app.Div().
		Class("banner", "banner-"+kind).
		Role("status").
		DataSet("banner", kind).
		Body(
			app.P().
				Class("banner-text").
				Text(reason + " — showing figures from " + formatLocalTime(b.FetchedAt)),
		)
}
