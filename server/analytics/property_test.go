package analytics

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"loupe/server/store"
	"loupe/shared"
)

// minHistories is how many random histories TestGlobalPrivacyProperty
// checks when neither -rapid.checks nor RAPID_CHECKS sets a number.
const minHistories = 1000

// propertyNow is the fixed current time of the property test.
var propertyNow = time.Date(2026, 11, 20, 15, 4, 5, 0, time.UTC)

// unregisteredModels are model ids the registry does not list, as retired
// models and typos appear in the platform's data.
var unregisteredModels = []string{
	"legacy-upscaler", "retired-video-x", "sdxl-turbo-old",
	"typo-nano-banan", "beta-motion", "old-image-v1",
}

func (ms measure) String() string {
	return [measureCount]string{"generations", "images", "videos"}[ms]
}

// rawRow is one generation of a random history.
type rawRow struct {
	person int
	model  string
	at     time.Time
	images int
	videos int
}

// history is a random platform history: the raw rows the property is
// checked against.
type history struct {
	k      int
	people int
	models []string
	seed   uint64
	rows   []rawRow
}

func (h history) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "k=%d people=%d models=%v seed=%d rows=%d\n", h.k, h.people, h.models, h.seed, len(h.rows))
	if len(h.rows) > 300 {
		return b.String()
	}
	for _, r := range h.rows {
		fmt.Fprintf(&b, "  person %d %s %s images=%d videos=%d\n", r.person, r.model, r.at.Format(time.RFC3339), r.images, r.videos)
	}
	return b.String()
}

// drawHistory draws the shape of a history from rapid and its rows from a
// generator seeded by rapid: people with heavy-tailed activity, each active
// over a stretch of the 200 days before propertyNow, on models of
// heavy-tailed popularity.
func drawHistory(t *rapid.T) history {
	h := history{
		k:      rapid.IntRange(2, 6).Draw(t, "k"),
		people: rapid.IntRange(1, 60).Draw(t, "people"),
	}
	var pool []string
	for _, m := range shared.Models() {
		pool = append(pool, m.ID)
	}
	pool = append(pool, unregisteredModels...)
	order := rapid.Permutation(pool).Draw(t, "model order")
	h.models = order[:rapid.IntRange(1, 15).Draw(t, "models")]
	h.seed = rapid.Uint64().Draw(t, "seed")
	rng := rand.New(rand.NewPCG(h.seed, 0x10be))

	unregisteredType := make(map[string]string)
	for _, id := range h.models {
		unregisteredType[id] = []string{"image", "video"}[rng.IntN(2)]
	}

	const days = 200
	for p := range h.people {
		// Activity from 1 to about 300 generations, most people few.
		activity := int(math.Exp(rng.Float64()*math.Log(300))) + rng.IntN(2)
		used := h.models[:1+min(len(h.models)-1, int(rng.ExpFloat64()*2))]
		if rng.IntN(3) == 0 {
			used = []string{h.models[rng.IntN(len(h.models))]}
		}
		lastDay := rng.IntN(days)
		if rng.IntN(2) == 0 {
			lastDay = int(rng.ExpFloat64() * 8)
		}
		span := 1 + rng.IntN(days)
		for range activity {
			model := used[min(len(used)-1, int(rng.ExpFloat64()*1.5))]
			ago := min(days-1, lastDay+rng.IntN(span))
			at := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -ago).
				Add(time.Duration(rng.Int64N(int64(24 * time.Hour))))
			switch rng.IntN(40) {
			case 0:
				at = propertyNow.Add(time.Duration(rng.Int64N(int64(3 * time.Hour))))
			case 1:
				boundary := []int{6, 29, 89}[rng.IntN(3)]
				at = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -boundary)
			}
			r := rawRow{person: p, model: model, at: at}
			kind := unregisteredType[model]
			if m, ok := shared.LookupModel(model); ok {
				kind = string(m.Type)
			}
			for range rng.IntN(4) {
				if rng.IntN(10) == 0 {
					kind = []string{"image", "video"}[rng.IntN(2)]
				}
				if kind == "video" {
					r.videos++
				} else {
					r.images++
				}
			}
			h.rows = append(h.rows, r)
		}
	}
	return h
}

