package e2e

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"loupe/server/auth"
	"loupe/server/internal/testdb"
	"loupe/server/store"
)

// minCohortUsers is the privacy threshold k of every test server. The
// seeded history has fewer than k people in the 7-day and 30-day ranges and
// at least k in the 90-day and all-time ranges.
const minCohortUsers = 3

// person is a seeded account. Its email, name and profile id are unusual
// enough that finding one of them in the browser's storage means it leaked.
type person struct {
	Email     string
	Password  string
	Name      string
	ProfileID string
}

// fixture is a seeded database: who can sign in, and where the file is.
type fixture struct {
	dbPath string
	// ana and ben can sign in. Two more people without accounts generate
	// too, so the all-time range has four people.
	ana person
	ben person
}

// seedHistory creates a migrated SQLite database with this history, dated
// back from now so that it falls in the same ranges whenever the test runs:
//
//	person   1 day ago   2 days   15 days   40 days   100 days   200 days
//	Ana      3                    2                              8
//	Ben                  2                            4
//	Cleo                                    5
//	Dev                                                          5
//
// Cohorts, with k = 3: 7d and 30d have 2 people (hidden), 90d has 3 and all
// has 4 (shown).
func seedHistory(t *testing.T) fixture {
	t.Helper()
	f := fixture{dbPath: filepath.Join(t.TempDir(), "loupe.db")}

	db := openDB(t, f.dbPath)
	defer db.Close()

	now := time.Now().UTC()
	daysAgo := func(n int) time.Time { return now.AddDate(0, 0, -n) }
	b := testdb.NewBuilder(t, db, now)

	ana := b.Person("Ana Quillfeather")
	ben := b.Person("Ben Marrowgate")
	cleo := b.Person("Cleo Vantablack")
	dev := b.Person("Dev Ostrander")

	b.At = daysAgo(1)
	b.Generation(ana, "gemini-nano-banana-pro", store.StatusCompleted, "image", "image")
	b.Generation(ana, "gemini-nano-banana-pro", store.StatusCompleted, "image")
	b.Generation(ana, "gemini-veo-3.1", store.StatusCompleted, "video")

	b.At = daysAgo(2)
	b.Generation(ben, "replicate-seedream-4", store.StatusCompleted, "image")
	b.Generation(ben, "replicate-seedream-4", store.StatusFailed)

	b.At = daysAgo(15)
	b.Generation(ana, "kling-official", store.StatusCompleted, "video")
	b.Generation(ana, "kling-official", store.StatusCompleted, "video")

	b.At = daysAgo(40)
	for range 3 {
		b.Generation(cleo, "gemini-nano-banana-pro", store.StatusCompleted, "image")
	}
	b.Generation(cleo, "openai-gpt-image-2", store.StatusCompleted, "image")
	b.Generation(cleo, "openai-gpt-image-2", store.StatusFailed)

	b.At = daysAgo(100)
	for range 3 {
		b.Generation(ben, "gemini-nano-banana-2", store.StatusCompleted, "image")
	}
	b.Generation(ben, "replicate-kling-2.6", store.StatusCompleted, "video")

	b.At = daysAgo(200)
	for range 6 {
		b.Generation(ana, "openai-gpt-image-2", store.StatusCompleted, "image")
	}
	b.Generation(ana, "gemini-nano-banana-pro", store.StatusFailed)
	b.Generation(ana, "replicate-reve", store.StatusCompleted, "image")
	for range 2 {
		b.Generation(dev, "gemini-nano-banana-pro", store.StatusCompleted, "image")
	}
	for range 3 {
		b.Generation(dev, "gemini-veo-3.1", store.StatusCompleted, "video")
	}

	f.ana = addAccount(t, db, ana, "ana.quillfeather@example.com", "Ana Quillfeather", "ana-e2e-password")
	f.ben = addAccount(t, db, ben, "ben.marrowgate@example.com", "Ben Marrowgate", "ben-e2e-password")
	return f
}

// openDB opens and migrates the SQLite file at path. The caller closes it.
func openDB(t *testing.T, path string) *bun.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("store.Open(%s) = %v; want nil", path, err)
	}
	if _, err := store.Migrate(ctx, db); err != nil {
		db.Close()
		t.Fatalf("store.Migrate(%s) = %v; want nil", path, err)
	}
	return db
}

// addAccount links a sign-in account to the profile profileID.
func addAccount(t *testing.T, db bun.IDB, profileID, email, name, password string) person {
	t.Helper()
	_, err := auth.New(db).AddAccount(context.Background(), auth.NewAccount{
		Email:     email,
		Password:  password,
		ProfileID: profileID,
	})
	if err != nil {
		t.Fatalf("AddAccount(%s) = %v; want nil", email, err)
	}
	return person{Email: email, Password: password, Name: name, ProfileID: profileID}
}

// addGeneration inserts one completed image generation of profileID, made
// now. Tests call it while the server is stopped, to change the figures the
// server computes after its restart.
func addGeneration(t *testing.T, dbPath, profileID string) {
	t.Helper()
	ctx := context.Background()
	db := openDB(t, dbPath)
	defer db.Close()

	now := time.Now().UTC().Truncate(time.Millisecond)
	g := &store.Generation{
		ID:         uuid.NewString(),
		SessionID:  uuid.NewString(),
		UserID:     profileID,
		ModelID:    "gemini-nano-banana-pro",
		Prompt:     "a late generation",
		Parameters: []byte(`{}`),
		Status:     store.StatusCompleted,
		CreatedAt:  now,
	}
	if _, err := db.NewInsert().Model(g).Exec(ctx); err != nil {
		t.Fatalf("insert generation of %s: %v", profileID, err)
	}
	o := &store.Output{ID: uuid.NewString(), GenerationID: g.ID, FileType: "image", FileURL: "file:///late.png", CreatedAt: now}
	if _, err := db.NewInsert().Model(o).Exec(ctx); err != nil {
		t.Fatalf("insert output of generation %s: %v", g.ID, err)
	}
}
