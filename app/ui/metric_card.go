package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// metricCard shows one headline figure, such as the number of generations.
type metricCard struct {
	app.Compo

	// Metric names the figure for programs, in the data-metric attribute
	// of the element that shows it, as in "generations".
	Metric string
	// Label names the figure.
	Label string
	// Value is the figure. Nil means it is withheld to protect privacy.
	Value *int64
	// Note is a short line under the figure.
	Note string
	// WithheldNote replaces Note when Value is nil. It is the reason the
	// figure is hidden.
	WithheldNote string
}

func newMetricCard() *metricCard {
	return &metricCard{}
}

// SetMetric sets the name of the figure for programs.
func (c *metricCard) SetMetric(metric string) *metricCard {
	c.Metric = metric
	return c
}

// SetLabel sets the name of the figure.
func (c *metricCard) SetLabel(label string) *metricCard {
	c.Label = label
	return c
}

// SetValue sets the figure, or nil when it is withheld.
func (c *metricCard) SetValue(v *int64) *metricCard {
	c.Value = v
	return c
}

// SetNote sets the short line under the figure.
func (c *metricCard) SetNote(note string) *metricCard {
	c.Note = note
	return c
}

// SetWithheldNote sets the reason shown when the figure is withheld.
func (c *metricCard) SetWithheldNote(note string) *metricCard {
	c.WithheldNote = note
	return c
}

// Render draws the figure in an element whose data-metric is Metric and
// whose data-value is the raw number, or "hidden" when it is withheld.
func (c *metricCard) Render() app.UI {
	if c.Value == nil {
		return app.Div().
			Class("card", "metric", "is-withheld").
			Body(
				app.P().Class("metric-label").Text(c.Label),
				app.P().
					Class("metric-value").
					Body(
						app.Span().
							DataSet("metric", c.Metric).
							DataSet("value", "hidden").
							Aria("hidden", true).
							Text("—"),
						app.Span().Class("visually-hidden").Text("Withheld"),
					),
				app.P().Class("metric-note").Text(c.WithheldNote),
			)
	}

	return app.Div().
		Class("card", "metric").
		Body(
			app.P().Class("metric-label").Text(c.Label),
			app.P().
				Class("metric-value").
				DataSet("metric", c.Metric).
				DataSet("value", strconv.FormatInt(*c.Value, 10)).
				Text(formatCount(*c.Value)),
			app.P().Class("metric-note").Text(c.Note),
		)
}
