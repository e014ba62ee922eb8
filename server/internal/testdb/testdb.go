// Package testdb runs one test body on every database Loupe supports: a
// fresh SQLite file and a fresh PostgreSQL database from pgtest. Packages that
// use it call pgtest.Main from their TestMain.
package testdb

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/uptrace/bun"

	"loupe/server/internal/pgtest"
	"loupe/server/store"
)

// ForEach runs body as a subtest named "sqlite" and one named "postgres",
// each with a freshly migrated, empty database that is closed afterwards.
// The postgres subtest is skipped when PostgreSQL is unavailable, unless
// REQUIRE_POSTGRES=1 is set.
func ForEach(t *testing.T, body func(t *testing.T, db *bun.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		body(t, Open(t, filepath.Join(t.TempDir(), "loupe.db")))
	})
	t.Run("postgres", func(t *testing.T) {
		body(t, Open(t, pgtest.URL(t)))
	})
}

// Open opens the database at url, migrates it and closes it when the test ends.
func Open(t *testing.T, url string) *bun.DB {
	t.Helper()
	db := OpenUnmigrated(t, url)
	if _, err := store.Migrate(context.Background(), db); err != nil {
		t.Fatalf("store.Migrate(%s) = %v; want nil", dialect(db), err)
	}
	return db
}

// OpenUnmigrated opens the database at url without migrating it and closes
// it when the test ends.
func OpenUnmigrated(t *testing.T, url string) *bun.DB {
	t.Helper()
	db, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatalf("store.Open = %v; want nil", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func dialect(db *bun.DB) string {
	if store.IsPostgres(db) {
		return "postgres"
	}
	return "sqlite"
}
