package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// waitTimeout bounds every wait for the page: a selector, a condition or a
// navigation. The slowest step it covers is the first start of app.wasm in
// a fresh profile, which takes a few seconds on two cores.
const waitTimeout = 30 * time.Second

// appReady matches the marker that only the running wasm app sets. The
// prerendered HTML never has it.
const appReady = `[data-app-ready="true"]`

// viewport is the size of the page the browser lays out, in CSS pixels.
type viewport struct {
	Width, Height int64
	// Mobile emulates a phone: a touch screen and the meta viewport.
	Mobile bool
}

var (
	desktop = viewport{Width: 1440, Height: 900}
	phone   = viewport{Width: 390, Height: 844, Mobile: true}
)

// browser is one headless Chromium with a fresh profile and one tab.
type browser struct {
	t   *testing.T
	ctx context.Context
	// base is the origin the tests open, such as http://127.0.0.1:41234.
	base string

	mu sync.Mutex
	// outside lists requests to hosts other than the loopback address.
	outside []string
	// console holds the tab's console messages and uncaught exceptions,
	// printed when the test fails.
	console []string
}

// chromiumPath returns the Chromium binary on PATH, or "" when there is none.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

// requireChromium returns the path of Chromium. The test is skipped when
// it is missing, or fails when REQUIRE_BROWSER=1.
func requireChromium(t *testing.T) string {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		skipOrFail(t, "Chromium not found on PATH: install Debian's chromium package to run the browser tests")
	}
	return path
}

// newBrowser starts Chromium with a fresh profile, opens a tab of vp's size
// and returns it. The test is skipped when Chromium is missing, or fails
// when REQUIRE_BROWSER=1. The browser stops when the test ends, and the
// test fails if the page requested anything outside the loopback address.
func newBrowser(t *testing.T, base string, vp viewport) *browser {
	t.Helper()
	path := requireChromium(t)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(int(vp.Width), int(vp.Height)),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		// Every host name but localhost fails to resolve, so nothing the
		// browser does on its own can reach another machine.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"),
		chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)

	b := &browser{t: t, base: base}
	ctx, cancelTab := chromedp.NewContext(allocCtx, chromedp.WithListener(b.recordRequest))
	b.ctx = ctx
	t.Cleanup(func() {
		if t.Failed() {
			b.logConsole()
		}
		b.mu.Lock()
		outside := b.outside
		b.mu.Unlock()
		if len(outside) > 0 {
			t.Errorf("requests outside 127.0.0.1 = %q; want none", outside)
		}
		cancelTab()
		cancelAlloc()
	})

	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium %s: %v", path, err)
	}
	go b.collectConsole()

	emulate := []chromedp.EmulateViewportOption{}
	if vp.Mobile {
		emulate = append(emulate, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	b.do("set the viewport", chromedp.EmulateViewport(vp.Width, vp.Height, emulate...))
	return b
}

// recordRequest notes every request of the tab to a host other than the
// loopback address. It runs in the tab's event loop, so it only appends.
func (b *browser) recordRequest(ev any) {
	sent, ok := ev.(*network.EventRequestWillBeSent)
	if !ok || sent.Request == nil {
		return
	}
	u, err := url.Parse(sent.Request.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "ws" && u.Scheme != "wss") {
		return
	}
	switch u.Hostname() {
	case "127.0.0.1", "localhost", "::1":
		return
	}
	b.mu.Lock()
	b.outside = append(b.outside, sent.Request.URL)
	b.mu.Unlock()
}

func (b *browser) collectConsole() {
	for m, err := range chromedp.Console(b.ctx) {
		if err != nil {
			return
		}
		b.mu.Lock()
		b.console = append(b.console, m.String())
		b.mu.Unlock()
	}
}

func (b *browser) logConsole() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.console) == 0 {
		return
	}
	b.t.Logf("browser console:\n  %s", strings.Join(b.console, "\n  "))
}

// do runs actions within waitTimeout. When one fails, it fails the test
// with step, a description of the actions, and a screenshot of the page.
// A step that times out is reported as timed out after waitTimeout.
func (b *browser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, waitTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.fail(fmt.Sprintf("%s (within %s)", step, waitTimeout), err)
	}
}

