package ui

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"loupe/shared"
)

func TestParseRange(t *testing.T) {
	tests := []struct {
		value string
		want  shared.Range
	}{
		{value: "7d", want: shared.Range7d},
		{value: "30d", want: shared.Range30d},
		{value: "90d", want: shared.Range90d},
		{value: "all", want: shared.RangeAll},
		{value: "", want: shared.RangeAll},
		{value: "2w", want: shared.RangeAll},
		{value: "30D", want: shared.RangeAll},
	}
	for _, tt := range tests {
		if got := parseRange(tt.value); got != tt.want {
			t.Errorf("parseRange(%q) = %q; want %q", tt.value, got, tt.want)
		}
	}
}

func TestViewKeyNames(t *testing.T) {
	key := viewKey{Scope: scopeGlobal, Range: shared.Range30d}

	if got, want := key.stateName(), "analytics/global/30d"; got != want {
		t.Errorf("stateName() = %q; want %q", got, want)
	}
	if got, want := key.String(), "global:30d"; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
}

func TestAllViewKeysDistinctStates(t *testing.T) {
	keys := allViewKeys()
	if len(keys) != len(scopes)*len(shared.Ranges()) {
		t.Fatalf("len(allViewKeys()) = %d; want %d", len(keys), len(scopes)*len(shared.Ranges()))
	}

	seen := make(map[string]bool)
	for _, key := range keys {
		if seen[key.stateName()] {
			t.Errorf("state name %q is used by two views", key.stateName())
		}
		seen[key.stateName()] = true
	}
}

func TestAnalyticsURL(t *testing.T) {
	if got, want := analyticsURL(scopeGlobal, shared.Range30d), "/analytics?tab=global&range=30d"; got != want {
		t.Errorf("analyticsURL(global, 30d) = %q; want %q", got, want)
	}
	if got, want := analyticsURL(scopeMy, shared.RangeAll), "/analytics?tab=my&range=all"; got != want {
		t.Errorf("analyticsURL(my, all) = %q; want %q", got, want)
	}
}

func TestClassifyFailure(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want failure
	}{
		{name: "nil", err: nil, want: failureNone},
		{name: "no response", err: &networkError{err: errors.New("fetch failed")}, want: failureOffline},
		{name: "wrapped no response", err: fmt.Errorf("loading: %w", &networkError{err: errors.New("fetch failed")}), want: failureOffline},
		{name: "500", err: &apiError{Status: 500}, want: failureServer},
		{name: "503", err: &apiError{Status: 503}, want: failureServer},
		{name: "timeout", err: fmt.Errorf("GET /api/auth/me: %w", context.DeadlineExceeded), want: failureServer},
		{name: "unreadable body", err: errors.New("decoding /api/analytics/usage: unexpected EOF"), want: failureServer},
		{name: "400", err: &apiError{Status: 400}, want: failureRequest},
		{name: "401", err: &apiError{Status: 401}, want: failureRequest},
	}
	for _, tt := range tests {
		if got := classifyFailure(tt.err); got != tt.want {
			t.Errorf("classifyFailure(%s) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestPanelState(t *testing.T) {
	ready := sampleUsage(10)
	empty := sampleUsage(0)
	unavailable := &shared.GlobalUsage{Available: false, Cohort: shared.Cohort{UniqueUsers: 3, MinUsersRequired: 5}}

	tests := []struct {
		name  string
		state usageState
		want  string
	}{
		{name: "not requested", state: usageState{}, want: panelLoading},
		{name: "first load", state: usageState{Status: statusLoading}, want: panelLoading},
		{name: "refresh", state: usageState{Status: statusLoading, Data: ready}, want: panelLoading},
		{name: "ready", state: usageState{Status: statusReady, Data: ready}, want: panelReady},
		{name: "no generations", state: usageState{Status: statusReady, Data: empty}, want: panelEmpty},
		{name: "too few people", state: usageState{Status: statusReady, Data: unavailable}, want: panelUnavailable},
		{name: "offline, no copy", state: usageState{Status: statusFailed, Failure: failureOffline}, want: panelNeverSeen},
		{name: "offline, copy", state: usageState{Status: statusFailed, Failure: failureOffline, Data: ready}, want: panelReady},
		{name: "server down, no copy", state: usageState{Status: statusFailed, Failure: failureServer}, want: panelError},
		{name: "server down, copy", state: usageState{Status: statusFailed, Failure: failureServer, Data: ready}, want: panelReady},
		{name: "rejected, old figures", state: usageState{Status: statusFailed, Failure: failureRequest, Data: ready}, want: panelError},
	}
	for _, tt := range tests {
		if got := panelState(tt.state); got != tt.want {
			t.Errorf("panelState(%s) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestShowsOldFigures(t *testing.T) {
	data := sampleUsage(10)
	fetchedAt := time.Date(2026, 12, 4, 19, 30, 0, 0, time.UTC)

	tests := []struct {
		name  string
		state usageState
		want  bool
	}{
		{name: "fresh", state: usageState{Status: statusReady, Data: data, FetchedAt: fetchedAt}, want: false},
		{name: "offline copy", state: usageState{Status: statusFailed, Failure: failureOffline, Data: data, FetchedAt: fetchedAt}, want: true},
		{name: "server copy", state: usageState{Status: statusFailed, Failure: failureServer, Data: data, FetchedAt: fetchedAt}, want: true},
		{name: "reloading after offline", state: usageState{Status: statusLoading, Failure: failureOffline, Data: data, FetchedAt: fetchedAt}, want: true},
		{name: "offline, no copy", state: usageState{Status: statusFailed, Failure: failureOffline}, want: false},
		{name: "rejected", state: usageState{Status: statusFailed, Failure: failureRequest, Data: data, FetchedAt: fetchedAt}, want: false},
	}
	for _, tt := range tests {
		if got := tt.state.showsOldFigures(); got != tt.want {
			t.Errorf("showsOldFigures(%s) = %v; want %v", tt.name, got, tt.want)
		}
	}
}

func TestViewDescription(t *testing.T) {
	tests := []struct {
		key  viewKey
		want string
	}{
		{key: viewKey{Scope: scopeGlobal, Range: shared.Range30d}, want: "Global figures for the last 30 days"},
		{key: viewKey{Scope: scopeMy, Range: shared.RangeAll}, want: "Your figures for all time"},
	}
	for _, tt := range tests {
		if got := viewDescription(tt.key); got != tt.want {
			t.Errorf("viewDescription(%s) = %q; want %q", tt.key, got, tt.want)
		}
	}
}
