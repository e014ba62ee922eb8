package ui

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Names of the variables that NewHandler passes to the browser through
// app.Handler.Env. On the server, app.Getenv reads the process environment,
// where go-app copies the same values.
const (
	envPlatformURL    = "PLATFORM_URL"
	envMinCohortUsers = "MIN_COHORT_USERS"
	// envVersion is set by go-app itself to app.Handler.Version.
	envVersion = "GOAPP_VERSION"
)

// platformURL returns the studio platform's base URL without a trailing
// slash, or "" when PLATFORM_URL is unset or not an http or https URL.
func platformURL() string {
	return parsePlatformURL(app.Getenv(envPlatformURL))
}

// parsePlatformURL returns raw without a trailing slash when it is an
// absolute http or https URL with a host, and "" otherwise. Other schemes,
// such as javascript:, are rejected because the value becomes a link.
func parsePlatformURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}

	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return strings.TrimRight(raw, "/")
}

// minCohortUsers returns MIN_COHORT_USERS, or 0 when it is unset or not a
// positive integer.
func minCohortUsers() int {
	n, err := strconv.Atoi(strings.TrimSpace(app.Getenv(envMinCohortUsers)))
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// appVersion returns the version the server built the handler with.
func appVersion() string {
	return app.Getenv(envVersion)
}
