package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"loupe/server/store"
)

func TestOpenRejectsUnknownScheme(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, url := range []string{"postgress://ana:secret@127.0.0.1/loupe", "mysql://x/y", "file:///tmp/loupe.db"} {
		_, err := store.Open(context.Background(), url)
		require.Error(t, err, "store.Open(%q)", url)
		assert.Contains(t, err.Error(), "DATABASE_URL", "error for %q names the setting", url)
		assert.NotContains(t, err.Error(), "secret", "error for %q repeats the password", url)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "files created by rejected URLs")
}

func TestOpenSQLiteForms(t *testing.T) {
	dir := t.TempDir()
	for _, url := range []string{
		filepath.Join(dir, "plain.db"),
		"sqlite:" + filepath.Join(dir, "opaque.db"),
		"sqlite://" + filepath.Join(dir, "absolute.db"),
	} {
		db, err := store.Open(context.Background(), url)
		require.NoError(t, err, "store.Open(%q)", url)
		assert.False(t, store.IsPostgres(db), "store.Open(%q) is PostgreSQL", url)
		db.Close()
	}
	for _, name := range []string{"plain.db", "opaque.db", "absolute.db"} {
		assert.FileExists(t, filepath.Join(dir, name))
	}
}
