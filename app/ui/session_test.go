package ui

import "testing"

func TestSafeNext(t *testing.T) {
	tests := []struct {
		next string
		want string
	}{
		{next: "/", want: "/"},
		{next: "/analytics?tab=global", want: "/analytics?tab=global"},
		{next: "/settings", want: "/settings"},
		{next: "", want: "/analytics"},
		{next: "analytics", want: "/analytics"},
		{next: "//evil.example/x", want: "/analytics"},
		{next: "/\\evil.example", want: "/analytics"},
		{next: "https://evil.example/", want: "/analytics"},
		{next: "javascript:alert(1)", want: "/analytics"},
		{next: "/login", want: "/analytics"},
		{next: "/login?next=%2F", want: "/analytics"},
		{next: "/a\nb", want: "/analytics"},
	}
	for _, tt := range tests {
		if got := safeNext(tt.next); got != tt.want {
			t.Errorf("safeNext(%q) = %q; want %q", tt.next, got, tt.want)
		}
	}
}

func TestLoginURLKeepsQuery(t *testing.T) {
	got := loginURL("/analytics?tab=global")
	want := "/login?next=%2Fanalytics%3Ftab%3Dglobal"
	if got != want {
		t.Errorf("loginURL(\"/analytics?tab=global\") = %q; want %q", got, want)
	}
}

func TestParseScope(t *testing.T) {
	tests := []struct {
		tab  string
		want scope
	}{
		{tab: "global", want: scopeGlobal},
		{tab: "my", want: scopeMy},
		{tab: "", want: scopeMy},
		{tab: "GLOBAL", want: scopeMy},
		{tab: "everyone", want: scopeMy},
	}
	for _, tt := range tests {
		if got := parseScope(tt.tab); got != tt.want {
			t.Errorf("parseScope(%q) = %q; want %q", tt.tab, got, tt.want)
		}
	}
}

func TestParsePlatformURL(t *testing.T) {
	tests := []struct {
		raw  string
		want string
	}{
		{raw: "https://studio.example.com/", want: "https://studio.example.com"},
		{raw: "http://127.0.0.1:9000/app", want: "http://127.0.0.1:9000/app"},
		{raw: "", want: ""},
		{raw: "studio.example.com", want: ""},
		{raw: "javascript:alert(1)", want: ""},
		{raw: "ftp://studio.example.com", want: ""},
	}
	for _, tt := range tests {
		if got := parsePlatformURL(tt.raw); got != tt.want {
			t.Errorf("parsePlatformURL(%q) = %q; want %q", tt.raw, got, tt.want)
		}
	}
}
