package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// updateTimeout bounds the wait for the update banner. The app looks for a
// new release when a page mounts, when the network returns, when the tab
// becomes visible and once a minute, so the timeout covers the last one too.
const updateTimeout = 75 * time.Second

var goappVersion = regexp.MustCompile(`"GOAPP_VERSION":"([^"]*)"`)

// servedVersion returns the version in the go-app environment of /app.js
// at base, the one the web app reads.
func servedVersion(t *testing.T, base string) string {
	t.Helper()
	body := fetchText(t, base+"/app.js")
	m := goappVersion.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("GET %s/app.js has no GOAPP_VERSION", base)
	}
	return m[1]
}

func fetchText(t *testing.T, u string) string {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("read GET %s: %v", u, err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status = %d; want 200", u, res.StatusCode)
	}
	return string(body)
}

func TestVersionSameAcrossServers(t *testing.T) {
	dir := t.TempDir()
	first := startLoupe(t, filepath.Join(dir, "first.db"), minCohortUsers)
	second := startLoupe(t, filepath.Join(dir, "second.db"), minCohortUsers)

	firstVersionServed := servedVersion(t, first.URL())
	if firstVersionServed != firstVersion {
		t.Errorf("GOAPP_VERSION of %s = %q; want the version linked in, %q", first, firstVersionServed, firstVersion)
	}
	if got := servedVersion(t, second.URL()); got != firstVersionServed {
		t.Errorf("GOAPP_VERSION of %s = %q; want %q as %s serves", second, got, firstVersionServed, first)
	}
	if a, b := fetchText(t, first.URL()+"/app-worker.js"), fetchText(t, second.URL()+"/app-worker.js"); a != b {
		t.Errorf("app-worker.js of two servers of one build differ; want the same worker")
	}

	binary, err := suite.secondBinary()
	if err != nil {
		t.Fatal(err)
	}
	first.Stop()
	first.Start(binary, secondVersion)
	if got := servedVersion(t, first.URL()); got != secondVersion {
		t.Errorf("GOAPP_VERSION of %s = %q; want %q", first, got, secondVersion)
	}
}

func TestUpdatePromptAfterDeploy(t *testing.T) {
	binary, err := suite.secondBinary()
	if err != nil {
		t.Fatal(err)
	}
	f, server, b := startApp(t, desktop)

	b.signIn(f.ana)
	b.waitVisible(viewSelector("my:all", "ready"))
	b.waitServiceWorker()
	b.poll("the first version's cache", `caches.keys().then(keys => keys.some(k => k.includes(`+jsString(firstVersion)+`)))`)
	if got := visibleCount(b, `[data-banner="update"]`); got != 0 {
		b.screenshot("banner-before-deploy")
		t.Fatalf("visible update banners on the first visit, before a new build was deployed = %d; want 0", got)
	}

	// Deploy: the same address and database, the next build.
	server.Stop()
	server.Start(binary, secondVersion)

	// A person moves on to another page, and the app looks for a release
	// whenever a page mounts.
	b.clickVisible(`nav[aria-label="Main"] a[href="/settings"]`)
	ctx, cancel := context.WithTimeout(b.ctx, updateTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`[data-banner="update"]`))); err != nil {
		b.fail(fmt.Sprintf("wait %s for the update banner", updateTimeout), err)
	}
	b.screenshot("banner")
	b.auditIfAxe("the update banner")
	if got := b.text(`[data-banner="update"]`); !strings.Contains(got, "A new version is ready") || !strings.Contains(got, "Reload") {
		t.Errorf("text of the update banner = %q; want %q", got, "A new version is ready — Reload")
	}
	if got := b.attr(`[data-banner="update"]`, "role"); got != "status" {
		t.Errorf("role of the update banner = %q; want status", got)
	}

	// Mark this document, so the check below can tell the reloaded one.
	evaluate[bool](b, "mark the old document", `window.loupeOldDocument = true`)
	reloadCtx, cancelReload := context.WithTimeout(b.ctx, waitTimeout)
	defer cancelReload()
	reloadButton := chromedp.Search(`//*[@data-banner="update"]//button[normalize-space(.)="Reload"]`)
	if _, err := chromedp.Run(reloadCtx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(reloadButton))); err != nil {
		b.fail("click Reload and wait for the new page to load", err)
	}
	b.waitVisible(appReady)
	if evaluate[bool](b, "look for the old document's mark", `window.loupeOldDocument === true`) {
		t.Fatalf("document after clicking Reload is the old one; want a reloaded page")
	}

	if got := evaluate[string](b, "read GOAPP_VERSION", `goappGetenv("GOAPP_VERSION")`); got != secondVersion {
		t.Errorf("GOAPP_VERSION after one reload = %q; want %q", got, secondVersion)
	}
	b.screenshot("reloaded")
	if got := b.text("body"); !strings.Contains(got, secondVersion) {
		t.Errorf("settings page after the reload does not show version %q:\n%s", secondVersion, got)
	}
	if got := visibleCount(b, `[data-banner="update"]`); got != 0 {
		t.Errorf("visible update banners after the reload = %d; want 0", got)
	}

	keys := evaluate[[]string](b, "list the caches", `caches.keys()`)
	if len(keys) == 0 {
		t.Errorf("caches after the update = none; want the second version's cache")
	}
	for _, key := range keys {
		if !strings.Contains(key, secondVersion) {
			t.Errorf("caches after the update = %q; want only the cache of %s", keys, secondVersion)
			break
		}
	}
}
