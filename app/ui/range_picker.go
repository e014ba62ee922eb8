package ui

import (
	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// rangeOption describes one choice of rangePicker.
type rangeOption struct {
	Range shared.Range
	Label string
}

// rangeOptions lists the time ranges in the order shown, from the narrowest
// to all time.
var rangeOptions = []rangeOption{
	{Range: shared.Range7d, Label: "7 days"},
	{Range: shared.Range30d, Label: "30 days"},
	{Range: shared.Range90d, Label: "90 days"},
	{Range: shared.RangeAll, Label: "All time"},
}

// rangeLabel returns the label of r as the picker shows it, such as
// "30 days".
func rangeLabel(r shared.Range) string {
	for _, option := range rangeOptions {
		if option.Range == r {
			return option.Label
		}
	}
	return string(r)
}

// rangePicker is the time range choice above the Analytics tabs, following
// the WAI-ARIA radio group pattern: only the checked option is in the Tab
// order, and the arrow keys, Home and End move the choice. Choosing a range
// navigates to /analytics?tab=…&range=…, so the URL always names the view
// shown and both tabs share the range.
type rangePicker struct {
	app.Compo

	// Selected is the range shown.
	Selected shared.Range
	// Scope is the tab shown, kept in the URL when the range changes.
	Scope scope
}

func newRangePicker() *rangePicker {
	return &rangePicker{Selected: shared.DefaultRange, Scope: scopeMy}
}

// SetSelected sets the range shown.
func (p *rangePicker) SetSelected(r shared.Range) *rangePicker {
	p.Selected = r
	return p
}

// SetScope sets the tab shown.
func (p *rangePicker) SetScope(s scope) *rangePicker {
	p.Scope = s
	return p
}

func (p *rangePicker) Render() app.UI {
	return app.Div().
		Class("range-picker").
		Role("radiogroup").
		Aria("label", "Time range").
		Body(
			app.Range(rangeOptions).Slice(func(i int) app.UI {
				option := rangeOptions[i]
				checked := option.Range == p.Selected

				tabIndex := -1
				if checked {
					tabIndex = 0
				}

				return app.Button().
					ID(rangeOptionID(option.Range)).
					Class("range-option").
					Type("button").
					Role("radio").
					Aria("checked", checked).
					DataSet("range", string(option.Range)).
					TabIndex(tabIndex).
					OnClick(func(ctx app.Context, e app.Event) {
						p.choose(ctx, option.Range)
					}, app.EventScope(string(option.Range))).
					OnKeyDown(func(ctx app.Context, e app.Event) {
						p.onKeyDown(ctx, e, i)
					}, app.EventScope(string(option.Range))).
					Text(option.Label)
			}),
		)
}

// rangeOptionID returns the id of the picker's button for r.
func rangeOptionID(r shared.Range) string {
	return "range-" + string(r)
}

// onKeyDown moves the choice with the arrow keys, Home and End, and moves
// the focus to the newly chosen option.
func (p *rangePicker) onKeyDown(ctx app.Context, e app.Event, index int) {
	count := len(rangeOptions)
	next := index
	switch e.Get("key").String() {
	case "ArrowRight", "ArrowDown":
		next = (index + 1) % count
	case "ArrowLeft", "ArrowUp":
		next = (index - 1 + count) % count
	case "Home":
		next = 0
	case "End":
		next = count - 1
	default:
		return
	}
	e.PreventDefault()

	r := rangeOptions[next].Range
	app.Window().GetElementByID(rangeOptionID(r)).Call("focus")
	p.choose(ctx, r)
}

// choose shows range r by navigating to its URL. The Analytics page reads
// the range from the URL when the navigation completes.
func (p *rangePicker) choose(ctx app.Context, r shared.Range) {
	if r == p.Selected {
		return
	}
	ctx.Navigate(analyticsURL(p.Scope, r))
}
