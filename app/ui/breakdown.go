package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shareRow is one line of a breakdown: a name, how many generations it
// stands for and its share of all generations.
type shareRow struct {
	// Key identifies the row for programs, in its data-row attribute, as in
	// "model:gemini-veo-3.1" or "provider:other".
	Key  string
	Name string
	// Detail is a short second line, such as the model's provider.
	Detail     string
	Count      int64
	Percentage float64
	// Other marks the row that groups everything not listed by name. It is
	// drawn apart from the named rows, muted, with a "Grouped" tag and a
	// dashed bar.
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

// shareItem returns one row with a progress bar that states its share. The
// row carries its key, count and percentage as data attributes, and the
// Other row also data-other="true".
func shareItem(row shareRow) app.UI {
	percent := formatPercent(row.Percentage)

	item := app.Li().
		Class("share-row").
		DataSet("row", row.Key).
		DataSet("count", strconv.FormatInt(row.Count, 10)).
		DataSet("percentage", strconv.FormatFloat(row.Percentage, 'f', 1, 64))
	if row.Other {
		item = item.Class("is-other").DataSet("other", "true")
	}

	return item.
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
							app.If(row.Other, func() app.UI {
								return app.Span().Class("share-tag").Text("Grouped")
							}),
						),
					app.Span().
						Class("share-figures").
						Body(
							app.Span().
								Class("share-count").
								Body(
									app.Text(formatCount(row.Count)),
									app.Span().Class("visually-hidden").Text(" "+plural(row.Count, "generation", "generations")+", "),
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