// testBand returns the band of a generation created at at, by the rule the
// API documents. Band 0 is today in UTC and the six days before, band 1 the
// rest of the 30 days, band 2 the rest of the 90 days, and band 3 everything
// older. A generation dated after now is in band 0.
func testBand(at, now time.Time) int {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case !at.Before(today.AddDate(0, 0, -6)):
		return 0
	case !at.Before(today.AddDate(0, 0, -29)):
		return 1
	case !at.Before(today.AddDate(0, 0, -89)):
		return 2
	default:
		return 3
	}
}

// testCells adds up rows into band cells the way the store's query does.
func testCells(rows []rawRow, now time.Time) []store.BandCell {
	type key struct {
		model  string
		person int
		band   int
	}
	byKey := make(map[key]*store.BandCell)
	var keys []key
	for _, r := range rows {
		k := key{r.model, r.person, testBand(r.at, now)}
		c, ok := byKey[k]
		if !ok {
			c = &store.BandCell{UsageCell: store.UsageCell{ModelID: r.model, UserID: "person-" + strconv.Itoa(r.person)}, Band: k.band}
			byKey[k] = c
			keys = append(keys, k)
		}
		c.Generations++
		c.Images += int64(r.images)
		c.Videos += int64(r.videos)
	}
	cells := make([]store.BandCell, len(keys))
	for i, k := range keys {
		cells[i] = *byKey[k]
	}
	return cells
}

// facts answers questions about a history straight from its raw rows.
type facts struct {
	h         history
	band      []int
	provider  map[string]string
	mediaType map[string]string
}

func newFacts(h history, now time.Time) *facts {
	f := &facts{h: h, provider: make(map[string]string), mediaType: make(map[string]string)}
	images := make(map[string]int)
	videos := make(map[string]int)
	for _, r := range h.rows {
		f.band = append(f.band, testBand(r.at, now))
		images[r.model] += r.images
		videos[r.model] += r.videos
	}
	for _, id := range h.models {
		f.provider[id] = "Unknown"
		f.mediaType[id] = "image"
		if videos[id] > images[id] {
			f.mediaType[id] = "video"
		}
		if m, ok := shared.LookupModel(id); ok {
			f.provider[id] = m.Provider
			f.mediaType[id] = string(m.Type)
		}
	}
	return f
}

// selection picks rows: those in bands from bandLow+1 to bandHigh whose model
// passes the model filter. bandLow -1 starts at band 0.
type selection struct {
	bandLow, bandHigh int
	model             func(string) bool
}

func (f *facts) match(i int, s selection) bool {
	b := f.band[i]
	return b > s.bandLow && b <= s.bandHigh && (s.model == nil || s.model(f.h.rows[i].model))
}

// count returns the sum of measure ms over the selected rows and the number
// of distinct people with a non-zero count of it.
func (f *facts) count(s selection, ms measure) (sum int64, people int) {
	seen := make(map[int]bool)
	for i, r := range f.h.rows {
		if !f.match(i, s) {
			continue
		}
		n := [measureCount]int{1, r.images, r.videos}[ms]
		if n == 0 {
			continue
		}
		sum += int64(n)
		seen[r.person] = true
	}
	return sum, len(seen)
}

func inRange(ri int) selection { return selection{bandLow: -1, bandHigh: ri} }

func (s selection) onModels(pred func(string) bool) selection {
	s.model = pred
	return s
}

// rapidChecksAtLeast raises rapid's number of checks to n for the calling
// test, unless -rapid.checks or RAPID_CHECKS sets it.
func rapidChecksAtLeast(t *testing.T, n int) {
	set := false
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "rapid.checks" {
			set = true
		}
	})
	if _, ok := os.LookupEnv("RAPID_CHECKS"); ok || set {
		return
	}
	previous := flag.Lookup("rapid.checks").Value.String()
	if err := flag.Set("rapid.checks", strconv.Itoa(n)); err != nil {
		t.Fatalf("set -rapid.checks: %v", err)
	}
	t.Cleanup(func() { _ = flag.Set("rapid.checks", previous) })
}

// oracleRuns counts the histories whose exact check finished, and
// oracleSkips those where it gave up at its budget.
var oracleRuns, oracleSkips atomic.Int64

