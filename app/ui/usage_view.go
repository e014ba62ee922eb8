package ui

import (
	"fmt"

	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// usageView draws a shared.Usage: the headline figures, then the split by
// model, by provider and by media type. The My and Global tabs both use it.
type usageView struct {
	app.Compo

	// Usage is the summary to draw. It must not be nil.
	Usage *shared.Usage
	// Scope selects the wording: the person's own generations or everyone's.
	Scope scope
	// WithheldNote is the reason shown for a nil image or video total.
	WithheldNote string
}

func newUsageView() *usageView {
	return &usageView{}
}

// SetUsage sets the summary to draw.
func (v *usageView) SetUsage(u *shared.Usage) *usageView {
	v.Usage = u
	return v
}

// SetScope sets whose generations the summary covers.
func (v *usageView) SetScope(s scope) *usageView {
	v.Scope = s
	return v
}

// SetWithheldNote sets the reason shown for a withheld total.
func (v *usageView) SetWithheldNote(note string) *usageView {
	v.WithheldNote = note
	return v
}

func (v *usageView) Render() app.UI {
	u := v.Usage
	if u == nil {
		u = &shared.Usage{}
	}
	owner := "your"
	if v.Scope == scopeGlobal {
		owner = "everyone's"
	}

	return app.Div().
		Class("usage").
		Body(
			usageMetrics(u, v.WithheldNote),
			app.Div().
				Class("breakdown-grid").
				Body(
					newBreakdown().
						SetTitle("Models").
						SetCaption(fmt.Sprintf("Share of %s generations by model.", owner)).
						SetRows(modelRows(u.TopModels)),
					newBreakdown().
						SetTitle("Providers").
						SetCaption("The companies that made the models.").
						SetRows(providerRows(u.ByProvider)),
					newBreakdown().
						SetTitle("Media types").
						SetCaption("Generations by the kind of file the model makes.").
						SetRows(typeRows(u.ByType)),
				),
			app.If(!u.GeneratedAt.IsZero(), func() app.UI {
				return app.P().
					Class("generated-at").
					Text("Figures computed " + formatTime(u.GeneratedAt) + ".")
			}),
		)
}

// usageMetrics returns the metric cards of u's totals. withheld is the
// reason shown for a nil total.
func usageMetrics(u *shared.Usage, withheld string) app.UI {
	total := u.TotalGenerations
	return app.Div().
		Class("metric-grid").
		Body(
			newMetricCard().
				SetMetric("generations").
				SetLabel("Generations").
				SetValue(&total).
				SetNote("Every request, whatever its status"),
			newMetricCard().
				SetMetric("images").
				SetLabel("Images").
				SetValue(u.TotalImages).
				SetNote("Image files produced").
				SetWithheldNote(withheld),
			newMetricCard().
				SetMetric("videos").
				SetLabel("Videos").
				SetValue(u.TotalVideos).
				SetNote("Video files produced").
				SetWithheldNote(withheld),
		)
}

// modelRows returns the rows of the Models breakdown. The Other row is
// named by its label, as in "Other (3 models)".
func modelRows(models []shared.ModelShare) []shareRow {
	rows := make([]shareRow, 0, len(models))
	for _, m := range models {
		id := m.ModelID
		if m.Other {
			id = shared.OtherModelID
		}
		row := shareRow{
			Key:        "model:" + id,
			Name:       modelName(m),
			Detail:     modelDetail(m),
			Count:      m.Count,
			Percentage: m.Percentage,
			Other:      m.Other,
		}
		if m.Other {
			row.Detail = ""
		}
		rows = append(rows, row)
	}
	return rows
}

// modelName returns the name a model row is shown under.
func modelName(m shared.ModelShare) string {
	switch {
	case m.Other && m.Label != "":
		return m.Label
	case m.Other:
		return "Other models"
	case m.ModelName != "":
		return m.ModelName
	default:
		return m.ModelID
	}
}

// modelDetail returns the provider and media type of a model row, as in
// "Google · Video".
func modelDetail(m shared.ModelShare) string {
	provider := m.Provider
	if provider == "" {
		provider = shared.UnknownProvider
	}
	if kind := modelTypeLabel(m.Type); kind != "" {
		return provider + " · " + kind
	}
	return provider
}

func providerRows(providers []shared.ProviderShare) []shareRow {
	rows := make([]shareRow, 0, len(providers))
	for _, p := range providers {
		name := p.Provider
		key := p.Provider
		switch {
		case p.Other:
			key = shared.OtherProvider
		case key == "":
			key = shared.UnknownProvider
		}
		switch {
		case p.Other && p.Label != "":
			name = p.Label
		case p.Other:
			name = "Other providers"
		case name == "":
			name = shared.UnknownProvider
		}
		rows = append(rows, shareRow{Key: "provider:" + key, Name: name, Count: p.Count, Percentage: p.Percentage, Other: p.Other})
	}
	return rows
}

func typeRows(types []shared.TypeShare) []shareRow {
	rows := make([]shareRow, 0, len(types))
	for _, t := range types {
		name := mediaTypeLabel(t.Type)
		key := string(t.Type)
		if t.Other {
			key = string(shared.OtherMediaType)
		}
		switch {
		case t.Other && t.Label != "":
			name = t.Label
		case t.Other:
			name = "Other types"
		}
		rows = append(rows, shareRow{Key: "type:" + key, Name: name, Count: t.Count, Percentage: t.Percentage, Other: t.Other})
	}
	return rows
}
