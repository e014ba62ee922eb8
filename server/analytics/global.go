package analytics

import (
	"fmt"
	"time"

	"loupe/server/store"
	"loupe/shared"
)

// DefaultMinCohortUsers is the privacy threshold k when MIN_COHORT_USERS is
// not set: global figures need at least this many distinct people.
const DefaultMinCohortUsers = 5

// MinAllowedCohortUsers is the smallest k Loupe accepts. With k = 1 a global
// figure could describe a single person.
const MinAllowedCohortUsers = 2

// PrivacyRule is the Rule every global response carries in its Privacy.
const PrivacyRule = "k-anonymity with complementary suppression across ranges"

// Global returns everyone's usage over range r from cells, with the privacy
// rules applied. Every global response goes through Global, so none can
// bypass a rule. The cells are those store.UsageBandCells returns for the
// starts of BandStarts, and generatedAt is reported as Usage.GeneratedAt. k
// is the least number of distinct people a shown figure must come from.
// Global panics when r is not one of shared.Ranges() or a cell's band is
// out of range.
//
// The guarantee: every number the response shows comes from at least k
// distinct people or from nobody. So does every number that addition and
// subtraction derive from the figures of all four ranges over the same
// cells, such as a total minus the listed rows, one range minus another, or
// a provider minus its listed models. Global decides every range at once,
// so the response for r is the same whichever range a client asked for
// first. The range is unavailable, with a message and no figures, when
// fewer than k people have generations in it, or when its total would break
// the guarantee next to the wider ranges' figures.
//
// NOTE: The guarantee covers the figures of one set of cells. Two responses
// computed on different days, or before and after new generations, can
// differ by the activity of fewer than k people, and k-anonymity cannot
// prevent that.
func Global(cells []store.BandCell, r shared.Range, k int, generatedAt time.Time) shared.GlobalUsage {
	ri := rangeIndex(r)
	if ri < 0 {
		panic(fmt.Sprintf("analytics: Global called with invalid range %q", r))
	}

	d := newDataset(cells, k)
	p := makePlan(d)
	rp := p.ranges[ri]

	global := shared.GlobalUsage{
		Available: false,
		Range:     r,
		Cohort: shared.Cohort{
			UniqueUsers:      int64(d.rangePeople[measureGenerations][ri]),
			MinUsersRequired: int64(k),
		},
		Privacy: shared.Privacy{K: int64(k), Rule: PrivacyRule},
	}
	switch {
	case !rp.gatePassed:
		global.Message = notEnoughPeopleMessage(r, global.Cohort)
		return global
	case !rp.available:
		global.Message = withheldRangeMessage(r, k)
		return global
	}

	usage, suppressed := p.usage(ri, r, generatedAt)
	global.Available = true
	global.Suppressed = &suppressed
	global.Usage = &usage
	return global
}

// usage returns the figures of range index ri as its plan decided them, and
// how many groups of each kind it folds into Other.
func (p *plan) usage(ri int, r shared.Range, generatedAt time.Time) (shared.Usage, shared.Suppressed) {
	d := p.d
	rp := p.ranges[ri]

	usage := emptyUsage(r, generatedAt)
	var lists [kindCount]struct{ named, other []bucket }
	var suppressed [kindCount]int
	for kind := range kindCount {
		for i, name := range d.names[kind] {
			g := group{kind: kind, index: i}
			b := bucket{name: name, count: d.groupCount(g, measureGenerations, ri)}
			if b.count == 0 {
				continue
			}
			if rp.named[kind][i] {
				lists[kind].named = append(lists[kind].named, b)
				continue
			}
			lists[kind].other = append(lists[kind].other, b)
			suppressed[kind]++
		}
		sortBuckets(lists[kind].named)
		sortBuckets(lists[kind].other)
	}
	for _, b := range lists[kindModel].named {
		usage.TotalGenerations += b.count
	}
	for _, b := range lists[kindModel].other {
		usage.TotalGenerations += b.count
	}

	for _, ms := range []measure{measureImages, measureVideos} {
		if !rp.show[ms] {
			continue
		}
		var n int64
		for m := range d.models {
			for b := 0; b <= ri; b++ {
				n += d.atom(m, b).counts[ms]
			}
		}
		if ms == measureImages {
			usage.TotalImages = &n
		} else {
			usage.TotalVideos = &n
		}
	}

	// Models beyond MaxNamedModels join Other only to keep the list short,
	// so they do not count as suppressed.
	models := lists[kindModel]
	if len(models.named) > MaxNamedModels {
		models.other = append(models.other, models.named[MaxNamedModels:]...)
		models.named = models.named[:MaxNamedModels]
		sortBuckets(models.other)
	}
	infos := make(map[string]modelInfo, len(d.models))
	for _, m := range d.models {
		infos[m.id] = m
	}
	usage.TopModels = modelShares(models.named, models.other, infos, usage.TotalGenerations)
	usage.ByProvider = providerShares(lists[kindProvider].named, lists[kindProvider].other, usage.TotalGenerations)
	usage.ByType = typeShares(lists[kindType].named, lists[kindType].other, usage.TotalGenerations)

	return usage, shared.Suppressed{
		Models:    suppressed[kindModel],
		Providers: suppressed[kindProvider],
		Types:     suppressed[kindType],
	}
}

// describeRange returns how messages name r, as in "the last 7 days".
func describeRange(r shared.Range) string {
	if r == shared.RangeAll {
		return "all time"
	}
	return fmt.Sprintf("the last %d days", r.Days())
}

func notEnoughPeopleMessage(r shared.Range, c shared.Cohort) string {
	if r == shared.RangeAll {
		return fmt.Sprintf("Global figures appear once at least %d people have generated. So far %d have.",
			c.MinUsersRequired, c.UniqueUsers)
	}
	return fmt.Sprintf("Global figures for %s appear once at least %d people have generated in them. So far %d have.",
		describeRange(r), c.MinUsersRequired, c.UniqueUsers)
}

func withheldRangeMessage(r shared.Range, k int) string {
	return fmt.Sprintf("Global figures for %s are withheld: next to the figures of longer ranges, they would reveal the activity of fewer than %d people. Choose a longer range.",
		describeRange(r), k)
}