// TestGlobalPrivacyProperty checks the privacy guarantee of Global on random
// histories by brute force against their raw rows.
func TestGlobalPrivacyProperty(t *testing.T) {
	rapidChecksAtLeast(t, minHistories)
	oracleRuns.Store(0)
	oracleSkips.Store(0)

	rapid.Check(t, func(rt *rapid.T) {
		h := drawHistory(rt)
		cells := testCells(h.rows, propertyNow)
		f := newFacts(h, propertyNow)

		responses := make([]shared.GlobalUsage, bandCount)
		for ri, r := range shared.Ranges() {
			responses[ri] = Global(cells, r, h.k, propertyNow)
		}
		// Asking for the ranges in the opposite order gives the same responses.
		for ri := bandCount - 1; ri >= 0; ri-- {
			r := shared.Ranges()[ri]
			again, _ := json.Marshal(Global(cells, r, h.k, propertyNow))
			first, _ := json.Marshal(responses[ri])
			if string(again) != string(first) {
				rt.Fatalf("Global(%s) differs between two calls on the same cells: %s, then %s\nhistory: %v", r, first, again, h)
			}
		}

		for ri := range responses {
			checkResponse(rt, f, ri, responses[ri])
		}
		checkRangePairs(rt, f, responses)
		checkExact(rt, f, responses)
	})

	t.Logf("exact check finished on %d histories and gave up on %d", oracleRuns.Load(), oracleSkips.Load())
	if oracleRuns.Load() < 10*oracleSkips.Load() {
		t.Errorf("exact check gave up on %d histories of %d; want under a tenth", oracleSkips.Load(), oracleRuns.Load()+oracleSkips.Load())
	}
}

// checkResponse checks one range's response against the raw rows: its
// cohort, that every figure is exact, and that every named row, Other row
// and total comes from at least k people.
func checkResponse(t *rapid.T, f *facts, ri int, g shared.GlobalUsage) {
	k := f.h.k
	r := shared.Ranges()[ri]
	_, people := f.count(inRange(ri), measureGenerations)
	if g.Range != r {
		t.Fatalf("Global(%s).Range = %q", r, g.Range)
	}
	if g.Cohort.UniqueUsers != int64(people) {
		t.Fatalf("Global(%s).Cohort.UniqueUsers = %d; want %d", r, g.Cohort.UniqueUsers, people)
	}
	if g.Privacy.K != int64(k) {
		t.Fatalf("Global(%s).Privacy.K = %d; want %d", r, g.Privacy.K, k)
	}
	if !g.Available {
		if g.Usage != nil || g.Suppressed != nil || g.Message == "" {
			t.Fatalf("Global(%s) is unavailable but carries figures or no message: %+v", r, g)
		}
		return
	}
	if people < k {
		t.Fatalf("Global(%s) is available with %d people; k = %d", r, people, k)
	}
	if g.Range != g.Usage.Range {
		t.Fatalf("Global(%s).Usage.Range = %q", r, g.Usage.Range)
	}

	total, _ := f.count(inRange(ri), measureGenerations)
	if g.TotalGenerations != total {
		t.Fatalf("Global(%s).TotalGenerations = %d; want %d", r, g.TotalGenerations, total)
	}
	for _, mt := range []struct {
		ms    measure
		shown *int64
	}{{measureImages, g.TotalImages}, {measureVideos, g.TotalVideos}} {
		if mt.shown == nil {
			continue
		}
		sum, people := f.count(inRange(ri), mt.ms)
		if *mt.shown != sum || people < k {
			t.Fatalf("Global(%s) shows a total of measure %s of %d from %d people; want %d from at least %d", r, mt.ms, *mt.shown, people, sum, k)
		}
	}

	lists := []struct {
		name string
		of   func(model string) string
		rows []listRow
	}{
		{"topModels", func(m string) string { return m }, modelRows(g.TopModels)},
		{"byProvider", func(m string) string { return f.provider[m] }, providerRows(g.ByProvider)},
		{"byType", func(m string) string { return f.mediaType[m] }, typeRows(g.ByType)},
	}
	for _, list := range lists {
		named := make(map[string]bool)
		var sum int64
		var tenths int64
		for _, row := range list.rows {
			sum += row.count
			tenths += int64(math.Round(row.percentage * 10))
			if row.other {
				continue
			}
			named[row.name] = true
			want, people := f.count(inRange(ri).onModels(func(m string) bool { return list.of(m) == row.name }), measureGenerations)
			if row.count != want || people < k {
				t.Fatalf("Global(%s).%s row %q: count %d from %d people; want %d from at least %d", r, list.name, row.name, row.count, people, want, k)
			}
		}
		if sum != total {
			t.Fatalf("Global(%s).%s counts add up to %d; want %d", r, list.name, sum, total)
		}
		if tenths != 1000 {
			t.Fatalf("Global(%s).%s percentages add up to %.1f; want 100", r, list.name, float64(tenths)/10)
		}
		for _, row := range list.rows {
			if !row.other {
				continue
			}
			want, people := f.count(inRange(ri).onModels(func(m string) bool { return !named[list.of(m)] }), measureGenerations)
			if row.count != want || people < k {
				t.Fatalf("Global(%s).%s Other row: count %d from %d people; want %d from at least %d", r, list.name, row.count, people, want, k)
			}
		}
	}
}

