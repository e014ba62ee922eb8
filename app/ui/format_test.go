package ui

import "testing"

func TestFormatCount(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{n: 0, want: "0"},
		{n: 7, want: "7"},
		{n: 999, want: "999"},
		{n: 1000, want: "1,000"},
		{n: 12345, want: "12,345"},
		{n: 1234567, want: "1,234,567"},
		{n: -98765, want: "-98,765"},
	}
	for _, tt := range tests {
		if got := formatCount(tt.n); got != tt.want {
			t.Errorf("formatCount(%d) = %q; want %q", tt.n, got, tt.want)
		}
	}
}

func TestFormatPercent(t *testing.T) {
	tests := []struct {
		p    float64
		want string
	}{
		{p: 42.1, want: "42.1%"},
		{p: 100, want: "100.0%"},
		{p: 0, want: "0.0%"},
		{p: 133, want: "100.0%"},
		{p: -4, want: "0.0%"},
	}
	for _, tt := range tests {
		if got := formatPercent(tt.p); got != tt.want {
			t.Errorf("formatPercent(%v) = %q; want %q", tt.p, got, tt.want)
		}
	}
}
