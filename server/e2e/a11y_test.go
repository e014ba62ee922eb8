package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"loupe/shared"
)

// axeVersion is the axe-core release that .ci/run installs.
const axeVersion = "4.14.1"

// axePath returns where the tests read axe.min.js: AXE_CORE_JS when set,
// and otherwise the copy that .ci/run installs with npm under .cache/npm.
func axePath() string {
	if path := os.Getenv("AXE_CORE_JS"); path != "" {
		return path
	}
	return filepath.Join(suite.root, ".cache", "npm", "node_modules", "axe-core", "axe.min.js")
}

var readAxe = sync.OnceValues(func() (string, error) {
	source, err := os.ReadFile(axePath())
	return string(source), err
})

// requireAxe returns the source of axe-core. The test is skipped when it is
// missing, or fails when REQUIRE_BROWSER=1.
func requireAxe(t *testing.T) string {
	t.Helper()
	source, err := readAxe()
	if err != nil {
		skipOrFail(t, "axe-core not found (%v): run `npm install --no-save --prefix .cache/npm axe-core@%s` or set AXE_CORE_JS", err, axeVersion)
	}
	return source
}

// axeViolation is one rule that axe-core found broken, with the elements
// that break it.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// audit runs axe-core on the page as it is and fails the test for every
// violation of serious or critical impact. state names the page's state in
// the failure message.
func (b *browser) audit(axe, state string) {
	b.t.Helper()
	evaluate[bool](b, "inject axe-core", `(() => { if (typeof axe === "undefined") { `+axe+`
	} return true; })()`)
	violations := evaluate[[]axeViolation](b, "run axe-core", `axe.run(document, {resultTypes: ["violations"]}).then(r =>
		r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help, targets: v.nodes.map(n => n.target.join(" "))})))`)

	var serious []string
	for _, v := range violations {
		if v.Impact != "serious" && v.Impact != "critical" {
			continue
		}
		serious = append(serious, fmt.Sprintf("%s (%s): %s on %s", v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", ")))
	}
	if len(serious) > 0 {
		b.t.Errorf("axe-core on %s found %d serious or critical violations; want none:\n  %s", state, len(serious), strings.Join(serious, "\n  "))
	}
}

// auditIfAxe runs audit when axe-core is installed. Tests whose subject is
// not accessibility use it, so they still run without axe-core.
func (b *browser) auditIfAxe(state string) {
	b.t.Helper()
	if axe, err := readAxe(); err == nil {
		b.audit(axe, state)
	}
}

func TestAxeFindsNoSeriousIssues(t *testing.T) {
	axe := requireAxe(t)
	requireChromium(t)
	f := seedHistory(t)
	server := startLoupe(t, f.dbPath, minCohortUsers)
	proxy := startProxy(t, server.URL())
	b := newBrowser(t, proxy.URL(), desktop)

	b.open("/login")
	b.audit(axe, "the sign-in page")

	b.signIn(f.ana)
	for _, view := range []struct {
		scope string
		r     shared.Range
		state string
	}{
		{"my", shared.RangeAll, "ready"},
		{"my", shared.Range7d, "ready"},
		{"global", shared.RangeAll, "ready"},
		{"global", shared.Range7d, "unavailable"},
	} {
		b.showView(view.scope, view.r, view.state)
		b.audit(axe, viewName(view.scope, view.r))
	}

	b.setColorScheme("dark")
	b.showView("global", shared.RangeAll, "ready")
	b.screenshot("dark-global")
	b.audit(axe, "global:all in the dark scheme")
	b.showView("my", shared.RangeAll, "ready")
	b.screenshot("dark-my")
	b.audit(axe, "my:all in the dark scheme")
	b.setColorScheme("light")

	b.waitServiceWorker()
	proxy.setFault(failAPI)
	b.reload()
	b.waitVisible(`[data-banner="server-unavailable"]`)
	b.waitVisible(viewSelector("my:all", "ready"))
	b.audit(axe, "my:all with the server unavailable")

	proxy.setFault(forwardAPI)
	b.setOffline(true)
	b.reload()
	b.waitVisible(`[data-banner="offline"]`)
	b.waitVisible(viewSelector("my:all", "ready"))
	b.audit(axe, "my:all offline")
	b.showView("global", shared.Range90d, "never-seen")
	b.screenshot("never-seen")
	b.audit(axe, "global:90d offline, never seen")
}

func TestAxeOnPhone(t *testing.T) {
	axe := requireAxe(t)
	f, _, b := startApp(t, phone)
	b.signIn(f.ana)
	b.waitVisible(viewSelector("my:all", "ready"))
	b.audit(axe, "my:all at 390×844")
	b.tapVisible(`button[aria-label="Open menu"]`)
	b.poll("the menu to open", anyMainNavVisible)
	b.audit(axe, "the open menu at 390×844")
}

// tabState is the aria-selected value of each tab and the id of the
// focused element.
type tabState struct {
	MySelected     string `json:"mySelected"`
	GlobalSelected string `json:"globalSelected"`
	Focused        string `json:"focused"`
}

const readTabState = `(() => ({
	mySelected: document.getElementById("tab-my")?.getAttribute("aria-selected") ?? "(missing)",
	globalSelected: document.getElementById("tab-global")?.getAttribute("aria-selected") ?? "(missing)",
	focused: document.activeElement?.id ?? "",
}))()`

