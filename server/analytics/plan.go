package analytics

import (
	"slices"
	"sort"
)

// rangePlan is the decision on one range: whether it shows figures, and
// which rows it names.
type rangePlan struct {
	// gatePassed is true when at least k distinct people have generations
	// in the range.
	gatePassed bool
	// available is true when the range shows figures. A range that passed
	// the gate is still unavailable when its total, next to the figures of
	// wider ranges, would reveal fewer than k people.
	available bool
	// named marks, for each kind, the groups shown under their own name.
	named [kindCount][]bool
	// show marks the measures whose total is shown. Generations are shown
	// whenever the range is available.
	show [measureCount]bool
}

// plan holds the decisions for every range, made together so that the
// figures of one range never depend on which range was requested.
type plan struct {
	d      *dataset
	ranges []rangePlan
}

// makePlan decides what every range shows. It visits the ranges from the
// widest to the narrowest, so a range never hides a figure to protect a
// narrower one: a narrower range folds, or becomes unavailable, instead.
//
// For each range that passes the gate, it starts from the groups with at
// least k people in the range that every wider available range names too.
// foldUntilSafe then folds groups into Other until checkLevels accepts the
// generation figures of this range and of the wider ones together, or
// makes the range unavailable when no folding can. Image and video totals
// are then shown in each available range, widest first, when at least k
// people made that type there and checkLevels accepts them with the wider
// ranges' shown totals.
func makePlan(d *dataset) *plan {
	p := &plan{d: d, ranges: make([]rangePlan, bandCount)}

	var levels []level // available so far, narrowest first
	var wider *rangePlan
	for ri := bandCount - 1; ri >= 0; ri-- {
		rp := &p.ranges[ri]
		if d.rangePeople[measureGenerations][ri] < d.k {
			continue
		}
		rp.gatePassed = true
		rp.named = d.candidates(ri, wider)

		lv, ok := d.foldUntilSafe(ri, rp.named, levels)
		if !ok {
			rp.named = [kindCount][]bool{}
			continue
		}
		rp.available = true
		rp.show[measureGenerations] = true
		levels = append([]level{lv}, levels...)
		wider = rp
	}

	for _, ms := range []measure{measureImages, measureVideos} {
		var shownLevels []level
		for ri := bandCount - 1; ri >= 0; ri-- {
			rp := &p.ranges[ri]
			if !rp.available || d.rangePeople[ms][ri] < d.k {
				continue
			}
			lv := level{rangeIndex: ri, classOf: make([]int, len(d.models)), classes: 1}
			candidate := append([]level{lv}, shownLevels...)
			if d.checkLevels(candidate, ms).safe {
				rp.show[ms] = true
				shownLevels = candidate
			}
		}
	}
	return p
}

// foldUntilSafe folds groups of named, the groups range index ri names, until
// checkLevels accepts the range's classes with the wider levels, then names
// again, largest count first, each folded group whose return the check still
// accepts: a fold made to break one cut can become needless once a later
// fold breaks it too. It returns the range's final classes, or false when
// the range must become unavailable.
func (d *dataset) foldUntilSafe(ri int, named [kindCount][]bool, wider []level) (level, bool) {
	check := func() (level, cutResult) {
		lv := d.level(ri, named)
		return lv, d.checkLevels(append([]level{lv}, wider...), measureGenerations)
	}

	var folded []group
	for {
		lv, result := check()
		if result.safe {
			break
		}
		g, ok := d.chooseFold(ri, named, lv, result)
		if !ok {
			return level{}, false
		}
		named[g.kind][g.index] = false
		folded = append(folded, g)
	}

	d.sortByCount(folded, ri)
	slices.Reverse(folded)
	for _, g := range folded {
		named[g.kind][g.index] = true
		if _, result := check(); !result.safe {
			named[g.kind][g.index] = false
		}
	}
	lv, _ := check()
	return lv, true
}

// candidates returns the groups range index ri may name before any folding:
// those with at least k people in the range, and, when wider is not nil,
// named by wider.
func (d *dataset) candidates(ri int, wider *rangePlan) [kindCount][]bool {
	var named [kindCount][]bool
	for kind := range kindCount {
		named[kind] = make([]bool, len(d.names[kind]))
		for i := range named[kind] {
			if wider != nil && !wider.named[kind][i] {
				continue
			}
			named[kind][i] = d.groupHasK(group{kind: kind, index: i}, ri)
		}
	}
	return named
}

