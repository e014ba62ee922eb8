package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// emptyState is drawn when there are no generations to count yet.
type emptyState struct {
	app.Compo

	// Title is the headline.
	Title string
	// Message is the sentence under the headline.
	Message string
	// ActionURL is the button's link, or "" for no button.
	ActionURL string
	// ActionLabel is the button's text.
	ActionLabel string
}

func newEmptyState() *emptyState {
	return &emptyState{}
}

// SetTitle sets the headline.
func (s *emptyState) SetTitle(title string) *emptyState {
	s.Title = title
	return s
}

// SetMessage sets the sentence under the headline.
func (s *emptyState) SetMessage(message string) *emptyState {
	s.Message = message
	return s
}

// SetAction sets the button's link and text. An empty url leaves the
// button out.
func (s *emptyState) SetAction(url, label string) *emptyState {
	s.ActionURL = url
	s.ActionLabel = label
	return s
}

func (s *emptyState) Render() app.UI {
	return app.Div().
		Class("card", "state", "state-empty").
		Body(
			app.Div().Class("state-icon").Body(icon(iconSpark)),
			app.H2().Class("state-title").Text(s.Title),
			app.P().Class("state-text").Text(s.Message),
			app.If(s.ActionURL != "", func() app.UI {
				return app.A().
					Class("button", "button-primary").
					Href(s.ActionURL).
					Text(s.ActionLabel)
			}),
		)
}
