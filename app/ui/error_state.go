package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// errorState is the notice that figures could not be loaded, with a Retry
// button.
type errorState struct {
	app.Compo

	// Title is the headline.
	Title string
	// Message is a sentence about what failed, in words the person
	// understands.
	Message string
	// OnRetry runs when Retry is clicked. Without it, no button is drawn.
	OnRetry func(app.Context)
}

func newErrorState() *errorState {
	return &errorState{Title: "Couldn't load these figures"}
}

// SetTitle sets the headline.
func (s *errorState) SetTitle(title string) *errorState {
	s.Title = title
	return s
}

// SetMessage sets the sentence about what failed.
func (s *errorState) SetMessage(message string) *errorState {
	s.Message = message
	return s
}

// SetOnRetry sets what Retry does.
func (s *errorState) SetOnRetry(f func(app.Context)) *errorState {
	s.OnRetry = f
	return s
}

func (s *errorState) Render() app.UI {
	return app.Div().
		Class("card", "state", "state-error").
		Role("alert").
		Body(
			app.H2().Class("state-title").Text(s.Title),
			app.P().Class("state-text").Text(s.Message),
			app.If(s.OnRetry != nil, func() app.UI {
				return app.Button().
					Class("button", "button-primary").
					Type("button").
					OnClick(s.retry).
					Body(
						icon(iconRetry),
						app.Span().Text("Retry"),
					)
			}),
		)
}

func (s *errorState) retry(ctx app.Context, e app.Event) {
	if s.OnRetry != nil {
		s.OnRetry(ctx)
	}
}
