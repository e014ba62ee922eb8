package ui

import (
	"fmt"
	"strings"
	"time"

	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// globalDisclaimer is shown on the Global tab whatever its state.
const globalDisclaimer = "Aggregated over everyone who uses the studio. No prompts or outputs are shown."

// Values of the visible tab panel's data-state attribute: what the panel
// shows for its view.
const (
	panelLoading     = "loading"
	panelReady       = "ready"
	panelEmpty       = "empty"
	panelError       = "error"
	panelUnavailable = "unavailable"
	panelNeverSeen   = "never-seen"
)

// analyticsPage is /analytics: a time range picker, then the My and Global
// tabs, each showing the usage figures of its scope over the range. The
// view comes from the URL query ?tab=my|global&range=7d|30d|90d|all, which
// defaults to my and all.
//
// Every view's figures are observed into their own field, and Render draws
// only the field of the view the URL names. A response for another view
// may still update its field, but it never replaces what is shown, so the
// last tab or range chosen wins whatever order the responses arrive in.
type analyticsPage struct {
	app.Compo

	tab   scope
	rng   shared.Range
	views map[viewKey]*usageState
	retry autoRetry
}

func newAnalyticsPage() *analyticsPage {
	p := &analyticsPage{
		tab:   scopeMy,
		rng:   shared.DefaultRange,
		views: make(map[viewKey]*usageState),
	}
	for _, key := range allViewKeys() {
		p.views[key] = &usageState{}
	}
	return p
}

func (p *analyticsPage) OnMount(ctx app.Context) {
	for key, state := range p.views {
		ctx.ObserveState(key.stateName(), state).OnChange(func() {
			if key == p.key() {
				p.scheduleRetry(ctx)
			}
		})
	}
	ctx.Handle(actionNetworkOnline, func(ctx app.Context, a app.Action) {
		p.load(ctx)
	})
}

// OnNav reads the tab and the range from the URL. In the browser it also
// loads the view's figures. When the server prerenders the page, nothing is
// fetched.
func (p *analyticsPage) OnNav(ctx app.Context) {
	setPageTitle(ctx, "Analytics")
	query := ctx.Page().URL().Query()
	p.tab = parseScope(query.Get("tab"))
	p.rng = parseRange(query.Get("range"))

	if app.IsClient {
		p.load(ctx)
	}
}

// key returns the view the URL names.
func (p *analyticsPage) key() viewKey {
	return viewKey{Scope: p.tab, Range: p.rng}
}

func (p *analyticsPage) load(ctx app.Context) {
	ctx.NewActionWithValue(actionLoadAnalytics, p.key())
}

// scheduleRetry loads the view shown again after retryDelay when its latest
// request failed for lack of network or server. The view shown when the
// retry is due is the one loaded, even if the person chose another one in
// the meantime.
func (p *analyticsPage) scheduleRetry(ctx app.Context) {
	p.retry.schedule(ctx, func() usageState {
		return *p.views[p.key()]
	}, p.load)
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
			newRangePicker().SetSelected(p.rng).SetScope(p.tab),
			newScopeTabs().SetSelected(p.tab).SetRange(p.rng),
			app.Range(analyticsTabs).Slice(func(i int) app.UI {
				return p.panel(analyticsTabs[i].Scope)
			}),
		)
}

// panel returns the tab panel of s. The panel of the tab not selected is
// hidden and empty. The visible one names its view in data-view and what it
// shows in data-state.
func (p *analyticsPage) panel(s scope) app.UI {
	panel := app.Section().
		ID(panelID(s)).
		Class("tab-panel").
		Role("tabpanel").
		Aria("labelledby", tabID(s))

	if s != p.tab {
		return panel.Hidden(true)
	}

	key := p.key()
	state := *p.views[key]
	status := panelState(state)
	panel = panel.
		TabIndex(0).
		DataSet("view", key.String()).
		DataSet("state", status).
		Aria("busy", status == panelLoading)
	if !state.FetchedAt.IsZero() {
		panel = panel.DataSet("fetched-at", state.FetchedAt.UTC().Format(time.RFC3339))
	}

	return panel.Body(
		app.If(state.showsOldFigures(), func() app.UI {
			return newStaleBanner().
				SetFailure(state.Failure).
				SetFetchedAt(state.FetchedAt)
		}),
		app.If(s == scopeGlobal, func() app.UI {
			return globalPrivacyNotice(state.Data)
		}),
		p.content(key, state),
	)
}

// panelState returns the data-state of a panel showing state.
func panelState(state usageState) string {
	data := state.Data
	switch {
	case state.Status == statusLoading || state.Status == "":
		return panelLoading
	case state.Status == statusFailed && data == nil && state.Failure == failureOffline:
		return panelNeverSeen
	case state.Status == statusFailed && (data == nil || state.Failure == failureRequest):
		return panelError
	case !data.Available || data.Usage == nil:
		return panelUnavailable
	case data.TotalGenerations == 0:
		return panelEmpty
	default:
		return panelReady
	}
}

