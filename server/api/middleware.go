package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/gorilla/mux"

	"loupe/server/store"
)

type contextKey int

const (
	requestInfoKey contextKey = iota
	signedInKey
)

// requestInfo carries the facts the access log records about a request,
// filled in while the request runs.
type requestInfo struct {
	id     string
	userID string
}

func info(ctx context.Context) *requestInfo {
	if i, ok := ctx.Value(requestInfoKey).(*requestInfo); ok {
		return i
	}
	return &requestInfo{}
}

func requestID(ctx context.Context) string {
	return info(ctx).id
}

// signedIn returns the person the session middleware authenticated. Handlers
// behind requireSession can rely on it being set.
func signedIn(ctx context.Context) *store.SignedIn {
	s, _ := ctx.Value(signedInKey).(*store.SignedIn)
	return s
}

func routeName(r *http.Request) string {
	if route := mux.CurrentRoute(r); route != nil {
		if tpl, err := route.GetPathTemplate(); err == nil {
			return tpl
		}
	}
	return "unmatched"
}

// statusRecorder remembers the status a handler sent, for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(status int) {
	if s.status == 0 {
		s.status = status
	}
	s.ResponseWriter.WriteHeader(status)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// logRequests gives each request an id, sets it in the X-Request-Id header,
// and logs one line per API request when it ends. It logs the route template,
// never the query string, so no value a person typed reaches the log.
func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ri := &requestInfo{id: newRequestID()}
		w.Header().Set("X-Request-Id", ri.id)
		rec := &statusRecorder{ResponseWriter: w}
		ctx := context.WithValue(r.Context(), requestInfoKey, ri)
		r = r.WithContext(ctx)

		next.ServeHTTP(rec, r)

		attrs := []any{
			"request_id", ri.id,
			"method", r.Method,
			"route", routeName(r),
			"status", rec.status,
			"duration_ms", time.Since(start).Milliseconds(),
		}
		if ri.userID != "" {
			attrs = append(attrs, "user_id", ri.userID)
		}
		slog.InfoContext(ctx, "request", attrs...)
	})
}

// recoverPanics turns a panic in a handler into a logged 500 response, so one
// bad request cannot stop the server.
func recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				writeError(w, r, fmt.Errorf("panic: %v", v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// securityHeaders sets headers that keep browsers from sniffing content
// types, framing Loupe's pages or leaking its paths to other sites.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

func newRequestID() string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(b)
}
