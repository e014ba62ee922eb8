package pgtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMain(m *testing.M) {
	Main(m)
}

// openDB connects to databaseURL and closes the pool when t ends.
func openDB(t *testing.T, databaseURL string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", databaseURL)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

func currentDatabase(t *testing.T, db *sql.DB) string {
	t.Helper()
	var name string
	require.NoError(t, db.QueryRowContext(context.Background(), "SELECT current_database()").Scan(&name))
	return name
}

func databaseExists(t *testing.T, db *sql.DB, name string) bool {
	t.Helper()
	var exists bool
	err := db.QueryRowContext(context.Background(), "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists)
	require.NoError(t, err)
	return exists
}

// adminURL returns the URL of the maintenance database of the shared server,
// which is the postgres database on a private cluster.
func adminURL(t *testing.T) string {
	t.Helper()
	URL(t) // starts the shared server, or skips the test
	shared.mu.Lock()
	defer shared.mu.Unlock()
	return shared.server.base.String()
}

func TestURLAcceptsConnection(t *testing.T) {
	t.Parallel()
	databaseURL := URL(t)

	parsed, err := url.Parse(databaseURL)
	require.NoError(t, err)
	if parsed.Scheme != "postgres" {
		t.Errorf("scheme of URL(t) = %q; want %q", parsed.Scheme, "postgres")
	}
	if got := parsed.Query().Get("sslmode"); got != "disable" {
		t.Errorf("sslmode of URL(t) = %q; want %q", got, "disable")
	}

	db := openDB(t, databaseURL)
	var got int
	require.NoError(t, db.QueryRowContext(context.Background(), "SELECT 1").Scan(&got))
	if got != 1 {
		t.Errorf("SELECT 1 = %d; want 1", got)
	}
}

func TestURLReturnsSeparateDatabases(t *testing.T) {
	t.Parallel()
	first := openDB(t, URL(t))
	second := openDB(t, URL(t))

	firstName, secondName := currentDatabase(t, first), currentDatabase(t, second)
	if firstName == secondName {
		t.Fatalf("current_database() = %q for both URLs; want two different databases", firstName)
	}

	_, err := first.ExecContext(context.Background(), "CREATE TABLE only_in_first (id integer)")
	require.NoError(t, err)

	var inFirst, inSecond sql.NullString
	const lookup = "SELECT to_regclass('only_in_first')::text"
	require.NoError(t, first.QueryRowContext(context.Background(), lookup).Scan(&inFirst))
	require.NoError(t, second.QueryRowContext(context.Background(), lookup).Scan(&inSecond))
	if !inFirst.Valid {
		t.Errorf("to_regclass('only_in_first') in %s = NULL; want the table", firstName)
	}
	if inSecond.Valid {
		t.Errorf("to_regclass('only_in_first') in %s = %q; want NULL", secondName, inSecond.String)
	}
}

func TestURLDropsDatabaseAfterTest(t *testing.T) {
	t.Parallel()
	admin := openDB(t, adminURL(t))

	// The pool and its session outlive the subtest, so the drop has to end a
	// live session, which is what WITH (FORCE) is for.
	var pool *sql.DB
	var leftOpen *sql.Conn
	t.Cleanup(func() {
		if leftOpen != nil {
			leftOpen.Close()
		}
		if pool != nil {
			pool.Close()
		}
	})

	var name string
	t.Run("uses database", func(t *testing.T) {
		var err error
		pool, err = sql.Open("pgx", URL(t))
		require.NoError(t, err)
		leftOpen, err = pool.Conn(context.Background())
		require.NoError(t, err)

		name = currentDatabase(t, pool)
		if !databaseExists(t, admin, name) {
			t.Fatalf("databaseExists(%q) = false during the test; want true", name)
		}
	})
	require.NotEmpty(t, name, "subtest did not report its database name")

	if databaseExists(t, admin, name) {
		t.Errorf("databaseExists(%q) = true after the subtest ended; want false", name)
	}
	if err := leftOpen.PingContext(context.Background()); err == nil {
		t.Errorf("Ping() on a session of dropped database %q = nil; want an error", name)
	}
}

func TestExternalServerKeepsItsDatabase(t *testing.T) {
	t.Parallel()
	// A database from URL plays the role of the database of TEST_DATABASE_URL.
	externalURL := URL(t)
	externalName := currentDatabase(t, openDB(t, externalURL))

	srv, err := openExternal(externalURL)
	require.NoError(t, err)
	t.Cleanup(func() { srv.close() })
	if srv.cluster != nil {
		t.Errorf("openExternal(%q).cluster = %p; want nil", externalURL, srv.cluster)
	}

	name, err := srv.createDatabase()
	require.NoError(t, err)
	databaseURL := srv.databaseURL(name)
	if got := currentDatabase(t, openDB(t, databaseURL)); got != name {
		t.Errorf("current_database() on databaseURL(%q) = %q; want %q", name, got, name)
	}

	require.NoError(t, srv.dropDatabase(name))
	admin := openDB(t, externalURL)
	if databaseExists(t, admin, name) {
		t.Errorf("databaseExists(%q) = true after dropDatabase; want false", name)
	}
	if !databaseExists(t, admin, externalName) {
		t.Errorf("databaseExists(%q) = false after dropDatabase(%q); want true", externalName, name)
	}
}

func TestExternalURLKeepsSSLMode(t *testing.T) {
	t.Parallel()
	externalURL := URL(t) + "&application_name=pgtest"
	externalURL = strings.Replace(externalURL, "sslmode=disable", "sslmode=prefer", 1)

	srv, err := openExternal(externalURL)
	require.NoError(t, err)
	t.Cleanup(func() { srv.close() })

	parsed, err := url.Parse(srv.databaseURL("other"))
	require.NoError(t, err)
	if got := parsed.Query().Get("sslmode"); got != "prefer" {
		t.Errorf("sslmode of databaseURL(%q) = %q; want %q", "other", got, "prefer")
	}
	if got := parsed.Query().Get("application_name"); got != "pgtest" {
		t.Errorf("application_name of databaseURL(%q) = %q; want %q", "other", got, "pgtest")
	}
	if parsed.Path != "/other" {
		t.Errorf("path of databaseURL(%q) = %q; want %q", "other", parsed.Path, "/other")
	}
}

func TestExternalInvalidURLHidesPassword(t *testing.T) {
	for _, raw := range []string{
		"mysql://user:secret@127.0.0.1/db",
		"postgres://user:secret@127.0.0.1:bad port/db",
		"host=127.0.0.1 password=secret",
	} {
		_, err := openExternal(raw)
		if err == nil {
			t.Errorf("openExternal(%q) = nil error; want an error", raw)
			continue
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("openExternal(%q) error = %q; want it without the password", raw, err)
		}
	}
}

// recordingTB records the Skipf and Fatalf calls that reportUnavailable
// makes instead of ending the test.
type recordingTB struct {
	testing.TB
	skipped string
	failed  string
}

func (r *recordingTB) Helper() {}

func (r *recordingTB) Skipf(format string, args ...any) {
	r.skipped = fmt.Sprintf(format, args...)
}

func (r *recordingTB) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
}

func TestUnavailableSkipsUnlessRequired(t *testing.T) {
	reason := errors.New("initdb not found")
	for _, tc := range []struct {
		require    string
		wantSkip   bool
		wantFailed bool
	}{
		{require: "", wantSkip: true},
		{require: "0", wantSkip: true},
		{require: "1", wantFailed: true},
	} {
		t.Setenv("REQUIRE_POSTGRES", tc.require)
		tb := &recordingTB{TB: t}
		reportUnavailable(tb, reason)

		if got := tb.skipped != ""; got != tc.wantSkip {
			t.Errorf("REQUIRE_POSTGRES=%q: skipped = %v; want %v", tc.require, got, tc.wantSkip)
		}
		if got := tb.failed != ""; got != tc.wantFailed {
			t.Errorf("REQUIRE_POSTGRES=%q: failed = %v; want %v", tc.require, got, tc.wantFailed)
		}
		if message := tb.skipped + tb.failed; !strings.Contains(message, reason.Error()) {
			t.Errorf("REQUIRE_POSTGRES=%q: message = %q; want it to contain %q", tc.require, message, reason)
		}
	}
}

func TestLastLinesKeepsTail(t *testing.T) {
	for _, tc := range []struct {
		text string
		n    int
		want string
	}{
		{text: "a\nb\nc\n", n: 2, want: "b\nc"},
		{text: "a\nb", n: 5, want: "a\nb"},
		{text: "", n: 3, want: ""},
	} {
		if got := lastLines([]byte(tc.text), tc.n); got != tc.want {
			t.Errorf("lastLines(%q, %d) = %q; want %q", tc.text, tc.n, got, tc.want)
		}
	}
}

func TestShellJoinQuotesArguments(t *testing.T) {
	got := shellJoin([]string{"/usr/bin/pg_ctl", "-o", "-c a='b c'"})
	want := `'/usr/bin/pg_ctl' '-o' '-c a='\''b c'\'''`
	if got != want {
		t.Errorf("shellJoin(...) = %s; want %s", got, want)
	}
}

func TestStartReportsPortInUse(t *testing.T) {
	t.Parallel()
	c, err := startCluster()
	if err != nil {
		reportUnavailable(t, err)
		return
	}
	t.Cleanup(func() { require.NoError(t, c.stop()) })

	// The listener plays the role of another process that took the port.
	stopCmd := c.command("pg_ctl", "-D", c.dataDir, "-m", "immediate", "-w", "stop")
	out, err := stopCmd.CombinedOutput()
	require.NoError(t, err, "pg_ctl stop output:\n%s", out)
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { listener.Close() })
	c.port = listener.Addr().(*net.TCPAddr).Port

	err = c.start()
	if !errors.Is(err, errPortInUse) {
		t.Fatalf("start() on taken port %d = %v; want errPortInUse", c.port, err)
	}
	for _, want := range []string{strconv.Itoa(c.port), c.dataDir, c.logPath, "Address already in use"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("start() on taken port error = %q; want it to contain %q", err, want)
		}
	}
}
