package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// navMenu is the list of navigation links, used both in the sidebar and in
// the mobile menu so the two always show the same items in the same order.
type navMenu struct {
	app.Compo

	// Active is the path of the page being shown.
	Active string
	// PlatformURL is the studio platform's base URL, or "" to leave out the
	// links to the platform.
	PlatformURL string
}

func newNavMenu() *navMenu {
	return &navMenu{}
}

// SetActive sets the path of the page being shown.
func (m *navMenu) SetActive(path string) *navMenu {
	m.Active = path
	return m
}

// SetPlatformURL sets the studio platform's base URL.
func (m *navMenu) SetPlatformURL(base string) *navMenu {
	m.PlatformURL = base
	return m
}

func (m *navMenu) Render() app.UI {
	return app.Div().
		Class("nav-menu").
		Body(
			app.Ul().
				Class("nav-section").
				Body(
					m.item(pathDashboard, iconDashboard, "Dashboard"),
					m.item(pathAnalytics, iconAnalytics, "Analytics"),
				),
			app.If(m.PlatformURL != "", func() app.UI {
				return app.Div().
					Class("nav-section", "nav-platform").
					Body(
						app.P().
							Class("nav-heading").
							Text("Studio"),
						app.Ul().
							Body(
								m.item(m.PlatformURL+"/projects", iconProjects, "Projects"),
								m.item(m.PlatformURL+"/review", iconReview, "Review"),
								m.item(m.PlatformURL+"/bookmarks", iconBookmarks, "Bookmarks"),
							),
					)
			}),
			app.Ul().
				Class("nav-section", "nav-bottom").
				Body(
					m.item(pathSettings, iconSettings, "Settings"),
				),
		)
}

// item returns one link. The link to the page being shown is marked with
// aria-current="page", which the style sheet highlights.
func (m *navMenu) item(href, iconName, label string) app.UI {
	link := app.A().
		Class("nav-link").
		Href(href).
		Body(
			icon(iconName),
			app.Span().Text(label),
		)
	if href == m.Active {
		link = link.Aria("current", "page")
	}
	return app.Li().Body(link)
}
