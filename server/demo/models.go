package demo

import (
	"time"

	"loupe/shared"
)

// retiredModelID is a model the studio no longer offers, so the registry does
// not list it. It appears only in the first third of the history, which shows
// how the dashboard treats ids it cannot name.
const retiredModelID = "stability-sdxl-1.0"

// traits describe how the studio uses one model and what it charges. The
// prices are made up for the demo and are not any provider's price list.
type traits struct {
	// popularity weighs the model when people pick their favourites.
	popularity float64
	// backupFor names the model whose requests this one takes over when
	// the main route fails. Such a model is never a favourite.
	backupFor string

	// Images cost basePrice plus imagePrice for each requested image.
	basePrice  float64
	imagePrice float64
	// hiRes marks image models that offer 2048×2048 output.
	hiRes bool

	// Videos cost secondPrice for each second at 1080p.
	secondPrice float64
	// durations lists the clip lengths in seconds the model offers.
	durations []int

	// failRate is the chance that a request fails on a normal day.
	failRate float64
	// negativeShare is the chance that a session sends a negative prompt.
	negativeShare float64
	// latency bounds the time from request to finished output.
	latency [2]time.Duration
}

// knownTraits covers the registry's models and the retired one. traitsOf
// falls back to a default for registry models added later, so the demo keeps
// using the whole registry.
var knownTraits = map[string]traits{
	"gemini-nano-banana-pro": {
		popularity: 5, imagePrice: 0.034, hiRes: true,
		failRate: 0.026, negativeShare: 0.02, latency: [2]time.Duration{12 * time.Second, 45 * time.Second},
	},
	"replicate-nano-banana-pro": {
		popularity: 0, backupFor: "gemini-nano-banana-pro", imagePrice: 0.036, hiRes: true,
		failRate: 0.03, negativeShare: 0.02, latency: [2]time.Duration{15 * time.Second, 60 * time.Second},
	},
	"gemini-nano-banana-2": {
		popularity: 4, basePrice: 0.012, imagePrice: 0.0095,
		failRate: 0.022, negativeShare: 0.02, latency: [2]time.Duration{6 * time.Second, 20 * time.Second},
	},
	"openai-gpt-image-2": {
		popularity: 4, basePrice: 0.006, imagePrice: 0.032,
		failRate: 0.03, negativeShare: 0, latency: [2]time.Duration{20 * time.Second, 70 * time.Second},
	},
	"replicate-seedream-4": {
		popularity: 2.5, imagePrice: 0.03, hiRes: true,
		failRate: 0.028, negativeShare: 0.05, latency: [2]time.Duration{10 * time.Second, 40 * time.Second},
	},
	"replicate-reve": {
		popularity: 1.3, basePrice: 0.004, imagePrice: 0.024,
		failRate: 0.03, negativeShare: 0.04, latency: [2]time.Duration{8 * time.Second, 30 * time.Second},
	},
	retiredModelID: {
		basePrice: 0.018, imagePrice: 0.0025,
		failRate: 0.02, negativeShare: 0.6, latency: [2]time.Duration{5 * time.Second, 15 * time.Second},
	},
	"gemini-veo-3.1": {
		popularity: 4, secondPrice: 0.2, durations: []int{8},
		failRate: 0.07, negativeShare: 0.05, latency: [2]time.Duration{60 * time.Second, 4 * time.Minute},
	},
	"kling-official": {
		popularity: 2.5, secondPrice: 0.07, durations: []int{5, 5, 10},
		failRate: 0.065, negativeShare: 0.35, latency: [2]time.Duration{90 * time.Second, 5 * time.Minute},
	},
	"replicate-kling-2.6": {
		popularity: 1.5, secondPrice: 0.08, durations: []int{5, 10},
		failRate: 0.07, negativeShare: 0.35, latency: [2]time.Duration{90 * time.Second, 6 * time.Minute},
	},
}

// traitsOf returns the traits of the model with the given id, or default
// traits for its media type when knownTraits does not list it.
func traitsOf(id string) traits {
	if t, ok := knownTraits[id]; ok {
		return t
	}
	if mediaOf(id) == shared.Video {
		return traits{
			popularity: 1, secondPrice: 0.1, durations: []int{5, 10},
			failRate: 0.07, latency: [2]time.Duration{90 * time.Second, 5 * time.Minute},
		}
	}
	return traits{
		popularity: 1, imagePrice: 0.03,
		failRate: 0.03, latency: [2]time.Duration{10 * time.Second, 40 * time.Second},
	}
}

// mediaOf returns the media type of a model id. The retired model made
// images.
func mediaOf(id string) shared.MediaType {
	if m, ok := shared.LookupModel(id); ok {
		return m.Type
	}
	return shared.Image
}
