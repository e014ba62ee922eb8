package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uptrace/bun"

	"loupe/server/internal/testdb"
	"loupe/server/store"
)

func TestUsageBandCellsAtDayBoundaries(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		now := time.Date(2026, 11, 20, 15, 4, 5, 0, time.UTC)
		starts := []time.Time{
			time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC),
			time.Date(2026, 10, 22, 0, 0, 0, 0, time.UTC),
			time.Date(2026, 8, 23, 0, 0, 0, 0, time.UTC),
		}
		b := testdb.NewBuilder(t, db, now)
		ana := b.Person("Ana")
		ben := b.Person("Ben")

		// Dated after now, as a platform clock a little ahead would write it.
		b.At = now.Add(time.Hour)
		b.Generation(ana, "replicate-reve", store.StatusCompleted, "image")
		b.At = starts[0]
		b.Generation(ana, "replicate-reve", store.StatusCompleted, "video")
		b.At = starts[0].Add(-time.Millisecond)
		b.Generation(ana, "replicate-reve", store.StatusFailed)
		b.At = starts[1]
		b.Generation(ana, "replicate-reve", store.StatusCompleted, "image", "image")
		b.At = starts[1].Add(-time.Millisecond)
		b.Generation(ana, "replicate-reve", store.StatusQueued)
		b.At = starts[2]
		b.Generation(ana, "replicate-reve", store.StatusCompleted, "image")
		b.At = starts[2].Add(-time.Millisecond)
		b.Generation(ana, "replicate-reve", store.StatusCompleted, "image", "video")
		b.Generation(ben, "gemini-veo-3.1", store.StatusCompleted, "video")

		cells, err := store.UsageBandCells(ctx, db, starts)
		require.NoError(t, err)
		assert.Equal(t, []store.BandCell{
			{UsageCell: store.UsageCell{ModelID: "gemini-veo-3.1", UserID: ben, Generations: 1, Videos: 1}, Band: 3},
			{UsageCell: store.UsageCell{ModelID: "replicate-reve", UserID: ana, Generations: 2, Images: 1, Videos: 1}, Band: 0},
			{UsageCell: store.UsageCell{ModelID: "replicate-reve", UserID: ana, Generations: 2, Images: 2}, Band: 1},
			{UsageCell: store.UsageCell{ModelID: "replicate-reve", UserID: ana, Generations: 2, Images: 1}, Band: 2},
			{UsageCell: store.UsageCell{ModelID: "replicate-reve", UserID: ana, Generations: 1, Images: 1, Videos: 1}, Band: 3},
		}, cells, "UsageBandCells(%v)", starts)
	})
}

func TestUsageBandCellsRejectsUnorderedStarts(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		day := time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC)
		for _, starts := range [][]time.Time{
			nil,
			{day, day},
			{day.AddDate(0, 0, -1), day},
		} {
			cells, err := store.UsageBandCells(context.Background(), db, starts)
			assert.Error(t, err, "UsageBandCells(%v)", starts)
			assert.Nil(t, cells, "UsageBandCells(%v)", starts)
		}
	})
}

func TestUsageBandCellsEmpty(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, db *bun.DB) {
		starts := []time.Time{time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC)}
		cells, err := store.UsageBandCells(context.Background(), db, starts)
		require.NoError(t, err)
		assert.Empty(t, cells, "UsageBandCells on an empty database")
	})
}
