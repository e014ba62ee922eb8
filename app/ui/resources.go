package ui

import (
	"net/http"
	"strings"
)

// defaultWebDir is the directory served at /web/ when HandlerConfig.WebDir
// is empty, relative to the server's working directory.
const defaultWebDir = "web"

// webResources serves the files of one directory at the URL path /web/. It
// implements app.ResourceResolver and http.Handler: go-app hands it every
// request whose path starts with /web/. Unlike app.LocalDir, it leaves the
// URLs that go-app generates as they are, so any directory works.
type webResources struct {
	files http.Handler
}

func newWebResources(dir string) webResources {
	if dir == "" {
		dir = defaultWebDir
	}
	return webResources{
		files: http.StripPrefix("/web", http.FileServer(http.Dir(dir))),
	}
}

// Resolve returns location unchanged because the files are served by this
// same server at the paths go-app already uses.
func (r webResources) Resolve(location string) string {
	return location
}

// ServeHTTP serves the file at the request path without its /web prefix.
// Directory listings are not served.
func (r webResources) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if strings.HasSuffix(req.URL.Path, "/") {
		http.NotFound(w, req)
		return
	}
	r.files.ServeHTTP(w, req)
}
