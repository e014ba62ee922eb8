package shared

import "time"

// API paths served by the Loupe server.
const (
	PathLogin       = "/api/auth/login"
	PathLogout      = "/api/auth/logout"
	PathMe          = "/api/auth/me"
	PathUsage       = "/api/analytics/usage"
	PathGlobalUsage = "/api/analytics/global/usage"
)

// LoginRequest is the body of POST /api/auth/login.
type LoginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// Role is a person's role on the platform.
type Role string

// The roles of the platform's "UserRole" enum.
const (
	RoleAdmin Role = "admin"
	RoleUser  Role = "user"
)

// Me is the body of GET /api/auth/me: the signed-in person.
type Me struct {
	// ID is the person's profile id.
	ID          string `json:"id"`
	Email       string `json:"email"`
	DisplayName string `json:"displayName"`
	Role        Role   `json:"role"`
}

// Usage is a summary of generations: one person's for GET
// /api/analytics/usage, everyone's inside GlobalUsage.
type Usage struct {
	// Range is the span of time the figures cover.
	Range Range `json:"range"`
	// TotalGenerations counts generations of every status.
	TotalGenerations int64 `json:"totalGenerations"`
	// TotalImages counts output files of type image. Nil means the figure is
	// withheld to protect privacy.
	TotalImages *int64 `json:"totalImages"`
	// TotalVideos counts output files of type video. Nil means the figure is
	// withheld to protect privacy.
	TotalVideos *int64 `json:"totalVideos"`
	// TopModels lists at most ten models by count, ties by id, then one Other
	// row holding the rest when there are more.
	TopModels []ModelShare `json:"topModels"`
	// ByProvider lists generations by the company that made the model.
	ByProvider []ProviderShare `json:"byProvider"`
	// ByType lists generations by the media type of their model, then in
	// global usage one Other row when a type is not named.
	ByType []TypeShare `json:"byType"`
	// GeneratedAt is when the server computed the figures, in UTC.
	GeneratedAt time.Time `json:"generatedAt"`
}

// ModelShare is one row of Usage.TopModels. Percentage is the row's share of
// TotalGenerations from 0 to 100 with one decimal, and the rows of one list
// add up to exactly 100.
type ModelShare struct {
	ModelID    string    `json:"modelId"`
	ModelName  string    `json:"modelName,omitempty"`
	Provider   string    `json:"provider,omitempty"`
	Type       MediaType `json:"type,omitempty"`
	Count      int64     `json:"count"`
	Percentage float64   `json:"percentage"`
	// Other marks the row that groups the models not listed by name, and
	// Label then names it, as in "Other (3 models)".
	Other bool   `json:"other,omitempty"`
	Label string `json:"label,omitempty"`
}

// OtherModelID is the ModelID of the Other row in Usage.TopModels.
const OtherModelID = "other"

// OtherProvider is the Provider of the Other row in Usage.ByProvider.
const OtherProvider = "other"

// OtherMediaType is the Type of the Other row in Usage.ByType. No model has
// this type.
const OtherMediaType MediaType = "other"

// ProviderShare is one row of Usage.ByProvider.
type ProviderShare struct {
	Provider   string  `json:"provider"`
	Count      int64   `json:"count"`
	Percentage float64 `json:"percentage"`
	Other      bool    `json:"other,omitempty"`
	Label      string  `json:"label,omitempty"`
}

// TypeShare is one row of Usage.ByType.
type TypeShare struct {
	Type       MediaType `json:"type"`
	Count      int64     `json:"count"`
	Percentage float64   `json:"percentage"`
	// Other marks the row that groups the types not listed by name, and
	// Label then names it, as in "Other (1 type)".
	Other bool   `json:"other,omitempty"`
	Label string `json:"label,omitempty"`
}

// Cohort counts the distinct people with generations in the response's range
// against the number the privacy threshold requires.
type Cohort struct {
	UniqueUsers      int64 `json:"uniqueUsers"`
	MinUsersRequired int64 `json:"minUsersRequired"`
}

// Privacy describes the rule that global figures follow.
type Privacy struct {
	// K is the least number of distinct people that every global figure,
	// and every sum or difference of global figures, comes from, unless it
	// comes from nobody.
	K int64 `json:"k"`
	// Rule names the method in a short phrase that stays the same from one
	// response to the next.
	Rule string `json:"rule"`
}

// Suppressed counts the models, providers and media types of a range that
// global usage does not name, because naming them could single someone out.
// Their generations are counted in the list's Other row. Models left out
// only because TopModels lists ten at most are not counted here.
type Suppressed struct {
	Models    int `json:"models"`
	Providers int `json:"providers"`
	Types     int `json:"types"`
}

// GlobalUsage is the body of GET /api/analytics/global/usage. When Available
// is false, Usage and Suppressed are nil and the response carries no figures
// at all, only the range, the cohort, the privacy rule and a message saying
// why.
type GlobalUsage struct {
	Available bool `json:"available"`
	// Range is the span of time the response covers. In JSON it takes the
	// place of the embedded Usage's range, which has the same value.
	Range   Range   `json:"range"`
	Cohort  Cohort  `json:"cohort"`
	Privacy Privacy `json:"privacy"`
	// Suppressed is set when Available is true.
	Suppressed *Suppressed `json:"suppressed,omitempty"`
	Message    string      `json:"message,omitempty"`
	*Usage
}

// ErrorResponse is the body of every API response with a 4xx or 5xx status.
type ErrorResponse struct {
	Error Error `json:"error"`
}

// Error describes what went wrong. Code is stable for programs, Message is a
// sentence for people, and Param with Allowed name an invalid parameter and
// the values it accepts.
type Error struct {
	Code    string   `json:"code"`
	Message string   `json:"message"`
	Param   string   `json:"param,omitempty"`
	Allowed []string `json:"allowed,omitempty"`
}

// Error codes carried in Error.Code.
const (
	CodeInvalid         = "invalid"
	CodeUnauthenticated = "unauthenticated"
	CodeForbidden       = "forbidden"
	CodeNotFound        = "not_found"
	CodeInternal        = "internal"
)
