package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"loupe/shared"
)

// minTouchTarget is the minimum width and height of a control on a touch
// screen, in CSS pixels.
const minTouchTarget = 44

// overflow describes what sticks out of the viewport's width: the page's
// scroll width, and each visible element of the analytics page whose right
// edge passes the viewport.
type overflow struct {
	ViewportWidth float64  `json:"viewportWidth"`
	ScrollWidth   float64  `json:"scrollWidth"`
	Outside       []string `json:"outside"`
}

// measureOverflow returns the page's scroll width and the parts of the
// tabs, the range picker, the cards and the breakdown rows that do not fit
// the viewport's width.
func measureOverflow(b *browser) overflow {
	b.t.Helper()
	return evaluate[overflow](b, "measure the page width", `(() => {
		const width = document.documentElement.clientWidth;
		const parts = document.querySelectorAll('[role="tablist"], [role="radiogroup"], [role="tab"], [role="radio"], [data-metric], [data-row], [data-banner]');
		const outside = [...parts]
			.filter(e => e.checkVisibility())
			.filter(e => { const r = e.getBoundingClientRect(); return r.left < -0.5 || r.right > width + 0.5; })
			.map(e => e.outerHTML.slice(0, 80) + " right=" + Math.round(e.getBoundingClientRect().right));
		return {viewportWidth: width, scrollWidth: document.documentElement.scrollWidth, outside};
	})()`)
}

// smallTargets lists the visible controls smaller than minTouchTarget in
// either direction.
func smallTargets(b *browser) []string {
	b.t.Helper()
	return evaluate[[]string](b, "measure the touch targets", fmt.Sprintf(`(() => {
		const controls = document.querySelectorAll('a[href], button, input, select, textarea, [role="tab"], [role="radio"], [role="button"]');
		return [...controls]
			.filter(e => e.checkVisibility())
			.map(e => [e, e.getBoundingClientRect()])
			.filter(([e, r]) => r.width < %[1]d || r.height < %[1]d)
			.map(([e, r]) => e.outerHTML.slice(0, 80) + " " + Math.round(r.width) + "×" + Math.round(r.height));
	})()`, minTouchTarget))
}

// unnamedButtons lists the visible buttons that show no text and have no
// accessible name from aria-label, aria-labelledby or title.
func unnamedButtons(b *browser) []string {
	b.t.Helper()
	return evaluate[[]string](b, "look for buttons without a name", `(() => {
		const named = e => ["aria-label", "aria-labelledby", "title"].some(a => (e.getAttribute(a) || "").trim() !== "");
		return [...document.querySelectorAll('button, [role="button"]')]
			.filter(e => e.checkVisibility())
			.filter(e => e.innerText.trim() === "" && !named(e))
			.map(e => e.outerHTML.slice(0, 120));
	})()`)
}

// anyMainNavVisible is JavaScript that reports whether one of the page's
// main navigations, the sidebar's or the menu's, is visible.
const anyMainNavVisible = `[...document.querySelectorAll('nav[aria-label="Main"]')].some(e => e.checkVisibility())`

