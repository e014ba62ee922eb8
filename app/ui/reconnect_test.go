package ui

import "testing"

func TestRetryable(t *testing.T) {
	tests := []struct {
		name  string
		state usageState
		want  bool
	}{
		{name: "offline", state: usageState{Status: statusFailed, Failure: failureOffline}, want: true},
		{name: "server down", state: usageState{Status: statusFailed, Failure: failureServer}, want: true},
		{name: "rejected", state: usageState{Status: statusFailed, Failure: failureRequest}, want: false},
		{name: "loading after offline", state: usageState{Status: statusLoading, Failure: failureOffline}, want: false},
		{name: "ready", state: usageState{Status: statusReady}, want: false},
	}
	for _, tt := range tests {
		if got := retryable(tt.state); got != tt.want {
			t.Errorf("retryable(%s) = %v; want %v", tt.name, got, tt.want)
		}
	}
}
