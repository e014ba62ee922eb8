package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Icon names accepted by icon.
const (
	iconDashboard = "dashboard"
	iconAnalytics = "analytics"
	iconProjects  = "projects"
	iconReview    = "review"
	iconBookmarks = "bookmarks"
	iconSettings  = "settings"
	iconMenu      = "menu"
	iconRetry     = "retry"
	iconUsers     = "users"
	iconSpark     = "spark"
	iconArrow     = "arrow"
	iconOffline   = "offline"
)

// iconPaths holds the inner SVG of each icon, drawn on a 24 by 24 grid with
// round 1.8px strokes in the text colour.
var iconPaths = map[string]string{
	iconDashboard: `<rect x="3.5" y="3.5" width="7" height="7" rx="1.5"/><rect x="13.5" y="3.5" width="7" height="4.5" rx="1.5"/><rect x="13.5" y="11" width="7" height="9.5" rx="1.5"/><rect x="3.5" y="13.5" width="7" height="7" rx="1.5"/>`,
	iconAnalytics: `<path d="M4 20h16"/><path d="M7 16v-5"/><path d="M12 16V6"/><path d="M17 16v-8"/>`,
	iconProjects:  `<path d="M3.5 7.5a2 2 0 0 1 2-2h3.6l2 2.2h7.4a2 2 0 0 1 2 2v7.8a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2z"/>`,
	iconReview:    `<path d="M2.5 12s3.4-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.4 6.5-9.5 6.5S2.5 12 2.5 12z"/><circle cx="12" cy="12" r="2.8"/>`,
	iconBookmarks: `<path d="M7 3.5h10a1 1 0 0 1 1 1v16l-6-4-6 4v-16a1 1 0 0 1 1-1z"/>`,
	iconSettings:  `<path d="M4 7h9"/><path d="M17 7h3"/><circle cx="15" cy="7" r="2"/><path d="M4 17h3"/><path d="M11 17h9"/><circle cx="9" cy="17" r="2"/>`,
	iconMenu:      `<path d="M4 7h16"/><path d="M4 12h16"/><path d="M4 17h16"/>`,
	iconRetry:     `<path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3"/><path d="M19.5 4.5v4h-4"/>`,
	iconUsers:     `<circle cx="9" cy="8.5" r="3.2"/><path d="M3.5 19.5c.6-3.2 2.8-5 5.5-5s4.9 1.8 5.5 5"/><circle cx="16.8" cy="9.5" r="2.4"/><path d="M16.5 14.6c2.2.2 3.6 1.8 4 4.4"/>`,
	iconSpark:     `<path d="M12 3.5l1.9 5.1 5.1 1.9-5.1 1.9L12 17.5l-1.9-5.1L5 10.5l5.1-1.9z"/><path d="M18.5 16.5l.7 1.8 1.8.7-1.8.7-.7 1.8-.7-1.8-1.8-.7 1.8-.7z"/>`,
	iconArrow:     `<path d="M5 12h14"/><path d="M13 6l6 6-6 6"/>`,
	iconOffline:   `<path d="M3.5 9.2a12.5 12.5 0 0 1 5.2-2.9"/><path d="M13.6 6.1a12.5 12.5 0 0 1 6.9 3.1"/><path d="M6.6 12.6a8 8 0 0 1 3.3-1.8"/><path d="M14.6 11.2a8 8 0 0 1 2.8 1.4"/><path d="M9.7 16.1a3.6 3.6 0 0 1 4.6 0"/><circle cx="12" cy="19.2" r=".6"/><path d="M3.5 3.5l17 17"/>`,
}

// icon returns the named icon as an inline SVG that assistive technology
// skips, so the element around it must carry the text or label.
func icon(name string) app.UI {
	return app.Raw(`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">` +
		iconPaths[name] + `</svg>`)
}

// loupeMark is Loupe's logo: a lens with three bars inside and a handle. It
// matches web/icons/icon.svg.
func loupeMark() app.UI {
	return app.Raw(`<svg class="loupe-mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">` +
		`<circle cx="13.5" cy="13.5" r="9" fill="none" stroke="currentColor" stroke-width="3"/>` +
		`<path d="M20.3 20.3l6.7 6.7" stroke="currentColor" stroke-width="4" stroke-linecap="round"/>` +
		`<path d="M9.5 16.5v-2.5M13.5 16.5v-6M17.5 16.5v-4" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/>` +
		`</svg>`)
}

// wordmark returns Loupe's logo and name as a link to the dashboard.
func wordmark() app.UI {
	return app.A().
		Class("wordmark").
		Href(pathDashboard).
		Body(
			loupeMark(),
			app.Span().Class("wordmark-text").Text("Loupe"),
		)
}
