package e2e

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"loupe/shared"
)

// Selectors of the sign-in form. Each lists the contract's name attribute
// first and the input type second, so the form is found whichever the page
// has.
const (
	emailInput    = `input[name="email"], input[type="email"]`
	passwordInput = `input[name="password"], input[type="password"]`
	submitButton  = `form button[type="submit"]`
)

// signIn opens the sign-in page, signs p in and waits for Analytics, where
// the app goes after signing in.
func (b *browser) signIn(p person) {
	b.t.Helper()
	b.open("/login")
	b.submitSignIn(p.Email, p.Password)
	b.waitVisible(appReady + ` [role="tablist"]`)
}

// submitSignIn replaces what the sign-in form holds with email and
// password, and submits it.
func (b *browser) submitSignIn(email, password string) {
	b.t.Helper()
	b.do("sign in as "+email,
		clearInput(emailInput),
		chromedp.SendKeys(chromedp.CSS(emailInput), email),
		clearInput(passwordInput),
		chromedp.SendKeys(chromedp.CSS(passwordInput), password),
		chromedp.Click(chromedp.CSS(submitButton)),
	)
}

// clearInput empties the first input matching sel.
func clearInput(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%s).value = ""`, jsString(sel)))
}

// viewName returns the data-view of the usage panel of scope and r, such as
// "global:30d".
func viewName(scope string, r shared.Range) string {
	return scope + ":" + string(r)
}

// viewSelector matches the usage panel of view in state.
func viewSelector(view, state string) string {
	return fmt.Sprintf(`[data-view=%q][data-state=%q]`, view, state)
}

// showView selects the tab of scope and the range r with clicks, as a person
// does, and waits until the panel of that view is in state. It waits for
// each click to show before the next one, because a click on a range that
// the app handles before the tab change would name the old tab.
func (b *browser) showView(scope string, r shared.Range, state string) {
	b.t.Helper()
	tab := "#tab-" + scope
	radio := fmt.Sprintf(`[role="radio"][data-range=%q]`, r)
	b.do(fmt.Sprintf("show %s in state %s", viewName(scope, r), state),
		chromedp.Click(chromedp.CSS(tab)),
		chromedp.WaitVisible(chromedp.CSS(tab+`[aria-selected="true"]`)),
		chromedp.Click(chromedp.CSS(radio)),
		chromedp.WaitVisible(chromedp.CSS(radio+`[aria-checked="true"]`)),
		chromedp.WaitVisible(chromedp.CSS(viewSelector(viewName(scope, r), state))),
	)
}

// pageFigures is what the page shows for a view: its figures and the
// visible text of each metric card.
type pageFigures struct {
	figures
	Texts map[string]string `json:"texts"`
}

// readFigures returns the figures that the data attributes of the panel of
// view carry.
func (b *browser) readFigures(view string) pageFigures {
	b.t.Helper()
	expr := fmt.Sprintf(`(() => {
		const root = document.querySelector('[data-view=' + JSON.stringify(%s) + ']');
		if (!root) return {metrics: {}, texts: {}, rows: []};
		const metrics = {}, texts = {};
		for (const e of root.querySelectorAll("[data-metric]")) {
			metrics[e.dataset.metric] = e.dataset.value ?? "";
			texts[e.dataset.metric] = e.innerText;
		}
		const rows = [...root.querySelectorAll("[data-row]")].map(e => ({
			row: e.dataset.row,
			count: e.dataset.count ?? "",
			percentage: e.dataset.percentage === undefined ? null : Number(e.dataset.percentage),
			other: e.dataset.other === "true",
		}));
		return {metrics, texts, rows};
	})()`, jsString(view))
	return evaluate[pageFigures](b, "read the figures of "+view, expr)
}

// checkFigures compares the figures the page shows for view with want, and
// checks that each card's text shows its value formatted.
func checkFigures(t *testing.T, view string, got pageFigures, want figures) {
	t.Helper()
	if !reflect.DeepEqual(got.Metrics, want.Metrics) {
		t.Errorf("metric cards of %s = %v; want %v", view, got.Metrics, want.Metrics)
	}
	if !reflect.DeepEqual(got.Rows, want.Rows) {
		t.Errorf("breakdown rows of %s =\n%s\nwant\n%s", view, rowsText(got.Rows), rowsText(want.Rows))
	}
	for metric, value := range want.Metrics {
		formatted := "—"
		if value != "hidden" {
			formatted = formatCountString(value)
		}
		if !strings.Contains(got.Texts[metric], formatted) {
			t.Errorf("text of the %s card of %s = %q; want it to contain %q", metric, view, got.Texts[metric], formatted)
		}
	}
}

func rowsText(rows []shareRow) string {
	var lines []string
	for _, r := range rows {
		percentage := "none"
		if r.Percentage != nil {
			percentage = fmt.Sprint(*r.Percentage)
		}
		lines = append(lines, fmt.Sprintf("  %s count=%s percentage=%s other=%t", r.Row, r.Count, percentage, r.Other))
	}
	return strings.Join(lines, "\n")
}

// formatCountString formats the decimal integer s as the cards do.
func formatCountString(s string) string {
	var n int64
	if _, err := fmt.Sscan(s, &n); err != nil {
		return s
	}
	return formatCount(n)
}

// storageDump returns everything the origin keeps in the browser, one entry
// a line: each key and value of localStorage and sessionStorage, each
// IndexedDB key and record, and the body of each text response in Cache
// Storage. Strings stay as stored, so a search finds JSON text in them as it
// is; other IndexedDB values are written as JSON.
func (b *browser) storageDump() string {
	b.t.Helper()
	entries := evaluate[[]string](b, "read the browser's storage", `(async () => {
		const entries = [];
		const text = v => typeof v === "string" ? v : JSON.stringify(v);
		for (const [name, area] of [["localStorage", localStorage], ["sessionStorage", sessionStorage]]) {
			for (let i = 0; i < area.length; i++) {
				entries.push(name + " " + area.key(i) + " = " + area.getItem(area.key(i)));
			}
		}
		for (const info of await indexedDB.databases()) {
			const db = await new Promise((resolve, reject) => {
				const req = indexedDB.open(info.name);
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			for (const name of db.objectStoreNames) {
				const records = await new Promise((resolve, reject) => {
					const tx = db.transaction(name, "readonly");
					const keys = tx.objectStore(name).getAllKeys();
					const values = tx.objectStore(name).getAll();
					tx.oncomplete = () => resolve(keys.result.map((k, i) => [k, values.result[i]]));
					tx.onerror = () => reject(tx.error);
				});
				for (const [k, v] of records) {
					entries.push("indexedDB " + info.name + "/" + name + " " + text(k) + " = " + text(v));
				}
			}
			db.close();
		}
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const req of await cache.keys()) {
				const res = await cache.match(req);
				const type = res.headers.get("content-type") || "";
				const isText = /^(text\/|application\/(json|javascript|manifest\+json))/.test(type);
				entries.push("cache " + name + " " + req.url + " = " + (isText ? await res.text() : "(" + type + ")"));
			}
		}
		return entries;
	})()`)
	return strings.Join(entries, "\n")
}

// cachedPages returns the body of every HTML response in Cache Storage,
// by URL.
func (b *browser) cachedPages() map[string]string {
	b.t.Helper()
	return evaluate[map[string]string](b, "read the cached pages", `(async () => {
		const pages = {};
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const req of await cache.keys()) {
				const res = await cache.match(req);
				if ((res.headers.get("content-type") || "").startsWith("text/html")) {
					pages[name + " " + req.url] = await res.text();
				}
			}
		}
		return pages;
	})()`)
}

// markers returns the strings whose presence in the browser shows that p's
// data is there: the email, the name and the profile id.
func (p person) markers() []string {
	return []string{p.Email, p.Name, p.ProfileID}
}
