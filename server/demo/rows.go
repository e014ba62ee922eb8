package demo

import (
	"encoding/json"
	"fmt"
	"math"
	mathrand "math/rand/v2"
	"strings"
	"time"

	"loupe/server/store"
	"loupe/shared"
)

// cdnBase is the URL prefix of output files. The .example top-level domain
// is reserved by RFC 2606, so the links lead nowhere real.
const cdnBase = "https://cdn.studio.example/outputs/"

// history holds the rows Load inserts, each slice in creation order.
type history struct {
	generations []store.Generation
	outputs     []store.Output
	bookmarks   []store.Bookmark
	// perPerson counts generations by profile id.
	perPerson map[string]int
}

// buildRows gives drafts their ids, parameters and costs, and makes the
// outputs of completed generations and some bookmarks of those outputs.
// drafts must be sorted by time.
func buildRows(rng *mathrand.Rand, drafts []*draft, people []*person, w *window) (*history, error) {
	h := &history{perPerson: make(map[string]int, len(people))}
	// The last millisecond of the history bounds every time.
	last := w.end.Add(-time.Millisecond)

	for _, d := range drafts {
		p := d.session.person
		params, err := json.Marshal(parameters(rng, d))
		if err != nil {
			return nil, fmt.Errorf("encode parameters of a %s generation: %w", d.model, err)
		}
		g := store.Generation{
			ID:             newUUID(rng),
			SessionID:      d.session.id,
			UserID:         p.profileID,
			ModelID:        d.model,
			Prompt:         d.prompt,
			NegativePrompt: d.negative,
			Parameters:     params,
			Status:         d.status,
			Cost:           cost(rng, d),
			CreatedAt:      d.at.UTC().Truncate(time.Millisecond),
		}
		h.generations = append(h.generations, g)
		h.perPerson[p.profileID]++

		if d.status != store.StatusCompleted {
			continue
		}
		t := traitsOf(d.model)
		finished := g.CreatedAt.Add(time.Duration(uniform(rng, float64(t.latency[0]), float64(t.latency[1]))))
		for i := range max(1, d.images) {
			// Images of one request arrive a few milliseconds apart.
			at := finished.Add(time.Duration(i*(3+rng.IntN(40))) * time.Millisecond)
			o := newOutput(rng, d, g.ID, clampTime(at, g.CreatedAt, last).Truncate(time.Millisecond))
			h.outputs = append(h.outputs, o)
			h.bookmarks = appendBookmarks(rng, h.bookmarks, o, p, people, last)
		}
	}
	return h, nil
}

// parameters returns the request body settings of a draft, in the shape the
// model's API takes them.
func parameters(rng *mathrand.Rand, d *draft) map[string]any {
	seed := rng.IntN(1 << 31)
	width, height := imageSize(d)

	switch {
	case d.model == retiredModelID:
		return map[string]any{
			"width": width, "height": height, "num_outputs": d.images,
			"steps": pick(rng, []int{25, 30, 30, 40}), "cfg_scale": pick(rng, []float64{5, 6.5, 7, 7.5}),
			"sampler": pick(rng, []string{"DPM++ 2M Karras", "Euler a", "DDIM"}), "seed": seed,
		}
	case d.model == "openai-gpt-image-2":
		return map[string]any{
			"size": fmt.Sprintf("%dx%d", width, height), "n": d.images,
			"quality": pick(rng, []string{"high", "medium", "medium"}),
		}
	case mediaOf(d.model) == shared.Video:
		params := map[string]any{
			"aspect_ratio": d.aspect, "duration": d.seconds,
			"resolution": map[bool]string{true: "1080p", false: "720p"}[d.hiRes],
		}
		if strings.HasPrefix(d.model, "gemini-veo") {
			params["generate_audio"] = d.audio
		} else {
			params["mode"] = "pro"
			params["cfg_scale"] = 0.5
		}
		return params
	default:
		params := map[string]any{"aspect_ratio": d.aspect, "num_outputs": d.images, "seed": seed}
		if traitsOf(d.model).hiRes {
			params["resolution"] = map[bool]string{true: "2K", false: "1K"}[width == 2048]
		}
		return params
	}
}

// imageSize returns the pixel size of one output of a draft.
func imageSize(d *draft) (width, height int) {
	if mediaOf(d.model) == shared.Video {
		if d.hiRes {
			return 1920, 1080
		}
		return 1280, 720
	}
	switch d.aspect {
	case "2:3":
		return 1024, 1536
	case "3:2":
		return 1536, 1024
	}
	if d.hiRes && traitsOf(d.model).hiRes {
		return 2048, 2048
	}
	return 1024, 1024
}

