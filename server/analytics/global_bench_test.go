package analytics

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"loupe/server/store"
	"loupe/shared"
)

// benchmarkCells returns the band cells of a large platform: people people
// on 15 models (nine registered, six not), each person on one to fifteen
// models with heavy-tailed activity spread over the four bands.
func benchmarkCells(people int) []store.BandCell {
	rng := rand.New(rand.NewPCG(1, 2))
	var models []string
	for _, m := range shared.Models() {
		models = append(models, m.ID)
	}
	models = append(models, unregisteredModels...)

	var cells []store.BandCell
	for p := range people {
		user := "person-" + strconv.Itoa(p)
		used := 1 + min(len(models)-1, int(rng.ExpFloat64()*2))
		for _, i := range rng.Perm(len(models))[:used] {
			for band := range bandCount {
				if rng.IntN(2) == 0 {
					continue
				}
				n := int64(math.Exp(rng.Float64() * math.Log(200)))
				cells = append(cells, store.BandCell{
					UsageCell: store.UsageCell{ModelID: models[i], UserID: user, Generations: n, Images: n, Videos: n / 3},
					Band:      band,
				})
			}
		}
	}
	return cells
}

// BenchmarkGlobal100kPeople measures one global response on 100,000 people
// and 15 models: reading the cells, deciding all four ranges and building
// the response for one.
func BenchmarkGlobal100kPeople(b *testing.B) {
	cells := benchmarkCells(100_000)
	for b.Loop() {
		g := Global(cells, shared.Range30d, DefaultMinCohortUsers, propertyNow)
		if !g.Available {
			b.Fatalf("Global(30d) unavailable: %s", g.Message)
		}
	}
	b.ReportMetric(float64(len(cells)), "cells")
}