// content returns what the panel of key shows for state.
func (p *analyticsPage) content(key viewKey, state usageState) app.UI {
	data := state.Data

	switch {
	case data == nil && state.Status == statusFailed && state.Failure == failureOffline:
		return newNeverSeenState().SetView(viewDescription(key))

	case data == nil && state.Status == statusFailed:
		return newErrorState().
			SetMessage(state.Err).
			SetOnRetry(p.load)

	case data == nil:
		return newUsageSkeleton().SetLabel("Loading analytics…")

	case !data.Available || data.Usage == nil:
		return newCohortState().
			SetCohort(data.Cohort).
			SetMessage(data.Message)

	case data.TotalGenerations == 0:
		return p.empty(key.Scope)
	}

	return app.Div().Body(
		app.If(state.Status == statusFailed && state.Failure == failureRequest, func() app.UI {
			return newErrorState().
				SetTitle("Couldn't refresh these figures").
				SetMessage(state.Err + " The figures below are from the last successful load.").
				SetOnRetry(p.load)
		}),
		newUsageView().
			SetUsage(data.Usage).
			SetScope(key.Scope).
			SetWithheldNote(withheldNote(privacyThreshold(data))),
	)
}

// viewDescription names a view in a sentence, as in "Global figures for the
// last 30 days".
func viewDescription(key viewKey) string {
	figures := "Your figures"
	if key.Scope == scopeGlobal {
		figures = "Global figures"
	}
	if key.Range == shared.RangeAll {
		return figures + " for all time"
	}
	return figures + " for the last " + rangeLabel(key.Range)
}

// globalPrivacyNotice returns the Global tab's notice: what the figures
// cover, the privacy threshold and, when data grouped rows under Other to
// protect privacy, how many. data may be nil while nothing is loaded.
func globalPrivacyNotice(data *shared.GlobalUsage) app.UI {
	var k int64
	var suppressed *shared.Suppressed
	if data != nil {
		k = data.Privacy.K
		suppressed = data.Suppressed
	}
	if k <= 0 {
		k = int64(minCohortUsers())
	}
	note := suppressionSentence(suppressed)

	return app.Div().
		Class("privacy-notice").
		Body(
			app.P().Class("disclaimer").Text(globalDisclaimer),
			app.P().
				Class("privacy-threshold").
				DataSet("privacy-threshold", k).
				Text(thresholdSentence(k)),
			app.If(note != "", func() app.UI {
				return app.P().
					Class("privacy-note").
					DataSet("privacy-note", true).
					Text(note)
			}),
		)
}

// thresholdSentence returns the sentence that states the privacy threshold
// k, as in "Global figures include only groups of at least 5 people." For a
// k of 0, which means the threshold is unknown, it states the rule without
// the number.
func thresholdSentence(k int64) string {
	if k <= 0 {
		return "Global figures include only groups large enough that no one can be singled out."
	}
	return fmt.Sprintf("Global figures include only groups of at least %s %s.",
		formatCount(k), plural(k, "person", "people"))
}

// suppressionSentence returns a sentence about the models, providers and
// media types that the server grouped as Other to protect privacy, as in
// "2 rarely used models and 1 provider are grouped as Other so no one can be
// singled out.", or "" when it grouped none.
func suppressionSentence(s *shared.Suppressed) string {
	if s == nil {
		return ""
	}

	type count struct {
		n                int64
		singular, plural string
	}
	counts := []count{
		{int64(s.Models), "model", "models"},
		{int64(s.Providers), "provider", "providers"},
		{int64(s.Types), "media type", "media types"},
	}

	var parts []string
	var total int64
	for _, c := range counts {
		if c.n <= 0 {
			continue
		}
		part := countNoun(c.n, c.singular, c.plural)
		if len(parts) == 0 {
			part = formatCount(c.n) + " rarely used " + plural(c.n, c.singular, c.plural)
		}
		parts = append(parts, part)
		total += c.n
	}
	if len(parts) == 0 {
		return ""
	}

	list := parts[0]
	if len(parts) > 1 {
		list = strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return fmt.Sprintf("%s %s grouped as Other so no one can be singled out.",
		list, plural(total, "is", "are"))
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

func (p *analyticsPage) empty(s scope) app.UI {
	if s == scopeGlobal {
		return newEmptyState().
			SetTitle("No generations yet").
			SetMessage("Nobody has generated anything in the studio in this time range. Figures will appear here after the first images and videos.")
	}

	state := newEmptyState().
		SetTitle("No generations yet").
		SetMessage("You haven't generated any images or videos in this time range. Your model mix and totals will appear here after your next generation.")
	if base := platformURL(); base != "" {
		state = state.SetAction(base+"/projects", "Open your projects")
	}
	return state
}

// withheldNote returns the reason shown for a total that the server
// withheld. need is the privacy threshold from the response. When it is 0,
// the threshold from MIN_COHORT_USERS is used.
func withheldNote(need int64) string {
	if need <= 0 {
		need = int64(minCohortUsers())
	}
	if need <= 0 {
		return "Hidden to protect privacy"
	}
	return fmt.Sprintf("Hidden: it could reveal the activity of fewer than %s %s",
		formatCount(need), plural(need, "person", "people"))
}
