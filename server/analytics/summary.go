// Package analytics turns usage cells into the figures the API returns: one
// person's exact usage, and everyone's usage behind the privacy rules.
package analytics

import (
	"fmt"
	"sort"
	"time"

	"loupe/server/store"
	"loupe/shared"
)

// MaxNamedModels is how many models Usage.TopModels lists by name before it
// groups the rest into one Other row.
const MaxNamedModels = 10

// modelInfo is the description of a model id in a summary.
type modelInfo struct {
	id        string
	name      string
	provider  string
	mediaType shared.MediaType
}

// describeModels returns the description of every model id in cells, as
// describeModel gives it from the outputs in cells.
func describeModels(cells []store.UsageCell) map[string]modelInfo {
	images := make(map[string]int64)
	videos := make(map[string]int64)
	for _, c := range cells {
		images[c.ModelID] += c.Images
		videos[c.ModelID] += c.Videos
	}

	infos := make(map[string]modelInfo, len(images))
	for id := range images {
		infos[id] = describeModel(id, images[id], videos[id])
	}
	return infos
}

// describeModel returns the registry's description of a model id. An id the
// registry does not list is reported under its raw id with provider Unknown,
// and its media type is video when it has more video outputs than image
// outputs, image otherwise.
func describeModel(id string, images, videos int64) modelInfo {
	if m, ok := shared.LookupModel(id); ok {
		return modelInfo{id: id, name: m.Name, provider: m.Provider, mediaType: m.Type}
	}
	mediaType := shared.Image
	if videos > images {
		mediaType = shared.Video
	}
	return modelInfo{id: id, name: id, provider: shared.UnknownProvider, mediaType: mediaType}
}

// bucket is a count under a name, before percentages are set.
type bucket struct {
	name  string
	count int64
}

// sortBuckets orders buckets by count, largest first, ties by name.
func sortBuckets(buckets []bucket) {
	sort.Slice(buckets, func(i, j int) bool {
		if buckets[i].count != buckets[j].count {
			return buckets[i].count > buckets[j].count
		}
		return buckets[i].name < buckets[j].name
	})
}

// Summarize adds up cells into a Usage over range r with every figure shown
// exactly: a person's own usage. The cells must already be limited to r.
func Summarize(cells []store.UsageCell, r shared.Range, generatedAt time.Time) shared.Usage {
	infos := describeModels(cells)

	var total, images, videos int64
	byModel := make(map[string]int64)
	byProvider := make(map[string]int64)
	byType := make(map[string]int64)
	for _, c := range cells {
		info := infos[c.ModelID]
		total += c.Generations
		images += c.Images
		videos += c.Videos
		byModel[c.ModelID] += c.Generations
		byProvider[info.provider] += c.Generations
		byType[string(info.mediaType)] += c.Generations
	}

	usage := emptyUsage(r, generatedAt)
	usage.TotalGenerations = total
	usage.TotalImages = &images
	usage.TotalVideos = &videos
	if total == 0 {
		return usage
	}

	models := toBuckets(byModel)
	var otherModels []bucket
	if len(models) > MaxNamedModels {
		otherModels = models[MaxNamedModels:]
		models = models[:MaxNamedModels]
	}
	usage.TopModels = modelShares(models, otherModels, infos, total)
	usage.ByProvider = providerShares(toBuckets(byProvider), nil, total)
	usage.ByType = typeShares(toBuckets(byType), nil, total)
	return usage
}

// emptyUsage returns a Usage over r with no figures and empty lists.
func emptyUsage(r shared.Range, generatedAt time.Time) shared.Usage {
	return shared.Usage{
		Range:       r,
		TopModels:   []shared.ModelShare{},
		ByProvider:  []shared.ProviderShare{},
		ByType:      []shared.TypeShare{},
		GeneratedAt: generatedAt.UTC().Truncate(time.Second),
	}
}

// toBuckets returns the non-zero counts of m as sorted buckets.
func toBuckets(m map[string]int64) []bucket {
	buckets := make([]bucket, 0, len(m))
	for name, n := range m {
		if n > 0 {
			buckets = append(buckets, bucket{name: name, count: n})
		}
	}
	sortBuckets(buckets)
	return buckets
}

// modelShares returns one row per named model and, when other is not empty,
// one Other row holding the sum of other.
func modelShares(named, other []bucket, infos map[string]modelInfo, total int64) []shared.ModelShare {
	counts, otherCount := shareCounts(named, other)
	percentages := Percentages(counts, total)

	rows := make([]shared.ModelShare, 0, len(counts))
	for i, b := range named {
		info := infos[b.name]
		rows = append(rows, shared.ModelShare{
			ModelID:    info.id,
			ModelName:  info.name,
			Provider:   info.provider,
			Type:       info.mediaType,
			Count:      b.count,
			Percentage: percentages[i],
		})
	}
	if len(other) > 0 {
		rows = append(rows, shared.ModelShare{
			ModelID:    shared.OtherModelID,
			Count:      otherCount,
			Percentage: percentages[len(named)],
			Other:      true,
			Label:      otherLabel(len(other), "model", "models"),
		})
	}
	return rows
}

// providerShares returns one row per named provider and, when other is not
// empty, one Other row holding the sum of other.
func providerShares(named, other []bucket, total int64) []shared.ProviderShare {
	counts, otherCount := shareCounts(named, other)
	percentages := Percentages(counts, total)

	rows := make([]shared.ProviderShare, 0, len(counts))
	for i, b := range named {
		rows = append(rows, shared.ProviderShare{Provider: b.name, Count: b.count, Percentage: percentages[i]})
	}
	if len(other) > 0 {
		rows = append(rows, shared.ProviderShare{
			Provider:   shared.OtherProvider,
			Count:      otherCount,
			Percentage: percentages[len(named)],
			Other:      true,
			Label:      otherLabel(len(other), "provider", "providers"),
		})
	}
	return rows
}

// typeShares returns one row per named media type and, when other is not
// empty, one Other row holding the sum of other.
func typeShares(named, other []bucket, total int64) []shared.TypeShare {
	counts, otherCount := shareCounts(named, other)
	percentages := Percentages(counts, total)

	rows := make([]shared.TypeShare, 0, len(counts))
	for i, b := range named {
		rows = append(rows, shared.TypeShare{Type: shared.MediaType(b.name), Count: b.count, Percentage: percentages[i]})
	}
	if len(other) > 0 {
		rows = append(rows, shared.TypeShare{
			Type:       shared.OtherMediaType,
			Count:      otherCount,
			Percentage: percentages[len(named)],
			Other:      true,
			Label:      otherLabel(len(other), "type", "types"),
		})
	}
	return rows
}

// shareCounts returns the counts of named followed, when other is not
// empty, by the sum of other, and that sum.
func shareCounts(named, other []bucket) (counts []int64, otherCount int64) {
	counts = make([]int64, 0, len(named)+1)
	for _, b := range named {
		counts = append(counts, b.count)
	}
	for _, b := range other {
		otherCount += b.count
	}
	if len(other) > 0 {
		counts = append(counts, otherCount)
	}
	return counts, otherCount
}

// otherLabel names an Other row that groups n buckets, as in "Other (3 models)".
func otherLabel(n int, singular, plural string) string {
	noun := plural
	if n == 1 {
		noun = singular
	}
	return fmt.Sprintf("Other (%d %s)", n, noun)
}
