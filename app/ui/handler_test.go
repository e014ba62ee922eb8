package ui

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

func TestMain(m *testing.M) {
	Routes()
	os.Exit(m.Run())
}

// newTestServer serves NewHandler with the repository's web folder, and
// counts the requests that reach /api/, which prerendering must never make.
func newTestServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()

	var apiCalls atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		apiCalls.Add(1)
		http.Error(w, "not here", http.StatusTeapot)
	})
	mux.Handle("/", NewHandler(HandlerConfig{
		Version:        "test-1",
		PlatformURL:    "https://studio.example.com/",
		MinCohortUsers: 5,
		WebDir:         "../../web",
	}))

	server := httptest.NewServer(mux)
	t.Cleanup(server.Close)
	return server, &apiCalls
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()

	res, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()

	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading %s: %v", url, err)
	}
	return res.StatusCode, string(body)
}

func TestHandlerServesWebDir(t *testing.T) {
	server, _ := newTestServer(t)

	for _, path := range []string{
		"/web/loupe.css",
		"/web/icons/icon-192.png",
		"/web/icons/icon-512.png",
		"/web/icons/maskable-512.png",
		"/web/icons/icon.svg",
		"/robots.txt",
	} {
		if status, _ := get(t, server.URL+path); status != http.StatusOK {
			t.Errorf("GET %s = %d; want 200", path, status)
		}
	}

	if status, _ := get(t, server.URL+"/web/"); status != http.StatusNotFound {
		t.Errorf("GET /web/ = %d; want 404 with no directory listing", status)
	}
	if status, _ := get(t, server.URL+"/web/missing.css"); status != http.StatusNotFound {
		t.Errorf("GET /web/missing.css = %d; want 404", status)
	}
}

func TestHandlerRobotsDisallowsAll(t *testing.T) {
	server, _ := newTestServer(t)

	_, body := get(t, server.URL+"/robots.txt")

	if body != "User-agent: *\nDisallow: /\n" {
		t.Errorf("GET /robots.txt = %q; want a rule that disallows every path", body)
	}
}

func TestManifestIconsAreLocal(t *testing.T) {
	server, _ := newTestServer(t)

	_, body := get(t, server.URL+"/manifest.webmanifest")
	var manifest struct {
		StartURL string `json:"start_url"`
		Icons    []struct {
			Src     string `json:"src"`
			Purpose string `json:"purpose"`
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(body), &manifest); err != nil {
		t.Fatalf("decoding manifest %q: %v", body, err)
	}

	if manifest.StartURL != "/analytics" {
		t.Errorf("start_url = %q; want /analytics", manifest.StartURL)
	}
	if len(manifest.Icons) != 4 {
		t.Errorf("manifest lists %d icons; want 4", len(manifest.Icons))
	}
	for _, icon := range manifest.Icons {
		if !strings.HasPrefix(icon.Src, "/web/icons/") {
			t.Errorf("manifest icon %q is not under /web/icons/", icon.Src)
		}
	}
}

func TestManifestMakesAppInstallable(t *testing.T) {
	server, _ := newTestServer(t)

	_, body := get(t, server.URL+"/manifest.webmanifest")
	var manifest struct {
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		Description     string `json:"description"`
		ThemeColor      string `json:"theme_color"`
		BackgroundColor string `json:"background_color"`
		Display         string `json:"display"`
		Icons           []struct {
			Src     string `json:"src"`
			Sizes   string `json:"sizes"`
			Purpose string `json:"purpose"`
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(body), &manifest); err != nil {
		t.Fatalf("decoding manifest %q: %v", body, err)
	}

	if manifest.Name == "" || manifest.ShortName == "" || manifest.Description == "" {
		t.Errorf("manifest name, short_name, description = %q, %q, %q; want all set", manifest.Name, manifest.ShortName, manifest.Description)
	}
	if manifest.ThemeColor == "" || manifest.BackgroundColor == "" {
		t.Errorf("manifest theme_color, background_color = %q, %q; want both set", manifest.ThemeColor, manifest.BackgroundColor)
	}
	if manifest.Display != "standalone" {
		t.Errorf("display = %q; want standalone", manifest.Display)
	}
	sizes := make(map[string]bool)
	for _, icon := range manifest.Icons {
		sizes[icon.Sizes+" "+icon.Purpose] = true
	}
	for _, want := range []string{"192x192 ", "512x512 ", "512x512 maskable"} {
		if !sizes[want] {
			t.Errorf("manifest lacks an icon of size and purpose %q; has %v", want, sizes)
		}
	}
}

func TestWorkerPrecachesAppShell(t *testing.T) {
	server, _ := newTestServer(t)

	status, body := get(t, server.URL+"/app-worker.js")

	if status != http.StatusOK {
		t.Fatalf("GET /app-worker.js = %d; want 200", status)
	}
	if !strings.Contains(body, `"loupe-test-1"`) {
		t.Errorf("app-worker.js lacks the cache name of version test-1")
	}
	var precached []string
	for line := range strings.Lines(body) {
		if list, ok := strings.CutPrefix(line, "const PRECACHE_PATHS = "); ok {
			if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimSpace(list), ";")), &precached); err != nil {
				t.Fatalf("decoding PRECACHE_PATHS %q: %v", list, err)
			}
		}
	}
	for _, path := range []string{"/", "/analytics", "/login", "/settings", "/web/app.wasm", "/app.js", "/web/loupe.css", "/web/icons/icon.svg"} {
		if !slices.Contains(precached, path) {
			t.Errorf("PRECACHE_PATHS = %v; want it to contain %s", precached, path)
		}
	}
	for _, path := range precached {
		if strings.HasPrefix(path, "/api/") {
			t.Errorf("PRECACHE_PATHS contains %s, under /api/", path)
		}
	}
	for _, want := range []string{"ignoreSearch: true", "skipWaiting", "clients.claim", "caches.delete"} {
		if !strings.Contains(body, want) {
			t.Errorf("app-worker.js lacks %s", want)
		}
	}
}

