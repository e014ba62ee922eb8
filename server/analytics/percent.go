package analytics

import "sort"

// Percentages returns each count's share of total from 0 to 100, rounded to
// one decimal by the largest remainder method. Every share is first rounded
// down to a tenth. Then the tenths still missing go one each to the shares
// with the largest remainders, ties to the earlier index. When counts add up
// to total, the shares add up to exactly 100. A zero or negative total gives
// all zeros.
func Percentages(counts []int64, total int64) []float64 {
	shares := make([]float64, len(counts))
	if total <= 0 {
		return shares
	}

	tenths := make([]int64, len(counts))
	remainders := make([]int64, len(counts))
	var assigned int64
	for i, c := range counts {
		tenths[i] = c * 1000 / total
		remainders[i] = c * 1000 % total
		assigned += tenths[i]
	}

	order := make([]int, len(counts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return remainders[order[a]] > remainders[order[b]]
	})

	var counted int64
	for _, c := range counts {
		counted += c
	}
	// Hand out the missing tenths only when the counts cover the total, so
	// a partial list never claims more than its real share.
	if counted == total {
		for missing, j := 1000-assigned, 0; missing > 0 && j < len(order); missing, j = missing-1, j+1 {
			tenths[order[j]]++
		}
	}

	for i, t := range tenths {
		shares[i] = float64(t) / 10
	}
	return shares
}
