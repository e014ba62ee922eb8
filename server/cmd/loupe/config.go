package main

import (
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"

	"loupe/server/analytics"
	"loupe/server/store"
)

// config is every setting Loupe reads from the environment.
type config struct {
	DatabaseURL    string
	ListenAddr     string
	MinCohortUsers int
	PlatformURL    string
	WebDir         string
}

const defaultListenAddr = "127.0.0.1:8000"

// loadConfig reads the settings from the environment through getenv and
// returns an error that names the first invalid one and what it accepts.
func loadConfig(getenv func(string) string) (config, error) {
	cfg := config{
		DatabaseURL:    getenv("DATABASE_URL"),
		ListenAddr:     getenv("LISTEN_ADDR"),
		MinCohortUsers: analytics.DefaultMinCohortUsers,
		PlatformURL:    strings.TrimRight(getenv("PLATFORM_URL"), "/"),
		WebDir:         getenv("WEB_DIR"),
	}
	if cfg.DatabaseURL == "" {
		cfg.DatabaseURL = store.DefaultDatabaseURL
	}
	if cfg.ListenAddr == "" {
		cfg.ListenAddr = defaultListenAddr
	}
	if cfg.WebDir == "" {
		cfg.WebDir = "web"
	}

	if v := getenv("MIN_COHORT_USERS"); v != "" {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < analytics.MinAllowedCohortUsers {
			return config{}, fmt.Errorf("invalid MIN_COHORT_USERS %q: use a whole number of at least %d (default %d)",
				v, analytics.MinAllowedCohortUsers, analytics.DefaultMinCohortUsers)
		}
		cfg.MinCohortUsers = n
	}

	if cfg.PlatformURL != "" {
		u, err := url.Parse(cfg.PlatformURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return config{}, fmt.Errorf("invalid PLATFORM_URL %q: use an http or https URL such as https://studio.example.com", cfg.PlatformURL)
		}
	}
	return cfg, nil
}

func getenv(key string) string { return os.Getenv(key) }
