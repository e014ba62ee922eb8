package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	_ "image/png" // registers the PNG decoder for the icons
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// manifest holds the fields of the web app manifest that installing needs.
type manifest struct {
	StartURL string `json:"start_url"`
	Display  string `json:"display"`
	Icons    []struct {
		Src     string `json:"src"`
		Sizes   string `json:"sizes"`
		Type    string `json:"type"`
		Purpose string `json:"purpose"`
	} `json:"icons"`
}

// checkManifest checks the manifest at base and that each PNG icon it lists
// has the size it claims.
func checkManifest(t *testing.T, base string) {
	t.Helper()
	var m manifest
	if err := json.Unmarshal([]byte(fetchText(t, base+"/manifest.webmanifest")), &m); err != nil {
		t.Fatalf("decode /manifest.webmanifest: %v", err)
	}
	if m.StartURL != "/analytics" {
		t.Errorf("manifest start_url = %q; want /analytics", m.StartURL)
	}
	if m.Display != "standalone" {
		t.Errorf("manifest display = %q; want standalone", m.Display)
	}

	var sizes []string
	maskable := false
	for _, icon := range m.Icons {
		sizes = append(sizes, icon.Sizes)
		if slices.Contains(strings.Fields(icon.Purpose), "maskable") {
			maskable = true
		}
		if icon.Type == "image/png" || strings.HasSuffix(icon.Src, ".png") {
			checkIconSize(t, base+icon.Src, icon.Sizes)
		}
	}
	for _, want := range []string{"192x192", "512x512"} {
		if !slices.Contains(sizes, want) {
			t.Errorf("manifest icon sizes = %q; want one of %s", sizes, want)
		}
	}
	if !maskable {
		t.Errorf("manifest icons have no purpose maskable; want one")
	}
}

// checkIconSize checks that the PNG at u is sizes, such as "192x192", in
// pixels.
func checkIconSize(t *testing.T, u, sizes string) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("GET %s: status = %d; want 200", u, res.StatusCode)
		return
	}
	cfg, _, err := image.DecodeConfig(res.Body)
	if err != nil {
		t.Errorf("decode icon %s: %v", u, err)
		return
	}
	if got := fmt.Sprintf("%dx%d", cfg.Width, cfg.Height); got != sizes {
		t.Errorf("size of icon %s = %s; want %s as the manifest says", u, got, sizes)
	}
}

func TestInstallable(t *testing.T) {
	f, server, b := startApp(t, desktop)
	checkManifest(t, server.URL())

	b.signIn(f.ana)
	b.waitVisible(viewSelector("my:all", "ready"))
	b.waitServiceWorker()
	if errs := installabilityErrors(b); len(errs) != 0 {
		t.Errorf("installability errors of /analytics = %q; want none", errs)
	}

	// A page without a manifest shows that Chromium does check here.
	b.do("open a page without a manifest", chromedp.Navigate(b.base+"/web/robots.txt"))
	if errs := installabilityErrors(b); len(errs) == 0 {
		t.Errorf("installability errors of /web/robots.txt = none; want some, as it links no manifest")
	}
}

// installabilityErrors returns the ids and arguments of the errors that
// Page.getInstallabilityErrors reports for the page shown.
func installabilityErrors(b *browser) []string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, waitTimeout)
	defer cancel()
	result, err := chromedp.Call(ctx, page.GetInstallabilityErrors, cdp.Empty{})
	if err != nil {
		b.fail("Page.getInstallabilityErrors", err)
	}
	var errs []string
	for _, e := range result.InstallabilityErrors {
		var args []string
		for _, a := range e.ErrorArguments {
			args = append(args, a.Name+"="+a.Value)
		}
		errs = append(errs, e.ErrorID+strings.Join(append([]string{""}, args...), " "))
	}
	return errs
}
