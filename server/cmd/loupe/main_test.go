package main

import (
	"bytes"
	"context"
	"net"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"loupe/server/internal/testdb"
	"loupe/server/store"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLoadConfigDefaults(t *testing.T) {
	cfg, err := loadConfig(envOf(nil))
	require.NoError(t, err)
	assert.Equal(t, config{
		DatabaseURL:    "data/loupe.db",
		ListenAddr:     "127.0.0.1:8000",
		MinCohortUsers: 5,
		WebDir:         "web",
	}, cfg)
}

func TestLoadConfigMinCohortUsers(t *testing.T) {
	tests := []struct {
		value   string
		want    int
		wantErr bool
	}{
		{value: "2", want: 2},
		{value: " 12 ", want: 12},
		{value: "1", wantErr: true},
		{value: "0", wantErr: true},
		{value: "-5", wantErr: true},
		{value: "five", wantErr: true},
		{value: "2.5", wantErr: true},
	}
	for _, tt := range tests {
		cfg, err := loadConfig(envOf(map[string]string{"MIN_COHORT_USERS": tt.value}))
		if tt.wantErr {
			require.Error(t, err, "loadConfig(MIN_COHORT_USERS=%q)", tt.value)
			assert.Contains(t, err.Error(), "MIN_COHORT_USERS", "error for %q names the setting", tt.value)
			assert.Contains(t, err.Error(), "at least 2", "error for %q says what is allowed", tt.value)
			continue
		}
		require.NoError(t, err, "loadConfig(MIN_COHORT_USERS=%q)", tt.value)
		assert.Equal(t, tt.want, cfg.MinCohortUsers, "loadConfig(MIN_COHORT_USERS=%q).MinCohortUsers", tt.value)
	}
}

func TestLoadConfigPlatformURL(t *testing.T) {
	cfg, err := loadConfig(envOf(map[string]string{"PLATFORM_URL": "https://studio.example.com/"}))
	require.NoError(t, err)
	assert.Equal(t, "https://studio.example.com", cfg.PlatformURL)

	_, err = loadConfig(envOf(map[string]string{"PLATFORM_URL": "studio.example.com"}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "PLATFORM_URL")
}

func TestServeRejectsInvalidCohortSetting(t *testing.T) {
	t.Setenv("MIN_COHORT_USERS", "1")
	t.Setenv("DATABASE_URL", filepath.Join(t.TempDir(), "loupe.db"))
	err := run(context.Background(), []string{"serve"}, strings.NewReader(""), &bytes.Buffer{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "MIN_COHORT_USERS")
}

func TestUserAddCreatesAndLinks(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "loupe.db")
	t.Setenv("DATABASE_URL", dbPath)
	t.Setenv("MIN_COHORT_USERS", "")
	ctx := context.Background()

	var out bytes.Buffer
	err := run(ctx, []string{"user", "add", "--email", "Ana@Example.com", "--name", "Ana Lima", "--admin"}, strings.NewReader("correct horse battery\n"), &out)
	require.NoError(t, err, "user add")
	assert.Contains(t, out.String(), "Added account ana@example.com")
	assert.Contains(t, out.String(), "(admin)")

	// A platform profile without an account gets one through --profile.
	db := testdb.OpenUnmigrated(t, dbPath)
	b := testdb.NewBuilder(t, db, testdb.Epoch)
	b.NextID()
	b.NextID()
	ben := b.Person("Ben")
	out.Reset()
	err = run(ctx, []string{"user", "add", "--email", "ben@example.com", "--profile", ben}, strings.NewReader("another good password\n"), &out)
	require.NoError(t, err, "user add --profile")
	assert.Contains(t, out.String(), ben)

	account, err := store.AccountByEmail(ctx, db, "ben@example.com")
	require.NoError(t, err)
	assert.Equal(t, ben, account.Profile.ID, "profile of the linked account")
}

func TestUserAddRejectsBadInput(t *testing.T) {
	t.Setenv("DATABASE_URL", filepath.Join(t.TempDir(), "loupe.db"))
	t.Setenv("MIN_COHORT_USERS", "")
	ctx := context.Background()
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantText string
	}{
		{name: "missing email", args: []string{"user", "add"}, stdin: "long enough password\n", wantText: "--email"},
		{name: "invalid email", args: []string{"user", "add", "--email", "not-an-email"}, stdin: "long enough password\n", wantText: `invalid email "not-an-email"`},
		{name: "missing password", args: []string{"user", "add", "--email", "ana@example.com"}, stdin: "", wantText: "missing password"},
		{name: "short password", args: []string{"user", "add", "--email", "ana@example.com"}, stdin: "short\n", wantText: "at least 8"},
		{name: "unknown profile", args: []string{"user", "add", "--email", "ana@example.com", "--profile", "00000000-0000-4000-8000-000000000099"}, stdin: "long enough password\n", wantText: "no profile with id"},
		{name: "invalid profile id", args: []string{"user", "add", "--email", "ana@example.com", "--profile", "42"}, stdin: "long enough password\n", wantText: `invalid profile id "42"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(ctx, tt.args, strings.NewReader(tt.stdin), &bytes.Buffer{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantText)
			assert.NotContains(t, err.Error(), "long enough password", "error repeats the password")
		})
	}
}

func TestRunHelpAndStrayArguments(t *testing.T) {
	// An invalid setting must not keep help from printing.
	t.Setenv("MIN_COHORT_USERS", "1")
	for _, args := range [][]string{{"--help"}, {"help"}, {"serve", "--help"}, {"migrate", "-h"}} {
		var out bytes.Buffer
		err := run(context.Background(), args, strings.NewReader(""), &out)
		require.NoError(t, err, "run(%q)", args)
		assert.Contains(t, out.String(), "Usage:", "run(%q) output", args)
	}

	t.Setenv("MIN_COHORT_USERS", "")
	t.Setenv("DATABASE_URL", filepath.Join(t.TempDir(), "loupe.db"))
	for _, args := range [][]string{{"serve", "now"}, {"migrate", "--force"}} {
		err := run(context.Background(), args, strings.NewReader(""), &bytes.Buffer{})
		require.Error(t, err, "run(%q)", args)
		assert.Contains(t, err.Error(), "unexpected argument", "run(%q) error", args)
	}
	for _, args := range [][]string{{"sever"}, {"user", "remove"}} {
		err := run(context.Background(), args, strings.NewReader(""), &bytes.Buffer{})
		assert.ErrorIs(t, err, errUsage, "run(%q)", args)
	}
}

func TestBrowsableAddr(t *testing.T) {
	tests := []struct {
		addr *net.TCPAddr
		want string
	}{
		{addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8000}, want: "127.0.0.1:8000"},
		{addr: &net.TCPAddr{IP: net.IPv6unspecified, Port: 8455}, want: "localhost:8455"},
		{addr: &net.TCPAddr{IP: net.IPv4zero, Port: 80}, want: "localhost:80"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, browsableAddr(tt.addr), "browsableAddr(%s)", tt.addr)
	}
}