// listRow is a row of any of the three lists.
type listRow struct {
	name       string
	count      int64
	percentage float64
	other      bool
}

func modelRows(rows []shared.ModelShare) []listRow {
	var out []listRow
	for _, r := range rows {
		out = append(out, listRow{r.ModelID, r.Count, r.Percentage, r.Other})
	}
	return out
}

func providerRows(rows []shared.ProviderShare) []listRow {
	var out []listRow
	for _, r := range rows {
		out = append(out, listRow{r.Provider, r.Count, r.Percentage, r.Other})
	}
	return out
}

func typeRows(rows []shared.TypeShare) []listRow {
	var out []listRow
	for _, r := range rows {
		out = append(out, listRow{string(r.Type), r.Count, r.Percentage, r.Other})
	}
	return out
}

// checkRangePairs checks that for every two available ranges, the
// difference of every total shown in both, and of every row named in both,
// comes from no one or from at least k people.
func checkRangePairs(t *rapid.T, f *facts, responses []shared.GlobalUsage) {
	k := f.h.k
	for narrow := range responses {
		for wide := narrow + 1; wide < len(responses); wide++ {
			a, b := responses[wide], responses[narrow]
			if !a.Available || !b.Available {
				continue
			}
			between := selection{bandLow: narrow, bandHigh: wide}
			pairs := []struct {
				ms          measure
				shownWide   bool
				shownNarrow bool
			}{
				{measureGenerations, true, true},
				{measureImages, a.TotalImages != nil, b.TotalImages != nil},
				{measureVideos, a.TotalVideos != nil, b.TotalVideos != nil},
			}
			for _, p := range pairs {
				if !p.shownWide || !p.shownNarrow {
					continue
				}
				if _, people := f.count(between, p.ms); people > 0 && people < k {
					t.Fatalf("total of measure %s: %s minus %s comes from %d people; k = %d", p.ms, a.Range, b.Range, people, k)
				}
			}

			lists := []struct {
				of           func(string) string
				wide, narrow []listRow
			}{
				{func(m string) string { return m }, modelRows(a.TopModels), modelRows(b.TopModels)},
				{func(m string) string { return f.provider[m] }, providerRows(a.ByProvider), providerRows(b.ByProvider)},
				{func(m string) string { return f.mediaType[m] }, typeRows(a.ByType), typeRows(b.ByType)},
			}
			for _, list := range lists {
				for _, wr := range list.wide {
					for _, nr := range list.narrow {
						if wr.other || nr.other || wr.name != nr.name {
							continue
						}
						_, people := f.count(between.onModels(func(m string) bool { return list.of(m) == wr.name }), measureGenerations)
						if people > 0 && people < k {
							t.Fatalf("row %q: %s minus %s comes from %d people; k = %d", wr.name, a.Range, b.Range, people, k)
						}
					}
				}
			}
		}
	}
}

// checkExact checks the whole guarantee: no number derivable by addition and
// subtraction from all the figures of all ranges comes from 1 to k-1
// people. It works on the raw rows and the responses alone, with linear
// algebra over the figures' sets of atoms, and shares no code with the
// checks Global makes.
func checkExact(t *rapid.T, f *facts, responses []shared.GlobalUsage) {
	for _, ms := range []measure{measureGenerations, measureImages, measureVideos} {
		atoms, revealed := f.revealedSets(responses, ms)
		q, found, gaveUp := findDisclosure(atoms, revealed, f.h.k)
		if gaveUp {
			oracleSkips.Add(1)
			continue
		}
		oracleRuns.Add(1)
		if found {
			t.Fatalf("measure %s: the shown figures determine a number that comes only from people %v, fewer than k = %d", ms, q, f.h.k)
		}
	}
}

