package demo

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"math"
	mathrand "math/rand/v2"
	"sort"

	"github.com/google/uuid"
)

// newUUID returns a version 4 UUID whose random bits come from rng, so that
// the same seed yields the same ids.
func newUUID(rng *mathrand.Rand) string {
	var b uuid.UUID
	binary.LittleEndian.PutUint64(b[:8], rng.Uint64())
	binary.LittleEndian.PutUint64(b[8:], rng.Uint64())
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 9562 variant
	return b.String()
}

// uniform returns a number drawn evenly from [lo, hi).
func uniform(rng *mathrand.Rand, lo, hi float64) float64 {
	return lo + rng.Float64()*(hi-lo)
}

// chance returns true with probability p.
func chance(rng *mathrand.Rand, p float64) bool {
	return rng.Float64() < p
}

// pick returns one element of items, each equally likely.
func pick[T any](rng *mathrand.Rand, items []T) T {
	return items[rng.IntN(len(items))]
}

// pickWeighted returns an index into weights, each index as likely as its
// weight. The weights must not be negative and must not all be zero.
func pickWeighted(rng *mathrand.Rand, weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	u := rng.Float64() * total
	for i, w := range weights {
		if u < w {
			return i
		}
		u -= w
	}
	// Rounding can leave u just above the last weight.
	for i := len(weights) - 1; i >= 0; i-- {
		if weights[i] > 0 {
			return i
		}
	}
	return len(weights) - 1
}

// cumulative holds running sums of weights, for drawing an index in a range
// of them in logarithmic time.
type cumulative []float64

func newCumulative(weights []float64) cumulative {
	sums := make(cumulative, len(weights)+1)
	for i, w := range weights {
		sums[i+1] = sums[i] + w
	}
	return sums
}

// sum returns the total weight of the indexes in [from, to).
func (c cumulative) sum(from, to int) float64 {
	return c[to] - c[from]
}

// draw returns an index in [from, to), each as likely as its weight.
func (c cumulative) draw(rng *mathrand.Rand, from, to int) int {
	u := c[from] + rng.Float64()*c.sum(from, to)
	i := sort.SearchFloat64s(c[from+1:to+1], u) + from
	if i >= to {
		i = to - 1
	}
	// Skip indexes of weight zero that the search lands on.
	for i < to-1 && c[i+1] == c[i] {
		i++
	}
	return i
}

// geometric returns the number of failed trials before the first success,
// each trial succeeding with probability p.
func geometric(rng *mathrand.Rand, p float64) int {
	return int(math.Floor(math.Log(1-rng.Float64()) / math.Log(1-p)))
}

// roundCost rounds dollars to the six decimals of the cost column.
func roundCost(dollars float64) float64 {
	return math.Round(dollars*1e6) / 1e6
}

// passwordAlphabet contains the characters of generated passwords: letters
// and digits, which need no escaping in a URL or a shell.
const passwordAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// passwordLength gives about 95 bits of entropy.
const passwordLength = 16

// newPassword returns a password of passwordLength characters drawn from
// crypto/rand, never from the seed, so that knowing the seed does not give
// away the demo accounts.
func newPassword() (string, error) {
	// Bytes of 248 and above are rejected, because 248 is the largest
	// multiple of 62 below 256 and keeping them would favour some letters.
	const limit = 256 - 256%len(passwordAlphabet)
	out := make([]byte, 0, passwordLength)
	buf := make([]byte, 2*passwordLength)
	for len(out) < passwordLength {
		if _, err := rand.Read(buf); err != nil {
			return "", fmt.Errorf("read random password: %w", err)
		}
		for _, b := range buf {
			if int(b) < limit && len(out) < passwordLength {
				out = append(out, passwordAlphabet[int(b)%len(passwordAlphabet)])
			}
		}
	}
	return string(out), nil
}
