package demo_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun"

	"loupe/server/auth"
	"loupe/server/demo"
	"loupe/server/internal/pgtest"
	"loupe/server/store"
	"loupe/shared"
)

func TestMain(m *testing.M) {
	pgtest.Main(m)
}

// testEnd is the End of every test load. Its day, 4 December 2026, is the
// last day of the history.
var testEnd = time.Date(2026, 12, 4, 15, 30, 0, 0, time.UTC)

// historyStart and historyEnd bound the default history that ends at
// testEnd: 90 days.
var (
	historyStart = testEnd.AddDate(0, 0, -90)
	historyEnd   = testEnd
)

// opener returns a new, migrated, empty database that closes when t ends.
type opener func(t *testing.T) *bun.DB

// forEachDatabase runs test once on SQLite and once on PostgreSQL. The
// PostgreSQL run is skipped when pgtest finds no server.
func forEachDatabase(t *testing.T, test func(t *testing.T, open opener)) {
	t.Run("sqlite", func(t *testing.T) {
		test(t, func(t *testing.T) *bun.DB {
			return openMigrated(t, filepath.Join(t.TempDir(), "t.db"))
		})
	})
	t.Run("postgres", func(t *testing.T) {
		test(t, func(t *testing.T) *bun.DB {
			return openMigrated(t, pgtest.URL(t))
		})
	})
}

func openMigrated(t *testing.T, databaseURL string) *bun.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, databaseURL)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	_, err = store.Migrate(ctx, db)
	require.NoError(t, err)
	return db
}

// load runs demo.Load with the default seed and size.
func load(t *testing.T, db *bun.DB, end time.Time) *demo.Result {
	t.Helper()
	started := time.Now()
	result, err := demo.Load(context.Background(), db, demo.Options{End: end})
	require.NoError(t, err)
	t.Logf("demo.Load took %s", time.Since(started).Round(time.Millisecond))
	return result
}

// count returns the single integer that query selects.
func count(t *testing.T, db *bun.DB, query string, args ...any) int {
	t.Helper()
	var n int
	require.NoError(t, db.QueryRowContext(context.Background(), query, args...).Scan(&n), "query: %s", query)
	return n
}

// selectStrings returns the first column of every row that query selects.
func selectStrings(t *testing.T, db *bun.DB, query string, args ...any) []string {
	t.Helper()
	var values []string
	require.NoError(t, db.NewRaw(query, args...).Scan(context.Background(), &values), "query: %s", query)
	return values
}

func videoModelIDs() []string {
	var ids []string
	for _, m := range shared.Models() {
		if m.Type == shared.Video {
			ids = append(ids, m.ID)
		}
	}
	return ids
}

// TestLoad loads the default history once into each database and checks
// it from several sides. A load takes most of a second on a two-core test
// machine, about half of it for hashing 16 passwords with argon2id, so the
// cases share one load.
func TestLoad(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, open opener) {
		db := open(t)
		result := load(t, db, testEnd)

		t.Run("fills empty database", func(t *testing.T) { checkFilled(t, db, result) })
		t.Run("has heavy tail", func(t *testing.T) { checkHeavyTail(t, db, result) })
		t.Run("accounts can sign in", func(t *testing.T) { checkSignIn(t, db, result) })
		t.Run("same seed same rows", func(t *testing.T) {
			// Another time of the same day gives the same rows, moved in time.
			other := open(t)
			load(t, other, testEnd.Add(-15*time.Hour))
			checkSameRows(t, db, other)
		})
		t.Run("rejects second load", func(t *testing.T) { checkSecondLoad(t, db, result) })
	})
}

