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

// Global returns everyone's usage from cells, with the privacy rules applied.
// Every rule lives here, so a global response cannot bypass any of them. k is
// the least number of distinct people a shown figure must come from.
func Global(cells []store.UsageCell, k int, generatedAt time.Time) shared.GlobalUsage {
	cohort := shared.Cohort{
		UniqueUsers:      int64(countPeople(cells)),
		MinUsersRequired: int64(k),
	}
	if cohort.UniqueUsers < cohort.MinUsersRequired {
		return shared.GlobalUsage{
			Available: false,
			Cohort:    cohort,
			Message:   notEnoughPeopleMessage(cohort),
		}
	}

	usage := Summarize(cells, generatedAt)
	return shared.GlobalUsage{
		Available: true,
		Cohort:    cohort,
		Usage:     &usage,
	}
}

// countPeople returns how many distinct people made the generations in cells.
func countPeople(cells []store.UsageCell) int {
	people := make(map[string]struct{})
	for _, c := range cells {
		if c.Generations > 0 {
			people[c.UserID] = struct{}{}
		}
	}
	return len(people)
}

func notEnoughPeopleMessage(c shared.Cohort) string {
	return fmt.Sprintf("Global figures appear once at least %d people have generated. So far %d have.",
		c.MinUsersRequired, c.UniqueUsers)
}
