package analytics

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"loupe/server/store"
	"loupe/shared"
)

func TestPercentages(t *testing.T) {
	tests := []struct {
		name   string
		counts []int64
		total  int64
		want   []float64
	}{
		{name: "thirds", counts: []int64{1, 1, 1}, total: 3, want: []float64{33.4, 33.3, 33.3}},
		{name: "largest remainder wins", counts: []int64{1, 2, 4}, total: 7, want: []float64{14.3, 28.6, 57.1}},
		{name: "sevenths", counts: []int64{1, 1, 1, 1, 1, 1, 1}, total: 7, want: []float64{14.3, 14.3, 14.3, 14.3, 14.3, 14.3, 14.2}},
		{name: "one row", counts: []int64{9}, total: 9, want: []float64{100}},
		{name: "zero total", counts: []int64{0, 0}, total: 0, want: []float64{0, 0}},
		{name: "tiny share", counts: []int64{1, 1999}, total: 2000, want: []float64{0.1, 99.9}},
		{name: "partial list", counts: []int64{1}, total: 3, want: []float64{33.3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Percentages(tt.counts, tt.total)
			assert.Equal(t, tt.want, got, "Percentages(%v, %d)", tt.counts, tt.total)
		})
	}
}

func TestPercentagesSumTo100(t *testing.T) {
	for n := 1; n <= 40; n++ {
		counts := make([]int64, n)
		var total int64
		for i := range counts {
			counts[i] = int64(i*i%17 + 1)
			total += counts[i]
		}
		var tenths int64
		for _, p := range Percentages(counts, total) {
			tenths += int64(p*10 + 0.5)
		}
		assert.Equal(t, int64(1000), tenths, "sum of Percentages for %d counts, in tenths", n)
	}
}

func TestSummarizeGroupsModelsBeyondTen(t *testing.T) {
	var cells []store.UsageCell
	// Twelve unregistered models: model-01 has 12 generations, model-12 has 1.
	for i := 1; i <= 12; i++ {
		cells = append(cells, store.UsageCell{
			ModelID:     fmt.Sprintf("model-%02d", i),
			UserID:      "u",
			Generations: int64(13 - i),
		})
	}
	usage := Summarize(cells, shared.RangeAll, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))

	require.Len(t, usage.TopModels, 11)
	assert.Equal(t, int64(78), usage.TotalGenerations)
	assert.Equal(t, "model-01", usage.TopModels[0].ModelID)
	assert.Equal(t, "model-10", usage.TopModels[9].ModelID)
	assert.Equal(t, shared.ModelShare{
		ModelID:    shared.OtherModelID,
		Count:      3,
		Percentage: 3.8,
		Other:      true,
		Label:      "Other (2 models)",
	}, usage.TopModels[10])
	var sum float64
	for _, m := range usage.TopModels {
		sum += m.Percentage
	}
	assert.InDelta(t, 100, sum, 1e-9, "sum of TopModels percentages")
}

func TestGlobalCountsPeopleNotGenerations(t *testing.T) {
	cells := []store.BandCell{
		{UsageCell: store.UsageCell{ModelID: "replicate-reve", UserID: "a", Generations: 50}},
		{UsageCell: store.UsageCell{ModelID: "kling-official", UserID: "a", Generations: 3}},
		{UsageCell: store.UsageCell{ModelID: "replicate-reve", UserID: "b", Generations: 1}},
	}
	got := Global(cells, shared.RangeAll, 3, time.Now())
	assert.False(t, got.Available, "Available with 2 people and k = 3")
	assert.Nil(t, got.Usage, "Usage with 2 people and k = 3")
	assert.Equal(t, shared.Cohort{UniqueUsers: 2, MinUsersRequired: 3}, got.Cohort)

	got = Global(cells, shared.RangeAll, 2, time.Now())
	assert.True(t, got.Available, "Available with 2 people and k = 2")
	require.NotNil(t, got.Usage)
	assert.Equal(t, int64(54), got.TotalGenerations)
}
