package testdb

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"loupe/server/store"
)

// Builder inserts hand-made platform rows for tests. Ids are UUIDs made from
// a counter, so they are predictable and sort in insertion order.
type Builder struct {
	t  *testing.T
	db bun.IDB
	n  int
	// At is the created_at of the next rows. Tests move it to spread rows
	// over days.
	At time.Time
}

// NewBuilder returns a Builder writing to db with At set to at.
func NewBuilder(t *testing.T, db bun.IDB, at time.Time) *Builder {
	return &Builder{t: t, db: db, At: at.UTC().Truncate(time.Millisecond)}
}

// NextID returns a new UUID made from the builder's counter.
func (b *Builder) NextID() string {
	b.n++
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", b.n)
}

// Person inserts a profile with the given display name and returns its id.
func (b *Builder) Person(name string) string {
	b.t.Helper()
	p := &store.Profile{
		ID:          b.NextID(),
		DisplayName: &name,
		Role:        "user",
		CreatedAt:   b.At,
		UpdatedAt:   b.At,
	}
	if err := store.CreateProfile(context.Background(), b.db, p); err != nil {
		b.t.Fatalf("insert profile %q: %v", name, err)
	}
	return p.ID
}

// Generation inserts a generation of userID with modelID and status, and one
// output per file type given ("image" or "video"). It returns the
// generation's id. The prompt and file URLs contain the generation id, so a
// test can look for them in a response.
func (b *Builder) Generation(userID, modelID, status string, fileTypes ...string) string {
	b.t.Helper()
	ctx := context.Background()
	cost := 0.04
	g := &store.Generation{
		ID:         b.NextID(),
		SessionID:  "00000000-0000-4000-9000-000000000001",
		UserID:     userID,
		ModelID:    modelID,
		Parameters: []byte(`{"aspect_ratio":"1:1"}`),
		Status:     status,
		Cost:       &cost,
		CreatedAt:  b.At,
	}
	g.Prompt = "secret prompt " + g.ID
	if _, err := b.db.NewInsert().Model(g).Exec(ctx); err != nil {
		b.t.Fatalf("insert generation on %s: %v", modelID, err)
	}
	for _, fileType := range fileTypes {
		o := &store.Output{
			ID:           b.NextID(),
			GenerationID: g.ID,
			FileType:     fileType,
			CreatedAt:    b.At,
		}
		o.FileURL = "https://files.example/secret/" + o.ID
		if _, err := b.db.NewInsert().Model(o).Exec(ctx); err != nil {
			b.t.Fatalf("insert %s output of generation %s: %v", fileType, g.ID, err)
		}
	}
	return g.ID
}

// Epoch is a fixed time for tests that need rows but no particular dates.
var Epoch = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
