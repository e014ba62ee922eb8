package analytics

import (
	"slices"
	"strconv"
	"strings"
)

// This file decides whether a set of revealed figures is safe, by the
// argument below.
//
// Revealed figures. Every figure global usage shows is the sum of one
// measure (generations, image outputs or video outputs) over a set of atoms,
// an atom being one model in one band. For one measure, the figures of one
// range r are its total and its named models, providers and types. Group
// models by which of those they belong to: these classes partition the
// models, and every figure of r is a sum of class sums over the bands of r.
// So each figure of r lies in the space of vectors that take one value per
// class of r on the bands of r and zero elsewhere. Call V the span of these
// spaces over the available ranges. Every number derivable from the shown
// figures by addition and subtraction is the sum over atoms of x times the
// atom's count, for some x in V. It comes from exactly the people of the
// atoms where x is not zero, the support of x. Safe means that the support
// of every x in V has no people, or at least k.
//
// Nesting. Each range names only groups that every wider available range
// names too, so the classes of a narrower range are unions of classes of a
// wider one, and the classes of all ranges form a forest: the widest range's
// classes are the leaves, and each class's parent is the class of the next
// narrower available range that contains it.
//
// The graph. Let the available ranges be r1 < r2 < ... < rn, and let band
// group Gi be the bands of ri that r(i-1) does not cover. Each vertex is a
// class of some range, or the root. For each leaf class c and each i, one
// edge joins c to its ancestor in range r(i-1), or to the root when i = 1,
// and carries the atoms of c's models in Gi. Write a vector of V through its
// free value u per class and range. Its value on edge (c, Gi) is the sum of
// u over c and c's ancestors in ranges ri to rn. Let potential(c) be the sum
// of u over c and all its ancestors, potential(a) for an inner class a the
// sum over a and its ancestors, and potential(root) zero. Then that value is
// potential(c) - potential(a) for the edge's other end a. So V is exactly
// the space of potential differences of the graph, whose minimal supports
// are its minimal edge cuts. Edges whose atoms have no data are left out:
// a number over them is zero and comes from nobody.
//
// The check. Revealed figures are safe if and only if no nonempty edge cut
// comes from 1 to k-1 people. Equivalently, for every set Q of at most k-1
// people, deleting the edges whose people all lie in Q leaves every
// connected component connected. findSmallCut searches for such a Q. It is
// exact when it finishes within its budget, and reports a violation
// otherwise, which only makes the caller fold more.
//
// Within one range the class space is larger than the span of the range's
// figures when named providers and types cross, so the check can reject a
// safe set there; it never accepts an unsafe one.

// level is one available range's classes of models.
type level struct {
	// rangeIndex is the range's index in shared.Ranges().
	rangeIndex int
	// classOf gives the class of each model of the dataset.
	classOf []int
	classes int
}

// edge joins two vertices of the graph and carries a set of atoms.
type edge struct {
	u, v int
	// big is true when the atoms come from at least k people. Otherwise
	// people lists them, sorted.
	big    bool
	people []int32
}

// maxCutSearchNodes bounds the sets of people findSmallCut tries, as a guard
// against a slow response. The property test's histories need a few dozen
// at most. Past the bound the search reports a violation without a cut.
const maxCutSearchNodes = 20000

// cutResult is the outcome of checking a graph.
type cutResult struct {
	safe bool
	// side, when the check found a violating cut, marks each vertex: 1 on the
	// cut's side S, 2 in the rest of S's connected component, 0 elsewhere. It
	// is nil when the search gave up at maxCutSearchNodes.
	side []int8
}

// checkLevels reports whether the figures of measure ms over levels, sorted
// from the narrowest range to the widest, are safe.
func (d *dataset) checkLevels(levels []level, ms measure) cutResult {
	vertices, edges := d.graph(levels, ms)
	return findSmallCut(vertices, edges, d.k)
}

// graph builds the graph described at the top of this file. Vertex 0 is the
// root, and class c of levels[j] is vertex base[j]+c, where base[0] is 1 and
// each level's vertices follow the previous level's.
func (d *dataset) graph(levels []level, ms measure) (vertices int, edges []edge) {
	n := len(levels)
	base := make([]int, n)
	vertices = 1
	for j, lv := range levels {
		base[j] = vertices
		vertices += lv.classes
	}

	widest := levels[n-1]
	leafModels := make([][]int, widest.classes)
	for m := range d.models {
		c := widest.classOf[m]
		leafModels[c] = append(leafModels[c], m)
	}

	for leaf, models := range leafModels {
		if len(models) == 0 {
			continue
		}
		for j := range n {
			first := 0
			ancestor := 0
			if j > 0 {
				first = levels[j-1].rangeIndex + 1
				ancestor = base[j-1] + levels[j-1].classOf[models[0]]
				for _, m := range models[1:] {
					if levels[j-1].classOf[m] != levels[j-1].classOf[models[0]] {
						panic("analytics: the classes of a narrower range do not contain those of a wider one")
					}
				}
			}
			if e, ok := d.edge(models, first, levels[j].rangeIndex, ms); ok {
				e.u, e.v = base[n-1]+leaf, ancestor
				edges = append(edges, e)
			}
		}
	}
	return vertices, edges
}

