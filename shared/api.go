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
	// ByType lists generations by the media type of their model.
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
}

// Cohort counts the distinct people behind the global figures against the
// number the privacy threshold requires.
type Cohort struct {
	UniqueUsers      int64 `json:"uniqueUsers"`
	MinUsersRequired int64 `json:"minUsersRequired"`
}

// GlobalUsage is the body of GET /api/analytics/global/usage. When Available
// is false, Usage is nil and the response carries no figures at all, only the
// cohort and a message.
type GlobalUsage struct {
	Available bool   `json:"available"`
	Cohort    Cohort `json:"cohort"`
	Message   string `json:"message,omitempty"`
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
