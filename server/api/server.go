// Package api serves Loupe over HTTP: the JSON API under /api/ and, on every
// other path, the web app's handler.
package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/mux"
	"github.com/uptrace/bun"

	"loupe/server/auth"
)

// Server holds what the HTTP handlers need.
type Server struct {
	DB   bun.IDB
	Auth *auth.Service
	// MinCohortUsers is the privacy threshold k of global figures.
	MinCohortUsers int
	// UI serves every path outside /api/. Nil serves 404s there.
	UI http.Handler
	// Now returns the current time. Tests set it to fix the clock.
	Now func() time.Time
}

// Router returns the handler for every route Loupe serves.
func (s *Server) Router() http.Handler {
	r := mux.NewRouter()
	r.Use(securityHeaders)

	// A matcher rather than PathPrefix keeps the full paths of shared usable
	// as route templates, because PathPrefix would prepend "/api/" again.
	apiRouter := r.MatcherFunc(isAPIPath).Subrouter()
	apiRouter.Use(logRequests, recoverPanics)
	apiRouter.NotFoundHandler = logRequests(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, errNotFound)
	}))
	apiRouter.MethodNotAllowedHandler = logRequests(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, errMethodNotAllowed)
	}))

	s.registerAuthRoutes(apiRouter)

	signedInRouter := apiRouter.NewRoute().Subrouter()
	signedInRouter.Use(s.requireSession)
	s.registerSessionRoutes(signedInRouter)
	s.registerAnalyticsRoutes(signedInRouter)

	if s.UI != nil {
		r.PathPrefix("/").Handler(s.UI)
	}
	return r
}

func isAPIPath(r *http.Request, _ *mux.RouteMatch) bool {
	return r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/")
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}
