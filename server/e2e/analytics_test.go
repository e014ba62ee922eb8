package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"loupe/shared"
)

// startApp seeds the history, starts the server and opens a browser of vp's
// size on it.
func startApp(t *testing.T, vp viewport) (fixture, *loupeServer, *browser) {
	t.Helper()
	requireChromium(t)
	f := seedHistory(t)
	server := startLoupe(t, f.dbPath, minCohortUsers)
	return f, server, newBrowser(t, server.URL(), vp)
}

func TestSignInOpensAnalytics(t *testing.T) {
	f, _, b := startApp(t, desktop)

	// One document from the first page on, as on a first visit: the sign-in
	// page, a wrong password, the right one, then Analytics.
	b.open("/login")
	b.screenshot("form")
	b.submitSignIn(f.ana.Email, "not-the-password")
	b.poll("the sign-in error", `document.body.innerText.includes("Wrong email or password.")`)
	b.screenshot("wrong-password")

	b.submitSignIn(f.ana.Email, f.ana.Password)
	b.waitVisible(viewSelector("my:all", "ready"))
	b.screenshot("signed-in")

	if got := b.location().Path; got != "/analytics" {
		t.Errorf("path after sign-in = %q; want /analytics", got)
	}
	if got := b.attr("#tab-my", "aria-selected"); got != "true" {
		t.Errorf("aria-selected of the My tab after sign-in = %q; want true", got)
	}
	if got := b.attr(`[role="radio"][data-range="all"]`, "aria-checked"); got != "true" {
		t.Errorf("aria-checked of All time after sign-in = %q; want true", got)
	}

	// Once the first service worker runs, moving to another page draws a
	// new shell, which shows the update banner if the app took the first
	// install for an update.
	b.waitServiceWorker()
	b.clickVisible(`nav[aria-label="Main"] a[href="/settings"]`)
	b.do("open Settings", chromedp.WaitVisible(chromedp.Search(`//button[normalize-space(.)="Sign out"]`)))
	if got := visibleCount(b, `[data-banner="update"]`); got != 0 {
		b.screenshot("first-visit-banner")
		t.Errorf("visible update banners on the first visit of a fresh profile = %d; want 0", got)
	}
}

func TestSidebarListsAnalyticsSecond(t *testing.T) {
	f, _, b := startApp(t, desktop)
	b.signIn(f.ana)
	b.waitVisible(viewSelector("my:all", "ready"))
	b.screenshot("analytics")

	nav := visibleNav(b)
	if got, want := strings.Join(nav.Labels, ", "), "Dashboard, Analytics, Settings"; got != want {
		t.Errorf("links of the visible main navigation = %q; want %q", got, want)
	}
	if len(nav.Tops) >= 2 && !(nav.Tops[1] > nav.Tops[0]) {
		t.Errorf("top of Analytics = %.0f px, of Dashboard = %.0f px; want Analytics below Dashboard", nav.Tops[1], nav.Tops[0])
	}
	if got := nav.Current; got != "Analytics" {
		t.Errorf("link with aria-current=page = %q; want Analytics", got)
	}
	if got := visibleCount(b, `button[aria-label="Open menu"]`); got != 0 {
		t.Errorf("visible Open menu buttons at 1440×900 = %d; want 0", got)
	}
}

func TestFiguresMatchAPI(t *testing.T) {
	f, server, b := startApp(t, desktop)
	api := signInAPI(t, server.URL(), f.ana)
	b.signIn(f.ana)

	for _, r := range []shared.Range{shared.Range7d, shared.RangeAll} {
		view := viewName("my", r)
		b.showView("my", r, "ready")
		b.screenshot(view)
		usage := api.usage(r)
		checkFigures(t, view, b.readFigures(view), figuresOf(&usage))
	}

	for _, r := range []shared.Range{shared.Range90d, shared.RangeAll} {
		view := viewName("global", r)
		b.showView("global", r, "ready")
		b.screenshot(view)
		global := api.globalUsage(r)
		if !global.Available {
			t.Fatalf("global usage of %s: available = false; want true (message %q)", r, global.Message)
		}
		checkFigures(t, view, b.readFigures(view), figuresOf(global.Usage))
		checkThresholdSentence(t, b, view)
	}
}

