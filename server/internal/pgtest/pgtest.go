// Package pgtest gives tests a throwaway PostgreSQL database.
//
// A package that needs PostgreSQL calls Main from its TestMain, and each test
// calls URL to get a fresh, empty database of its own. All databases of one
// test process live on one server, picked on the first call to URL:
//
//   - When TEST_DATABASE_URL is set, the databases are created on that server.
//     Its role needs the CREATEDB privilege, and the server must be
//     PostgreSQL 13 or newer because cleanup uses DROP DATABASE … WITH (FORCE).
//   - Otherwise pgtest runs initdb and pg_ctl from the local PostgreSQL
//     installation and starts a private cluster in a temporary directory.
//     It listens on a free port on 127.0.0.1 only and trusts every local
//     connection, so it has no password. Main stops it and deletes the
//     directory.
//
// When no server can be reached or started, URL skips the test. Set
// REQUIRE_POSTGRES=1, as CI should, to make it fail instead.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

const (
	// externalConnectTimeout bounds the wait for the TEST_DATABASE_URL server.
	// That server should already be running, so a long wait only delays the skip.
	externalConnectTimeout = 10 * time.Second

	// statementTimeout bounds CREATE DATABASE and DROP DATABASE.
	statementTimeout = 30 * time.Second
)

// shared is the server of this test process. The mutex is held for the whole
// start, so parallel tests wait for one start instead of racing, and a start
// failure is stored and returned to every later caller without a retry.
var shared struct {
	mu      sync.Mutex
	tried   bool
	server  *server
	err     error
	stopped bool
}

// databaseSeq numbers the databases of this process, so names never repeat.
var databaseSeq atomic.Int64

// server is a PostgreSQL server on which URL creates databases.
type server struct {
	// base is the URL of the maintenance database. URL returns copies of it
	// with another database name.
	base *url.URL

	// admin is a pool connected to base. It runs CREATE and DROP DATABASE.
	admin *sql.DB

	// cluster is the cluster that this process started, or nil when the
	// server comes from TEST_DATABASE_URL.
	cluster *cluster
}

// Main runs the tests of m, then stops and deletes the cluster that URL
// started, if any, and exits with the tests' exit code. It cleans up after
// failed tests too. A panicking test or a timeout ends the process before
// Main regains control, and then a watchdog process stops the cluster
// instead. When cleanup fails, Main prints the error and exits with code 1
// if the tests passed.
func Main(m *testing.M) {
	code := m.Run()
	if err := stopShared(); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// URL creates an empty database with a unique name and returns a postgres://
// URL for it. The cleanup of tb drops the database, and it ends any session
// that is still connected to it.
//
// The URL of a private cluster connects as the superuser postgres with
// sslmode=disable. A URL on the TEST_DATABASE_URL server keeps that URL's
// user, password and query parameters, and it adds sslmode=disable unless the
// URL sets sslmode.
//
// When PostgreSQL is not available, URL calls tb.Skip with the reason, or
// tb.Fatal when the environment variable REQUIRE_POSTGRES is 1. URL is safe
// to call from parallel tests.
func URL(tb testing.TB) string {
	tb.Helper()

	srv, err := sharedServer(tb)
	if err != nil {
		reportUnavailable(tb, err)
		return ""
	}

	name, err := srv.createDatabase()
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
		return ""
	}
	tb.Cleanup(func() {
		if err := srv.dropDatabase(name); err != nil {
			tb.Errorf("pgtest: %v", err)
		}
	})
	return srv.databaseURL(name)
}

// reportUnavailable skips tb, or fails it when REQUIRE_POSTGRES=1.
func reportUnavailable(tb testing.TB, err error) {
	tb.Helper()
	if os.Getenv("REQUIRE_POSTGRES") == "1" {
		tb.Fatalf("pgtest: PostgreSQL is required because REQUIRE_POSTGRES=1, but it is not available: %v", err)
		return
	}
	tb.Skipf("pgtest: skipping because PostgreSQL is not available: %v (set REQUIRE_POSTGRES=1 to fail instead)", err)
}

// sharedServer returns the server of this process and starts it on the first
// call. The caller that starts it logs where it runs and how long it took.
func sharedServer(tb testing.TB) (*server, error) {
	tb.Helper()
	shared.mu.Lock()
	defer shared.mu.Unlock()

	if shared.stopped {
		return nil, errors.New("pgtest.Main has already stopped the server; call URL only from tests")
	}
	if shared.tried {
		return shared.server, shared.err
	}

	shared.tried = true
	started := time.Now()
	shared.server, shared.err = openServer()
	if shared.err == nil {
		tb.Logf("pgtest: using PostgreSQL at %s, ready after %s", shared.server.base.Host, time.Since(started).Round(time.Millisecond))
	}
	return shared.server, shared.err
}

