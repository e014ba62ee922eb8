package ui

import (
	"encoding/json"
	"time"

	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Element ids the shell refers to.
const (
	idMobileNav  = "mobile-nav"
	idMenuButton = "menu-button"
	idMain       = "main"
)

// updateCheckInterval is how often an open app makes the browser check for
// a new service worker, which is how it notices a new release.
const updateCheckInterval = time.Minute

// shell is the frame of every signed-in page: the sidebar on wide screens,
// a header with a menu button on screens up to 860px wide, and the page's
// content. It checks the session when it mounts, and its root element gets
// data-app-ready="true" once the app runs in the browser.
//
// While mounted, it also watches the browser. It posts actionNetworkOnline
// when the network returns. It checks for a new release on each navigation
// and every updateCheckInterval, and shows the update banner once one is
// installed. It reloads the page when another tab changes the device's
// owner.
type shell struct {
	app.Compo

	// Active is the path of the page being shown.
	Active string
	// Content is the page's own content, shown in the main landmark.
	Content []app.UI

	ready       bool
	menuOpen    bool
	updateReady bool

	listeners    []*eventListener
	stopUpdating chan struct{}
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
	s.updateReady = ctx.AppUpdateAvailable() && isRealUpdate()
	ctx.NewAction(actionLoadMe)

	window := app.Window().JSValue()
	document := app.Window().Get("document")
	s.listeners = []*eventListener{
		// Escape closes the mobile menu wherever the focus is.
		listen(ctx, document, "keydown", s.onKeyDown),
		listen(ctx, window, "online", s.onOnline),
		listen(ctx, document, "visibilitychange", s.onVisibilityChange),
		listen(ctx, window, "storage", s.onStorage),
	}

	s.stopUpdating = make(chan struct{})
	s.checkForUpdates(ctx, s.stopUpdating)
}

func (s *shell) OnDismount() {
	s.setMenuOpen(false)
	for _, l := range s.listeners {
		l.remove()
	}
	s.listeners = nil
	if s.stopUpdating != nil {
		close(s.stopUpdating)
		s.stopUpdating = nil
	}
}

// OnNav looks for a new release on every navigation inside the app,
// including a change of tab or range, which loads no page from the server.
func (s *shell) OnNav(ctx app.Context) {
	tryUpdate()
}

// OnAppUpdate shows the update banner. go-app calls it once the service
// worker of a new release has installed and taken over.
func (s *shell) OnAppUpdate(ctx app.Context) {
	s.updateReady = isRealUpdate()
}

func (s *shell) onKeyDown(ctx app.Context, e app.Value) {
	if e.Get("key").String() != "Escape" || !s.menuOpen {
		return
	}
	s.setMenuOpen(false)
	app.Window().GetElementByID(idMenuButton).Call("focus")
}

// onOnline makes the pages load their figures again and checks for a
// release deployed while the browser was offline.
func (s *shell) onOnline(ctx app.Context, e app.Value) {
	ctx.NewAction(actionNetworkOnline)
	tryUpdate()
}

func (s *shell) onVisibilityChange(ctx app.Context, e app.Value) {
	if app.Window().Get("document").Get("visibilityState").String() == "visible" {
		tryUpdate()
	}
}

// onStorage reloads the page when another tab signs in as someone else or
// signs out, so that this tab drops the figures of the person it showed.
func (s *shell) onStorage(ctx app.Context, e app.Value) {
	if ownerChanged(e) {
		ctx.Reload()
	}
}

// checkForUpdates makes the browser check for a new release now and every
// updateCheckInterval until stop is closed.
func (s *shell) checkForUpdates(ctx app.Context, stop <-chan struct{}) {
	tryUpdate()
	ctx.Async(func() {
		ticker := time.NewTicker(updateCheckInterval)
		defer ticker.Stop()
		for {
			select {
			case <-stop:
				return
			case <-ticker.C:
				ctx.Dispatch(func(app.Context) { tryUpdate() })
			}
		}
	})
}

// tryUpdate makes the browser fetch the service worker again. When its
// version changed, the new worker installs, takes over and deletes the old
// cache, and go-app then calls OnAppUpdate. It does nothing while the
// browser is offline, where the request could only fail.
func tryUpdate() {
	if browserOnline() {
		app.TryUpdate()
	}
}

// ownerChanged reports whether the storage event e, which another tab
// caused, replaced or removed the device's owner with someone else.
func ownerChanged(e app.Value) bool {
	key := e.Get("key")
	if key.IsNull() {
		// The other tab cleared the whole storage.
		return true
	}
	if key.String() != storageOwnerKey {
		return false
	}
	return ownerIDOf(e.Get("oldValue")) != ownerIDOf(e.Get("newValue"))
}

// ownerIDOf returns the profile id in a stored owner record, or "" for
// null or a record that cannot be read.
func ownerIDOf(v app.Value) string {
	if v.IsNull() || v.IsUndefined() {
		return ""
	}
	var owner shared.Me
	if err := json.Unmarshal([]byte(v.String()), &owner); err != nil {
		return ""
	}
	return owner.ID
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
			Body(
				// The notices are always rendered, empty or not, so the
				// page's content keeps its place and the banner appearing
				// does not remount it.
				app.Div().
					Class("shell-notices").
					Body(
						app.If(s.updateReady, func() app.UI {
							return newUpdateBanner()
						}),
					),
				app.Div().
					Class("page").
					Body(s.Content...),
			),
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