// edge returns the people of measure ms in the atoms of models over bands
// first to last, and false when there are none.
func (d *dataset) edge(models []int, first, last int, ms measure) (edge, bool) {
	d.counter.begin()
	for _, m := range models {
		for b := first; b <= last; b++ {
			if d.counter.add(d.atom(m, b).people[ms], d.k) {
				return edge{big: true}, true
			}
		}
	}
	if len(d.counter.members) == 0 {
		return edge{}, false
	}
	people := slices.Clone(d.counter.members)
	slices.Sort(people)
	return edge{people: people}, true
}

// findSmallCut searches the graph for a nonempty edge cut whose edges come
// from fewer than k people in all.
//
// Edges from at least k people can never lie in such a cut, so the vertices
// they join are merged first. The search then starts with Q empty: at a set
// Q it deletes the edges whose people all lie in Q. If that disconnects a
// component, Q is a violation. Otherwise it takes a spanning forest of what
// is left: any larger Q that disconnects must delete one of the forest's
// edges, so it tries Q plus that edge's people for each, while Q stays below
// k people. This finds a violation whenever one exists.
func findSmallCut(vertices int, edges []edge, k int) cutResult {
	merged := newUnionFind(vertices)
	for _, e := range edges {
		if e.big {
			merged.union(e.u, e.v)
		}
	}
	var small []edge
	for _, e := range edges {
		if e.big || merged.find(e.u) == merged.find(e.v) {
			continue
		}
		small = append(small, edge{u: merged.find(e.u), v: merged.find(e.v), people: e.people})
	}
	if len(small) == 0 {
		return cutResult{safe: true}
	}

	full := newUnionFind(vertices)
	joined := 0
	for _, e := range small {
		if full.union(e.u, e.v) {
			joined++
		}
	}

	s := &cutSearch{
		k:       k,
		small:   small,
		joined:  joined,
		visited: make(map[string]bool),
		budget:  maxCutSearchNodes,
		alive:   newUnionFind(vertices),
	}
	found, exhausted := s.search(nil)
	switch {
	case exhausted:
		return cutResult{}
	case found == nil:
		return cutResult{safe: true}
	}

	// found is the union-find of the edges Q leaves. Pick a component of the
	// full graph that Q splits, and one of its pieces as S.
	side := make([]int8, vertices)
	pieceOf := make(map[int]int)
	split := -1
	for v := range vertices {
		root := full.find(merged.find(v))
		piece := found.find(merged.find(v))
		if first, ok := pieceOf[root]; !ok {
			pieceOf[root] = piece
		} else if first != piece && split < 0 {
			split = root
		}
	}
	for v := range vertices {
		if full.find(merged.find(v)) != split {
			continue
		}
		side[v] = 2
		if found.find(merged.find(v)) == pieceOf[split] {
			side[v] = 1
		}
	}
	return cutResult{side: side}
}

// cutSearch is the state of findSmallCut's search.
type cutSearch struct {
	k     int
	small []edge
	// joined is how many unions the small edges make with nothing deleted.
	joined  int
	visited map[string]bool
	budget  int
	alive   *unionFind
}

// search explores q and the larger sets reached from it. It returns the
// union-find of the edges left by a set that disconnects the graph, or nil,
// and whether the budget ran out.
func (s *cutSearch) search(q []int32) (found *unionFind, exhausted bool) {
	s.budget--
	if s.budget < 0 {
		return nil, true
	}

	s.alive.reset()
	var forest []int
	for i, e := range s.small {
		if isSubset(e.people, q) {
			continue
		}
		if s.alive.union(e.u, e.v) {
			forest = append(forest, i)
		}
	}
	if len(forest) < s.joined {
		return s.alive.clone(), false
	}

	for _, i := range forest {
		next := sortedUnion(q, s.small[i].people)
		if len(next) >= s.k {
			continue
		}
		key := peopleKey(next)
		if s.visited[key] {
			continue
		}
		s.visited[key] = true
		if found, exhausted := s.search(next); found != nil || exhausted {
			return found, exhausted
		}
	}
	return nil, false
}

// isSubset reports whether every element of a, sorted, is in b, sorted.
func isSubset(a, b []int32) bool {
	if len(a) > len(b) {
		return false
	}
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) || b[j] != x {
			return false
		}
	}
	return true
}

// sortedUnion returns the sorted union of a and b, both sorted.
func sortedUnion(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

func peopleKey(people []int32) string {
	var b strings.Builder
	for _, p := range people {
		b.WriteString(strconv.Itoa(int(p)))
		b.WriteByte(',')
	}
	return b.String()
}

// unionFind is a disjoint-set forest over the integers 0 to n-1.
type unionFind struct {
	parent []int
}

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n)}
	u.reset()
	return u
}

func (u *unionFind) reset() {
	for i := range u.parent {
		u.parent[i] = i
	}
}

func (u *unionFind) clone() *unionFind {
	return &unionFind{parent: slices.Clone(u.parent)}
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the sets of a and b and reports whether they were apart.
func (u *unionFind) union(a, b int) bool {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return false
	}
	u.parent[ra] = rb
	return true
}
