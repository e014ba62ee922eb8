package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun"

	"loupe/server/internal/testdb"
	"loupe/shared"
)

func TestSignedOutRoutesReturn401(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 5)
		routes := []struct{ method, path string }{
			{http.MethodPost, shared.PathLogout},
			{http.MethodGet, shared.PathMe},
			{http.MethodGet, shared.PathUsage},
			{http.MethodGet, shared.PathGlobalUsage},
			{http.MethodGet, shared.PathUsage + "?range=7d"},
			{http.MethodGet, shared.PathGlobalUsage + "?range=30d"},
		}
		for _, route := range routes {
			path := route.path
			for _, cookie := range []string{"", "loupe_session=not-a-real-token"} {
				req, err := http.NewRequest(route.method, s.url+path, nil)
				require.NoError(t, err)
				if cookie != "" {
					req.Header.Set("Cookie", cookie)
				}
				resp, err := http.DefaultClient.Do(req)
				require.NoError(t, err)
				r := readResponse(t, resp)

				assert.Equal(t, http.StatusUnauthorized, r.status, "GET %s with cookie %q: status", path, cookie)
				var body shared.ErrorResponse
				require.NoError(t, json.Unmarshal(r.body, &body), "GET %s body %s", path, r.body)
				assert.Equal(t, shared.CodeUnauthenticated, body.Error.Code, "GET %s: error code", path)
				assert.NotEmpty(t, body.Error.Message, "GET %s: error message", path)
			}
		}
	})
}

func TestLoginSessionAndLogout(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 5)
		b := testdb.NewBuilder(t, db, testNow)
		ana := b.Person("Ana Lima")
		s.addAccount(ana, "Ana@Example.com", "correct horse battery")
		c := s.client()

		r := s.post(c, shared.PathLogin, "application/json", []byte(`{"email":"ana@example.com","password":"wrong password"}`))
		assert.Equal(t, http.StatusUnauthorized, r.status, "login with wrong password: status")
		r = s.post(c, shared.PathLogin, "application/json", []byte(`{"email":"nobody@example.com","password":"correct horse battery"}`))
		assert.Equal(t, http.StatusUnauthorized, r.status, "login with unknown email: status")
		r = s.post(c, shared.PathLogin, "text/plain", []byte(`{"email":"ana@example.com","password":"correct horse battery"}`))
		assert.Equal(t, http.StatusUnsupportedMediaType, r.status, "login as text/plain: status")
		r = s.post(c, shared.PathLogin, "application/json", []byte(`{"email":`))
		assert.Equal(t, http.StatusBadRequest, r.status, "login with broken JSON: status")
		r = s.post(c, shared.PathLogin, "application/json", []byte(`{"email":"ana@example.com"}`))
		assert.Equal(t, http.StatusBadRequest, r.status, "login without password: status")
		assert.Contains(t, string(r.body), "password", "login without password: body names the field")

		r = s.post(c, shared.PathLogin, "application/json", []byte(`{"email":" ANA@example.com ","password":"correct horse battery"}`))
		require.Equal(t, http.StatusNoContent, r.status, "login: status, body %s", r.body)
		setCookie := r.header.Get("Set-Cookie")
		assert.Contains(t, setCookie, "loupe_session=", "Set-Cookie")
		assert.Contains(t, setCookie, "HttpOnly", "Set-Cookie")
		assert.Contains(t, setCookie, "SameSite=Lax", "Set-Cookie")
		assert.NotContains(t, setCookie, "Secure", "Set-Cookie over plain HTTP")

		r = s.get(c, shared.PathMe)
		require.Equal(t, http.StatusOK, r.status, "GET me: body %s", r.body)
		var me shared.Me
		require.NoError(t, json.Unmarshal(r.body, &me))
		assert.Equal(t, shared.Me{ID: ana, Email: "ana@example.com", DisplayName: "Ana Lima", Role: shared.RoleUser}, me)
		assert.Equal(t, "no-store", r.header.Get("Cache-Control"), "GET me: Cache-Control")

		r = s.post(c, shared.PathLogout, "application/json", nil)
		assert.Equal(t, http.StatusNoContent, r.status, "logout: status")
		r = s.get(c, shared.PathMe)
		assert.Equal(t, http.StatusUnauthorized, r.status, "GET me after logout: status")

		var sessions int
		require.NoError(t, db.NewRaw("SELECT count(*) FROM loupe_sessions").Scan(t.Context(), &sessions))
		assert.Equal(t, 0, sessions, "sessions left after logout")
	})
}

func TestSessionTokenIsStoredHashed(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 5)
		b := testdb.NewBuilder(t, db, testNow)
		s.addAccount(b.Person("Ana"), "ana@example.com", "correct horse battery")
		r := s.post(s.client(), shared.PathLogin, "application/json", []byte(`{"email":"ana@example.com","password":"correct horse battery"}`))
		require.Equal(t, http.StatusNoContent, r.status)
		token := strings.TrimPrefix(strings.Split(r.header.Get("Set-Cookie"), ";")[0], "loupe_session=")
		require.NotEmpty(t, token)

		var hashes []string
		require.NoError(t, db.NewRaw("SELECT token_hash FROM loupe_sessions").Scan(t.Context(), &hashes))
		require.Len(t, hashes, 1)
		assert.NotEqual(t, token, hashes[0], "stored token hash equals the token")
		assert.Len(t, hashes[0], 64, "stored token hash length")
	})
}

func TestUnknownAPIRouteIsJSON404(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		s := newTestServer(t, db, 5)
		r := s.get(s.client(), "/api/nothing-here")
		assert.Equal(t, http.StatusNotFound, r.status)
		var body shared.ErrorResponse
		require.NoError(t, json.Unmarshal(r.body, &body), "body %s", r.body)
		assert.Equal(t, shared.CodeNotFound, body.Error.Code)
	})
}
