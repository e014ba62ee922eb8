package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// updateBanner offers to reload the page once go-app reports that a new
// version of Loupe is installed. Reloading runs the new version, because
// its service worker has already replaced the old one and its cache.
type updateBanner struct {
	app.Compo
}

func newUpdateBanner() *updateBanner {
	return &updateBanner{}
}

func (b *updateBanner) Render() app.UI {
	return app.Div().
		Class("banner", "banner-update").
		Role("status").
		DataSet("banner", bannerUpdate).
		Body(
			app.P().
				Class("banner-text").
				Body(
					app.Text("A new version is ready — "),
					app.Button().
						Class("banner-action").
						Type("button").
						OnClick(b.reload).
						Text("Reload"),
				),
		)
}

func (b *updateBanner) reload(ctx app.Context, e app.Event) {
	ctx.Reload()
}
