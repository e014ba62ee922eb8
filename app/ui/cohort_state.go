package ui

import (
	"fmt"

	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// cohortState is drawn in place of the global figures of a range that the
// server withheld: while too few people have generated in it, or when its
// figures next to those of longer ranges could single someone out.
type cohortState struct {
	app.Compo

	// Cohort holds how many people have generated and how many are needed.
	Cohort shared.Cohort
	// Message is the server's explanation. It is shown only when enough
	// people have generated, because otherwise it repeats the counts.
	Message string
}

func newCohortState() *cohortState {
	return &cohortState{}
}

// SetCohort sets the counts of people.
func (s *cohortState) SetCohort(c shared.Cohort) *cohortState {
	s.Cohort = c
	return s
}

// SetMessage sets the server's explanation.
func (s *cohortState) SetMessage(message string) *cohortState {
	s.Message = message
	return s
}

func (s *cohortState) Render() app.UI {
	have := max(s.Cohort.UniqueUsers, 0)
	need := max(s.Cohort.MinUsersRequired, 0)

	root := app.Div().Class("card", "state", "state-cohort")

	// Enough people generated, yet the server withheld the range: its
	// message gives that other reason, and the counts only add context.
	if need > 0 && have >= need {
		return root.Body(
			app.Div().Class("state-icon").Body(icon(iconUsers)),
			app.H2().Class("state-title").Text("Not enough data yet"),
			app.If(s.Message != "", func() app.UI {
				return app.P().Class("state-lead").Text(s.Message)
			}),
			app.P().
				Class("state-text").
				Text(fmt.Sprintf("%s %s generated in this range, and every global figure must come from at least %s.",
					formatCount(have), plural(have, "person", "people"), formatCount(need))),
		)
	}

	var percent float64
	if need > 0 {
		percent = clampPercent(float64(have) * 100 / float64(need))
	}

	return root.Body(
		app.Div().Class("state-icon").Body(icon(iconUsers)),
		app.H2().Class("state-title").Text("Not enough data yet"),
		app.P().Class("state-lead").Text(cohortSentence(have, need)),
		app.Div().
			Class("bar", "cohort-bar").
			Role("progressbar").
			Aria("label", "People who have generated").
			Aria("valuenow", have).
			Aria("valuemin", 0).
			Aria("valuemax", need).
			Aria("valuetext", fmt.Sprintf("%s of %s people", formatCount(have), formatCount(need))).
			Body(
				app.Div().
					Class("bar-fill").
					Style("width", formatPercent(percent)),
			),
	)
}

// cohortSentence returns a sentence such as "3 of the 5 people needed have
// generated so far."
func cohortSentence(have, need int64) string {
	return fmt.Sprintf("%s of the %s %s needed %s generated so far.",
		formatCount(have),
		formatCount(need),
		plural(need, "person", "people"),
		plural(have, "has", "have"))
}
