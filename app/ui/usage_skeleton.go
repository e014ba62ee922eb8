package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// usageSkeleton is the placeholder drawn while figures load: grey blocks in
// the shape of the metric cards and a breakdown, and a status message for
// screen readers.
type usageSkeleton struct {
	app.Compo

	// Cards is how many metric card placeholders to draw.
	Cards int
	// Label is the status message read by screen readers.
	Label string
}

func newUsageSkeleton() *usageSkeleton {
	return &usageSkeleton{Cards: 3, Label: "Loading figures…"}
}

// SetCards sets how many metric card placeholders to draw.
func (s *usageSkeleton) SetCards(n int) *usageSkeleton {
	s.Cards = n
	return s
}

// SetLabel sets the status message read by screen readers.
func (s *usageSkeleton) SetLabel(label string) *usageSkeleton {
	s.Label = label
	return s
}

func (s *usageSkeleton) Render() app.UI {
	cards := make([]app.UI, s.Cards)
	for i := range cards {
		cards[i] = app.Div().
			Class("card", "metric", "skeleton-card").
			Body(
				app.Div().Class("skeleton", "skeleton-label"),
				app.Div().Class("skeleton", "skeleton-value"),
				app.Div().Class("skeleton", "skeleton-note"),
			)
	}

	rows := make([]app.UI, 4)
	for i := range rows {
		rows[i] = app.Div().
			Class("skeleton-row").
			Body(
				app.Div().Class("skeleton", "skeleton-line"),
				app.Div().Class("skeleton", "skeleton-bar"),
			)
	}

	return app.Div().
		Class("usage", "is-loading").
		Aria("busy", true).
		Body(
			app.P().
				Class("visually-hidden").
				Role("status").
				Text(s.Label),
			app.Div().Class("metric-grid").Aria("hidden", true).Body(cards...),
			app.Div().
				Class("card", "breakdown", "skeleton-section").
				Aria("hidden", true).
				Body(
					app.Div().Class("skeleton", "skeleton-title"),
					app.Div().Body(rows...),
				),
		)
}
