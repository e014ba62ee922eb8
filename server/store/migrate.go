package store

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"

	"loupe/server/store/migrations"
)

// migrationLockKey is the PostgreSQL advisory lock that keeps two Loupe
// processes from migrating one database at the same time. The value is
// arbitrary and only has to be the same in every Loupe build.
const migrationLockKey = 0x4c6f757065 // "Loupe" in ASCII

func newMigrator(db *bun.DB) *migrate.Migrator {
	return migrate.NewMigrator(db, migrations.Migrations,
		migrate.WithTableName("loupe_migrations"),
		migrate.WithLocksTableName("loupe_migration_locks"),
		migrate.WithMarkAppliedOnSuccess(true),
	)
}

// Migrate applies every migration the database lacks and returns the names of
// those it applied, oldest first. It is safe to call on every start and from
// several processes at once on PostgreSQL.
func Migrate(ctx context.Context, db *bun.DB) ([]string, error) {
	if IsPostgres(db) {
		conn, err := db.Conn(ctx)
		if err != nil {
			return nil, fmt.Errorf("take a connection for the migration lock: %w", err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(?)", migrationLockKey); err != nil {
			return nil, fmt.Errorf("take the migration lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock(?)", migrationLockKey) //nolint:errcheck // closing the connection releases it too
	}

	migrator := newMigrator(db)
	if err := migrator.Init(ctx); err != nil {
		return nil, fmt.Errorf("create the migrations table: %w", err)
	}
	group, err := migrator.Migrate(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate the database: %w", err)
	}
	var applied []string
	for _, m := range group.Migrations {
		applied = append(applied, m.String())
	}
	return applied, nil
}
