package demo

import (
	"math"
	mathrand "math/rand/v2"
	"sort"
	"time"

	"loupe/shared"
)

// member is one entry of the roster that demo people are drawn from.
type member struct {
	displayName string
	// local is the part of the email address before the @, and also the
	// profile's username.
	local string
	// utcOffset is the member's time zone in hours east of UTC, ignoring
	// daylight saving time, so that their sessions fall in their own working
	// hours.
	utcOffset float64
}

// roster lists the studio's team. Load draws Options.People of them in an
// order that depends on the seed, so it holds more than the default number.
var roster = []member{
	{"Ana Lima", "ana.lima", -3},
	{"Marcus Okafor", "marcus.okafor", 0},
	{"Priya Raman", "priya.raman", 5.5},
	{"Jonas Berg", "jonas.berg", 1},
	{"Mei Chen", "mei.chen", 8},
	{"Tomás Herrera", "tomas.herrera", -6},
	{"Sofia Rossi", "sofia.rossi", 1},
	{"Kwame Mensah", "kwame.mensah", 0},
	{"Hannah Vogel", "hannah.vogel", 1},
	{"Yuki Tanaka", "yuki.tanaka", 9},
	{"Daniel Cohen", "daniel.cohen", -5},
	{"Amara Nwosu", "amara.nwosu", 1},
	{"Lucas Moreau", "lucas.moreau", 1},
	{"Isabel Ortega", "isabel.ortega", 1},
	{"Ravi Patel", "ravi.patel", -8},
	{"Elif Demir", "elif.demir", 3},
	{"Noah Fischer", "noah.fischer", 1},
	{"Camille Laurent", "camille.laurent", 1},
	{"Mateo García", "mateo.garcia", -3},
	{"Freya Lindqvist", "freya.lindqvist", 1},
	{"Ji-woo Park", "jiwoo.park", 9},
	{"Olivia Brennan", "olivia.brennan", -5},
	{"Samir Haddad", "samir.haddad", 2},
	{"Zanele Dlamini", "zanele.dlamini", 2},
}

// emailDomain is reserved for examples by RFC 2606, so no demo address can
// reach a real mailbox.
const emailDomain = "example.com"

// person is one planned profile with the habits that shape their history.
type person struct {
	displayName string
	email       string
	username    string
	admin       bool
	profileID   string
	utcOffset   time.Duration

	// joined is when the profile was created. People who join during the
	// history generate nothing before it.
	joined time.Time
	// firstDay is the index of the first day of the history that they can
	// generate on.
	firstDay int
	// breakFrom and breakTo bound a holiday, [breakFrom, breakTo) in day
	// indexes, with no generations. They are equal when there is none.
	breakFrom, breakTo int

	// activity is the person's relative rate of generations per active day.
	activity float64
	// videoShare is the chance that one of their sessions uses a video model.
	videoShare float64
	// imageModels and videoModels are the person's favourite models, the
	// first the most used.
	imageModels []string
	videoModels []string
	// usesRetired marks someone who still ran the retired model while it was
	// offered.
	usesRetired bool

	// generations is the number of generations planned for them.
	generations int
}

// activityExponent shapes the heavy tail: the person of activity rank r
// generates at a rate of about r^-activityExponent. With 1.5 and the default
// options the top person makes about half of all generations and the median
// person about 2%.
const activityExponent = 1.5

