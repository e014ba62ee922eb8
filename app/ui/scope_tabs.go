package ui

import (
	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// scopeTab describes one tab of scopeTabs.
type scopeTab struct {
	Scope scope
	Label string
}

// analyticsTabs lists the Analytics page's tabs in the order shown.
var analyticsTabs = []scopeTab{
	{Scope: scopeMy, Label: "My"},
	{Scope: scopeGlobal, Label: "Global"},
}

// tabID returns the id of the tab that shows s.
func tabID(s scope) string { return "tab-" + string(s) }

// panelID returns the id of the tab panel that shows s.
func panelID(s scope) string { return "panel-" + string(s) }

// scopeTabs is the My | Global tab list, following the WAI-ARIA tabs
// pattern: only the selected tab is in the Tab order, and the Left, Right,
// Home and End keys move the selection. Selecting a tab navigates to
// /analytics?tab=…&range=…, so the URL always names the view shown.
type scopeTabs struct {
	app.Compo

	// Selected is the scope of the tab shown.
	Selected scope
	// Range is the time range shown, kept in the URL when the tab changes.
	Range shared.Range
}

func newScopeTabs() *scopeTabs {
	return &scopeTabs{Selected: scopeMy, Range: shared.DefaultRange}
}

// SetSelected sets the scope of the tab shown.
func (t *scopeTabs) SetSelected(s scope) *scopeTabs {
	t.Selected = s
	return t
}

// SetRange sets the time range shown.
func (t *scopeTabs) SetRange(r shared.Range) *scopeTabs {
	t.Range = r
	return t
}

func (t *scopeTabs) Render() app.UI {
	return app.Div().
		Class("tabs").
		Role("tablist").
		Aria("label", "Whose generations").
		Body(
			app.Range(analyticsTabs).Slice(func(i int) app.UI {
				tab := analyticsTabs[i]
				selected := tab.Scope == t.Selected

				tabIndex := -1
				if selected {
					tabIndex = 0
				}

				return app.Button().
					ID(tabID(tab.Scope)).
					Class("tab").
					Type("button").
					Role("tab").
					Aria("selected", selected).
					Aria("controls", panelID(tab.Scope)).
					TabIndex(tabIndex).
					OnClick(func(ctx app.Context, e app.Event) {
						t.selectTab(ctx, tab.Scope)
					}, app.EventScope(tab.Scope)).
					OnKeyDown(func(ctx app.Context, e app.Event) {
						t.onKeyDown(ctx, e, i)
					}, app.EventScope(tab.Scope)).
					Text(tab.Label)
			}),
		)
}

// onKeyDown moves the selection with the arrow keys, Home and End, and
// moves the focus to the newly selected tab.
func (t *scopeTabs) onKeyDown(ctx app.Context, e app.Event, index int) {
	count := len(analyticsTabs)
	next := index
	switch e.Get("key").String() {
	case "ArrowRight":
		next = (index + 1) % count
	case "ArrowLeft":
		next = (index - 1 + count) % count
	case "Home":
		next = 0
	case "End":
		next = count - 1
	default:
		return
	}
	e.PreventDefault()

	s := analyticsTabs[next].Scope
	app.Window().GetElementByID(tabID(s)).Call("focus")
	t.selectTab(ctx, s)
}

// selectTab shows the tab for s by navigating to its URL. The Analytics page
// reads the tab from the URL when the navigation completes.
func (t *scopeTabs) selectTab(ctx app.Context, s scope) {
	if s == t.Selected {
		return
	}
	ctx.Navigate(analyticsURL(s, t.Range))
}
