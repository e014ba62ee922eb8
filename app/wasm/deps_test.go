package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// forbiddenPrefixes lists import paths that must never be linked into the
// browser bundle: the server, its database layer and drivers, and password
// hashing. A path matches when it equals a prefix or lies below it.
var forbiddenPrefixes = []string{
	"loupe/server",
	"github.com/uptrace/bun",
	"github.com/gorilla/mux",
	"modernc.org/sqlite",
	"github.com/mattn/go-sqlite3",
	"github.com/jackc/pgx",
	"github.com/lib/pq",
	"golang.org/x/crypto",
}

// forbiddenPackages lists import paths that match only exactly.
// database/sql/driver is allowed because it contains only interfaces, and
// github.com/google/uuid, which go-app uses, imports it to implement
// driver.Valuer.
var forbiddenPackages = []string{
	"database/sql",
}

// isForbidden reports whether the import path dep must stay out of the
// browser bundle.
func isForbidden(dep string) bool {
	if slices.Contains(forbiddenPackages, dep) {
		return true
	}
	for _, prefix := range forbiddenPrefixes {
		if dep == prefix || strings.HasPrefix(dep, prefix+"/") {
			return true
		}
	}
	return false
}

// requiredPackages must be in the bundle, so the check above cannot pass on
// an empty or wrong dependency list.
var requiredPackages = []string{
	"loupe/shared",
	"loupe/app/ui",
	"github.com/maxence-charriere/go-app/v10/pkg/app",
}

// wasmDeps returns the packages that the wasm build of loupe/app/wasm links.
func wasmDeps(t *testing.T) []string {
	t.Helper()

	cmd := exec.Command("go", "list", "-deps", "loupe/app/wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if exitErr, ok := err.(*exec.ExitError); ok {
			stderr = string(exitErr.Stderr)
		}
		t.Fatalf("go list -deps loupe/app/wasm with GOOS=js GOARCH=wasm failed: %v\n%s", err, stderr)
	}
	return strings.Fields(string(out))
}

func TestWasmDepsExcludeServer(t *testing.T) {
	deps := wasmDeps(t)

	var forbidden []string
	for _, dep := range deps {
		if isForbidden(dep) {
			forbidden = append(forbidden, dep)
		}
	}
	if len(forbidden) > 0 {
		t.Errorf("wasm bundle links %d forbidden packages:\n  %s", len(forbidden), strings.Join(forbidden, "\n  "))
	}
}

func TestIsForbiddenMatches(t *testing.T) {
	tests := []struct {
		dep  string
		want bool
	}{
		{dep: "loupe/server", want: true},
		{dep: "loupe/server/store", want: true},
		{dep: "loupe/serverless", want: false},
		{dep: "github.com/uptrace/bun/dialect/pgdialect", want: true},
		{dep: "github.com/jackc/pgx/v5", want: true},
		{dep: "golang.org/x/crypto/bcrypt", want: true},
		{dep: "database/sql", want: true},
		{dep: "database/sql/driver", want: false},
		{dep: "loupe/shared", want: false},
	}
	for _, tt := range tests {
		if got := isForbidden(tt.dep); got != tt.want {
			t.Errorf("isForbidden(%q) = %v; want %v", tt.dep, got, tt.want)
		}
	}
}

func TestWasmDepsIncludeApp(t *testing.T) {
	deps := wasmDeps(t)

	for _, want := range requiredPackages {
		if !slices.Contains(deps, want) {
			t.Errorf("wasm deps lack %s; got %d packages", want, len(deps))
		}
	}
}