func TestGlobalHiddenBelowK(t *testing.T) {
	f, server, b := startApp(t, desktop)
	api := signInAPI(t, server.URL(), f.ana)
	b.signIn(f.ana)

	for _, r := range []shared.Range{shared.Range7d, shared.Range30d} {
		view := viewName("global", r)
		global := api.globalUsage(r)
		if global.Available {
			t.Fatalf("global usage of %s: available = true; want false with %d people and k = %d", r, global.Cohort.UniqueUsers, minCohortUsers)
		}

		b.showView("global", r, "unavailable")
		b.screenshot(view)
		onPage := b.readFigures(view)
		if len(onPage.Metrics) != 0 {
			t.Errorf("metric cards of %s = %v; want none", view, onPage.Metrics)
		}
		if len(onPage.Rows) != 0 {
			t.Errorf("breakdown rows of %s =\n%s\nwant none", view, rowsText(onPage.Rows))
		}
		panel := b.text(fmt.Sprintf(`[data-view=%q]`, view))
		if !strings.Contains(panel, "Not enough data yet") {
			t.Errorf("text of %s = %q; want it to contain %q", view, panel, "Not enough data yet")
		}
		people := fmt.Sprint(global.Cohort.UniqueUsers)
		if !strings.Contains(panel, people) {
			t.Errorf("text of %s = %q; want it to name the %s people who generated", view, panel, people)
		}
		checkThresholdSentence(t, b, view)
	}
}

// checkThresholdSentence checks that the Global tab states the privacy
// threshold k.
func checkThresholdSentence(t *testing.T, b *browser, view string) {
	t.Helper()
	want := fmt.Sprintf("Global figures include only groups of at least %d people.", minCohortUsers)
	if got := b.text(`[role="tabpanel"]:not([hidden])`); !strings.Contains(got, want) {
		t.Errorf("text of the Global panel showing %s = %q; want it to contain %q", view, got, want)
	}
}

// navLinks describes the visible main navigation: its link texts in order,
// the top edge of each link, and the text of the link marked as the current
// page.
type navLinks struct {
	Labels  []string  `json:"labels"`
	Tops    []float64 `json:"tops"`
	Current string    `json:"current"`
}

// visibleNav returns the links of the first visible nav[aria-label="Main"].
func visibleNav(b *browser) navLinks {
	b.t.Helper()
	return evaluate[navLinks](b, "read the main navigation", `(() => {
		const nav = [...document.querySelectorAll('nav[aria-label="Main"]')].find(e => e.checkVisibility());
		if (!nav) return {labels: [], tops: [], current: ""};
		const links = [...nav.querySelectorAll("a")].filter(a => a.checkVisibility());
		const current = links.find(a => a.getAttribute("aria-current") === "page");
		return {
			labels: links.map(a => a.innerText.trim()),
			tops: links.map(a => a.getBoundingClientRect().top),
			current: current ? current.innerText.trim() : "",
		};
	})()`)
}

// visibleCount returns how many elements matching sel are visible.
func visibleCount(b *browser, sel string) int {
	b.t.Helper()
	return evaluate[int](b, "count visible "+sel,
		fmt.Sprintf(`[...document.querySelectorAll(%s)].filter(e => e.checkVisibility()).length`, jsString(sel)))
}

func TestPrerenderedPagesLackReadyMarker(t *testing.T) {
	f := seedHistory(t)
	server := startLoupe(t, f.dbPath, minCohortUsers)
	for _, path := range []string{"/", "/analytics", "/analytics?tab=global&range=7d", "/login", "/settings"} {
		body := fetchText(t, server.URL()+path)
		if !strings.Contains(body, "<html") {
			t.Errorf("GET %s is not an HTML page", path)
		}
		if strings.Contains(body, "data-app-ready") {
			t.Errorf("prerendered GET %s contains data-app-ready; want it only once the app runs", path)
		}
	}
}