func checkFilled(t *testing.T, db *bun.DB, result *demo.Result) {
	videos := bun.In(videoModelIDs())

	accounts := count(t, db, "SELECT count(*) FROM loupe_accounts")
	assert.GreaterOrEqual(t, accounts, 12, "count(loupe_accounts) = %d; want at least 12", accounts)
	assert.Equal(t, len(result.Accounts), accounts, "len(Result.Accounts) = %d; want count(loupe_accounts) %d", len(result.Accounts), accounts)
	admins := count(t, db, "SELECT count(*) FROM profiles WHERE role = 'admin'")
	assert.Equal(t, 1, admins, "count(admin profiles) = %d; want 1", admins)
	outside := count(t, db, "SELECT count(*) FROM loupe_accounts WHERE email NOT LIKE '%@example.com'")
	assert.Zero(t, outside, "count(accounts outside example.com) = %d; want 0", outside)

	generations := count(t, db, "SELECT count(*) FROM generations")
	assert.Equal(t, result.Generations, generations, "Result.Generations = %d; want count(generations) %d", result.Generations, generations)
	assert.Equal(t, demo.DefaultGenerations, generations, "count(generations) = %d; want %d", generations, demo.DefaultGenerations)
	outputs := count(t, db, "SELECT count(*) FROM outputs")
	assert.Equal(t, result.Outputs, outputs, "Result.Outputs = %d; want count(outputs) %d", result.Outputs, outputs)
	bookmarks := count(t, db, "SELECT count(*) FROM bookmarks")
	assert.Equal(t, result.Bookmarks, bookmarks, "Result.Bookmarks = %d; want count(bookmarks) %d", result.Bookmarks, bookmarks)
	assert.Positive(t, bookmarks, "count(bookmarks) = %d; want more than 0", bookmarks)

	for _, m := range shared.Models() {
		n := count(t, db, "SELECT count(*) FROM generations WHERE model_id = ?", m.ID)
		assert.Positive(t, n, "count(generations of %s) = %d; want more than 0", m.ID, n)
	}
	retired := count(t, db, "SELECT count(*) FROM generations WHERE model_id = 'stability-sdxl-1.0'")
	assert.Positive(t, retired, "count(generations of stability-sdxl-1.0) = %d; want more than 0", retired)
	lateRetired := count(t, db, "SELECT count(*) FROM generations WHERE model_id = 'stability-sdxl-1.0' AND created_at >= ?", historyStart.AddDate(0, 0, 30))
	assert.Zero(t, lateRetired, "count(stability-sdxl-1.0 after day 30) = %d; want 0", lateRetired)

	video := count(t, db, "SELECT count(*) FROM generations WHERE model_id IN (?)", videos)
	share := float64(video) / float64(generations)
	assert.True(t, share >= 0.15 && share <= 0.25, "video share of generations = %.3f; want 0.15 to 0.25", share)

	badImages := count(t, db, `SELECT count(*) FROM generations AS g
			WHERE g.status = 'completed' AND g.model_id NOT IN (?)
			AND (SELECT count(*) FROM outputs AS o WHERE o.generation_id = g.id) NOT BETWEEN 1 AND 4`, videos)
	assert.Zero(t, badImages, "count(completed image generations without 1 to 4 outputs) = %d; want 0", badImages)
	badVideos := count(t, db, `SELECT count(*) FROM generations AS g
			WHERE g.status = 'completed' AND g.model_id IN (?)
			AND (SELECT count(*) FROM outputs AS o WHERE o.generation_id = g.id) <> 1`, videos)
	assert.Zero(t, badVideos, "count(completed video generations without exactly 1 output) = %d; want 0", badVideos)
	unfinishedOutputs := count(t, db, `SELECT count(*) FROM outputs AS o
			JOIN generations AS g ON g.id = o.generation_id WHERE g.status <> 'completed'`)
	assert.Zero(t, unfinishedOutputs, "count(outputs of failed, queued or processing generations) = %d; want 0", unfinishedOutputs)
	wrongType := count(t, db, `SELECT count(*) FROM outputs AS o JOIN generations AS g ON g.id = o.generation_id
			WHERE (g.model_id IN (?)) <> (o.file_type = 'video')`, videos)
	assert.Zero(t, wrongType, "count(outputs whose file_type differs from the model's media type) = %d; want 0", wrongType)

	failed := count(t, db, "SELECT count(*) FROM generations WHERE status = 'failed'")
	assert.True(t, failed > generations/50 && failed < generations/15, "count(failed generations) = %d; want about 4%% of %d", failed, generations)
	unfinished := count(t, db, "SELECT count(*) FROM generations WHERE status IN ('queued', 'processing')")
	assert.True(t, unfinished > 0 && unfinished < generations/20, "count(queued or processing generations) = %d; want about 2%% of %d", unfinished, generations)
	oldUnfinished := count(t, db, "SELECT count(*) FROM generations WHERE status IN ('queued', 'processing') AND created_at < ?", historyEnd.AddDate(0, 0, -4))
	assert.Zero(t, oldUnfinished, "count(queued or processing generations older than 4 days) = %d; want 0", oldUnfinished)
	noCost := count(t, db, "SELECT count(*) FROM generations WHERE cost IS NULL")
	assert.True(t, noCost > 0 && noCost < generations/10, "count(generations without cost) = %d; want about 5%% of %d", noCost, generations)
	badVideoCost := count(t, db, "SELECT count(*) FROM generations WHERE status = 'completed' AND model_id IN (?) AND (cost < 0.3 OR cost > 2)", videos)
	assert.Zero(t, badVideoCost, "count(completed video costs outside $0.30 to $2.00) = %d; want 0", badVideoCost)
	badImageCost := count(t, db, "SELECT count(*) FROM generations WHERE status = 'completed' AND model_id NOT IN (?) AND (cost < 0.02 OR cost > 0.15)", videos)
	assert.Zero(t, badImageCost, "count(completed image costs outside $0.02 to $0.15) = %d; want 0", badImageCost)

	for _, table := range []string{"generations", "outputs", "bookmarks"} {
		early := count(t, db, "SELECT count(*) FROM "+table+" WHERE created_at < ?", historyStart)
		assert.Zero(t, early, "count(%s before %s) = %d; want 0", table, historyStart.Format(time.DateOnly), early)
		late := count(t, db, "SELECT count(*) FROM "+table+" WHERE created_at > ?", historyEnd)
		assert.Zero(t, late, "count(%s after %s) = %d; want 0", table, historyEnd.Format(time.RFC3339), late)
	}
	beforeOutput := count(t, db, `SELECT count(*) FROM bookmarks AS b JOIN outputs AS o ON o.id = b.output_id
			WHERE b.created_at < o.created_at`)
	assert.Zero(t, beforeOutput, "count(bookmarks older than their output) = %d; want 0", beforeOutput)
}

