// Package store reads and writes Loupe's data through bun, on PostgreSQL or on
// embedded SQLite. It owns the schema, its migrations and every query.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/sqliteshim"
)

// DefaultDatabaseURL is the SQLite file used when DATABASE_URL is not set.
const DefaultDatabaseURL = "data/loupe.db"

// Open connects to the database that databaseURL names and pings it. A postgres:// or postgresql:// URL selects PostgreSQL. Anything
// else selects SQLite: a file path, or a sqlite: URL such as
// sqlite:data/loupe.db or sqlite:///var/lib/loupe.db. The SQLite file's folder
// is created when missing. The caller closes the returned database.
func Open(ctx context.Context, databaseURL string) (*bun.DB, error) {
	if databaseURL == "" {
		databaseURL = DefaultDatabaseURL
	}

	if scheme, _, found := strings.Cut(databaseURL, "://"); found && !isPostgresURL(databaseURL) && scheme != "sqlite" {
		// Naming only the scheme keeps a password in the URL out of the message.
		return nil, fmt.Errorf("invalid DATABASE_URL: unsupported scheme %q; use a postgres:// URL, a sqlite: URL or a file path", scheme)
	}

	var db *bun.DB
	if isPostgresURL(databaseURL) {
		sqldb, err := sql.Open("pgx", databaseURL)
		if err != nil {
			return nil, fmt.Errorf("open PostgreSQL: %w", err)
		}
		db = bun.NewDB(sqldb, pgdialect.New())
	} else {
		path, err := sqlitePath(databaseURL)
		if err != nil {
			return nil, err
		}
		if dir := filepath.Dir(path); dir != "." {
			if err := os.MkdirAll(dir, 0o750); err != nil {
				return nil, fmt.Errorf("create folder for SQLite database %q: %w", path, err)
			}
		}
		sqldb, err := sql.Open(sqliteshim.ShimName, sqliteDSN(path))
		if err != nil {
			return nil, fmt.Errorf("open SQLite database %q: %w", path, err)
		}
		// SQLite allows one writer at a time. With the write-ahead log,
		// readers on the other connections go on while a writer holds the
		// lock, and writers queue behind busy_timeout instead of failing.
		sqldb.SetMaxOpenConns(4)
		db = bun.NewDB(sqldb, sqlitedialect.New())
	}

	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to %s database: %w", dialectName(db), err)
	}
	return db, nil
}

// IsPostgres reports whether db talks to PostgreSQL rather than SQLite.
func IsPostgres(db bun.IDB) bool {
	return db.Dialect().Name() == dialect.PG
}

func dialectName(db bun.IDB) string {
	if IsPostgres(db) {
		return "PostgreSQL"
	}
	return "SQLite"
}

func isPostgresURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// sqlitePath turns a file path or a sqlite: URL into a file path.
func sqlitePath(databaseURL string) (string, error) {
	if !strings.HasPrefix(databaseURL, "sqlite:") {
		return databaseURL, nil
	}
	u, err := url.Parse(databaseURL)
	if err != nil {
		return "", fmt.Errorf("invalid DATABASE_URL: not a sqlite: URL (%w)", err)
	}
	path := u.Opaque
	if path == "" {
		path = u.Path
	}
	if u.Host != "" {
		return "", fmt.Errorf("invalid DATABASE_URL: a sqlite: URL takes a file path, not the host %q; use sqlite:relative/path or sqlite:///absolute/path", u.Host)
	}
	if path == "" {
		return "", fmt.Errorf("invalid DATABASE_URL: the sqlite: URL names no file; use sqlite:data/loupe.db")
	}
	return path, nil
}

// sqliteDSN returns a modernc.org/sqlite data source name for path with the
// settings Loupe depends on: enforced foreign keys, a write-ahead log so
// readers do not block the writer, and a wait instead of an error while the
// file is locked.
func sqliteDSN(path string) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}
