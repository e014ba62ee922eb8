package migrations

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
)

// The platform's tables, created only where they are missing so that Loupe
// can run standalone. Where the studio platform created them, this migration
// leaves them exactly as they are: it adds no column, default or index.
func init() {
	Migrations.MustRegister(inTx(createPlatformTables), noDown)
}

// platformTable is one table of the studio platform with its DDL on each
// database, plus the indexes Loupe's queries need when Loupe creates it.
type platformTable struct {
	name     string
	postgres []string
	sqlite   []string
}

var platformTables = []platformTable{
	{
		name: "profiles",
		postgres: []string{`CREATE TABLE profiles (
	id uuid PRIMARY KEY,
	username text UNIQUE,
	display_name text,
	avatar_url text,
	role "UserRole" NOT NULL DEFAULT 'user',
	created_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at timestamp(3) NOT NULL
)`},
		sqlite: []string{`CREATE TABLE profiles (
	id TEXT PRIMARY KEY,
	username TEXT UNIQUE,
	display_name TEXT,
	avatar_url TEXT,
	role TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('admin', 'user')),
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at TIMESTAMP NOT NULL
)`},
	},
	{
		name: "generations",
		postgres: []string{`CREATE TABLE generations (
	id uuid PRIMARY KEY,
	session_id uuid NOT NULL,
	user_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	model_id text NOT NULL,
	prompt text NOT NULL,
	negative_prompt text,
	parameters jsonb NOT NULL DEFAULT '{}',
	status text NOT NULL,
	cost numeric(10, 6),
	created_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
)`,
			`CREATE INDEX generations_user_id_created_at_idx ON generations (user_id, created_at)`,
			`CREATE INDEX generations_created_at_idx ON generations (created_at)`,
		},
		sqlite: []string{`CREATE TABLE generations (
	id TEXT PRIMARY KEY,
	session_id TEXT NOT NULL,
	user_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	model_id TEXT NOT NULL,
	prompt TEXT NOT NULL,
	negative_prompt TEXT,
	parameters TEXT NOT NULL DEFAULT '{}',
	status TEXT NOT NULL,
	cost REAL,
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
)`,
			`CREATE INDEX generations_user_id_created_at_idx ON generations (user_id, created_at)`,
			`CREATE INDEX generations_created_at_idx ON generations (created_at)`,
		},
	},
	{
		name: "outputs",
		postgres: []string{`CREATE TABLE outputs (
	id uuid PRIMARY KEY,
	generation_id uuid NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
	file_url text NOT NULL,
	file_type text NOT NULL,
	width integer,
	height integer,
	duration double precision,
	is_starred boolean NOT NULL DEFAULT false,
	is_approved boolean NOT NULL DEFAULT false,
	created_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
)`,
			`CREATE INDEX outputs_generation_id_idx ON outputs (generation_id)`,
		},
		sqlite: []string{`CREATE TABLE outputs (
	id TEXT PRIMARY KEY,
	generation_id TEXT NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
	file_url TEXT NOT NULL,
	file_type TEXT NOT NULL,
	width INTEGER,
	height INTEGER,
	duration REAL,
	is_starred BOOLEAN NOT NULL DEFAULT false,
	is_approved BOOLEAN NOT NULL DEFAULT false,
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
)`,
			`CREATE INDEX outputs_generation_id_idx ON outputs (generation_id)`,
		},
	},
	{
		name: "bookmarks",
		postgres: []string{`CREATE TABLE bookmarks (
	id uuid PRIMARY KEY,
	user_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	output_id uuid NOT NULL REFERENCES outputs (id) ON DELETE CASCADE,
	created_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE (user_id, output_id)
)`},
		sqlite: []string{`CREATE TABLE bookmarks (
	id TEXT PRIMARY KEY,
	user_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	output_id TEXT NOT NULL REFERENCES outputs (id) ON DELETE CASCADE,
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE (user_id, output_id)
)`},
	},
}

func createPlatformTables(ctx context.Context, tx bun.Tx) error {
	if isPostgres(tx) {
		// The platform keeps roles in an enum type. CREATE TYPE has no IF NOT
		// EXISTS, so the block swallows only the "already exists" error.
		err := execAll(ctx, tx, `DO $$
BEGIN
	CREATE TYPE "UserRole" AS ENUM ('admin', 'user');
EXCEPTION
	WHEN duplicate_object THEN NULL;
END
$$`)
		if err != nil {
			return err
		}
	}

	for _, table := range platformTables {
		exists, err := tableExists(ctx, tx, table.name)
		if err != nil {
			return err
		}
		if exists {
			continue
		}
		statements := table.sqlite
		if isPostgres(tx) {
			statements = table.postgres
		}
		if err := execAll(ctx, tx, statements...); err != nil {
			return fmt.Errorf("create platform table %s: %w", table.name, err)
		}
	}
	return nil
}