func checkHeavyTail(t *testing.T, db *bun.DB, result *demo.Result) {
	var perPerson []int
	err := db.NewRaw(`SELECT count(g.id) FROM profiles AS p
			LEFT JOIN generations AS g ON g.user_id = p.id
			GROUP BY p.id`).Scan(context.Background(), &perPerson)
	require.NoError(t, err)
	sort.Sort(sort.Reverse(sort.IntSlice(perPerson)))

	top, median := perPerson[0], perPerson[len(perPerson)/2]
	assert.GreaterOrEqual(t, top, 5*median, "generations of top person = %d; want at least 5 × median %d", top, median)
	idle := count(t, db, "SELECT count(*) FROM profiles AS p WHERE NOT EXISTS (SELECT 1 FROM generations AS g WHERE g.user_id = p.id)")
	assert.Equal(t, 1, idle, "count(profiles without generations) = %d; want 1", idle)

	first, last := result.Accounts[0], result.Accounts[len(result.Accounts)-1]
	assert.Equal(t, top, first.Generations, "Result.Accounts[0].Generations = %d; want the top count %d", first.Generations, top)
	assert.Zero(t, last.Generations, "last of Result.Accounts has %d generations; want 0", last.Generations)
}

func checkSignIn(t *testing.T, db *bun.DB, result *demo.Result) {
	for _, a := range []demo.Account{result.Accounts[0], result.Accounts[len(result.Accounts)-1]} {
		_, _, err := auth.New(db).Login(context.Background(), a.Email, a.Password)
		assert.NoError(t, err, "Login(%s) = %v; want no error", a.Email, err)
		assert.GreaterOrEqual(t, len(a.Password), 16, "len(password of %s) = %d; want at least 16", a.Email, len(a.Password))
	}
	admins := 0
	for _, a := range result.Accounts {
		if a.Admin {
			admins++
		}
	}
	assert.Equal(t, 1, admins, "count(admin accounts in Result) = %d; want 1", admins)
}

