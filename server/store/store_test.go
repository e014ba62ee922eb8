package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun"

	"loupe/server/auth"
	"loupe/server/internal/pgtest"
	"loupe/server/internal/testdb"
	"loupe/server/store"
)

func TestMain(m *testing.M) {
	pgtest.Main(m)
}

// platformDDL creates the platform's tables the way the studio platform's
// own migrations do: quoted names, an enum for the role, no column defaults
// at all, and a sessions table that Loupe never reads.
var platformDDL = []string{
	`CREATE TYPE "UserRole" AS ENUM ('admin', 'user')`,
	`CREATE TABLE "profiles" (
		"id" UUID NOT NULL,
		"username" TEXT,
		"display_name" TEXT,
		"avatar_url" TEXT,
		"role" "UserRole" NOT NULL,
		"created_at" TIMESTAMP(3) NOT NULL,
		"updated_at" TIMESTAMP(3) NOT NULL,
		CONSTRAINT "profiles_pkey" PRIMARY KEY ("id"))`,
	`CREATE UNIQUE INDEX "profiles_username_key" ON "profiles"("username")`,
	`CREATE TABLE "sessions" (
		"id" UUID NOT NULL,
		"user_id" UUID NOT NULL,
		CONSTRAINT "sessions_pkey" PRIMARY KEY ("id"))`,
	`CREATE TABLE "generations" (
		"id" UUID NOT NULL,
		"session_id" UUID NOT NULL,
		"user_id" UUID NOT NULL,
		"model_id" TEXT NOT NULL,
		"prompt" TEXT NOT NULL,
		"negative_prompt" TEXT,
		"parameters" JSONB NOT NULL,
		"status" TEXT NOT NULL,
		"cost" DECIMAL(10,6),
		"created_at" TIMESTAMP(3) NOT NULL,
		CONSTRAINT "generations_pkey" PRIMARY KEY ("id"))`,
	`CREATE TABLE "outputs" (
		"id" UUID NOT NULL,
		"generation_id" UUID NOT NULL,
		"file_url" TEXT NOT NULL,
		"file_type" TEXT NOT NULL,
		"width" INTEGER,
		"height" INTEGER,
		"duration" DOUBLE PRECISION,
		"is_starred" BOOLEAN NOT NULL,
		"is_approved" BOOLEAN NOT NULL,
		"created_at" TIMESTAMP(3) NOT NULL,
		CONSTRAINT "outputs_pkey" PRIMARY KEY ("id"))`,
	`CREATE TABLE "bookmarks" (
		"id" UUID NOT NULL,
		"user_id" UUID NOT NULL,
		"output_id" UUID NOT NULL,
		"created_at" TIMESTAMP(3) NOT NULL,
		CONSTRAINT "bookmarks_pkey" PRIMARY KEY ("id"))`,
	`CREATE UNIQUE INDEX "bookmarks_user_id_output_id_key" ON "bookmarks"("user_id", "output_id")`,
	`ALTER TABLE "generations" ADD CONSTRAINT "generations_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id")`,
	`ALTER TABLE "generations" ADD CONSTRAINT "generations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "profiles"("id")`,
	`ALTER TABLE "outputs" ADD CONSTRAINT "outputs_generation_id_fkey" FOREIGN KEY ("generation_id") REFERENCES "generations"("id")`,
}

// schemaSnapshot lists every column, default, index and constraint of the
// platform's tables, one line each, to compare a schema before and after.
func schemaSnapshot(t *testing.T, db *bun.DB) []string {
	t.Helper()
	var lines []string
	err := db.NewRaw(`
		SELECT concat_ws(' ', table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, 'no-default'))
		FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name IN ('profiles', 'sessions', 'generations', 'outputs', 'bookmarks')
		UNION ALL
		SELECT concat_ws(' ', tablename, indexdef) FROM pg_indexes
		WHERE schemaname = current_schema() AND tablename IN ('profiles', 'sessions', 'generations', 'outputs', 'bookmarks')
		UNION ALL
		SELECT concat_ws(' ', conrelid::regclass::text, conname, pg_get_constraintdef(oid)) FROM pg_constraint
		WHERE conrelid::regclass::text IN ('profiles', 'sessions', 'generations', 'outputs', 'bookmarks')
		ORDER BY 1`).Scan(context.Background(), &lines)
	require.NoError(t, err)
	return lines
}