func TestAppJSCarriesEnv(t *testing.T) {
	server, _ := newTestServer(t)

	_, body := get(t, server.URL+"/app.js")

	for _, want := range []string{
		`"PLATFORM_URL":"https://studio.example.com/"`,
		`"MIN_COHORT_USERS":"5"`,
		`"GOAPP_VERSION":"test-1"`,
		`"GOAPP_STATIC_RESOURCES_URL":"/web"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("app.js lacks %s", want)
		}
	}
}

func TestPrerenderIsNeutralShell(t *testing.T) {
	server, apiCalls := newTestServer(t)

	pages := []struct {
		path string
		want string
	}{
		{path: "/", want: "Welcome"},
		{path: "/analytics", want: `id="panel-my"`},
		{path: "/analytics?tab=global", want: `id="panel-global"`},
		{path: "/analytics?tab=global&range=30d", want: `data-view="global:30d"`},
		{path: "/settings", want: "Global figures need at least 5 people."},
		{path: "/login", want: "Sign in"},
	}
	for _, page := range pages {
		status, body := get(t, server.URL+page.path)

		if status != http.StatusOK {
			t.Errorf("GET %s = %d; want 200", page.path, status)
			continue
		}
		if !strings.Contains(body, page.want) {
			t.Errorf("GET %s lacks %q", page.path, page.want)
		}
		if strings.Contains(body, "data-app-ready") {
			t.Errorf("GET %s has data-app-ready; only the running app may set it", page.path)
		}
		// The service worker caches these pages for everyone who uses the
		// browser, so they must hold no figure and no person.
		for _, personal := range []string{"data-metric", "data-row", "Welcome,"} {
			if strings.Contains(body, personal) {
				t.Errorf("GET %s contains %q; the prerendered shell must hold no figure or personal data", page.path, personal)
			}
		}
		for _, external := range []string{"raw.githubusercontent.com", "fonts.googleapis.com", "cdn."} {
			if strings.Contains(body, external) {
				t.Errorf("GET %s references %s", page.path, external)
			}
		}
	}

	if n := apiCalls.Load(); n != 0 {
		t.Errorf("prerendering made %d API requests; want 0", n)
	}
}

func TestPrerenderSelectsTabFromQuery(t *testing.T) {
	server, _ := newTestServer(t)

	_, body := get(t, server.URL+"/analytics?tab=global")

	// go-app writes a true attribute as a bare name, so a selected tab has
	// aria-selected with no value and the other tab has aria-selected="false".
	if tag := openingTag(body, `id="tab-global"`); strings.Contains(tag, `aria-selected="false"`) || !strings.Contains(tag, "aria-selected") {
		t.Errorf("Global tab = %s; want it selected", tag)
	}
	if tag := openingTag(body, `id="tab-my"`); !strings.Contains(tag, `aria-selected="false"`) {
		t.Errorf("My tab = %s; want it not selected", tag)
	}
	if tag := openingTag(body, `id="panel-my"`); !strings.Contains(tag, "hidden") {
		t.Errorf("My panel = %s; want it hidden", tag)
	}
}

// openingTag returns the opening tag in html that contains attr, or "".
func openingTag(html, attr string) string {
	i := strings.Index(html, attr)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(html[:i], "<")
	end := strings.Index(html[i:], ">")
	if start < 0 || end < 0 {
		return ""
	}
	return html[start : i+end+1]
}

func TestPrerenderShowsPlatformLinks(t *testing.T) {
	server, _ := newTestServer(t)

	_, body := get(t, server.URL+"/analytics")

	for _, want := range []string{
		`href="https://studio.example.com/projects"`,
		`href="https://studio.example.com/review"`,
		`href="https://studio.example.com/bookmarks"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("GET /analytics lacks %s", want)
		}
	}
}

func TestUnknownPathIsNotFound(t *testing.T) {
	server, _ := newTestServer(t)

	if status, _ := get(t, server.URL+"/no-such-page"); status != http.StatusNotFound {
		t.Errorf("GET /no-such-page = %d; want 404", status)
	}
}
