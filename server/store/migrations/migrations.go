// Package migrations holds Loupe's schema changes, applied in file-name order
// by bun's migrate package. Each migration runs in one transaction. Migrations
// are append-only: a released one is never edited, a new file changes it.
package migrations

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/migrate"
)

// Migrations lists every migration in this package.
var Migrations = migrate.NewMigrations()

// inTx runs up inside one transaction, so a failed migration leaves no part
// of itself behind.
func inTx(up func(ctx context.Context, tx bun.Tx) error) migrate.MigrationFunc {
	return func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			return up(ctx, tx)
		})
	}
}

// noDown marks migrations that are never rolled back: Loupe keeps no data it
// could restore from, so a rollback would only lose rows.
func noDown(ctx context.Context, db *bun.DB) error {
	return fmt.Errorf("rolling back Loupe migrations is not supported; restore a backup instead")
}

// execAll runs each statement in order and names the failing one.
func execAll(ctx context.Context, tx bun.Tx, statements ...string) error {
	for _, stmt := range statements {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("run %q: %w", firstLine(stmt), err)
		}
	}
	return nil
}

func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}

func isPostgres(tx bun.Tx) bool {
	return tx.Dialect().Name() == dialect.PG
}

// tableExists reports whether a table of that name exists in the schema the
// connection uses by default.
func tableExists(ctx context.Context, tx bun.Tx, table string) (bool, error) {
	var n int
	var err error
	if isPostgres(tx) {
		err = tx.QueryRowContext(ctx,
			"SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = ?", table).Scan(&n)
	} else {
		err = tx.QueryRowContext(ctx,
			"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", table).Scan(&n)
	}
	if err != nil {
		return false, fmt.Errorf("look up table %s: %w", table, err)
	}
	return n > 0, nil
}
