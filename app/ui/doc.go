// Package ui is Loupe's web interface, written with go-app v10. The same
// package is compiled twice: into web/app.wasm, where the components run in
// the browser, and into the server, where NewHandler prerenders each page as
// a neutral loading shell and serves the static files under /web/.
//
// Both sides call Routes before anything else so that they agree on which
// component each path shows.
package ui
