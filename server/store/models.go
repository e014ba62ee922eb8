package store

import (
	"encoding/json"
	"time"

	"github.com/uptrace/bun"
)

// The platform's tables. Loupe reads them as the studio platform creates them
// and writes to them only for standalone use and demo data. Ids are UUIDs that
// the application generates, and times are UTC without a time zone.

// Profile is a row of the platform's profiles table: one person.
type Profile struct {
	bun.BaseModel `bun:"table:profiles"`

	ID          string    `bun:"id,pk"`
	Username    *string   `bun:"username"`
	DisplayName *string   `bun:"display_name"`
	AvatarURL   *string   `bun:"avatar_url"`
	Role        string    `bun:"role"`
	CreatedAt   time.Time `bun:"created_at"`
	UpdatedAt   time.Time `bun:"updated_at"`
}

// Generation statuses stored in generations.status.
const (
	StatusQueued     = "queued"
	StatusProcessing = "processing"
	StatusCompleted  = "completed"
	StatusFailed     = "failed"
)

// Generation is a row of the platform's generations table: one request to a
// model, which yields zero or more outputs.
type Generation struct {
	bun.BaseModel `bun:"table:generations"`

	ID             string          `bun:"id,pk"`
	SessionID      string          `bun:"session_id"`
	UserID         string          `bun:"user_id"`
	ModelID        string          `bun:"model_id"`
	Prompt         string          `bun:"prompt"`
	NegativePrompt *string         `bun:"negative_prompt"`
	Parameters     json.RawMessage `bun:"parameters,type:jsonb"`
	Status         string          `bun:"status"`
	// Cost is in US dollars, nil when the platform recorded none.
	Cost      *float64  `bun:"cost"`
	CreatedAt time.Time `bun:"created_at"`
}

// Output is a row of the platform's outputs table: one file a generation made.
type Output struct {
	bun.BaseModel `bun:"table:outputs"`

	ID           string `bun:"id,pk"`
	GenerationID string `bun:"generation_id"`
	FileURL      string `bun:"file_url"`
	FileType     string `bun:"file_type"`
	Width        *int   `bun:"width"`
	Height       *int   `bun:"height"`
	// Duration is the length of a video in seconds.
	Duration   *float64  `bun:"duration"`
	IsStarred  bool      `bun:"is_starred"`
	IsApproved bool      `bun:"is_approved"`
	CreatedAt  time.Time `bun:"created_at"`
}

// Bookmark is a row of the platform's bookmarks table: a person keeping an
// output for later.
type Bookmark struct {
	bun.BaseModel `bun:"table:bookmarks"`

	ID        string    `bun:"id,pk"`
	UserID    string    `bun:"user_id"`
	OutputID  string    `bun:"output_id"`
	CreatedAt time.Time `bun:"created_at"`
}

// Loupe's own tables.

// Account lets a person sign in to Loupe. It belongs to one profile.
type Account struct {
	bun.BaseModel `bun:"table:loupe_accounts"`

	ProfileID string `bun:"profile_id,pk"`
	// Email is stored trimmed and lower-cased, so it matches case-insensitively.
	Email string `bun:"email"`
	// PasswordHash is an argon2id hash in the PHC string format.
	PasswordHash string    `bun:"password_hash"`
	CreatedAt    time.Time `bun:"created_at"`
}

// Session is a signed-in browser. Only the SHA-256 of its token is stored, so
// a copy of the table cannot be used to sign in.
type Session struct {
	bun.BaseModel `bun:"table:loupe_sessions"`

	TokenHash string    `bun:"token_hash,pk"`
	ProfileID string    `bun:"profile_id"`
	CreatedAt time.Time `bun:"created_at"`
	ExpiresAt time.Time `bun:"expires_at"`
}
