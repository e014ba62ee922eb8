package ui

import (
	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// dashboardTopModels is how many models the dashboard lists.
const dashboardTopModels = 3

// dashboardView is the view the dashboard shows: the person's own figures
// over all time.
var dashboardView = viewKey{Scope: scopeMy, Range: shared.RangeAll}

// dashboardPage is /: a greeting, the person's own totals, their top models
// and a way into Analytics. Its figures come through the same loading path
// and state as the My tab of Analytics over all time.
type dashboardPage struct {
	app.Compo

	me    meState
	usage usageState
	retry autoRetry
}

func newDashboardPage() *dashboardPage {
	return &dashboardPage{}
}

func (p *dashboardPage) OnMount(ctx app.Context) {
	ctx.ObserveState(stateMe, &p.me)
	ctx.ObserveState(dashboardView.stateName(), &p.usage).OnChange(func() {
		p.retry.schedule(ctx, func() usageState { return p.usage }, p.load)
	})
	ctx.Handle(actionNetworkOnline, func(ctx app.Context, a app.Action) {
		p.load(ctx)
	})
}

// OnNav loads the person's figures in the browser. When the server
// prerenders the page, nothing is fetched.
func (p *dashboardPage) OnNav(ctx app.Context) {
	setPageTitle(ctx, "Dashboard")
	if app.IsClient {
		p.load(ctx)
	}
}

func (p *dashboardPage) load(ctx app.Context) {
	ctx.NewActionWithValue(actionLoadAnalytics, dashboardView)
}

func (p *dashboardPage) Render() app.UI {
	greeting := "Welcome"
	if p.me.Data != nil && p.me.Data.DisplayName != "" {
		greeting = "Welcome, " + p.me.Data.DisplayName
	}

	return newShell().
		SetActive(pathDashboard).
		Body(
			app.Div().
				Class("page-header", "page-header-split").
				Body(
					app.Div().Body(
						app.H1().Class("page-title").Text(greeting),
						app.P().Class("page-lead").Text("Your own generations at a glance."),
					),
					app.A().
						Class("button", "button-primary").
						Href(pathAnalytics).
						Body(
							app.Span().Text("Open Analytics"),
							icon(iconArrow),
						),
				),
			app.If(p.usage.showsOldFigures(), func() app.UI {
				return newStaleBanner().
					SetFailure(p.usage.Failure).
					SetFetchedAt(p.usage.FetchedAt)
			}),
			p.content(),
		)
}

func (p *dashboardPage) content() app.UI {
	data := p.usage.Data

	switch {
	case p.usage.Status == statusFailed && data == nil && p.usage.Failure == failureOffline:
		return newNeverSeenState().SetView(viewDescription(dashboardView))

	case p.usage.Status == statusFailed && data == nil:
		return newErrorState().
			SetMessage(p.usage.Err).
			SetOnRetry(p.load)

	case data == nil || data.Usage == nil:
		return newUsageSkeleton().SetLabel("Loading your figures…")

	case data.TotalGenerations == 0:
		state := newEmptyState().
			SetTitle("Nothing generated yet").
			SetMessage("Once you generate images or videos in the studio, your totals and favourite models will show up here.")
		if base := platformURL(); base != "" {
			state = state.SetAction(base+"/projects", "Open your projects")
		}
		return state
	}

	u := data.Usage

	return app.Div().
		Class("usage").
		Body(
			usageMetrics(u, withheldNote(0)),
			newBreakdown().
				SetTitle("Your top models").
				SetCaption("The models you use most, by share of your generations.").
				SetRows(modelRows(topNamedModels(u.TopModels, dashboardTopModels))),
		)
}

// topNamedModels returns the first n rows of models that name one model,
// leaving out the Other row.
func topNamedModels(models []shared.ModelShare, n int) []shared.ModelShare {
	top := make([]shared.ModelShare, 0, n)
	for _, m := range models {
		if len(top) == n {
			break
		}
		if !m.Other {
			top = append(top, m)
		}
	}
	return top
}
