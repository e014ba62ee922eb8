package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"loupe/server/store"
	"loupe/shared"
)

// SessionTTL is how long a session stays valid after sign-in.
const SessionTTL = 30 * 24 * time.Hour

// ErrInvalidCredentials is returned by Login when the email is unknown or the
// password does not match. Callers must not tell the two apart to the user.
var ErrInvalidCredentials = errors.New("invalid email or password")

// ErrNoSession is returned by Authenticate when the token matches no valid
// session.
var ErrNoSession = errors.New("no valid session")

// InputError reports an invalid value given to NewAccount, in a sentence that
// is safe to show to the person who typed it.
type InputError struct {
	Field   string
	Message string
}

func (e *InputError) Error() string { return e.Message }

// Service signs people in against one database.
type Service struct {
	DB bun.IDB
	// Now returns the current time. Tests set it to move the clock.
	Now func() time.Time
}

// New returns a Service on db that uses the real clock.
func New(db bun.IDB) *Service {
	return &Service{DB: db, Now: time.Now}
}

// NormalizeEmail trims and lower-cases email and checks that it is a plain
// address such as ana@example.com. It returns an *InputError otherwise.
func NormalizeEmail(email string) (string, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || addr.Name != "" {
		return "", &InputError{Field: "email", Message: fmt.Sprintf("invalid email %q: use a plain address such as ana@example.com", email)}
	}
	return email, nil
}

// CheckPassword returns an *InputError when password is too short or too long.
func CheckPassword(password string) error {
	if len(password) < MinPasswordLen {
		return &InputError{Field: "password", Message: fmt.Sprintf("password too short: use at least %d characters", MinPasswordLen)}
	}
	if len(password) > MaxPasswordLen {
		return &InputError{Field: "password", Message: fmt.Sprintf("password too long: use at most %d bytes", MaxPasswordLen)}
	}
	return nil
}

// NewAccount describes an account to create.
type NewAccount struct {
	Email    string
	Password string
	// DisplayName sets the new profile's display name. It is ignored when
	// ProfileID names an existing profile.
	DisplayName string
	Admin       bool
	// ProfileID, when not empty, links the account to this existing profile
	// instead of creating one.
	ProfileID string
}

// AddAccount creates an account and, unless a.ProfileID is set, its profile,
// in one transaction. It returns an *InputError for an invalid email,
// password or profile id, store.ErrEmailTaken for an email in use, and an
// error wrapping store.ErrNotFound when a.ProfileID names no profile.
func (s *Service) AddAccount(ctx context.Context, a NewAccount) (*store.SignedIn, error) {
	email, err := NormalizeEmail(a.Email)
	if err != nil {
		return nil, err
	}
	if err := CheckPassword(a.Password); err != nil {
		return nil, err
	}
	if a.ProfileID != "" {
		id, err := uuid.Parse(a.ProfileID)
		if err != nil {
			return nil, &InputError{Field: "profile", Message: fmt.Sprintf("invalid profile id %q: use a UUID such as 3f2b8c1e-0a4d-4c55-9e7b-1d2c3b4a5f60", a.ProfileID)}
		}
		a.ProfileID = id.String()
	}
	hash, err := HashPassword(a.Password)
	if err != nil {
		return nil, err
	}

	now := s.Now().UTC().Truncate(time.Millisecond)
	var created store.SignedIn
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		profileID := a.ProfileID
		if profileID == "" {
			role := shared.RoleUser
			if a.Admin {
				role = shared.RoleAdmin
			}
			p := &store.Profile{
				ID:        uuid.NewString(),
				Role:      string(role),
				CreatedAt: now,
				UpdatedAt: now,
			}
			if a.DisplayName != "" {
				name := a.DisplayName
				p.DisplayName = &name
			}
			if err := store.CreateProfile(ctx, tx, p); err != nil {
				return err
			}
			profileID = p.ID
		}

		account := &store.Account{ProfileID: profileID, Email: email, PasswordHash: hash, CreatedAt: now}
		if err := store.CreateAccount(ctx, tx, account); err != nil {
			return err
		}
		profile, err := store.ProfileByID(ctx, tx, profileID)
		if err != nil {
			return err
		}
		created = store.SignedIn{Account: *account, Profile: *profile}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &created, nil
}

// dummyHash is checked against when an email is unknown, so that a wrong
// email takes as long as a wrong password and response times do not reveal
// which emails have accounts.
var dummyHash = func() string {
	h, err := HashPassword("not a real password")
	if err != nil {
		panic(err)
	}
	return h
}()

// Login checks an email and password and, when they match, creates a session
// and returns its token and expiry. It returns ErrInvalidCredentials for an
// unknown email or a wrong password alike.
func (s *Service) Login(ctx context.Context, email, password string) (string, time.Time, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if len(password) > MaxPasswordLen {
		return "", time.Time{}, ErrInvalidCredentials
	}

	account, err := store.AccountByEmail(ctx, s.DB, email)
	if errors.Is(err, store.ErrNotFound) {
		VerifyPassword(dummyHash, password) //nolint:errcheck // run only for its duration
		return "", time.Time{}, ErrInvalidCredentials
	}
	if err != nil {
		return "", time.Time{}, err
	}
	ok, err := VerifyPassword(account.Account.PasswordHash, password)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("check password of profile %s: %w", account.Account.ProfileID, err)
	}
	if !ok {
		return "", time.Time{}, ErrInvalidCredentials
	}

	token, hash, err := newToken()
	if err != nil {
		return "", time.Time{}, err
	}
	now := s.Now().UTC().Truncate(time.Millisecond)
	session := &store.Session{
		TokenHash: hash,
		ProfileID: account.Account.ProfileID,
		CreatedAt: now,
		ExpiresAt: now.Add(SessionTTL),
	}
	if err := store.CreateSession(ctx, s.DB, session); err != nil {
		return "", time.Time{}, err
	}
	return token, session.ExpiresAt, nil
}

// Authenticate returns the account and profile of the session whose token is
// token, or ErrNoSession when there is none or it expired.
func (s *Service) Authenticate(ctx context.Context, token string) (*store.SignedIn, error) {
	if token == "" {
		return nil, ErrNoSession
	}
	signedIn, err := store.SessionAccount(ctx, s.DB, hashToken(token), s.Now())
	if errors.Is(err, store.ErrNotFound) {
		return nil, ErrNoSession
	}
	if err != nil {
		return nil, err
	}
	return signedIn, nil
}

// Logout ends the session whose token is token. Ending an unknown session is
// not an error.
func (s *Service) Logout(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	return store.DeleteSession(ctx, s.DB, hashToken(token))
}

// Me describes a signed-in person for the API.
func Me(s *store.SignedIn) shared.Me {
	name := ""
	switch {
	case s.Profile.DisplayName != nil && *s.Profile.DisplayName != "":
		name = *s.Profile.DisplayName
	case s.Profile.Username != nil && *s.Profile.Username != "":
		name = *s.Profile.Username
	default:
		name = s.Account.Email
	}
	return shared.Me{
		ID:          s.Profile.ID,
		Email:       s.Account.Email,
		DisplayName: name,
		Role:        shared.Role(s.Profile.Role),
	}
}

// newToken returns a random session token of 256 bits and the hash under
// which the session is stored.
func newToken() (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("read random token: %w", err)
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, hashToken(token), nil
}

// hashToken returns the hex SHA-256 of token. A plain hash is enough here,
// unlike for passwords, because a token has 256 random bits to guess.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