func checkSameRows(t *testing.T, first, second *bun.DB) {
	queries := []string{
		"SELECT id FROM profiles ORDER BY id",
		"SELECT id FROM generations ORDER BY id",
		"SELECT user_id || ' ' || model_id || ' ' || status || ' ' || prompt FROM generations ORDER BY id",
		"SELECT id FROM outputs ORDER BY id",
		"SELECT user_id || ' ' || output_id FROM bookmarks ORDER BY id",
	}
	for _, query := range queries {
		a, b := selectStrings(t, first, query), selectStrings(t, second, query)
		assert.True(t, slices.Equal(a, b), "%q differs between two loads of one seed (%d and %d rows); want equal", query, len(a), len(b))
	}
	timesA := selectStrings(t, first, "SELECT id FROM generations ORDER BY created_at, id")
	timesB := selectStrings(t, second, "SELECT id FROM generations ORDER BY created_at, id")
	assert.True(t, slices.Equal(timesA, timesB), "generation order by created_at differs between two loads of one seed; want equal")
}

func checkSecondLoad(t *testing.T, db *bun.DB, first *demo.Result) {
	ctx := context.Background()
	result, err := demo.Load(ctx, db, demo.Options{Seed: 2, End: testEnd})
	assert.True(t, errors.Is(err, demo.ErrNotEmpty), "second Load error = %v; want ErrNotEmpty", err)
	assert.Nil(t, result, "second Load result = %v; want nil", result)
	assert.ErrorContains(t, err, "16 profiles and 6000 generations")

	for table, want := range map[string]int{
		"profiles":       len(first.Accounts),
		"loupe_accounts": len(first.Accounts),
		"generations":    first.Generations,
		"outputs":        first.Outputs,
		"bookmarks":      first.Bookmarks,
	} {
		got := count(t, db, "SELECT count(*) FROM "+table)
		assert.Equal(t, want, got, "count(%s) after second Load = %d; want %d", table, got, want)
	}
}

func TestLoadRejectsOneProfile(t *testing.T) {
	db := openMigrated(t, filepath.Join(t.TempDir(), "t.db"))
	ctx := context.Background()
	_, err := auth.New(db).AddAccount(ctx, auth.NewAccount{Email: "ana.lima@example.com", Password: "correct horse battery"})
	require.NoError(t, err)

	_, err = demo.Load(ctx, db, demo.Options{End: testEnd})
	assert.True(t, errors.Is(err, demo.ErrNotEmpty), "Load error = %v; want ErrNotEmpty", err)
	assert.ErrorContains(t, err, "already has 1 profile")
	generations := count(t, db, "SELECT count(*) FROM generations")
	assert.Zero(t, generations, "count(generations) = %d; want 0", generations)
}

func TestLoadRejectsInvalidOptions(t *testing.T) {
	db := openMigrated(t, filepath.Join(t.TempDir(), "t.db"))
	tests := []struct {
		name string
		opts demo.Options
		want string
	}{
		{name: "one person", opts: demo.Options{People: 1}, want: "invalid number of demo people 1"},
		{name: "too many people", opts: demo.Options{People: 99}, want: "invalid number of demo people 99"},
		{name: "negative days", opts: demo.Options{Days: -3}, want: "invalid number of demo days -3"},
		{name: "too few generations", opts: demo.Options{Generations: 50}, want: "invalid number of demo generations 50"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := demo.Load(context.Background(), db, tt.opts)
			assert.ErrorContains(t, err, tt.want)
			assert.False(t, errors.Is(err, demo.ErrNotEmpty), "Load(%+v) error is ErrNotEmpty; want an option error", tt.opts)
		})
	}
	profiles := count(t, db, "SELECT count(*) FROM profiles")
	assert.Zero(t, profiles, "count(profiles) = %d; want 0", profiles)
}

// TestLoadSmallHistory checks that a small history still uses the whole
// registry, as the coverage step promises.
func TestLoadSmallHistory(t *testing.T) {
	db := openMigrated(t, filepath.Join(t.TempDir(), "t.db"))
	result, err := demo.Load(context.Background(), db, demo.Options{Seed: 3, End: testEnd, People: 3, Days: 14, Generations: 60})
	require.NoError(t, err)

	assert.Equal(t, 60, result.Generations, "Result.Generations = %d; want 60", result.Generations)
	ids := selectStrings(t, db, "SELECT DISTINCT model_id FROM generations")
	for _, m := range shared.Models() {
		assert.Contains(t, ids, m.ID, "model ids = %s; want %s among them", strings.Join(ids, ", "), m.ID)
	}
	assert.Contains(t, ids, "stability-sdxl-1.0", "model ids = %s; want stability-sdxl-1.0 among them", strings.Join(ids, ", "))
}
