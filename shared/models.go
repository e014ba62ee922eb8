package shared

import "sort"

// MediaType is the kind of file a model produces.
type MediaType string

// The media types a generation's outputs can have. The values are the ones the
// platform stores in outputs.file_type.
const (
	Image MediaType = "image"
	Video MediaType = "video"
)

// UnknownProvider is the provider reported for a model id that the registry
// does not list, such as a retired model or a typo in the data.
const UnknownProvider = "Unknown"

// Model describes one generative model that the studio offers.
type Model struct {
	// ID is the value the platform stores in generations.model_id.
	ID string
	// Name is the name people know the model by.
	Name string
	// Provider is the company that made the model.
	Provider string
	// Host is the company whose API the studio calls to run the model.
	Host string
	// Type is the media type the model produces.
	Type MediaType
}

// registry lists every model the studio offers, in no particular order.
var registry = []Model{
	{ID: "gemini-nano-banana-pro", Name: "Nano Banana Pro", Provider: "Google", Host: "Google", Type: Image},
	{ID: "gemini-nano-banana-2", Name: "Nano Banana 2", Provider: "Google", Host: "Google", Type: Image},
	{ID: "gemini-veo-3.1", Name: "Veo 3.1", Provider: "Google", Host: "Google", Type: Video},
	{ID: "replicate-nano-banana-pro", Name: "Nano Banana Pro (backup)", Provider: "Google", Host: "Replicate", Type: Image},
	{ID: "replicate-seedream-4", Name: "Seedream 4.5", Provider: "ByteDance", Host: "Replicate", Type: Image},
	{ID: "replicate-reve", Name: "Reve", Provider: "Reve", Host: "Replicate", Type: Image},
	{ID: "replicate-kling-2.6", Name: "Kling 2.6 Pro", Provider: "Kuaishou", Host: "Replicate", Type: Video},
	{ID: "kling-official", Name: "Kling 2.6", Provider: "Kuaishou", Host: "Kuaishou", Type: Video},
	{ID: "openai-gpt-image-2", Name: "GPT Image 2", Provider: "OpenAI", Host: "OpenAI", Type: Image},
}

var registryByID = func() map[string]Model {
	byID := make(map[string]Model, len(registry))
	for _, m := range registry {
		byID[m.ID] = m
	}
	return byID
}()

// LookupModel returns the registered model with the given id and true, or a
// zero Model and false when the registry does not list the id.
func LookupModel(id string) (Model, bool) {
	m, ok := registryByID[id]
	return m, ok
}

// Models returns a copy of the registry sorted by id.
func Models() []Model {
	models := make([]Model, len(registry))
	copy(models, registry)
	sort.Slice(models, func(i, j int) bool { return models[i].ID < models[j].ID })
	return models
}
