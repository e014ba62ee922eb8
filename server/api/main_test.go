package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun"

	"loupe/server/api"
	"loupe/server/auth"
	"loupe/server/internal/pgtest"
	"loupe/shared"
)

func TestMain(m *testing.M) {
	pgtest.Main(m)
}

// testNow is the fixed clock of every API test.
var testNow = time.Date(2026, 11, 20, 15, 4, 5, 0, time.UTC)

// testServer is the real router on a real database behind a real HTTP server.
type testServer struct {
	t   *testing.T
	db  *bun.DB
	url string
}

func newTestServer(t *testing.T, db *bun.DB, minCohortUsers int) *testServer {
	t.Helper()
	svc := auth.New(db)
	svc.Now = func() time.Time { return testNow }
	s := &api.Server{
		DB:             db,
		Auth:           svc,
		MinCohortUsers: minCohortUsers,
		Now:            func() time.Time { return testNow },
	}
	hs := httptest.NewServer(s.Router())
	t.Cleanup(hs.Close)
	return &testServer{t: t, db: db, url: hs.URL}
}

// client returns an HTTP client with its own cookie jar: one browser.
func (s *testServer) client() *http.Client {
	jar, err := cookiejar.New(nil)
	require.NoError(s.t, err)
	return &http.Client{Jar: jar, Timeout: 10 * time.Second}
}

// addAccount creates an account for an existing profile.
func (s *testServer) addAccount(profileID, email, password string) {
	s.t.Helper()
	_, err := auth.New(s.db).AddAccount(context.Background(), auth.NewAccount{
		Email: email, Password: password, ProfileID: profileID,
	})
	require.NoError(s.t, err, "AddAccount(%s)", email)
}

// signedInClient returns a client signed in as email.
func (s *testServer) signedInClient(email, password string) *http.Client {
	s.t.Helper()
	c := s.client()
	resp := s.post(c, shared.PathLogin, "application/json", mustJSON(s.t, shared.LoginRequest{Email: email, Password: password}))
	require.Equal(s.t, http.StatusNoContent, resp.status, "POST %s as %s: body %s", shared.PathLogin, email, resp.body)
	return c
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (s *testServer) get(c *http.Client, path string) response {
	s.t.Helper()
	resp, err := c.Get(s.url + path)
	require.NoError(s.t, err, "GET %s", path)
	return readResponse(s.t, resp)
}

func (s *testServer) post(c *http.Client, path, contentType string, body []byte) response {
	s.t.Helper()
	resp, err := c.Post(s.url+path, contentType, bytes.NewReader(body))
	require.NoError(s.t, err, "POST %s", path)
	return readResponse(s.t, resp)
}

func readResponse(t *testing.T, resp *http.Response) response {
	t.Helper()
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return response{status: resp.StatusCode, header: resp.Header, body: body}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}