// cost returns what the platform recorded for a draft in US dollars, or nil.
// Requests still queued or processing are not billed yet. Failed requests
// have no cost, except on Replicate-hosted models, where the demo bills part
// of the run time so that costs of failures appear too. About 0.5% of
// completed requests have no cost either, which shows how missing costs look.
func cost(rng *mathrand.Rand, d *draft) *float64 {
	share := 1.0
	switch d.status {
	case store.StatusQueued, store.StatusProcessing:
		return nil
	case store.StatusFailed:
		if !strings.HasPrefix(d.model, "replicate-") {
			return nil
		}
		share = uniform(rng, 0.2, 0.6)
	default:
		if chance(rng, 0.005) {
			return nil
		}
	}

	t := traitsOf(d.model)
	jitter := uniform(rng, 0.97, 1.03)
	var dollars float64
	if mediaOf(d.model) == shared.Video {
		perSecond := t.secondPrice
		if !d.hiRes {
			perSecond *= 0.75
		}
		if strings.HasPrefix(d.model, "gemini-veo") && !d.audio {
			perSecond *= 0.75
		}
		dollars = math.Max(0.3, math.Min(2, perSecond*float64(d.seconds)*jitter))
	} else {
		dollars = t.basePrice + t.imagePrice*float64(d.images)
		if w, _ := imageSize(d); w == 2048 {
			dollars *= 1.1
		}
		dollars = math.Max(0.02, math.Min(0.15, dollars*jitter))
	}
	dollars = roundCost(dollars * share)

	return &dollars
}

// newOutput returns one output file of a completed draft.
func newOutput(rng *mathrand.Rand, d *draft, generationID string, at time.Time) store.Output {
	id := newUUID(rng)
	width, height := imageSize(d)
	o := store.Output{
		ID:           id,
		GenerationID: generationID,
		FileURL:      cdnBase + id + ".png",
		FileType:     string(shared.Image),
		Width:        &width,
		Height:       &height,
		IsStarred:    chance(rng, 0.1),
		CreatedAt:    at,
	}
	if mediaOf(d.model) == shared.Video {
		seconds := float64(d.seconds)
		o.FileURL = cdnBase + id + ".mp4"
		o.FileType = string(shared.Video)
		o.Duration = &seconds
	}
	// Approval is a separate review step, more likely for starred files.
	// The two rates give about 15% approved overall.
	approve := 0.117
	if o.IsStarred {
		approve = 0.45
	}
	o.IsApproved = chance(rng, approve)
	return o
}

// appendBookmarks appends the bookmarks of output o, made by owner: usually
// none, sometimes one by the owner, rarely one by a colleague who joined
// before the output was made. About 5% of outputs end up bookmarked.
func appendBookmarks(rng *mathrand.Rand, bookmarks []store.Bookmark, o store.Output, owner *person, people []*person, last time.Time) []store.Bookmark {
	ownChance := 0.024
	if o.IsStarred {
		ownChance = 0.2
	}
	if chance(rng, ownChance) {
		after := time.Duration(uniform(rng, 2, 120) * float64(time.Minute))
		if chance(rng, 0.3) {
			after = time.Duration(uniform(rng, 2, 144) * float64(time.Hour))
		}
		bookmarks = append(bookmarks, newBookmark(rng, owner, o, after, last))
	}

	otherChance := 0.006
	if o.IsApproved {
		otherChance = 0.026
	}
	if !chance(rng, otherChance) {
		return bookmarks
	}
	var colleagues []*person
	for _, p := range people {
		if p != owner && p.joined.Before(o.CreatedAt) {
			colleagues = append(colleagues, p)
		}
	}
	if len(colleagues) == 0 {
		return bookmarks
	}
	after := time.Duration(uniform(rng, 1, 168) * float64(time.Hour))
	return append(bookmarks, newBookmark(rng, pick(rng, colleagues), o, after, last))
}

// newBookmark returns p's bookmark of o made after the given delay, or
// earlier when that would fall after last.
func newBookmark(rng *mathrand.Rand, p *person, o store.Output, after time.Duration, last time.Time) store.Bookmark {
	at := o.CreatedAt.Add(after)
	if at.After(last) {
		at = o.CreatedAt.Add(time.Duration(uniform(rng, 0.1, 0.9) * float64(last.Sub(o.CreatedAt))))
	}
	return store.Bookmark{
		ID:        newUUID(rng),
		UserID:    p.profileID,
		OutputID:  o.ID,
		CreatedAt: at.Truncate(time.Millisecond),
	}
}

// shift moves every row's created_at by d.
func (h *history) shift(d time.Duration) {
	for i := range h.generations {
		h.generations[i].CreatedAt = h.generations[i].CreatedAt.Add(d)
	}
	for i := range h.outputs {
		h.outputs[i].CreatedAt = h.outputs[i].CreatedAt.Add(d)
	}
	for i := range h.bookmarks {
		h.bookmarks[i].CreatedAt = h.bookmarks[i].CreatedAt.Add(d)
	}
}