func TestTabsFollowARIAPattern(t *testing.T) {
	f, _, b := startApp(t, desktop)
	b.signIn(f.ana)
	b.waitVisible(viewSelector("my:all", "ready"))

	structure := evaluate[[]string](b, "check the tab structure", `(() => {
		const problems = [];
		const lists = document.querySelectorAll('[role="tablist"]');
		if (lists.length !== 1) problems.push(lists.length + " tablists");
		const tabs = lists.length ? [...lists[0].querySelectorAll('[role="tab"]')] : [];
		const ids = tabs.map(t => t.id).join(",");
		if (ids !== "tab-my,tab-global") problems.push("tab ids " + ids);
		for (const tab of tabs) {
			const panel = document.getElementById(tab.getAttribute("aria-controls") || "");
			if (!panel || panel.getAttribute("role") !== "tabpanel") problems.push(tab.id + " controls no tabpanel");
		}
		return problems;
	})()`)
	if len(structure) != 0 {
		t.Errorf("tab structure problems = %q; want none", structure)
	}

	b.do("focus the My tab and press ArrowRight",
		chromedp.Focus(chromedp.CSS("#tab-my")),
		chromedp.KeyEvent(kb.ArrowRight),
	)
	b.waitVisible(viewSelector("global:all", "ready"))
	got := evaluate[tabState](b, "read the tabs", readTabState)
	if want := (tabState{MySelected: "false", GlobalSelected: "true", Focused: "tab-global"}); got != want {
		t.Errorf("tabs after ArrowRight = %+v; want %+v", got, want)
	}
	if q := b.location().Query(); q.Get("tab") != "global" || q.Get("range") != "all" {
		t.Errorf("query after ArrowRight = %q; want tab=global and range=all", q.Encode())
	}
	b.screenshot("focus-global")
	if ring := focusRing(b); ring == "" {
		t.Errorf("focus ring of the focused Global tab = none; want a visible outline or shadow")
	}

	b.do("press ArrowLeft", chromedp.KeyEvent(kb.ArrowLeft))
	b.waitVisible(viewSelector("my:all", "ready"))
	got = evaluate[tabState](b, "read the tabs", readTabState)
	if want := (tabState{MySelected: "true", GlobalSelected: "false", Focused: "tab-my"}); got != want {
		t.Errorf("tabs after ArrowLeft = %+v; want %+v", got, want)
	}

	radios := evaluate[[]map[string]string](b, "read the range picker", `[...document.querySelectorAll('[role="radiogroup"][aria-label="Time range"] [role="radio"]')].map(r => ({
		range: r.dataset.range ?? "", label: r.innerText.trim(), checked: r.getAttribute("aria-checked") ?? ""}))`)
	wantRadios := []map[string]string{
		{"range": "7d", "label": "7 days", "checked": "false"},
		{"range": "30d", "label": "30 days", "checked": "false"},
		{"range": "90d", "label": "90 days", "checked": "false"},
		{"range": "all", "label": "All time", "checked": "true"},
	}
	if fmt.Sprint(radios) != fmt.Sprint(wantRadios) {
		t.Errorf("range radios = %v; want %v", radios, wantRadios)
	}

	b.showView("my", shared.Range30d, "ready")
	if q := b.location().Query(); q.Get("tab") != "my" || q.Get("range") != "30d" {
		t.Errorf("query after choosing 30 days = %q; want tab=my and range=30d", q.Encode())
	}
	b.reload()
	b.waitVisible(viewSelector("my:30d", "ready"))
	if got := b.attr(`[role="radio"][data-range="30d"]`, "aria-checked"); got != "true" {
		t.Errorf("aria-checked of 30 days after a reload = %q; want true", got)
	}

	bars := evaluate[[]string](b, "check the progress bars", `(() => {
		const problems = [];
		const rows = document.querySelectorAll('[data-view="my:30d"] [data-row]');
		if (rows.length === 0) problems.push("no breakdown rows");
		for (const row of rows) {
			const bar = row.querySelector('[role="progressbar"]');
			if (!bar) { problems.push(row.dataset.row + " has no progressbar"); continue; }
			const now = Number(bar.getAttribute("aria-valuenow"));
			const lo = Number(bar.getAttribute("aria-valuemin") ?? 0), hi = Number(bar.getAttribute("aria-valuemax") ?? 100);
			if (!(now >= lo && now <= hi)) problems.push(row.dataset.row + " aria-valuenow " + bar.getAttribute("aria-valuenow"));
			if (!(bar.getAttribute("aria-valuetext") || "").trim()) problems.push(row.dataset.row + " has no aria-valuetext");
		}
		return problems;
	})()`)
	if len(bars) != 0 {
		t.Errorf("progress bar problems = %q; want none", bars)
	}
}

// focusRing returns the outline or box shadow that marks the focused
// element, or "" when it has neither.
func focusRing(b *browser) string {
	b.t.Helper()
	return evaluate[string](b, "read the focus ring", `(() => {
		const e = document.activeElement;
		if (!e || !e.matches(":focus-visible")) return "";
		const s = getComputedStyle(e);
		if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) return "outline " + s.outlineWidth + " " + s.outlineStyle;
		if (s.boxShadow && s.boxShadow !== "none") return "box-shadow " + s.boxShadow;
		return "";
	})()`)
}
