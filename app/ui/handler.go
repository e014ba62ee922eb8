package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// HandlerConfig is the server's configuration of NewHandler.
type HandlerConfig struct {
	// Version identifies the build. go-app uses it to decide when browsers
	// must fetch a new app.wasm, so it must change with every release.
	Version string
	// PlatformURL is the studio platform's base URL, such as
	// "https://studio.example.com". When set, the navigation links to the
	// platform's Projects, Review and Bookmarks sections.
	PlatformURL string
	// MinCohortUsers is the number of distinct people the global figures
	// need before the server shows them. Settings displays it.
	MinCohortUsers int
	// WebDir is the directory served at /web/. It defaults to "web".
	WebDir string
}

// iconSVG is the favicon of every page. go-app's service worker precaches
// Icon.Default, Large and Maskable but not Icon.SVG, so NewHandler lists it
// in CacheableResources too.
const iconSVG = "/web/icons/icon.svg"

// Colours that the browser shows before loupe.css loads. They match the
// light theme's page background.
const (
	themeColor      = "#f6f6f7"
	backgroundColor = "#f6f6f7"
)

// NewHandler returns the go-app handler that prerenders Loupe's pages and
// serves app.wasm, the PWA files and everything under /web/ from
// cfg.WebDir. Every icon and style sheet it references is a local file
// under /web/, so the browser loads nothing from another host.
//
// Its service worker is serviceWorkerTemplate, which also keeps the
// prerendered appShellPages, so that reloading a page offline still opens
// the app.
func NewHandler(cfg HandlerConfig) *app.Handler {
	env := map[string]string{
		envPlatformURL:    cfg.PlatformURL,
		envMinCohortUsers: strconv.Itoa(cfg.MinCohortUsers),
	}

	var internalURLs []string
	if base := parsePlatformURL(cfg.PlatformURL); base != "" {
		// go-app opens links to other hosts in a new tab. Listing the
		// platform here makes its links replace the page, as plain links do.
		internalURLs = []string{base}
	}

	return &app.Handler{
		Name:            "Loupe",
		ShortName:       "Loupe",
		Title:           "Loupe",
		Description:     "Usage analytics for the studio's image and video generations.",
		Lang:            "en",
		ThemeColor:      themeColor,
		BackgroundColor: backgroundColor,
		LoadingLabel:    "Loading Loupe…",
		StartURL:        pathAnalytics,
		Icon: app.Icon{
			Default:  "/web/icons/icon-192.png",
			Large:    "/web/icons/icon-512.png",
			Maskable: "/web/icons/maskable-512.png",
			SVG:      iconSVG,
		},
		Styles:                []string{"/web/loupe.css"},
		CacheableResources:    append([]string{iconSVG}, appShellPages...),
		ServiceWorkerTemplate: serviceWorkerTemplate,
		RawHeaders:            []string{updateGuardScript},
		Version:               cfg.Version,
		Env:                   env,
		InternalURLs:          internalURLs,
		Resources:             newWebResources(cfg.WebDir),
	}
}
