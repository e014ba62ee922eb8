package api

import (
	"net/http"

	"github.com/gorilla/mux"

	"loupe/server/analytics"
	"loupe/server/store"
	"loupe/shared"
)

func (s *Server) registerAnalyticsRoutes(r *mux.Router) {
	r.HandleFunc(shared.PathUsage, s.handleUsage).Methods(http.MethodGet)
	r.HandleFunc(shared.PathGlobalUsage, s.handleGlobalUsage).Methods(http.MethodGet)
}

// handleUsage returns the signed-in person's own usage, exact.
func (s *Server) handleUsage(w http.ResponseWriter, r *http.Request) {
	person := signedIn(r.Context())

	cells, err := store.UsageCells(r.Context(), s.DB, store.UsageFilter{UserID: person.Profile.ID})
	if err != nil {
		writeError(w, r, err)
		return
	}

	writeJSON(w, http.StatusOK, analytics.Summarize(cells, s.now()))
}

// handleGlobalUsage returns everyone's usage behind the privacy rules.
func (s *Server) handleGlobalUsage(w http.ResponseWriter, r *http.Request) {
	cells, err := store.UsageCells(r.Context(), s.DB, store.UsageFilter{})
	if err != nil {
		writeError(w, r, err)
		return
	}

	writeJSON(w, http.StatusOK, analytics.Global(cells, s.MinCohortUsers, s.now()))
}
