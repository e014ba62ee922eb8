package ui

import (
	"fmt"
	"strings"

	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// globalDisclaimer is shown on the Global tab whatever its state.
const globalDisclaimer = "Aggregated over everyone who uses the studio. No prompts or outputs are shown."

// analyticsPage is /analytics: the My and Global tabs, each showing the
// usage figures of its scope. The tab comes from the URL query
// ?tab=my|global, which defaults to my.
//
// Each scope's figures are observed into their own field, and Render draws
// only the field of the selected tab. A response for the other tab may
// still update its field, but it never replaces what is shown.
type analyticsPage struct {
	app.Compo

	tab    scope
	my     usageState
	global usageState
}

func newAnalyticsPage() *analyticsPage {
	return &analyticsPage{tab: scopeMy}
}

func (p *analyticsPage) OnMount(ctx app.Context) {
	ctx.ObserveState(viewKey{Scope: scopeMy}.stateName(), &p.my)
	ctx.ObserveState(viewKey{Scope: scopeGlobal}.stateName(), &p.global)
}

// OnNav reads the tab from the URL. In the browser it also loads the tab's
// figures. When the server prerenders the page, nothing is fetched.
func (p *analyticsPage) OnNav(ctx app.Context) {
	setPageTitle(ctx, "Analytics")
	p.tab = parseScope(ctx.Page().URL().Query().Get("tab"))

	if app.IsClient {
		p.load(ctx, p.tab)
	}
}

func (p *analyticsPage) load(ctx app.Context, s scope) {
	ctx.NewActionWithValue(actionLoadAnalytics, viewKey{Scope: s})
}

func (p *analyticsPage) Render() app.UI {
	return newShell().
		SetActive(pathAnalytics).
		Body(
			app.Div().
				Class("page-header").
				Body(
					app.H1().Class("page-title").Text("Analytics"),
					app.P().
						Class("page-lead").
						Text("See how generations split across models, providers and media types."),
				),
			newScopeTabs().SetSelected(p.tab),
			app.Range(analyticsTabs).Slice(func(i int) app.UI {
				return p.panel(analyticsTabs[i].Scope)
			}),
		)
}

// panel returns the tab panel of s. The panel of the tab not selected is
// hidden and empty.
func (p *analyticsPage) panel(s scope) app.UI {
	panel := app.Section().
		ID(panelID(s)).
		Class("tab-panel").
		Role("tabpanel").
		Aria("labelledby", tabID(s))

	if s != p.tab {
		return panel.Hidden(true)
	}

	var disclaimer app.UI
	if s == scopeGlobal {
		disclaimer = app.P().Class("disclaimer").Text(globalDisclaimer)
	}

	return panel.
		TabIndex(0).
		Body(
			disclaimer,
			p.content(s),
		)
}

// content returns what the panel of s shows for the state of its request.
func (p *analyticsPage) content(s scope) app.UI {
	state := p.my
	if s == scopeGlobal {
		state = p.global
	}
	data := state.Data

	switch {
	case state.Status == statusFailed && data == nil:
		return newErrorState().
			SetMessage(state.Err).
			SetOnRetry(func(ctx app.Context) { p.load(ctx, s) })

	case data == nil:
		return newUsageSkeleton().SetLabel("Loading analytics…")

	case !data.Available || data.Usage == nil:
		return newCohortState().
			SetCohort(data.Cohort).
			SetMessage(data.Message)

	case data.TotalGenerations == 0:
		return p.empty(s)
	}

	return app.Div().Body(
		app.If(state.Status == statusFailed, func() app.UI {
			return newErrorState().
				SetTitle("Couldn't refresh these figures").
				SetMessage(state.Err + " The figures below are from the last successful load.").
				SetOnRetry(func(ctx app.Context) { p.load(ctx, s) })
		}),
		newUsageView().
			SetUsage(data.Usage).
			SetScope(s).
			SetWithheldNote(withheldNote(privacyThreshold(data))).
			SetPrivacyNote(privacyNote(data)),
	)
}

// privacyThreshold returns the least number of people behind each global
// figure: the privacy rule's k when the server sent one, and the cohort
// threshold otherwise.
func privacyThreshold(data *shared.GlobalUsage) int64 {
	if data.Privacy.K > 0 {
		return data.Privacy.K
	}
	return data.Cohort.MinUsersRequired
}

// privacyNote returns a sentence about the models, providers and media types
// that the server grouped under Other to protect privacy, or "" when it
// grouped none.
func privacyNote(data *shared.GlobalUsage) string {
	if data.Suppressed == nil {
		return ""
	}

	var parts []string
	if n := data.Suppressed.Models; n > 0 {
		parts = append(parts, countNoun(int64(n), "model", "models"))
	}
	if n := data.Suppressed.Providers; n > 0 {
		parts = append(parts, countNoun(int64(n), "provider", "providers"))
	}
	if n := data.Suppressed.Types; n > 0 {
		parts = append(parts, countNoun(int64(n), "media type", "media types"))
	}
	if len(parts) == 0 {
		return ""
	}

	list := strings.Join(parts, ", ")
	if len(parts) > 1 {
		list = strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return fmt.Sprintf("To protect privacy, %s %s counted under Other instead of being named.",
		list, plural(sumSuppressed(data.Suppressed), "is", "are"))
}

func sumSuppressed(s *shared.Suppressed) int64 {
	return int64(s.Models + s.Providers + s.Types)
}

func (p *analyticsPage) empty(s scope) app.UI {
	if s == scopeGlobal {
		return newEmptyState().
			SetTitle("No generations yet").
			SetMessage("Nobody has generated anything in the studio yet. Figures will appear here after the first images and videos.")
	}

	state := newEmptyState().
		SetTitle("No generations yet").
		SetMessage("You haven't generated any images or videos yet. Your model mix and totals will appear here after your first generation.")
	if base := platformURL(); base != "" {
		state = state.SetAction(base+"/projects", "Open your projects")
	}
	return state
}

// withheldNote returns the reason shown for a total that the server
// withheld. need is the cohort threshold from the response; when it is 0,
// the threshold from MIN_COHORT_USERS is used.
func withheldNote(need int64) string {
	if need <= 0 {
		need = int64(minCohortUsers())
	}
	if need <= 0 {
		return "Hidden to protect privacy"
	}
	return fmt.Sprintf("Hidden: fewer than %s people", formatCount(need))
}