// stopShared closes the server of this process, if URL opened one.
func stopShared() error {
	shared.mu.Lock()
	defer shared.mu.Unlock()

	shared.stopped = true
	if shared.server == nil {
		return nil
	}
	err := shared.server.close()
	shared.server = nil
	return err
}

// openServer connects to the TEST_DATABASE_URL server when that variable is
// set, and otherwise starts a private cluster.
func openServer() (*server, error) {
	if raw := os.Getenv("TEST_DATABASE_URL"); raw != "" {
		return openExternal(raw)
	}
	return openCluster()
}

// openExternal connects to the server that rawURL names. Errors show the URL
// with its password redacted.
func openExternal(rawURL string) (*server, error) {
	base, err := url.Parse(rawURL)
	// The error of url.Parse quotes the whole input, which may contain a
	// password, so it is not wrapped.
	if err != nil || (base.Scheme != "postgres" && base.Scheme != "postgresql") || base.Host == "" {
		return nil, errors.New("TEST_DATABASE_URL is not a valid PostgreSQL URL; set it to postgres://USER@HOST:PORT/DBNAME or unset it to start a private cluster")
	}

	query := base.Query()
	if query.Get("sslmode") == "" {
		query.Set("sslmode", "disable")
	}
	base.RawQuery = query.Encode()

	admin, err := connect(base, externalConnectTimeout)
	if err != nil {
		return nil, fmt.Errorf("%w; check that the server in TEST_DATABASE_URL is running, or unset TEST_DATABASE_URL to start a private cluster", err)
	}
	return &server{base: base, admin: admin}, nil
}

// openCluster starts a private cluster and connects to its postgres database.
func openCluster() (*server, error) {
	c, err := startCluster()
	if err != nil {
		return nil, err
	}

	admin, err := connect(c.url("postgres"), clusterReadyTimeout)
	if err != nil {
		// pg_ctl reported a successful start, so the server log may show why
		// connections still fail.
		err = fmt.Errorf("%w\n%s", err, c.logTail())
		if stopErr := c.stop(); stopErr != nil {
			err = errors.Join(err, stopErr)
		}
		return nil, err
	}
	return &server{base: c.url("postgres"), admin: admin, cluster: c}, nil
}

// connect opens a pool for u and pings it until the server accepts a
// connection or timeout passes.
func connect(u *url.URL, timeout time.Duration) (*sql.DB, error) {
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", u.Redacted(), err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for {
		pingErr := db.PingContext(ctx)
		if pingErr == nil {
			return db, nil
		}
		select {
		case <-ctx.Done():
			db.Close()
			return nil, fmt.Errorf("connect to %s timed out after %s: %w", u.Redacted(), timeout, pingErr)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// close closes the admin pool, then stops the cluster if this process
// started one.
func (s *server) close() error {
	err := s.admin.Close()
	if err != nil {
		err = fmt.Errorf("close connection pool of %s: %w", s.base.Redacted(), err)
	}
	if s.cluster != nil {
		err = errors.Join(err, s.cluster.stop())
	}
	return err
}

// createDatabase creates an empty database and returns its name. The name
// contains the process id and a random part, so test processes that share a
// TEST_DATABASE_URL server do not collide.
func (s *server) createDatabase() (string, error) {
	suffix := make([]byte, 4)
	if _, err := rand.Read(suffix); err != nil {
		return "", fmt.Errorf("generate database name: %w", err)
	}
	name := fmt.Sprintf("pgtest_%d_%d_%s", os.Getpid(), databaseSeq.Add(1), hex.EncodeToString(suffix))

	ctx, cancel := context.WithTimeout(context.Background(), statementTimeout)
	defer cancel()

	// template0 stays unmodified by convention and rejects connections by
	// default (datallowconn is false), so parallel copies do not fail with
	// "source database is being accessed by other users" as copies of
	// template1 can.
	statement := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize() + " TEMPLATE template0"
	if _, err := s.admin.ExecContext(ctx, statement); err != nil {
		hint := ""
		if s.cluster == nil {
			hint = "; the role in TEST_DATABASE_URL needs the CREATEDB privilege"
		}
		return "", fmt.Errorf("create database %s on %s: %w%s", name, s.base.Host, err, hint)
	}
	return name, nil
}

// dropDatabase drops the database name and ends the sessions connected to
// it. URL calls it only for names that createDatabase created, so it never
// drops the database of TEST_DATABASE_URL or any other existing database.
func (s *server) dropDatabase(name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), statementTimeout)
	defer cancel()

	statement := "DROP DATABASE IF EXISTS " + pgx.Identifier{name}.Sanitize() + " WITH (FORCE)"
	if _, err := s.admin.ExecContext(ctx, statement); err != nil {
		return fmt.Errorf("drop database %s on %s: %w", name, s.base.Host, err)
	}
	return nil
}

// databaseURL returns the base URL with the database name replaced by name.
func (s *server) databaseURL(name string) string {
	u := *s.base
	u.Path = "/" + name
	u.RawPath = ""
	return u.String()
}
