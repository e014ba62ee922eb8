package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// neverSeenState is drawn in place of a view's figures when the browser is
// offline and the device keeps no copy of the view, because it was never
// loaded here while online.
type neverSeenState struct {
	app.Compo

	// View names the view in a sentence, as in "Global figures for the last
	// 30 days".
	View string
}

func newNeverSeenState() *neverSeenState {
	return &neverSeenState{View: "These figures"}
}

// SetView sets the name of the view.
func (s *neverSeenState) SetView(view string) *neverSeenState {
	s.View = view
	return s
}

func (s *neverSeenState) Render() app.UI {
	return app.Div().
		Class("card", "state", "state-never-seen").
		Body(
			app.Div().Class("state-icon").Body(icon(iconOffline)),
			app.H2().Class("state-title").Text("Not available offline"),
			app.P().
				Class("state-text").
				Text("You're offline, and "+lowerFirst(s.View)+" haven't been opened on this device while online, so there is no copy to show. They will load by themselves when you're back online."),
		)
}
