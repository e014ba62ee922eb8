package e2e

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"testing"
	"time"

	"loupe/shared"
)

// apiClient calls the JSON API as one signed-in person, as the web app
// does, so a test can compare the page with what the API returns.
type apiClient struct {
	t    *testing.T
	base string
	http *http.Client
}

// signInAPI signs p in at the server at base and returns a client that
// sends p's session cookie.
func signInAPI(t *testing.T, base string, p person) *apiClient {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatalf("cookiejar.New = %v; want nil", err)
	}
	c := &apiClient{t: t, base: base, http: &http.Client{Jar: jar, Timeout: 30 * time.Second}}

	body, err := json.Marshal(shared.LoginRequest{Email: p.Email, Password: p.Password})
	if err != nil {
		t.Fatalf("encode login request: %v", err)
	}
	res, err := c.http.Post(base+shared.PathLogin, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST %s: %v", shared.PathLogin, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusNoContent {
		t.Fatalf("POST %s as %s: status = %d; want %d", shared.PathLogin, p.Email, res.StatusCode, http.StatusNoContent)
	}
	return c
}

// usage returns GET /api/analytics/usage?range=r.
func (c *apiClient) usage(r shared.Range) shared.Usage {
	c.t.Helper()
	var u shared.Usage
	c.get(shared.PathUsage+"?range="+url.QueryEscape(string(r)), &u)
	return u
}

// globalUsage returns GET /api/analytics/global/usage?range=r.
func (c *apiClient) globalUsage(r shared.Range) shared.GlobalUsage {
	c.t.Helper()
	var g shared.GlobalUsage
	c.get(shared.PathGlobalUsage+"?range="+url.QueryEscape(string(r)), &g)
	return g
}

func (c *apiClient) get(path string, out any) {
	c.t.Helper()
	res, err := c.http.Get(c.base + path)
	if err != nil {
		c.t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatalf("read GET %s: %v", path, err)
	}
	if res.StatusCode != http.StatusOK {
		c.t.Fatalf("GET %s: status = %d; want 200\n%s", path, res.StatusCode, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		c.t.Fatalf("decode GET %s: %v\n%s", path, err, body)
	}
}

// figures is what one analytics view shows, in the terms of the page's data
// attributes: each metric card's data-value, and each breakdown row's
// data-row, data-count and data-percentage in the order shown.
type figures struct {
	Metrics map[string]string `json:"metrics"`
	Rows    []shareRow        `json:"rows"`
}

// shareRow is one breakdown row. Percentage is nil when the row has no
// data-percentage attribute.
type shareRow struct {
	Row        string   `json:"row"`
	Count      string   `json:"count"`
	Percentage *float64 `json:"percentage"`
	Other      bool     `json:"other"`
}

// figuresOf returns what the page should show for u.
func figuresOf(u *shared.Usage) figures {
	f := figures{
		Metrics: map[string]string{
			"generations": strconv.FormatInt(u.TotalGenerations, 10),
			"images":      optionalCount(u.TotalImages),
			"videos":      optionalCount(u.TotalVideos),
		},
		Rows: []shareRow{},
	}
	for _, m := range u.TopModels {
		f.Rows = append(f.Rows, newShareRow("model:"+m.ModelID, m.Count, m.Percentage, m.Other))
	}
	for _, p := range u.ByProvider {
		f.Rows = append(f.Rows, newShareRow("provider:"+p.Provider, p.Count, p.Percentage, p.Other))
	}
	for _, ty := range u.ByType {
		f.Rows = append(f.Rows, newShareRow("type:"+string(ty.Type), ty.Count, ty.Percentage, ty.Other))
	}
	return f
}

func newShareRow(row string, count int64, percentage float64, other bool) shareRow {
	return shareRow{Row: row, Count: strconv.FormatInt(count, 10), Percentage: &percentage, Other: other}
}

// optionalCount returns the data-value of a total: the number, or "hidden"
// for a total the API withheld.
func optionalCount(n *int64) string {
	if n == nil {
		return "hidden"
	}
	return strconv.FormatInt(*n, 10)
}

// formatCount returns n with commas between thousands, as the cards show it.
func formatCount(n int64) string {
	s := strconv.FormatInt(n, 10)
	start := 0
	if n < 0 {
		start = 1
	}
	for i := len(s) - 3; i > start; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
