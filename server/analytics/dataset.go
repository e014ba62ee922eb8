package analytics

import (
	"fmt"
	"sort"
	"time"

	"loupe/server/store"
	"loupe/shared"
)

// bandCount is how many bands the ranges split time into: one per range.
// Band 0 is the narrowest range, and band i holds the days of range i that
// range i-1 does not cover, so range i is the union of bands 0 to i.
var bandCount = len(shared.Ranges())

// BandStarts returns the band starts to give store.UsageBandCells at the
// time now, so that the cells' Band is the band defined above: the start of
// every range but the widest, from the narrowest to the widest.
func BandStarts(now time.Time) []time.Time {
	ranges := shared.Ranges()
	starts := make([]time.Time, 0, len(ranges)-1)
	for _, r := range ranges[:len(ranges)-1] {
		starts = append(starts, r.Start(now))
	}
	return starts
}

// rangeIndex returns the index of r in shared.Ranges(), which is also the
// widest band r covers, or -1 when r is not a valid range.
func rangeIndex(r shared.Range) int {
	for i, candidate := range shared.Ranges() {
		if candidate == r {
			return i
		}
	}
	return -1
}

// measure is the quantity a figure counts.
type measure int

const (
	measureGenerations measure = iota
	measureImages
	measureVideos
	measureCount
)

// groupKind is the list a group of models is shown in.
type groupKind int

const (
	kindModel groupKind = iota
	kindProvider
	kindType
	kindCount
)

// group is a row that global usage can name: one model, one provider or one
// media type, and the models whose generations it counts.
type group struct {
	kind groupKind
	// index is the group's position in its list of dataset.names.
	index int
}

// atom is everyone's activity on one model in one band. Every global figure
// is a sum over atoms.
type atom struct {
	counts [measureCount]int64
	// people lists, for each measure, the people whose count in the atom is
	// not zero, as indexes into the dataset's people. Each appears once.
	people [measureCount][]int32
}

// dataset is the band cells of every person arranged for the privacy rules.
type dataset struct {
	// k is the least number of distinct people a shown figure comes from.
	k int
	// models describes every model id in the cells, sorted by id.
	models []modelInfo
	// names lists each kind's group names in sorted order: model ids,
	// providers, media types.
	names [kindCount][]string
	// members lists each group's models as indexes into models.
	members [kindCount][][]int
	// groupOf gives, for each kind, the group of each model.
	groupOf [kindCount][]int
	// atoms holds the atom of model m and band b at m*bandCount+b.
	atoms []atom
	// rangePeople counts, for each measure and range index, the distinct
	// people with a non-zero count in the range.
	rangePeople [measureCount][]int
	counter     peopleCounter
}

// newDataset arranges cells for the privacy rules. Every cell's Band must be
// from 0 to bandCount-1. A model id the registry does not list gets the media
// type most of its outputs over all time have, so it has the same type in
// every range.
func newDataset(cells []store.BandCell, k int) *dataset {
	d := &dataset{k: k}

	images := make(map[string]int64)
	videos := make(map[string]int64)
	for _, c := range cells {
		if c.Band < 0 || c.Band >= bandCount {
			panic(fmt.Sprintf("analytics: cell of model %q has band %d, outside 0 to %d", c.ModelID, c.Band, bandCount-1))
		}
		images[c.ModelID] += c.Images
		videos[c.ModelID] += c.Videos
	}
	for id := range images {
		d.models = append(d.models, describeModel(id, images[id], videos[id]))
	}
	sort.Slice(d.models, func(i, j int) bool { return d.models[i].id < d.models[j].id })

	modelIndex := make(map[string]int, len(d.models))
	groupNames := [kindCount][]string{}
	for i, m := range d.models {
		modelIndex[m.id] = i
		groupNames[kindModel] = append(groupNames[kindModel], m.id)
		groupNames[kindProvider] = append(groupNames[kindProvider], m.provider)
		groupNames[kindType] = append(groupNames[kindType], string(m.mediaType))
	}
	for kind := range kindCount {
		d.names[kind] = sortedUnique(groupNames[kind])
		index := make(map[string]int, len(d.names[kind]))
		for i, name := range d.names[kind] {
			index[name] = i
		}
		d.members[kind] = make([][]int, len(d.names[kind]))
		d.groupOf[kind] = make([]int, len(d.models))
		for m, name := range groupNames[kind] {
			g := index[name]
			d.groupOf[kind][m] = g
			d.members[kind][g] = append(d.members[kind][g], m)
		}
	}

	personIndex := make(map[string]int32)
	d.atoms = make([]atom, len(d.models)*bandCount)
	var firstBand [measureCount][]int
	for _, c := range cells {
		p, ok := personIndex[c.UserID]
		if !ok {
			p = int32(len(personIndex))
			personIndex[c.UserID] = p
			for ms := range measureCount {
				firstBand[ms] = append(firstBand[ms], bandCount)
			}
		}
		a := &d.atoms[modelIndex[c.ModelID]*bandCount+c.Band]
		for ms, n := range [measureCount]int64{c.Generations, c.Images, c.Videos} {
			if n <= 0 {
				continue
			}
			a.counts[ms] += n
			a.people[ms] = append(a.people[ms], p)
			firstBand[ms][p] = min(firstBand[ms][p], c.Band)
		}
	}

	for ms := range measureCount {
		d.rangePeople[ms] = make([]int, bandCount)
		for _, first := range firstBand[ms] {
			for ri := first; ri < bandCount; ri++ {
				d.rangePeople[ms][ri]++
			}
		}
	}
	d.counter.seen = make([]uint32, len(personIndex))
	return d
}

// atom returns the atom of model m and band b.
func (d *dataset) atom(m, b int) *atom {
	return &d.atoms[m*bandCount+b]
}

// groupCount returns the group's count of ms over range index ri.
func (d *dataset) groupCount(g group, ms measure, ri int) int64 {
	var n int64
	for _, m := range d.members[g.kind][g.index] {
		for b := 0; b <= ri; b++ {
			n += d.atom(m, b).counts[ms]
		}
	}
	return n
}

// groupHasK reports whether at least k distinct people have generations in
// the group over range index ri.
func (d *dataset) groupHasK(g group, ri int) bool {
	d.counter.begin()
	for _, m := range d.members[g.kind][g.index] {
		for b := 0; b <= ri; b++ {
			if d.counter.add(d.atom(m, b).people[measureGenerations], d.k) {
				return true
			}
		}
	}
	return false
}

// sortedUnique returns the distinct values of names in ascending order.
func sortedUnique(names []string) []string {
	seen := make(map[string]bool, len(names))
	var out []string
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// peopleCounter counts distinct people across several lists without
// clearing a set between counts: a person is seen in the current count when
// seen holds the current epoch.
type peopleCounter struct {
	seen  []uint32
	epoch uint32
	// members holds the distinct people added since begin, up to the limit
	// given to add.
	members []int32
}

// begin starts a new count.
func (c *peopleCounter) begin() {
	c.epoch++
	if c.epoch == 0 {
		clear(c.seen)
		c.epoch = 1
	}
	c.members = c.members[:0]
}

// add counts the people of list not yet seen since begin, stopping early
// once limit people are counted, and reports whether that many are.
func (c *peopleCounter) add(list []int32, limit int) bool {
	for _, p := range list {
		if len(c.members) >= limit {
			return true
		}
		if c.seen[p] != c.epoch {
			c.seen[p] = c.epoch
			c.members = append(c.members, p)
		}
	}
	return len(c.members) >= limit
}
