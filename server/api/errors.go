package api

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"loupe/shared"
)

// Error is an error the API shows to its caller: an HTTP status, a stable
// code and a sentence that is safe to send. Any other error is internal: it
// is logged with the request id and the caller sees only a generic sentence.
type Error struct {
	Status  int
	Code    string
	Message string
	// Param and Allowed name an invalid query parameter and the values it takes.
	Param   string
	Allowed []string
}

func (e *Error) Error() string { return e.Message }

func errInvalid(message string) *Error {
	return &Error{Status: http.StatusBadRequest, Code: shared.CodeInvalid, Message: message}
}

var errUnauthenticated = &Error{
	Status:  http.StatusUnauthorized,
	Code:    shared.CodeUnauthenticated,
	Message: "Sign in to continue.",
}

var errNotFound = &Error{
	Status:  http.StatusNotFound,
	Code:    shared.CodeNotFound,
	Message: "No API route matches this path.",
}

var errMethodNotAllowed = &Error{
	Status:  http.StatusMethodNotAllowed,
	Code:    shared.CodeInvalid,
	Message: "This API route does not accept that HTTP method.",
}

// writeError sends err as a JSON error body. An *Error is sent as it is. Any
// other error is logged and sent as a 500 with a generic sentence, so that no
// internal detail reaches the client.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	var apiErr *Error
	if !errors.As(err, &apiErr) {
		slog.ErrorContext(r.Context(), "request failed",
			"request_id", requestID(r.Context()),
			"route", routeName(r),
			"error", err)
		apiErr = &Error{
			Status:  http.StatusInternalServerError,
			Code:    shared.CodeInternal,
			Message: "Something went wrong on the server. Try again in a moment.",
		}
	}
	writeJSON(w, apiErr.Status, shared.ErrorResponse{Error: shared.Error{
		Code:    apiErr.Code,
		Message: apiErr.Message,
		Param:   apiErr.Param,
		Allowed: apiErr.Allowed,
	}})
}

// writeJSON sends v as JSON with the given status. API responses describe one
// person or are computed per request, so no cache may keep them.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Warn("write JSON response failed", "error", err)
	}
}
