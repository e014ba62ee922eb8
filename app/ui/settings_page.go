package ui

import (
	"fmt"

	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// settingsPage is /settings: who is signed in, the Sign out button, the
// privacy threshold in force and the app's version.
type settingsPage struct {
	app.Compo

	me         meState
	signingOut bool
	signOutErr string
}

func newSettingsPage() *settingsPage {
	return &settingsPage{}
}

func (p *settingsPage) OnMount(ctx app.Context) {
	ctx.ObserveState(stateMe, &p.me)
}

func (p *settingsPage) OnNav(ctx app.Context) {
	setPageTitle(ctx, "Settings")
}

func (p *settingsPage) Render() app.UI {
	return newShell().
		SetActive(pathSettings).
		Body(
			app.Div().
				Class("page-header").
				Body(
					app.H1().Class("page-title").Text("Settings"),
					app.P().Class("page-lead").Text("Your account and how Loupe protects everyone's privacy."),
				),
			app.Div().
				Class("settings-grid").
				Body(
					p.accountSection(),
					p.privacySection(),
					p.aboutSection(),
				),
		)
}

func (p *settingsPage) accountSection() app.UI {
	var name, email app.UI
	switch {
	case p.me.Data != nil:
		name = app.Dd().Text(p.me.Data.DisplayName)
		email = app.Dd().Text(p.me.Data.Email)
	case p.me.Status == statusFailed:
		name = app.Dd().Class("muted").Text("Unavailable")
		email = app.Dd().Class("muted").Text(p.me.Err)
	default:
		name = app.Dd().Body(app.Span().Class("skeleton", "skeleton-inline").Aria("hidden", true), app.Span().Class("visually-hidden").Text("Loading"))
		email = app.Dd().Body(app.Span().Class("skeleton", "skeleton-inline").Aria("hidden", true), app.Span().Class("visually-hidden").Text("Loading"))
	}

	signOut := app.Button().
		Class("button", "button-secondary").
		Type("button").
		OnClick(p.signOut).
		Text("Sign out")
	if p.signingOut {
		signOut = signOut.Disabled(true).Aria("busy", true).Text("Signing out…")
	}

	return app.Section().
		Class("card", "settings-section").
		Aria("labelledby", "settings-account").
		Body(
			app.H2().ID("settings-account").Class("section-title").Text("Account"),
			app.Dl().
				Class("facts").
				Body(
					app.Div().Body(app.Dt().Text("Name"), name),
					app.Div().Body(app.Dt().Text("Email"), email),
				),
			app.If(p.signOutErr != "", func() app.UI {
				return app.P().Class("form-error").Role("alert").Text(p.signOutErr)
			}),
			signOut,
		)
}

func (p *settingsPage) privacySection() app.UI {
	threshold := "Global figures are shown only when enough people have generated."
	if n := minCohortUsers(); n > 0 {
		threshold = fmt.Sprintf("Global figures need at least %s %s.", formatCount(int64(n)), plural(int64(n), "person", "people"))
	}

	return app.Section().
		Class("card", "settings-section").
		Aria("labelledby", "settings-privacy").
		Body(
			app.H2().ID("settings-privacy").Class("section-title").Text("Privacy"),
			app.P().Class("settings-lead").Text(threshold),
			app.P().
				Class("muted").
				Text("Below that number, the Global tab shows how many people have generated so far instead of any figures, and totals that could single someone out are hidden. No prompts or outputs are ever shown."),
		)
}

func (p *settingsPage) aboutSection() app.UI {
	version := appVersion()
	if version == "" {
		version = "unknown"
	}

	return app.Section().
		Class("card", "settings-section").
		Aria("labelledby", "settings-about").
		Body(
			app.H2().ID("settings-about").Class("section-title").Text("About"),
			app.Dl().
				Class("facts").
				Body(
					app.Div().Body(app.Dt().Text("Version"), app.Dd().Class("mono").Text(version)),
				),
		)
}

// signOut ends the session on the server, deletes the person's stored
// copies from the device, clears their data from the app's state and goes
// to the sign-in page. A 401 response means the session had already ended,
// which counts as success.
func (p *settingsPage) signOut(ctx app.Context, e app.Event) {
	if p.signingOut {
		return
	}
	p.signingOut = true
	p.signOutErr = ""

	ctx.Async(func() {
		err := postJSON(ctx, shared.PathLogout, nil)

		ctx.Dispatch(func(ctx app.Context) {
			p.signingOut = false
			if err != nil && !isUnauthenticated(err) {
				p.signOutErr = "Sign out failed. " + userMessage(err)
				return
			}
			forgetDevice(ctx.LocalStorage())
			clearSession(ctx)
			ctx.Navigate(pathLogin)
		})
	})
}