// oracleAtom is one model in one band with its people for one measure.
type oracleAtom struct {
	model  string
	band   int
	people []int
}

// revealedSets returns the atoms of measure ms that have data, and for every
// figure of that measure the responses show, the atoms it sums as a
// membership vector.
func (f *facts) revealedSets(responses []shared.GlobalUsage, ms measure) ([]oracleAtom, [][]bool) {
	peopleOf := make(map[[2]string]map[int]bool)
	for i, r := range f.h.rows {
		if [measureCount]int{1, r.images, r.videos}[ms] == 0 {
			continue
		}
		key := [2]string{r.model, strconv.Itoa(f.band[i])}
		if peopleOf[key] == nil {
			peopleOf[key] = make(map[int]bool)
		}
		peopleOf[key][r.person] = true
	}
	var atoms []oracleAtom
	for key, set := range peopleOf {
		band, _ := strconv.Atoi(key[1])
		a := oracleAtom{model: key[0], band: band}
		for p := range set {
			a.people = append(a.people, p)
		}
		sort.Ints(a.people)
		atoms = append(atoms, a)
	}
	sort.Slice(atoms, func(i, j int) bool {
		if atoms[i].model != atoms[j].model {
			return atoms[i].model < atoms[j].model
		}
		return atoms[i].band < atoms[j].band
	})

	var revealed [][]bool
	add := func(ri int, pred func(string) bool) {
		v := make([]bool, len(atoms))
		for i, a := range atoms {
			v[i] = a.band <= ri && pred(a.model)
		}
		revealed = append(revealed, v)
	}
	all := func(string) bool { return true }
	for ri, g := range responses {
		if !g.Available {
			continue
		}
		switch ms {
		case measureImages:
			if g.TotalImages != nil {
				add(ri, all)
			}
			continue
		case measureVideos:
			if g.TotalVideos != nil {
				add(ri, all)
			}
			continue
		}
		add(ri, all)
		for _, row := range modelRows(g.TopModels) {
			if !row.other {
				add(ri, func(m string) bool { return m == row.name })
			}
		}
		for _, row := range providerRows(g.ByProvider) {
			if !row.other {
				add(ri, func(m string) bool { return f.provider[m] == row.name })
			}
		}
		for _, row := range typeRows(g.ByType) {
			if !row.other {
				add(ri, func(m string) bool { return f.mediaType[m] == row.name })
			}
		}
	}
	return atoms, revealed
}

// oracleBudget bounds the sets of people findDisclosure tries per measure.
const oracleBudget = 3000

// findDisclosure looks for a set Q of at most k-1 people such that some
// nonzero combination of the revealed vectors is zero on every atom with a
// person outside Q. The number that combination derives comes from people
// in Q alone. It exists exactly when dropping the atoms whose people all lie
// in Q lowers the rank of the matrix of atoms by revealed vectors. The
// search grows Q from the empty set. When Q is not enough, any larger Q that
// is must drop a row of a row basis of the rows Q keeps, so the search tries
// Q plus that row's people for each basis row.
func findDisclosure(atoms []oracleAtom, revealed [][]bool, k int) (q []int, found, gaveUp bool) {
	if len(revealed) == 0 || len(atoms) == 0 {
		return nil, false, false
	}
	rows := make([][]uint64, len(atoms))
	for i := range atoms {
		rows[i] = make([]uint64, len(revealed))
		for j, v := range revealed {
			if v[i] {
				rows[i][j] = 1
			}
		}
	}
	var big, small []int
	for i, a := range atoms {
		if len(a.people) >= k {
			big = append(big, i)
		} else {
			small = append(small, i)
		}
	}
	var full echelon
	for i := range atoms {
		full.add(rows[i])
	}
	rank := len(full.rows)
	var always echelon
	for _, i := range big {
		always.add(rows[i])
	}

	visited := map[string]bool{"": true}
	budget := oracleBudget
	var search func(q []int) ([]int, bool, bool)
	search = func(q []int) ([]int, bool, bool) {
		budget--
		if budget < 0 {
			return nil, false, true
		}
		basis := always.clone()
		var independent []int
		for _, i := range small {
			if isSubsetInts(atoms[i].people, q) {
				continue
			}
			if basis.add(rows[i]) {
				independent = append(independent, i)
			}
		}
		if len(basis.rows) < rank {
			return q, true, false
		}
		for _, i := range independent {
			next := unionInts(q, atoms[i].people)
			if len(next) >= k {
				continue
			}
			key := fmt.Sprint(next)
			if visited[key] {
				continue
			}
			visited[key] = true
			if found, ok, gave := search(next); ok || gave {
				return found, ok, gave
			}
		}
		return nil, false, false
	}
	q, found, gaveUp = search(nil)
	return q, found, gaveUp
}

