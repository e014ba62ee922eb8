package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shareRow is one line of a breakdown: a name, how many generations it
// stands for and its share of all generations.
type shareRow struct {
	Name string
	// Detail is a short second line, such as the model's provider.
	Detail     string
	Count      int64
	Percentage float64
	// Other marks the row that groups everything not listed by name. It is
	// drawn muted with a dashed bar.
	Other bool
}

// breakdown is a titled list of shareRows, each with a bar showing its
// share.
type breakdown struct {
	app.Compo

	// Title names the section.
	Title string
	// Caption is a sentence under the title.
	Caption string
	// Rows are the lines, in the order shown.
	Rows []shareRow
}

func newBreakdown() *breakdown {
	return &breakdown{}
}

// SetTitle sets the section's name.
func (b *breakdown) SetTitle(title string) *breakdown {
	b.Title = title
	return b
}

// SetCaption sets the sentence under the title.
func (b *breakdown) SetCaption(caption string) *breakdown {
	b.Caption = caption
	return b
}

// SetRows sets the lines.
func (b *breakdown) SetRows(rows []shareRow) *breakdown {
	b.Rows = rows
	return b
}

func (b *breakdown) Render() app.UI {
	return app.Section().
		Class("card", "breakdown").
		Body(
			app.H2().Class("section-title").Text(b.Title),
			app.If(b.Caption != "", func() app.UI {
				return app.P().Class("section-caption").Text(b.Caption)
			}),
			app.If(len(b.Rows) == 0, func() app.UI {
				return app.P().Class("breakdown-empty").Text("Nothing to show yet.")
			}).Else(func() app.UI {
				return app.Ul().
					Class("share-list").
					Body(
						app.Range(b.Rows).Slice(func(i int) app.UI {
							return shareItem(b.Rows[i])
						}),
					)
			}),
		)
}

// shareItem returns one row with a progress bar that states its share.
func shareItem(row shareRow) app.UI {
	class := "share-row"
	if row.Other {
		class += " is-other"
	}
	percent := formatPercent(row.Percentage)

	return app.Li().
		Class(class).
		Body(
			app.Div().
				Class("share-head").
				Body(
					app.Span().
						Class("share-name").
						Body(
							app.Span().Class("share-title").Text(row.Name),
							app.If(row.Detail != "", func() app.UI {
								return app.Span().Class("share-detail").Text(row.Detail)
							}),
						),
					app.Span().
						Class("share-figures").
						Body(
							app.Span().
								Class("share-count").
								Body(
									app.Text(formatCount(row.Count)),
									app.Span().Class("visually-hidden").Text(" generations, "),
								),
							app.Span().Class("share-percent").Text(percent),
						),
				),
			app.Div().
				Class("bar").
				Role("progressbar").
				Aria("label", "Share of "+row.Name).
				Aria("valuenow", clampPercent(row.Percentage)).
				Aria("valuemin", 0).
				Aria("valuemax", 100).
				Aria("valuetext", percent+" of generations").
				Body(
					app.Div().
						Class("bar-fill").
						Style("width", percent),
				),
		)
}