// level returns the classes of range index ri when it names the groups in
// named: two models share a class when they agree on whether their model,
// their provider and their type are named, and on which ones those are.
func (d *dataset) level(ri int, named [kindCount][]bool) level {
	lv := level{rangeIndex: ri, classOf: make([]int, len(d.models))}
	ids := make(map[[kindCount]int]int)
	for m := range d.models {
		var signature [kindCount]int
		for kind := range kindCount {
			g := d.groupOf[kind][m]
			signature[kind] = -1
			if named[kind][g] {
				signature[kind] = g
			}
		}
		id, ok := ids[signature]
		if !ok {
			id = len(ids)
			ids[signature] = id
		}
		lv.classOf[m] = id
	}
	lv.classes = len(ids)
	return lv
}

// chooseFold returns the group of range index ri to fold next after
// checkLevels rejected lv with result, or false when no folding at this
// range can make it safe. lv must be the narrowest level checked, so its
// class c is vertex 1+c.
//
// A violating cut disappears only when folding merges a class on its side S
// with a class in the rest of S's component. The group chosen is the first,
// in order of count, list and name, whose folding alone makes such a merge.
// Failing that, it is the first in which a class on one side differs from a
// class on the other, because folding every such group makes the merge.
// When no class of lv lies on one of the two sides, folding at this range
// leaves the cut in place, and the range must become unavailable.
func (d *dataset) chooseFold(ri int, named [kindCount][]bool, lv level, result cutResult) (group, bool) {
	candidates := d.foldOrder(ri, named)
	if len(candidates) == 0 {
		return group{}, false
	}
	if result.side == nil {
		return candidates[0], true
	}

	var onSide [3]bool
	for c := range lv.classes {
		onSide[result.side[1+c]] = true
	}
	if !onSide[1] || !onSide[2] {
		return group{}, false
	}

	for _, g := range candidates {
		named[g.kind][g.index] = false
		folded := d.level(ri, named)
		named[g.kind][g.index] = true
		if mergesSides(lv, folded, result.side) {
			return g, true
		}
	}
	for _, g := range candidates {
		if d.separatesSides(g, lv, result.side) {
			return g, true
		}
	}
	return group{}, false
}

// foldOrder returns the groups named in range index ri in the order
// sortByCount gives.
func (d *dataset) foldOrder(ri int, named [kindCount][]bool) []group {
	var groups []group
	for kind := range kindCount {
		for i, isNamed := range named[kind] {
			if isNamed {
				groups = append(groups, group{kind: kind, index: i})
			}
		}
	}
	d.sortByCount(groups, ri)
	return groups
}

// sortByCount sorts groups by their generations in range index ri, smallest
// first, then by list (models, providers, types) and name.
func (d *dataset) sortByCount(groups []group, ri int) {
	counts := make(map[group]int64, len(groups))
	for _, g := range groups {
		counts[g] = d.groupCount(g, measureGenerations, ri)
	}
	sort.Slice(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if counts[a] != counts[b] {
			return counts[a] < counts[b]
		}
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		return d.names[a.kind][a.index] < d.names[b.kind][b.index]
	})
}

// mergesSides reports whether some class of folded contains a class of lv on
// side 1 and one on side 2.
func mergesSides(lv, folded level, side []int8) bool {
	var seen [2][]bool
	seen[0] = make([]bool, folded.classes)
	seen[1] = make([]bool, folded.classes)
	for m, c := range lv.classOf {
		s := side[1+c]
		if s == 0 {
			continue
		}
		f := folded.classOf[m]
		seen[s-1][f] = true
		if seen[0][f] && seen[1][f] {
			return true
		}
	}
	return false
}

// separatesSides reports whether g contains a model of a class of lv on one
// side and not a model of a class on the other side.
func (d *dataset) separatesSides(g group, lv level, side []int8) bool {
	var in, out [3]bool
	for m, c := range lv.classOf {
		s := side[1+c]
		if d.groupOf[g.kind][m] == g.index {
			in[s] = true
		} else {
			out[s] = true
		}
	}
	return (in[1] && out[2]) || (out[1] && in[2])
}
