// Package analytics turns usage cells into the figures the API returns: one
// person's exact usage, and everyone's usage behind the privacy gate.
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

// describeModels returns the registry's description of every model id in
// cells. An id the registry does not list is reported under its raw id with
// provider Unknown, and its media type is the one most of its outputs have,
// image when it has none or a tie.
func describeModels(cells []store.UsageCell) map[string]modelInfo {
	images := make(map[string]int64)
	videos := make(map[string]int64)
	for _, c := range cells {
		images[c.ModelID] += c.Images
		videos[c.ModelID] += c.Videos
	}

	infos := make(map[string]modelInfo, len(images))
	for id := range images {
		if m, ok := shared.LookupModel(id); ok {
			infos[id] = modelInfo{id: id, name: m.Name, provider: m.Provider, mediaType: m.Type}
			continue
		}
		mediaType := shared.Image
		if videos[id] > images[id] {
			mediaType = shared.Video
		}
		infos[id] = modelInfo{id: id, name: id, provider: shared.UnknownProvider, mediaType: mediaType}
	}
	return infos
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

// Summarize adds up cells into a Usage with every figure shown exactly. It is
// the whole of a person's own usage, and the starting point of global usage.
func Summarize(cells []store.UsageCell, generatedAt time.Time) shared.Usage {
	infos := describeModels(cells)

	var total, images, videos int64
	byModel := make(map[string]int64)
	byProvider := make(map[string]int64)
	byType := make(map[shared.MediaType]int64)
	for _, c := range cells {
		info := infos[c.ModelID]
		total += c.Generations
		images += c.Images
		videos += c.Videos
		byModel[c.ModelID] += c.Generations
		byProvider[info.provider] += c.Generations
		byType[info.mediaType] += c.Generations
	}

	usage := shared.Usage{
		TotalGenerations: total,
		TotalImages:      &images,
		TotalVideos:      &videos,
		TopModels:        []shared.ModelShare{},
		ByProvider:       []shared.ProviderShare{},
		ByType:           []shared.TypeShare{},
		GeneratedAt:      generatedAt.UTC().Truncate(time.Second),
	}
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

	usage.ByProvider = providerShares(toBuckets(byProvider), total)

	types := make(map[string]int64, len(byType))
	for t, n := range byType {
		types[string(t)] = n
	}
	typeBuckets := toBuckets(types)
	counts := make([]int64, len(typeBuckets))
	for i, b := range typeBuckets {
		counts[i] = b.count
	}
	percentages := Percentages(counts, total)
	for i, b := range typeBuckets {
		usage.ByType = append(usage.ByType, shared.TypeShare{
			Type:       shared.MediaType(b.name),
			Count:      b.count,
			Percentage: percentages[i],
		})
	}
	return usage
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
	counts := make([]int64, 0, len(named)+1)
	for _, b := range named {
		counts = append(counts, b.count)
	}
	var otherCount int64
	for _, b := range other {
		otherCount += b.count
	}
	if len(other) > 0 {
		counts = append(counts, otherCount)
	}
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

// providerShares returns one row per provider.
func providerShares(named []bucket, total int64) []shared.ProviderShare {
	counts := make([]int64, len(named))
	for i, b := range named {
		counts[i] = b.count
	}
	percentages := Percentages(counts, total)
	rows := make([]shared.ProviderShare, len(named))
	for i, b := range named {
		rows[i] = shared.ProviderShare{Provider: b.name, Count: b.count, Percentage: percentages[i]}
	}
	return rows
}

// otherLabel names an Other row that groups n buckets, as in "Other (3 models)".
func otherLabel(n int, singular, plural string) string {
	noun := plural
	if n == 1 {
		noun = singular
	}
	return fmt.Sprintf("Other (%d %s)", n, noun)
}