func isSubsetInts(a, b []int) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

func unionInts(a, b []int) []int {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	sort.Ints(out)
	return out
}

// modulus is the prime 2^61-1. Ranks computed modulo it equal the ranks over
// the rationals unless it divides a nonzero minor of the matrix, which
// would then be at least 2^61 in size.
const modulus = 1<<61 - 1

func mulMod(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	// a*b = hi*2^64 + lo, and 2^61 is 1 modulo the modulus.
	r := (lo & modulus) + (lo >> 61) + (hi << 3)
	for r >= modulus {
		r -= modulus
	}
	return r
}

func subMod(a, b uint64) uint64 {
	if a >= b {
		return a - b
	}
	return a + modulus - b
}

func invMod(a uint64) uint64 {
	result, base, e := uint64(1), a, uint64(modulus-2)
	for e > 0 {
		if e&1 == 1 {
			result = mulMod(result, base)
		}
		base = mulMod(base, base)
		e >>= 1
	}
	return result
}

// echelon is a row basis modulo the modulus in echelon form. Row i has a 1
// in column pivots[i], zeros left of it, and zeros in the pivot columns of
// the rows before it.
type echelon struct {
	rows   [][]uint64
	pivots []int
}

func (e *echelon) clone() echelon {
	return echelon{rows: slices.Clone(e.rows), pivots: slices.Clone(e.pivots)}
}

// add reduces row against the basis and keeps it when it is independent,
// reporting whether it was.
func (e *echelon) add(row []uint64) bool {
	r := slices.Clone(row)
	for i, p := range e.pivots {
		if r[p] != 0 {
			factor := r[p]
			for j := range r {
				r[j] = subMod(r[j], mulMod(factor, e.rows[i][j]))
			}
		}
	}
	for j, x := range r {
		if x != 0 {
			inv := invMod(x)
			for c := range r {
				r[c] = mulMod(r[c], inv)
			}
			e.rows = append(e.rows, r)
			e.pivots = append(e.pivots, j)
			return true
		}
	}
	return false
}

func TestFindDisclosureOracle(t *testing.T) {
	// Atoms: model X in bands 0 and 1, model Y in bands 0 and 1, one person
	// each. Shown: the 7-day total, X and Y over both bands, and the total.
	atoms := []oracleAtom{
		{model: "x", band: 0, people: []int{1}},
		{model: "x", band: 1, people: []int{2}},
		{model: "y", band: 0, people: []int{3}},
		{model: "y", band: 1, people: []int{4}},
	}
	crossing := [][]bool{
		{true, false, true, false},
		{true, true, false, false},
		{false, false, true, true},
		{true, true, true, true},
	}
	tests := []struct {
		name     string
		revealed [][]bool
		k        int
		found    bool
	}{
		// Every number these figures determine spans two atoms.
		{name: "crossing ranges, k 2", revealed: crossing, k: 2, found: false},
		{name: "crossing ranges, k 3", revealed: crossing, k: 3, found: true},
		// X named in both ranges shows its band 1 alone.
		{name: "named in both ranges", revealed: append(slices.Clone(crossing), []bool{true, false, false, false}), k: 2, found: true},
		{name: "nothing shown", revealed: nil, k: 2, found: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, found, gaveUp := findDisclosure(atoms, tt.revealed, tt.k)
			assert.False(t, gaveUp, "findDisclosure gave up")
			assert.Equal(t, tt.found, found, "findDisclosure found a disclosure")
		})
	}
}
