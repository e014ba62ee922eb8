package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// ErrEmailTaken is returned by CreateAccount when another account already
// uses the email.
var ErrEmailTaken = errors.New("email already in use")

// SignedIn is an account joined with its profile.
type SignedIn struct {
	Account Account
	Profile Profile
}

// CreateProfile inserts a profile. The caller sets every column, because the
// platform's tables may have no defaults.
func CreateProfile(ctx context.Context, db bun.IDB, p *Profile) error {
	if _, err := db.NewInsert().Model(p).Exec(ctx); err != nil {
		return fmt.Errorf("insert profile %s: %w", p.ID, err)
	}
	return nil
}

// ProfileByID returns the profile with the given id, or ErrNotFound.
func ProfileByID(ctx context.Context, db bun.IDB, id string) (*Profile, error) {
	p := new(Profile)
	err := db.NewSelect().Model(p).Where("id = ?", id).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("profile %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("select profile %s: %w", id, err)
	}
	return p, nil
}

// CreateAccount inserts an account for an existing profile. It returns
// ErrEmailTaken when the email belongs to another account, and an error
// wrapping ErrNotFound when the profile does not exist. Call it inside a
// transaction so the check and the insert see the same data.
func CreateAccount(ctx context.Context, db bun.IDB, a *Account) error {
	if _, err := ProfileByID(ctx, db, a.ProfileID); err != nil {
		return err
	}
	emailInUse, err := db.NewSelect().Model((*Account)(nil)).Where("email = ?", a.Email).Exists(ctx)
	if err != nil {
		return fmt.Errorf("look up account email: %w", err)
	}
	if emailInUse {
		return ErrEmailTaken
	}
	hasAccount, err := db.NewSelect().Model((*Account)(nil)).Where("profile_id = ?", a.ProfileID).Exists(ctx)
	if err != nil {
		return fmt.Errorf("look up account of profile %s: %w", a.ProfileID, err)
	}
	if hasAccount {
		return fmt.Errorf("profile %s already has an account", a.ProfileID)
	}
	if _, err := db.NewInsert().Model(a).Exec(ctx); err != nil {
		return fmt.Errorf("insert account for profile %s: %w", a.ProfileID, err)
	}
	return nil
}

// AccountByEmail returns the account with the given normalized email and its
// profile, or an error wrapping ErrNotFound.
func AccountByEmail(ctx context.Context, db bun.IDB, email string) (*SignedIn, error) {
	var s SignedIn
	err := db.NewSelect().Model(&s.Account).Where("email = ?", email).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("account: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("select account by email: %w", err)
	}
	p, err := ProfileByID(ctx, db, s.Account.ProfileID)
	if err != nil {
		return nil, err
	}
	s.Profile = *p
	return &s, nil
}

// CreateSession inserts a session.
func CreateSession(ctx context.Context, db bun.IDB, s *Session) error {
	if _, err := db.NewInsert().Model(s).Exec(ctx); err != nil {
		return fmt.Errorf("insert session for profile %s: %w", s.ProfileID, err)
	}
	return nil
}

// SessionAccount returns the account and profile of the session whose token
// hash is tokenHash, or an error wrapping ErrNotFound when there is no such
// session or it expired before now.
func SessionAccount(ctx context.Context, db bun.IDB, tokenHash string, now time.Time) (*SignedIn, error) {
	var session Session
	err := db.NewSelect().
		Model(&session).
		Where("token_hash = ?", tokenHash).
		Where("expires_at > ?", now.UTC()).
		Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("session: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("select session: %w", err)
	}

	var s SignedIn
	err = db.NewSelect().Model(&s.Account).Where("profile_id = ?", session.ProfileID).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("account of session: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("select account %s: %w", session.ProfileID, err)
	}
	p, err := ProfileByID(ctx, db, session.ProfileID)
	if err != nil {
		return nil, err
	}
	s.Profile = *p
	return &s, nil
}

// DeleteSession deletes the session whose token hash is tokenHash. Deleting a
// session that does not exist is not an error.
func DeleteSession(ctx context.Context, db bun.IDB, tokenHash string) error {
	if _, err := db.NewDelete().Model((*Session)(nil)).Where("token_hash = ?", tokenHash).Exec(ctx); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// DeleteExpiredSessions deletes every session that expired before now and
// returns how many it deleted.
func DeleteExpiredSessions(ctx context.Context, db bun.IDB, now time.Time) (int64, error) {
	res, err := db.NewDelete().Model((*Session)(nil)).Where("expires_at <= ?", now.UTC()).Exec(ctx)
	if err != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("count deleted sessions: %w", err)
	}
	return n, nil
}
