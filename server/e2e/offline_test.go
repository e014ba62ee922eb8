package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"loupe/shared"
)

// Beginnings of the banners over a stored copy. The local date and time of
// the copy follow.
const (
	offlinePrefix     = "Offline — showing figures from "
	unavailablePrefix = "Server unavailable — showing figures from "
)

// offlineZone is the browser's time zone in the offline test. It is 5 hours
// 30 minutes ahead of UTC, so a time shown in UTC has other minutes than
// the local time.
var offlineZone = time.FixedZone("Asia/Kolkata", 5*60*60+30*60)

// checkBannerMinute checks that banner shows a local time whose minutes are
// those of a moment between from and to in offlineZone, as the time a copy
// fetched in that span was fetched.
func checkBannerMinute(t *testing.T, banner string, from, to time.Time) {
	t.Helper()
	var minutes []string
	for m := from.Truncate(time.Minute); !m.After(to); m = m.Add(time.Minute) {
		minute := fmt.Sprintf(":%02d", m.In(offlineZone).Minute())
		if strings.Contains(banner, minute) {
			return
		}
		minutes = append(minutes, minute)
	}
	t.Errorf("banner %q shows none of the local minutes %q of the fetch in %s", banner, minutes, offlineZone)
}

// waitServiceWorker waits until an activated service worker controls the
// page, so a reload without a network can be served from its cache, and
// then for two frames, so the app has drawn whatever the activation changed.
func (b *browser) waitServiceWorker() {
	b.t.Helper()
	b.poll("an activated service worker to control the page",
		`navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller.state === "activated"`)
	evaluate[bool](b, "wait two frames", `new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
}

// checkBanner checks that the banner of kind starts with prefix, a sentence
// about the stored copy, and names the time the copy was fetched.
func checkBanner(t *testing.T, b *browser, kind, prefix string) {
	t.Helper()
	got := b.text(`[data-banner="` + kind + `"]`)
	if !strings.HasPrefix(got, prefix) || len(got) <= len(prefix) {
		t.Errorf("text of the %s banner = %q; want %q and a date and time", kind, got, prefix+"…")
	}
	if role := b.attr(`[data-banner="`+kind+`"]`, "role"); role != "status" {
		t.Errorf("role of the %s banner = %q; want status", kind, role)
	}
}

func TestOfflineReloadShowsLastSeen(t *testing.T) {
	f, server, b := startApp(t, desktop)
	api := signInAPI(t, server.URL(), f.ana)
	b.setTimeZone(offlineZone.String())
	fetchedFrom := time.Now()
	b.signIn(f.ana)

	b.showView("my", shared.Range7d, "ready")
	seenWeek := api.usage(shared.Range7d)
	b.showView("my", shared.RangeAll, "ready")
	seenAll := api.usage(shared.RangeAll)
	fetchedTo := time.Now()
	b.waitServiceWorker()

	server.Stop()
	b.setOffline(true)
	b.reload()
	b.waitVisible(`[data-banner="offline"]`)
	b.waitVisible(viewSelector("my:all", "ready"))
	b.screenshot("offline-reload")
	checkBanner(t, b, "offline", offlinePrefix)
	checkBannerMinute(t, b.text(`[data-banner="offline"]`), fetchedFrom, fetchedTo)
	checkFigures(t, "my:all offline", b.readFigures("my:all"), figuresOf(&seenAll))

	b.showView("my", shared.Range7d, "ready")
	b.waitVisible(`[data-banner="offline"]`)
	checkFigures(t, "my:7d offline", b.readFigures("my:7d"), figuresOf(&seenWeek))

	b.showView("global", shared.Range30d, "never-seen")
	b.screenshot("never-seen")
	if got := b.readFigures("global:30d"); len(got.Metrics)+len(got.Rows) != 0 {
		t.Errorf("figures of global:30d, never seen online = %v; want none", got)
	}
	if got := visibleCount(b, `[data-banner="offline"]`); got != 0 {
		t.Errorf("visible offline banners over a view never seen = %d; want 0", got)
	}

	// The network returns with one more generation on the server, and the
	// page loads it without a reload.
	b.showView("my", shared.RangeAll, "ready")
	addGeneration(t, f.dbPath, f.ana.ProfileID)
	server.Start(suite.firstBinary, firstVersion)
	b.setOffline(false)
	want := figuresOf(&seenAll).Metrics["generations"]
	b.poll("the new figures after the network returns", `(() => {
		const card = document.querySelector('[data-view="my:all"][data-state="ready"] [data-metric="generations"]');
		return card !== null && card.dataset.value !== `+jsString(want)+`;
	})()`)
	b.waitGone(`[data-banner="offline"]`)
	b.screenshot("back-online")
	fresh := api.usage(shared.RangeAll)
	checkFigures(t, "my:all back online", b.readFigures("my:all"), figuresOf(&fresh))
}

func TestSignOutLeavesNoTrace(t *testing.T) {
	f, server, b := startApp(t, desktop)
	anaAPI := signInAPI(t, server.URL(), f.ana)
	benAPI := signInAPI(t, server.URL(), f.ben)
	// Ana's all-time total, as the stored JSON copy of her My view would
	// carry it. Ben's figures and the global ones have other totals.
	anaCopy := fmt.Sprintf(`"totalGenerations":%d`, anaAPI.usage(shared.RangeAll).TotalGenerations)

	b.signIn(f.ana)
	b.showView("my", shared.RangeAll, "ready")
	b.showView("global", shared.Range90d, "ready")
	b.waitServiceWorker()
	b.screenshot("ana")
	if dump := b.storageDump(); !strings.Contains(dump, anaCopy) {
		t.Errorf("browser storage with Ana signed in lacks %q; want her stored copy, or the checks after signing out prove nothing", anaCopy)
	}
	pages := b.cachedPages()
	if len(pages) == 0 {
		t.Errorf("pages in Cache Storage = none; want the prerendered pages the worker keeps")
	}
	for page, body := range pages {
		for _, marker := range append(f.ana.markers(), f.ben.markers()...) {
			if strings.Contains(body, marker) {
				t.Errorf("cached page %s contains %q; want no personal data", page, marker)
			}
		}
	}

	b.open("/settings")
	b.do("sign out", chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Sign out"]`)))
	b.waitVisible(appReady + ` ` + submitButton)
	b.screenshot("signed-out")
	checkNoTrace(t, b, "after Ana signed out", append(f.ana.markers(), anaCopy))

	b.signIn(f.ben)
	b.showView("my", shared.RangeAll, "ready")
	benAll := benAPI.usage(shared.RangeAll)
	checkFigures(t, "Ben's my:all", b.readFigures("my:all"), figuresOf(&benAll))
	b.waitServiceWorker()

	server.Stop()
	b.setOffline(true)
	b.reload()
	b.waitVisible(`[data-banner="offline"]`)
	b.waitVisible(viewSelector("my:all", "ready"))
	b.screenshot("ben-offline")
	checkFigures(t, "Ben's my:all offline", b.readFigures("my:all"), figuresOf(&benAll))

	// Ana saw global:90d and Ben never did, so offline he has no copy of it.
	b.showView("global", shared.Range90d, "never-seen")
	b.screenshot("ben-never-seen")
	checkNoTrace(t, b, "with Ben signed in and offline", append(f.ana.markers(), anaCopy))
}

// checkNoTrace checks that neither the page nor anything the browser
// stores contains one of markers.
func checkNoTrace(t *testing.T, b *browser, when string, markers []string) {
	t.Helper()
	dump := b.storageDump()
	pageText := b.text("body")
	for _, marker := range markers {
		if strings.Contains(dump, marker) {
			t.Errorf("browser storage %s contains %q; want no trace of the previous person", when, marker)
		}
		if strings.Contains(pageText, marker) {
			t.Errorf("page %s shows %q; want no trace of the previous person", when, marker)
		}
	}
}