func TestPhoneMenuOpensNav(t *testing.T) {
	f, _, b := startApp(t, phone)
	b.signIn(f.ana)
	b.waitVisible(viewSelector("my:all", "ready"))
	b.screenshot("analytics")

	if got := visibleCount(b, `nav[aria-label="Main"]`); got != 0 {
		t.Errorf("visible main navigations at 390×844 before opening the menu = %d; want 0", got)
	}
	menu := `button[aria-label="Open menu"]`
	if got := visibleCount(b, menu); got != 1 {
		t.Fatalf("visible %s at 390×844 = %d; want 1", menu, got)
	}
	if got := b.attr(menu, "aria-expanded"); got != "false" {
		t.Errorf("aria-expanded of the closed menu button = %q; want false", got)
	}

	b.tapVisible(menu)
	b.poll("the menu to open", anyMainNavVisible)
	b.screenshot("menu-open")
	nav := visibleNav(b)
	if got, want := strings.Join(nav.Labels, ", "), "Dashboard, Analytics, Settings"; got != want {
		t.Errorf("links of the opened menu = %q; want %q", got, want)
	}
	if got := visibleCount(b, `button[aria-expanded="true"]`); got != 1 {
		t.Errorf("visible buttons with aria-expanded=true after opening the menu = %d; want 1", got)
	}
	if got := unnamedButtons(b); len(got) != 0 {
		t.Errorf("buttons without an accessible name with the menu open = %q; want none", got)
	}
	if got := smallTargets(b); len(got) != 0 {
		t.Errorf("controls smaller than %d×%d px with the menu open = %q; want none", minTouchTarget, minTouchTarget, got)
	}

	b.tapVisible(`nav[aria-label="Main"] a[href="/analytics"]`)
	b.poll("the menu to close", "!"+anyMainNavVisible)

	for _, view := range []struct {
		scope string
		r     shared.Range
		state string
	}{
		{"my", shared.RangeAll, "ready"},
		{"global", shared.RangeAll, "ready"},
		{"global", shared.Range7d, "unavailable"},
	} {
		name := viewName(view.scope, view.r)
		b.showView(view.scope, view.r, view.state)
		b.screenshot(name)

		o := measureOverflow(b)
		if o.ScrollWidth > o.ViewportWidth {
			t.Errorf("scroll width of %s at 390×844 = %.0f px; want at most the viewport's %.0f px", name, o.ScrollWidth, o.ViewportWidth)
		}
		if len(o.Outside) != 0 {
			t.Errorf("parts of %s past the right edge = %q; want none", name, o.Outside)
		}
		if got := smallTargets(b); len(got) != 0 {
			t.Errorf("controls of %s smaller than %d×%d px = %q; want none", name, minTouchTarget, minTouchTarget, got)
		}
		if got := unnamedButtons(b); len(got) != 0 {
			t.Errorf("buttons of %s without an accessible name = %q; want none", name, got)
		}
	}
}

func TestColorSchemeFollowsSystem(t *testing.T) {
	f, _, b := startApp(t, desktop)
	b.signIn(f.ana)
	b.waitVisible(viewSelector("my:all", "ready"))

	luminance := map[string]float64{}
	for _, scheme := range []string{"light", "dark"} {
		b.setColorScheme(scheme)
		b.screenshot(scheme)
		luminance[scheme] = evaluate[float64](b, "measure the background", backgroundLuminance)
		if luminance[scheme] < 0 {
			t.Fatalf("background in the %s scheme: no opaque background on body, html or the app's root", scheme)
		}
	}
	if luminance["light"] < 0.6 {
		t.Errorf("luminance of the background in the light scheme = %.2f; want at least 0.6", luminance["light"])
	}
	if luminance["dark"] > 0.2 {
		t.Errorf("luminance of the background in the dark scheme = %.2f; want at most 0.2", luminance["dark"])
	}
}

// setColorScheme makes prefers-color-scheme match scheme, light or dark, as
// the system setting does.
func (b *browser) setColorScheme(scheme string) {
	b.t.Helper()
	params := emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, params); err != nil {
		b.fail("emulate prefers-color-scheme: "+scheme, err)
	}
	b.poll("the "+scheme+" scheme to apply", `matchMedia("(prefers-color-scheme: `+scheme+`)").matches`)
}

// backgroundLuminance is JavaScript that returns the relative luminance,
// from 0 for black to 1 for white, of the page's background: the first
// opaque background of the body, the root element or the app's root.
const backgroundLuminance = `(() => {
	const candidates = [document.body, document.documentElement, document.querySelector("[data-app-ready]")];
	for (const e of candidates) {
		if (!e) continue;
		const m = getComputedStyle(e).backgroundColor.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
		if (!m || (m[4] !== undefined && Number(m[4]) === 0)) continue;
		const [r, g, b] = [m[1], m[2], m[3]].map(v => {
			const c = Number(v) / 255;
			return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	}
	return -1;
})()`