// planPeople draws opts.People members and gives each the habits that shape
// their history. The result is ordered by activity rank, so the first person
// is the most active and the last generates nothing.
func planPeople(rng *mathrand.Rand, opts Options, w *window) []*person {
	order := rng.Perm(len(roster))
	people := make([]*person, opts.People)

	// The least active quarter of the active people joined during the
	// history, after the first third of it, and so have only a few
	// generations. The person ranked last joined in its final days and
	// has none yet, which shows the empty state.
	lateJoiners := max(1, (opts.People-1)/4)
	firstLate := opts.People - 1 - lateJoiners
	adminRank := min(2, opts.People-2)

	for rank := range people {
		m := roster[order[rank]]
		p := &person{
			displayName: m.displayName,
			email:       m.local + "@" + emailDomain,
			username:    m.local,
			admin:       rank == adminRank,
			profileID:   newUUID(rng),
			utcOffset:   time.Duration(m.utcOffset * float64(time.Hour)),
			activity:    math.Pow(float64(rank+1), -activityExponent) * uniform(rng, 0.85, 1.15),
			videoShare:  uniform(rng, 0.1, 0.45),
		}

		switch {
		case rank == opts.People-1:
			day := w.days - 1 - rng.IntN(min(5, w.days))
			p.joined = p.localTime(w.dayStart(day), uniform(rng, 9, 17))
			p.activity = 0
		case rank >= firstLate:
			day := w.days/3 + rng.IntN(max(1, w.days-8-w.days/3))
			p.joined = p.localTime(w.dayStart(day), uniform(rng, 9, 17))
		default:
			daysBefore := 20 + rng.IntN(380)
			p.joined = p.localTime(w.dayStart(-daysBefore), uniform(rng, 9, 17))
		}
		p.joined = clampTime(p.joined, w.start.Add(-400*24*time.Hour), w.end.Add(-time.Hour))
		p.firstDay = max(0, w.dayIndex(p.joined))

		// Half of the people who were there for most of the history take a
		// holiday of 5 to 14 days, which shows as a gap in their usage.
		if active := w.days - p.firstDay; active >= 40 && chance(rng, 0.5) {
			length := 5 + rng.IntN(10)
			p.breakFrom = p.firstDay + rng.IntN(active-length-3)
			p.breakTo = p.breakFrom + length
		}

		p.imageModels = favouriteModels(rng, shared.Image, 2+rng.IntN(2))
		p.videoModels = favouriteModels(rng, shared.Video, 1+rng.IntN(2))
		p.usesRetired = p.firstDay == 0 && chance(rng, 0.6)
		people[rank] = p
	}

	// Two people outside the top three work on stills only.
	if opts.People > 5 {
		for _, rank := range rng.Perm(opts.People - 4)[:2] {
			people[rank+3].videoShare = 0
		}
	}
	return people
}

// localTime returns the instant at hour (possibly fractional) of the
// person's local day that starts at the UTC midnight day.
func (p *person) localTime(day time.Time, hour float64) time.Time {
	return day.Add(time.Duration(hour*float64(time.Hour)) - p.utcOffset)
}

// onBreak reports whether day is inside the person's holiday.
func (p *person) onBreak(day int) bool {
	return day >= p.breakFrom && day < p.breakTo
}

// favouriteModels draws n distinct registry models of one media type, each
// as likely as its popularity, most used first. The backup route of a model
// is never a favourite, because people reach it only when the main route
// fails.
func favouriteModels(rng *mathrand.Rand, media shared.MediaType, n int) []string {
	var ids []string
	var weights []float64
	for _, m := range shared.Models() {
		t := traitsOf(m.ID)
		if m.Type != media || t.backupFor != "" {
			continue
		}
		ids = append(ids, m.ID)
		weights = append(weights, t.popularity)
	}

	var chosen []string
	for len(chosen) < n && len(ids) > 0 {
		i := pickWeighted(rng, weights)
		chosen = append(chosen, ids[i])
		ids = append(ids[:i], ids[i+1:]...)
		weights = append(weights[:i], weights[i+1:]...)
	}
	return chosen
}

// assignGenerations splits total generations among people in proportion to
// their activity and to the weight of the days they could generate on.
// Everyone but the last person gets at least one, and the counts add up to
// total exactly.
func assignGenerations(people []*person, w *window, total int) {
	shares := make([]float64, len(people))
	sum := 0.0
	for i, p := range people {
		if p.activity == 0 {
			continue
		}
		days := w.weights.sum(p.firstDay, w.days) - w.weights.sum(p.breakFrom, p.breakTo)
		shares[i] = p.activity * days
		sum += shares[i]
	}

	// Each active person gets one generation first. The rest goes by the
	// largest remainder method, so rounding never changes the total.
	rest := total
	for i, p := range people {
		if shares[i] > 0 {
			p.generations = 1
			rest--
		}
	}
	remainders := make([]float64, len(people))
	assigned := 0
	for i, p := range people {
		if shares[i] == 0 {
			continue
		}
		exact := float64(rest) * shares[i] / sum
		whole := int(exact)
		p.generations += whole
		assigned += whole
		remainders[i] = exact - float64(whole)
	}
	byRemainder := make([]int, len(people))
	for i := range byRemainder {
		byRemainder[i] = i
	}
	sort.SliceStable(byRemainder, func(a, b int) bool {
		return remainders[byRemainder[a]] > remainders[byRemainder[b]]
	})
	for _, i := range byRemainder[:rest-assigned] {
		people[i].generations++
	}
}
