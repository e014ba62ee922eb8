// Package demo fills an empty Loupe database with a made-up but realistic
// history of a studio's generations, so the dashboard can be tried without
// the platform's data.
package demo

import (
	"context"
	"errors"
	"fmt"
	mathrand "math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"loupe/server/auth"
	"loupe/server/store"
	"loupe/shared"
)

// Defaults and limits of Options.
const (
	DefaultSeed        = 1
	DefaultPeople      = 16
	DefaultDays        = 90
	DefaultGenerations = 6000

	MinPeople = 2
	MinDays   = 14
	MaxDays   = 3660
	// MinGenerationsPerPerson keeps enough generations for every model of
	// the registry to appear.
	MinGenerationsPerPerson = 20
	MaxGenerations          = 1_000_000
)

// Options sets the size and the randomness of the demo history. Zero values
// select the defaults.
type Options struct {
	// Seed selects the history. The same seed and the same UTC day of End
	// give the same rows, ids included. Zero means DefaultSeed.
	Seed int64
	// End sets the last day of the history, taken in UTC. The zero time
	// means time.Now().
	End time.Time
	// People is the number of profiles, each with an account, from MinPeople
	// to the size of the built-in team of 24. Zero means DefaultPeople.
	People int
	// Days is the length of the history in whole UTC days, from MinDays to
	// MaxDays. Zero means DefaultDays.
	Days int
	// Generations is the exact number of generations, at least
	// MinGenerationsPerPerson times People and at most MaxGenerations. Zero
	// means DefaultGenerations.
	Generations int
}

// Account is a demo account that can sign in.
type Account struct {
	Email string
	// Password is random for every Load and stored only as a hash, so the
	// caller must show it now or lose it.
	Password    string
	DisplayName string
	Admin       bool
	// Generations counts the person's generations. One account has none, so
	// that signing in as it shows the dashboard's empty state.
	Generations int
}

// Result describes what Load inserted.
type Result struct {
	// Accounts lists every demo account, the most active person first.
	Accounts    []Account
	Generations int
	Outputs     int
	Bookmarks   int
}

// ErrNotEmpty is returned, wrapped with what the database holds, when Load
// finds any profile or generation.
var ErrNotEmpty = errors.New("demo data loads only into an empty database")

// batchSize is the number of rows in one INSERT statement. 500 rows keep each
// statement well under PostgreSQL's and SQLite's limits on statement size
// while the round trips stay few.
const batchSize = 500

// pcgStream is the second PCG seed word. It is fixed, so Options.Seed alone
// selects the history.
const pcgStream = 0x4c6f757065 // "Loupe" in ASCII

// Load fills db, which must be migrated and hold no profile and no generation,
// with a history of opts.People people and opts.Generations generations over
// the opts.Days UTC days that end on the day of opts.End. It creates an
// account for every person through auth.Service.AddAccount with a random
// password and returns the passwords in the Result.
//
// All rows are inserted in one transaction, so on error nothing is left
// behind. Load returns an error wrapping ErrNotEmpty when the database
// already has profiles or generations, and an error naming the option when
// opts is out of range.
// The history ends at opts.End: no row is later than it.
func Load(ctx context.Context, db *bun.DB, opts Options) (*Result, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	people, rows, err := plan(opts)
	if err != nil {
		return nil, err
	}
	passwords := make([]string, len(people))
	for i := range passwords {
		if passwords[i], err = newPassword(); err != nil {
			return nil, err
		}
	}

	err = db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := checkEmpty(ctx, tx); err != nil {
			return err
		}
		if err := createAccounts(ctx, tx, people, passwords); err != nil {
			return err
		}
		if err := insertBatches(ctx, tx, "generations", rows.generations); err != nil {
			return err
		}
		if err := insertBatches(ctx, tx, "outputs", rows.outputs); err != nil {
			return err
		}
		return insertBatches(ctx, tx, "bookmarks", rows.bookmarks)
	})
	if err != nil {
		return nil, err
	}

	result := &Result{
		Generations: len(rows.generations),
		Outputs:     len(rows.outputs),
		Bookmarks:   len(rows.bookmarks),
	}
	for i, p := range people {
		result.Accounts = append(result.Accounts, Account{
			Email:       p.email,
			Password:    passwords[i],
			DisplayName: p.displayName,
			Admin:       p.admin,
			Generations: rows.perPerson[p.profileID],
		})
	}
	sort.SliceStable(result.Accounts, func(i, j int) bool {
		a, b := result.Accounts[i], result.Accounts[j]
		if a.Generations != b.Generations {
			return a.Generations > b.Generations
		}
		return a.Email < b.Email
	})
	return result, nil
}