func TestMigrateLeavesPlatformSchemaUnchanged(t *testing.T) {
	ctx := context.Background()
	db := testdb.OpenUnmigrated(t, pgtest.URL(t))
	for _, stmt := range platformDDL {
		_, err := db.ExecContext(ctx, stmt)
		require.NoError(t, err, "platform DDL %q", stmt)
	}
	before := schemaSnapshot(t, db)

	applied, err := store.Migrate(ctx, db)
	require.NoError(t, err, "store.Migrate on a platform-created schema")
	assert.NotEmpty(t, applied, "migrations applied")
	assert.Equal(t, before, schemaSnapshot(t, db), "platform schema after store.Migrate")

	// Loupe writes every column itself, because the platform set no defaults.
	now := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	_, err = db.ExecContext(ctx, `INSERT INTO sessions (id, user_id) VALUES ('00000000-0000-4000-9000-000000000001', '00000000-0000-4000-8000-000000000001')`)
	require.NoError(t, err)
	b := testdb.NewBuilder(t, db, now)
	ana := b.Person("Ana")
	b.Generation(ana, "gemini-veo-3.1", store.StatusCompleted, "video")
	b.Generation(ana, "gemini-nano-banana-2", store.StatusFailed)

	created, err := auth.New(db).AddAccount(ctx, auth.NewAccount{Email: "ana@example.com", Password: "correct horse battery", ProfileID: ana})
	require.NoError(t, err, "AddAccount linked to a platform profile")
	assert.Equal(t, ana, created.Profile.ID, "linked profile id")
	assert.Equal(t, "user", created.Profile.Role, "linked profile role")

	cells, err := store.UsageCells(ctx, db, store.UsageFilter{UserID: ana})
	require.NoError(t, err)
	assert.Equal(t, []store.UsageCell{
		{ModelID: "gemini-nano-banana-2", UserID: ana, Generations: 1},
		{ModelID: "gemini-veo-3.1", UserID: ana, Generations: 1, Videos: 1},
	}, cells)
}

func TestMigrateTwiceIsNoOp(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		applied, err := store.Migrate(context.Background(), db)
		require.NoError(t, err, "second store.Migrate")
		assert.Empty(t, applied, "migrations applied by the second store.Migrate")
	})
}

func TestUsageCellsFilters(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		day := time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)
		b := testdb.NewBuilder(t, db, day.Add(-time.Millisecond))
		ana := b.Person("Ana")
		ben := b.Person("Ben")
		b.Generation(ana, "replicate-reve", store.StatusCompleted, "image", "image")
		b.At = day
		b.Generation(ana, "replicate-reve", store.StatusCompleted, "image")
		b.Generation(ben, "replicate-reve", store.StatusCompleted, "image", "video")

		cells, err := store.UsageCells(ctx, db, store.UsageFilter{})
		require.NoError(t, err)
		assert.Equal(t, []store.UsageCell{
			{ModelID: "replicate-reve", UserID: ana, Generations: 2, Images: 3},
			{ModelID: "replicate-reve", UserID: ben, Generations: 1, Images: 1, Videos: 1},
		}, cells, "UsageCells(all)")

		cells, err = store.UsageCells(ctx, db, store.UsageFilter{Since: day})
		require.NoError(t, err)
		assert.Equal(t, []store.UsageCell{
			{ModelID: "replicate-reve", UserID: ana, Generations: 1, Images: 1},
			{ModelID: "replicate-reve", UserID: ben, Generations: 1, Images: 1, Videos: 1},
		}, cells, "UsageCells(since %s)", day)

		cells, err = store.UsageCells(ctx, db, store.UsageFilter{UserID: ben})
		require.NoError(t, err)
		assert.Equal(t, []store.UsageCell{
			{ModelID: "replicate-reve", UserID: ben, Generations: 1, Images: 1, Videos: 1},
		}, cells, "UsageCells(ben)")
	})
}
