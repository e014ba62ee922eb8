package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"time"

	"github.com/gorilla/mux"

	"loupe/server/auth"
	"loupe/shared"
)

// sessionCookie is the name of the cookie that carries the session token.
const sessionCookie = "loupe_session"

// maxLoginBody is the largest login request body accepted, in bytes.
const maxLoginBody = 8 << 10

func (s *Server) registerAuthRoutes(r *mux.Router) {
	r.HandleFunc(shared.PathLogin, s.handleLogin).Methods(http.MethodPost)
}

func (s *Server) registerSessionRoutes(r *mux.Router) {
	r.HandleFunc(shared.PathLogout, s.handleLogout).Methods(http.MethodPost)
	r.HandleFunc(shared.PathMe, s.handleMe).Methods(http.MethodGet)
}

// handleLogin checks an email and password and sets the session cookie.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	var req shared.LoginRequest
	if err := decodeJSON(w, r, &req, maxLoginBody); err != nil {
		writeError(w, r, err)
		return
	}
	if req.Email == "" {
		writeError(w, r, errInvalid("Missing email: send {\"email\", \"password\"}."))
		return
	}
	if req.Password == "" {
		writeError(w, r, errInvalid("Missing password: send {\"email\", \"password\"}."))
		return
	}

	token, expires, err := s.Auth.Login(r.Context(), req.Email, req.Password)
	if errors.Is(err, auth.ErrInvalidCredentials) {
		slog.InfoContext(r.Context(), "sign-in rejected", "request_id", requestID(r.Context()))
		writeError(w, r, &Error{
			Status:  http.StatusUnauthorized,
			Code:    shared.CodeUnauthenticated,
			Message: "Wrong email or password.",
		})
		return
	}
	if err != nil {
		writeError(w, r, err)
		return
	}

	http.SetCookie(w, &http.Cookie{
		Name:     sessionCookie,
		Value:    token,
		Path:     "/",
		Expires:  expires,
		MaxAge:   int(time.Until(expires).Seconds()),
		HttpOnly: true,
		Secure:   r.TLS != nil,
		SameSite: http.SameSiteLaxMode,
	})
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNoContent)
}

// handleLogout ends the caller's session and clears the cookie. Like every
// route but sign-in, it returns 401 to a caller without a valid session.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		writeError(w, r, errUnauthenticated)
		return
	}
	if err := s.Auth.Logout(r.Context(), c.Value); err != nil {
		writeError(w, r, err)
		return
	}

	http.SetCookie(w, &http.Cookie{
		Name:     sessionCookie,
		Value:    "",
		Path:     "/",
		MaxAge:   -1,
		HttpOnly: true,
		Secure:   r.TLS != nil,
		SameSite: http.SameSiteLaxMode,
	})
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNoContent)
}

// handleMe returns the signed-in person.
func (s *Server) handleMe(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, auth.Me(signedIn(r.Context())))
}

// requireSession lets a request through only with a valid session cookie,
// and puts the signed-in person in its context.
func (s *Server) requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil {
			writeError(w, r, errUnauthenticated)
			return
		}
		person, err := s.Auth.Authenticate(r.Context(), c.Value)
		if errors.Is(err, auth.ErrNoSession) {
			writeError(w, r, errUnauthenticated)
			return
		}
		if err != nil {
			writeError(w, r, err)
			return
		}

		info(r.Context()).userID = person.Profile.ID
		ctx := context.WithValue(r.Context(), signedInKey, person)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// decodeJSON reads a JSON request body of at most limit bytes into v. It
// requires the application/json content type: browsers cannot send that type
// to another site without a CORS preflight, which keeps other sites from
// posting forms to Loupe.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any, limit int64) error {
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "application/json" {
		return &Error{
			Status:  http.StatusUnsupportedMediaType,
			Code:    shared.CodeInvalid,
			Message: "Send the request body as JSON with Content-Type: application/json.",
		}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	if err := dec.Decode(v); err != nil {
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			return errInvalid("Request body too large.")
		case errors.Is(err, io.EOF):
			return errInvalid("Missing request body: send a JSON object.")
		default:
			return errInvalid("Invalid JSON in request body: send a JSON object with string fields.")
		}
	}
	return nil
}
