package ui

import (
	"strings"

	"loupe/shared"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Element ids of the sign-in form.
const (
	idLoginEmail    = "login-email"
	idLoginPassword = "login-password"
	idLoginError    = "login-error"
)

// loginPage is /login. After signing in it goes to the path in the query
// parameter next, when that is a path on this site, and to /analytics
// otherwise.
type loginPage struct {
	app.Compo

	ready      bool
	next       string
	submitting bool
	errMessage string
}

func newLoginPage() *loginPage {
	return &loginPage{}
}

func (p *loginPage) OnMount(ctx app.Context) {
	p.ready = true
}

func (p *loginPage) OnNav(ctx app.Context) {
	setPageTitle(ctx, "Sign in")
	p.next = safeNext(ctx.Page().URL().Query().Get("next"))
}

func (p *loginPage) Render() app.UI {
	root := app.Div().Class("login-screen")
	if p.ready {
		root = root.DataSet("app-ready", "true")
	}

	// The button stays disabled until the app runs, so the prerendered form
	// cannot be submitted by the browser itself: with its default button
	// disabled, pressing Enter submits nothing either. Should it be
	// submitted anyway, the form's POST method keeps the password out of
	// the URL.
	submit := app.Button().
		Class("button", "button-primary", "button-block").
		Type("submit")
	switch {
	case p.submitting:
		submit = submit.Disabled(true).Aria("busy", true).Text("Signing in…")
	case !p.ready:
		submit = submit.Disabled(true).Text("Sign in")
	default:
		submit = submit.Text("Sign in")
	}

	email := app.Input().
		ID(idLoginEmail).
		Class("input").
		Name("email").
		Type("email").
		Attr("autocomplete", "username").
		Attr("inputmode", "email").
		Attr("spellcheck", "false").
		Required(true)
	password := app.Input().
		ID(idLoginPassword).
		Class("input").
		Name("password").
		Type("password").
		Attr("autocomplete", "current-password").
		Required(true)
	if p.errMessage != "" {
		email = email.Aria("invalid", true).Aria("describedby", idLoginError)
		password = password.Aria("invalid", true).Aria("describedby", idLoginError)
	}

	return root.Body(
		app.Main().
			Class("login-card", "card").
			Body(
				app.Div().Class("login-brand").Body(loupeMark(), app.Span().Class("wordmark-text").Text("Loupe")),
				app.H1().Class("login-title").Text("Sign in"),
				app.P().Class("login-lead").Text("Use your studio account to see your generation analytics."),
				app.Form().
					Class("login-form").
					Method("post").
					Action(pathLogin).
					Attr("novalidate", true).
					OnSubmit(p.submit).
					Body(
						app.Div().
							Class("field").
							Body(
								app.Label().For(idLoginEmail).Text("Email"),
								email,
							),
						app.Div().
							Class("field").
							Body(
								app.Label().For(idLoginPassword).Text("Password"),
								password,
							),
						app.Div().
							ID(idLoginError).
							Class("form-error-slot").
							Aria("live", "assertive").
							Body(
								app.If(p.errMessage != "", func() app.UI {
									return app.P().Class("form-error").Text(p.errMessage)
								}),
							),
						submit,
					),
			),
	)
}

// submit signs in with the form's values, read from the inputs themselves
// so that values filled in by a password manager count too.
func (p *loginPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if p.submitting || !p.ready {
		return
	}

	email := strings.TrimSpace(inputValue(idLoginEmail))
	password := inputValue(idLoginPassword)
	if email == "" || password == "" {
		p.errMessage = "Enter your email and password."
		return
	}

	p.submitting = true
	p.errMessage = ""
	next := p.next

	ctx.Async(func() {
		err := postJSON(ctx, shared.PathLogin, shared.LoginRequest{Email: email, Password: password})
		if err == nil {
			adoptSession(ctx)
		}

		ctx.Dispatch(func(ctx app.Context) {
			p.submitting = false
			if err != nil {
				p.errMessage = userMessage(err)
				return
			}
			ctx.Navigate(safeNext(next))
		})
	})
}

// adoptSession makes the session that signing in just created the one the
// app shows. It drops every state loaded before and checks who signed in,
// which deletes the device's stored copies when they belong to someone
// else. When the check fails, it deletes them all the same, because
// nothing then proves that they belong to the person now signed in.
func adoptSession(ctx app.Context) {
	clearSession(ctx)
	if session := sessions.check(ctx); !session.Confirmed {
		forgetDevice(ctx.LocalStorage())
	}
}

// inputValue returns the current value of the input with the given id.
func inputValue(id string) string {
	input := app.Window().GetElementByID(id)
	if !input.Truthy() {
		return ""
	}
	return input.Get("value").String()
}
