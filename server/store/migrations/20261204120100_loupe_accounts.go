package migrations

import (
	"context"

	"github.com/uptrace/bun"
)

// Loupe's sign-in tables. They carry the loupe_ prefix so that they never
// collide with a table of the platform's.
func init() {
	Migrations.MustRegister(inTx(createAccountTables), noDown)
}

func createAccountTables(ctx context.Context, tx bun.Tx) error {
	if isPostgres(tx) {
		return execAll(ctx, tx,
			`CREATE TABLE loupe_accounts (
	profile_id uuid PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
	email text NOT NULL UNIQUE,
	password_hash text NOT NULL,
	created_at timestamp(3) NOT NULL
)`,
			`CREATE TABLE loupe_sessions (
	token_hash text PRIMARY KEY,
	profile_id uuid NOT NULL REFERENCES loupe_accounts (profile_id) ON DELETE CASCADE,
	created_at timestamp(3) NOT NULL,
	expires_at timestamp(3) NOT NULL
)`,
			`CREATE INDEX loupe_sessions_profile_id_idx ON loupe_sessions (profile_id)`,
		)
	}
	return execAll(ctx, tx,
		`CREATE TABLE loupe_accounts (
	profile_id TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
	email TEXT NOT NULL UNIQUE,
	password_hash TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL
)`,
		`CREATE TABLE loupe_sessions (
	token_hash TEXT PRIMARY KEY,
	profile_id TEXT NOT NULL REFERENCES loupe_accounts (profile_id) ON DELETE CASCADE,
	created_at TIMESTAMP NOT NULL,
	expires_at TIMESTAMP NOT NULL
)`,
		`CREATE INDEX loupe_sessions_profile_id_idx ON loupe_sessions (profile_id)`,
	)
}
