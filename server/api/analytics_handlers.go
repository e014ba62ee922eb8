package api

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"loupe/server/analytics"
	"loupe/server/store"
	"loupe/shared"
)

func (s *Server) registerAnalyticsRoutes(r *mux.Router) {
	r.HandleFunc(shared.PathUsage, s.handleUsage).Methods(http.MethodGet)
	r.HandleFunc(shared.PathGlobalUsage, s.handleGlobalUsage).Methods(http.MethodGet)
}

// handleUsage returns the signed-in person's own usage over the requested
// range, exact.
func (s *Server) handleUsage(w http.ResponseWriter, r *http.Request) {
	usageRange, err := parseRange(r)
	if err != nil {
		writeError(w, r, err)
		return
	}

	person := signedIn(r.Context())
	now := s.now()

	filter := store.UsageFilter{UserID: person.Profile.ID, Since: usageRange.Start(now)}
	cells, err := store.UsageCells(r.Context(), s.DB, filter)
	if err != nil {
		writeError(w, r, err)
		return
	}

	writeJSON(w, http.StatusOK, analytics.Summarize(cells, usageRange, now))
}

// handleGlobalUsage returns everyone's usage over the requested range behind
// the privacy rules.
func (s *Server) handleGlobalUsage(w http.ResponseWriter, r *http.Request) {
	usageRange, err := parseRange(r)
	if err != nil {
		writeError(w, r, err)
		return
	}

	now := s.now()
	cells, err := store.UsageBandCells(r.Context(), s.DB, analytics.BandStarts(now))
	if err != nil {
		writeError(w, r, err)
		return
	}

	writeJSON(w, http.StatusOK, analytics.Global(cells, usageRange, s.MinCohortUsers, now))
}

// maxEchoedValue is the longest parameter value an error message repeats.
const maxEchoedValue = 32

// parseRange returns the range named by the request's range query
// parameter, shared.DefaultRange when it has none, or an *Error naming the
// parameter and its allowed values.
func parseRange(r *http.Request) (shared.Range, error) {
	values := r.URL.Query()["range"]
	if len(values) > 1 {
		return "", invalidRange("Give the range parameter once, as one of " + rangeChoices() + ".")
	}
	value := ""
	if len(values) == 1 {
		value = values[0]
	}
	usageRange, err := shared.ParseRange(value)
	if err == nil {
		return usageRange, nil
	}
	if len(value) > maxEchoedValue {
		return "", invalidRange("Invalid range: use one of " + rangeChoices() + ".")
	}
	return "", invalidRange(fmt.Sprintf("Invalid range %q: use one of %s.", value, rangeChoices()))
}

// rangeChoices returns the range names as a list in words: "7d, 30d, 90d or
// all".
func rangeChoices() string {
	names := shared.RangeNames()
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func invalidRange(message string) *Error {
	return &Error{
		Status:  http.StatusBadRequest,
		Code:    shared.CodeInvalid,
		Message: message,
		Param:   "range",
		Allowed: shared.RangeNames(),
	}
}
