package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Element ids the shell refers to.
const (
	idMobileNav  = "mobile-nav"
	idMenuButton = "menu-button"
	idMain       = "main"
)

// shell is the frame of every signed-in page: the sidebar on wide screens,
// a header with a menu button on screens up to 860px wide, and the page's
// content. It checks the session when it mounts, and its root element gets
// data-app-ready="true" once the app runs in the browser.
type shell struct {
	app.Compo

	// Active is the path of the page being shown.
	Active string
	// Content is the page's own content, shown in the main landmark.
	Content []app.UI

	ready    bool
	menuOpen bool

	document  app.Value
	onKeyDown app.Func
}

func newShell() *shell {
	return &shell{}
}

// SetActive sets the path of the page being shown.
func (s *shell) SetActive(path string) *shell {
	s.Active = path
	return s
}

// Body sets the page's content.
func (s *shell) Body(elems ...app.UI) *shell {
	s.Content = elems
	return s
}

func (s *shell) OnMount(ctx app.Context) {
	s.ready = true
	ctx.NewAction(actionLoadMe)

	// Escape closes the mobile menu wherever the focus is.
	s.document = app.Window().Get("document")
	s.onKeyDown = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 || args[0].Get("key").String() != "Escape" {
			return nil
		}
		ctx.Dispatch(func(ctx app.Context) {
			if s.menuOpen {
				s.setMenuOpen(false)
				app.Window().GetElementByID(idMenuButton).Call("focus")
			}
		})
		return nil
	})
	s.document.Call("addEventListener", "keydown", s.onKeyDown)
}

func (s *shell) OnDismount() {
	s.setMenuOpen(false)
	if s.onKeyDown != nil {
		s.document.Call("removeEventListener", "keydown", s.onKeyDown)
		s.onKeyDown.Release()
		s.onKeyDown = nil
	}
}

func (s *shell) Render() app.UI {
	platform := platformURL()

	root := app.Div().Class("app-shell")
	if s.ready {
		root = root.DataSet("app-ready", "true")
	}

	return root.Body(
		app.Aside().
			Class("sidebar").
			Body(
				app.Div().
					Class("sidebar-inner").
					Body(
						app.Div().Class("sidebar-brand").Body(wordmark()),
						app.Nav().
							Class("sidebar-nav").
							Aria("label", "Main").
							Body(
								newNavMenu().SetActive(s.Active).SetPlatformURL(platform),
							),
					),
			),
		app.Header().
			Class("topbar").
			Body(
				wordmark(),
				app.Button().
					ID(idMenuButton).
					Class("menu-button").
					Type("button").
					Aria("label", "Open menu").
					Aria("expanded", s.menuOpen).
					Aria("controls", idMobileNav).
					OnClick(s.toggleMenu).
					Body(icon(iconMenu)),
			),
		s.mobileNav(platform),
		app.Main().
			ID(idMain).
			Class("content").
			Body(s.Content...),
	)
}

// mobileNav returns the menu that the header's button opens. It is always
// rendered, hidden while closed, so the main element after it keeps its
// place among the shell's children and opening the menu does not remount
// the page content.
func (s *shell) mobileNav(platform string) app.UI {
	nav := app.Nav().
		ID(idMobileNav).
		Class("mobile-nav").
		Aria("label", "Main").
		OnClick(s.closeMenuOnLink)
	if !s.menuOpen {
		nav = nav.Hidden(true)
	}
	return nav.Body(
		newNavMenu().SetActive(s.Active).SetPlatformURL(platform),
	)
}

func (s *shell) toggleMenu(ctx app.Context, e app.Event) {
	s.setMenuOpen(!s.menuOpen)
}

// setMenuOpen opens or closes the mobile menu. While it is open, the root
// element has the class menu-open, which stops the page behind the menu
// from scrolling.
func (s *shell) setMenuOpen(open bool) {
	s.menuOpen = open
	if app.IsClient {
		app.Window().Get("document").Get("documentElement").Get("classList").Call("toggle", "menu-open", open)
	}
}

// closeMenuOnLink closes the mobile menu when a link inside it is clicked,
// including the link to the page already shown, which does not remount the
// shell.
func (s *shell) closeMenuOnLink(ctx app.Context, e app.Event) {
	if e.Get("target").Call("closest", "a").Truthy() {
		s.setMenuOpen(false)
	}
}
