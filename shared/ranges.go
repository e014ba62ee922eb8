package shared

import (
	"fmt"
	"time"
)

// Range is the span of time a usage response covers: whole UTC days ending
// now, or all time.
type Range string

// The ranges the API accepts in its range query parameter.
const (
	// Range7d is today, in UTC, and the six days before it.
	Range7d Range = "7d"
	// Range30d is today and the 29 days before it.
	Range30d Range = "30d"
	// Range90d is today and the 89 days before it.
	Range90d Range = "90d"
	// RangeAll is every generation ever made.
	RangeAll Range = "all"
)

// DefaultRange is the range of a request that names none.
const DefaultRange = RangeAll

// Ranges returns every range from the narrowest to the widest. Each range
// contains all the ranges before it.
func Ranges() []Range {
	return []Range{Range7d, Range30d, Range90d, RangeAll}
}

// RangeNames returns the names of Ranges() as strings, for error messages
// and the Allowed list of an invalid-parameter error.
func RangeNames() []string {
	ranges := Ranges()
	names := make([]string, len(ranges))
	for i, r := range ranges {
		names[i] = string(r)
	}
	return names
}

// ParseRange returns the range named s. An empty s gives DefaultRange. Any
// other name outside Ranges() gives an error.
func ParseRange(s string) (Range, error) {
	if s == "" {
		return DefaultRange, nil
	}
	for _, r := range Ranges() {
		if s == string(r) {
			return r, nil
		}
	}
	return "", fmt.Errorf("invalid range %q: use one of %v", s, RangeNames())
}

// Days returns how many whole days the range covers, counting today, or 0
// for RangeAll and for an invalid range.
func (r Range) Days() int {
	switch r {
	case Range7d:
		return 7
	case Range30d:
		return 30
	case Range90d:
		return 90
	default:
		return 0
	}
}

// Start returns the first instant the range covers when the current time is
// now: midnight UTC, Days()-1 days before now's UTC date. It returns the zero
// time for RangeAll, which has no start.
func (r Range) Start(now time.Time) time.Time {
	days := r.Days()
	if days == 0 {
		return time.Time{}
	}
	y, m, d := now.UTC().Date()
	return time.Date(y, m, d-(days-1), 0, 0, 0, 0, time.UTC)
}
