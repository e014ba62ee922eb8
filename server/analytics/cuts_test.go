package analytics

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFindSmallCut(t *testing.T) {
	people := func(p ...int32) edge { return edge{people: p} }
	big := edge{big: true}
	// cycle joins vertices 0-1-2-3-0 with the given edges in that order.
	cycle := func(e ...edge) []edge {
		for i := range e {
			e[i].u, e[i].v = i, (i+1)%4
		}
		return e
	}

	tests := []struct {
		name     string
		vertices int
		edges    []edge
		k        int
		safe     bool
	}{
		{
			name:     "one small edge",
			vertices: 2,
			edges:    []edge{{u: 0, v: 1, people: []int32{7}}},
			k:        2,
			safe:     false,
		},
		{
			name:     "one big edge",
			vertices: 2,
			edges:    []edge{{u: 0, v: 1, big: true}},
			k:        2,
			safe:     true,
		},
		{
			name:     "cycle of four people, k 2",
			vertices: 4,
			edges:    cycle(people(1), people(2), people(3), people(4)),
			k:        2,
			safe:     true,
		},
		{
			name:     "cycle of four people, k 3",
			vertices: 4,
			edges:    cycle(people(1), people(2), people(3), people(4)),
			k:        3,
			safe:     false,
		},
		{
			name:     "cycle where one person holds two edges",
			vertices: 4,
			edges:    cycle(people(1), people(2), people(1), people(3)),
			k:        2,
			safe:     false,
		},
		{
			name:     "cycle with a big edge, k 3",
			vertices: 4,
			edges:    cycle(big, people(1, 2), big, people(3)),
			k:        3,
			safe:     true,
		},
		{
			name:     "cycle with a big edge, k 4",
			vertices: 4,
			edges:    cycle(big, people(1, 2), big, people(3)),
			k:        4,
			safe:     false,
		},
		{
			name:     "small edge inside a big component",
			vertices: 3,
			edges:    []edge{{u: 0, v: 1, big: true}, {u: 1, v: 2, big: true}, {u: 0, v: 2, people: []int32{1}}},
			k:        5,
			safe:     true,
		},
		{
			name:     "no edges",
			vertices: 3,
			k:        5,
			safe:     true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findSmallCut(tt.vertices, tt.edges, tt.k)
			assert.Equal(t, tt.safe, got.safe, "findSmallCut(...).safe")
			if tt.safe {
				return
			}

			// The marked side must be a real cut: every edge between side 1
			// and side 2 comes from fewer than k people in all.
			if assert.NotNil(t, got.side, "side of a violating cut") {
				cutPeople := make(map[int32]bool)
				crossing := 0
				for _, e := range tt.edges {
					if (got.side[e.u] == 1) == (got.side[e.v] == 1) {
						continue
					}
					crossing++
					assert.False(t, e.big, "big edge %d-%d crosses the cut", e.u, e.v)
					for _, p := range e.people {
						cutPeople[p] = true
					}
				}
				assert.Positive(t, crossing, "edges crossing the cut")
				assert.Less(t, len(cutPeople), tt.k, "people on the cut")
			}
		})
	}
}

func TestRangeBandsMatchStarts(t *testing.T) {
	starts := BandStarts(propertyNow)
	if assert.Len(t, starts, bandCount-1, "BandStarts") {
		for i, start := range starts {
			assert.Equal(t, i, testBand(start, propertyNow), "band of start %d", i)
			assert.Equal(t, i+1, testBand(start.Add(-1), propertyNow), "band just before start %d", i)
		}
	}
}
