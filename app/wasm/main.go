// Command wasm is Loupe's web app as it runs in the browser. It is built
// with GOOS=js GOARCH=wasm into web/app.wasm, which the server serves.
package main

import (
	"loupe/app/ui"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	ui.Routes()
	app.RunWhenOnBrowser()
}