// withDefaults fills in zero options and checks the rest.
func (o Options) withDefaults() (Options, error) {
	if o.Seed == 0 {
		o.Seed = DefaultSeed
	}
	if o.End.IsZero() {
		o.End = time.Now()
	}
	if o.People == 0 {
		o.People = DefaultPeople
	}
	if o.Days == 0 {
		o.Days = DefaultDays
	}
	if o.Generations == 0 {
		o.Generations = DefaultGenerations
	}

	if o.People < MinPeople || o.People > len(roster) {
		return o, fmt.Errorf("invalid number of demo people %d: use %d to %d", o.People, MinPeople, len(roster))
	}
	if o.Days < MinDays || o.Days > MaxDays {
		return o, fmt.Errorf("invalid number of demo days %d: use %d to %d", o.Days, MinDays, MaxDays)
	}
	if least := MinGenerationsPerPerson * o.People; o.Generations < least || o.Generations > MaxGenerations {
		return o, fmt.Errorf("invalid number of demo generations %d for %d people: use %d to %d", o.Generations, o.People, least, MaxGenerations)
	}
	return o, nil
}

// plan draws the whole history from the seed without touching the database.
func plan(opts Options) ([]*person, *history, error) {
	rng := mathrand.New(mathrand.NewPCG(uint64(opts.Seed), pcgStream))
	w := newWindow(rng, opts.End, opts.Days)

	people := planPeople(rng, opts, w)
	assignGenerations(people, w, opts.Generations)

	sessions := planSessions(rng, people, w)
	assignVideo(rng, sessions, opts.Generations, uniform(rng, 0.18, 0.22))

	drafts := draftGenerations(rng, sessions, w)
	ensureCoverage(rng, drafts, w)
	markUnfinished(rng, drafts, w)
	sortDrafts(drafts)

	rows, err := buildRows(rng, drafts, people, w)
	if err != nil {
		return nil, nil, err
	}

	// The plan fills whole UTC days, so moving it back by the rest of the
	// last day makes it end at opts.End, with no row in the future.
	shift := opts.End.UTC().Truncate(time.Millisecond).Sub(w.end)
	rows.shift(shift)
	for _, p := range people {
		p.joined = p.joined.Add(shift)
	}
	return people, rows, nil
}

// checkEmpty returns an error wrapping ErrNotEmpty when db has any profile
// or generation.
func checkEmpty(ctx context.Context, db bun.IDB) error {
	profiles, err := db.NewSelect().Model((*store.Profile)(nil)).Count(ctx)
	if err != nil {
		return fmt.Errorf("count profiles: %w", err)
	}
	generations, err := db.NewSelect().Model((*store.Generation)(nil)).Count(ctx)
	if err != nil {
		return fmt.Errorf("count generations: %w", err)
	}

	var found []string
	if profiles > 0 {
		found = append(found, plural(profiles, "profile"))
	}
	if generations > 0 {
		found = append(found, plural(generations, "generation"))
	}
	if len(found) > 0 {
		return fmt.Errorf("%w, but this one already has %s", ErrNotEmpty, strings.Join(found, " and "))
	}
	return nil
}

func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// createAccounts inserts the people's profiles with their planned ids, then
// adds an account to each through the auth service, so the password hashes
// are exactly the ones sign-in checks.
func createAccounts(ctx context.Context, tx bun.Tx, people []*person, passwords []string) error {
	profiles := make([]store.Profile, len(people))
	for i, p := range people {
		role := shared.RoleUser
		if p.admin {
			role = shared.RoleAdmin
		}
		joined := p.joined.UTC().Truncate(time.Millisecond)
		profiles[i] = store.Profile{
			ID:          p.profileID,
			Username:    &p.username,
			DisplayName: &p.displayName,
			Role:        string(role),
			CreatedAt:   joined,
			UpdatedAt:   joined,
		}
	}
	if err := insertBatches(ctx, tx, "profiles", profiles); err != nil {
		return err
	}

	for i, p := range people {
		// The account takes the profile's creation time, which keeps the
		// rows independent of the clock.
		service := &auth.Service{DB: tx, Now: func() time.Time { return p.joined }}
		_, err := service.AddAccount(ctx, auth.NewAccount{
			Email:     p.email,
			Password:  passwords[i],
			ProfileID: p.profileID,
		})
		if err != nil {
			return fmt.Errorf("add demo account %s: %w", p.email, err)
		}
	}
	return nil
}

// insertBatches inserts rows batchSize at a time.
func insertBatches[T any](ctx context.Context, db bun.IDB, table string, rows []T) error {
	for start := 0; start < len(rows); start += batchSize {
		end := min(start+batchSize, len(rows))
		batch := rows[start:end]
		// Without RETURNING bun reads nothing back, which saves a round of
		// scanning and leaves the rows exactly as planned.
		_, err := db.NewInsert().Model(&batch).Returning("NULL").Exec(ctx)
		if err != nil {
			return fmt.Errorf("insert %s %d to %d of %d: %w", table, start+1, end, len(rows), err)
		}
	}
	return nil
}