// fail saves a screenshot named "failure" and fails the test with step,
// err, the page's URL and the start of its text.
func (b *browser) fail(step string, err error) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if errors.Is(err, context.DeadlineExceeded) {
		err = errors.New("timed out")
	}
	if png, shotErr := chromedp.Run(ctx, chromedp.CaptureScreenshot()); shotErr == nil {
		b.savePNG("failure", png)
	}
	page, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + (document.body ? document.body.innerText.slice(0, 1500) : "")`))
	b.t.Fatalf("%s: %v\npage: %s", step, err, page)
}

// evaluate runs the JavaScript expression expr in the page, waits for the
// promise it returns, if any, and decodes the result into T. step describes
// the evaluation in a failure message.
func evaluate[T any](b *browser, step, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, waitTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.fail(step, err)
	}
	return v
}

// poll waits until the JavaScript expression expr is truthy. step names
// what it waits for in a failure message.
func (b *browser) poll(step, expr string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, waitTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(waitTimeout))); err != nil {
		b.fail("wait for "+step, err)
	}
}

// open loads path as a new document and waits for the wasm app to run.
func (b *browser) open(path string) {
	b.t.Helper()
	b.do("open "+path,
		chromedp.Navigate(b.base+path),
		chromedp.WaitVisible(chromedp.CSS(appReady)),
	)
}

// reload reloads the page and waits for the wasm app to run again.
func (b *browser) reload() {
	b.t.Helper()
	b.do("reload", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(appReady)))
}

// waitVisible waits until an element matching the CSS selector sel is
// visible.
func (b *browser) waitVisible(sel string) {
	b.t.Helper()
	b.do("wait for "+sel+" to be visible", chromedp.WaitVisible(chromedp.CSS(sel)))
}

// waitGone waits until no element matches the CSS selector sel.
func (b *browser) waitGone(sel string) {
	b.t.Helper()
	b.do("wait for "+sel+" to go away", chromedp.WaitNotPresent(chromedp.CSS(sel)))
}

// text returns the visible text of the first element matching sel.
func (b *browser) text(sel string) string {
	b.t.Helper()
	return evaluate[string](b, "read the text of "+sel,
		fmt.Sprintf(`(() => { const e = document.querySelector(%s); return e ? e.innerText.trim() : "(missing)"; })()`, jsString(sel)))
}

// attr returns the attribute name of the first element matching sel, or
// "(missing)" when no element matches or it lacks the attribute.
func (b *browser) attr(sel, name string) string {
	b.t.Helper()
	return evaluate[string](b, "read "+name+" of "+sel,
		fmt.Sprintf(`(() => { const e = document.querySelector(%s); return e && e.hasAttribute(%s) ? e.getAttribute(%s) : "(missing)"; })()`,
			jsString(sel), jsString(name), jsString(name)))
}

// location returns the page's URL.
func (b *browser) location() *url.URL {
	b.t.Helper()
	href := evaluate[string](b, "read location", `location.href`)
	u, err := url.Parse(href)
	if err != nil {
		b.t.Fatalf("parse location %q: %v", href, err)
	}
	return u
}

// screenshot saves the whole page as .artifacts/screenshots/<test>-<state>.png.
func (b *browser) screenshot(state string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, waitTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", state, err)
	}
	b.savePNG(state, png)
}

func (b *browser) savePNG(state string, png []byte) {
	name := strings.NewReplacer("/", "-", " ", "-", ":", "-").Replace(b.t.Name() + "-" + state)
	path := filepath.Join(suite.screenshotDir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Errorf("save screenshot %s: %v", path, err)
	}
}

// setOffline cuts the tab and its service worker off the network, or
// reconnects them, and sets navigator.onLine to match, which fires the
// offline or online event.
func (b *browser) setOffline(offline bool) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, waitTimeout)
	defer cancel()

	rules := network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &offline,
		MatchedNetworkConditions:    []*network.Conditions{},
	}
	if offline {
		rules.MatchedNetworkConditions = append(rules.MatchedNetworkConditions,
			&network.Conditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
	}
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, rules); err != nil {
		b.fail(fmt.Sprintf("emulate offline = %t", offline), err)
	}

	state := network.OverrideNetworkStateParams{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, state); err != nil {
		b.fail(fmt.Sprintf("override navigator.onLine to %t", !offline), err)
	}
}

// setTimeZone makes the page use the IANA time zone zone, such as
// "Asia/Kolkata", for local times.
func (b *browser) setTimeZone(zone string) {
	b.t.Helper()
	if _, err := chromedp.Call(b.ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: zone}); err != nil {
		b.fail("emulate the time zone "+zone, err)
	}
}

// jsString returns s as a JavaScript string literal.
func jsString(s string) string {
	quoted, err := json.Marshal(s)
	if err != nil {
		panic(err) // a Go string always encodes
	}
	return string(quoted)
}

// point is a position in the viewport, in CSS pixels.
type point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// centerOfVisible scrolls the first visible element matching sel into view
// and returns its center. Pages with a sidebar and a menu hold two copies of
// some links, only one of them visible, so a plain query can find the hidden
// one.
func (b *browser) centerOfVisible(sel string) point {
	b.t.Helper()
	found := evaluate[*point](b, "find a visible "+sel, fmt.Sprintf(`(() => {
		const e = [...document.querySelectorAll(%s)].find(e => e.checkVisibility());
		if (!e) return null;
		e.scrollIntoView({block: "center"});
		const r = e.getBoundingClientRect();
		return {x: r.left + r.width / 2, y: r.top + r.height / 2};
	})()`, jsString(sel)))
	if found == nil {
		b.fail("find a visible "+sel, errors.New("no visible element matches"))
	}
	return *found
}

// clickVisible clicks the first visible element matching sel with the mouse.
func (b *browser) clickVisible(sel string) {
	b.t.Helper()
	p := b.centerOfVisible(sel)
	b.do("click "+sel, chromedp.MouseClickXY(p.X, p.Y))
}

// tapVisible taps the first visible element matching sel on the touch
// screen.
func (b *browser) tapVisible(sel string) {
	b.t.Helper()
	p := b.centerOfVisible(sel)
	b.do("tap "+sel, chromedp.TapXY(p.X, p.Y))
}
