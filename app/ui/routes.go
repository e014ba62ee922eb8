package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Page paths of the signed-in pages and the sign-in page.
const (
	pathDashboard = "/"
	pathAnalytics = "/analytics"
	pathSettings  = "/settings"
	pathLogin     = "/login"
)

// Routes registers every page route and the app-wide action handlers. The
// wasm main and the server both call it before anything else, so the server
// prerenders the same component that the browser later mounts.
func Routes() {
	app.Route(pathDashboard, func() app.Composer { return newDashboardPage() })
	app.Route(pathAnalytics, func() app.Composer { return newAnalyticsPage() })
	app.Route(pathSettings, func() app.Composer { return newSettingsPage() })
	app.Route(pathLogin, func() app.Composer { return newLoginPage() })

	app.Handle(actionLoadAnalytics, handleLoadAnalytics)
	app.Handle(actionLoadMe, handleLoadMe)
}
