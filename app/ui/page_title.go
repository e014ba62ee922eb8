package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// setPageTitle sets the document title to "name · Loupe".
func setPageTitle(ctx app.Context, name string) {
	ctx.Page().SetTitle("%s · Loupe", name)
}
