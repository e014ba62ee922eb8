package pgtest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

const (
	// preferredBinDir is where Debian and Ubuntu install the PostgreSQL 15
	// programs, the version that findBinDir tries first.
	preferredBinDir = "/usr/lib/postgresql/15/bin"

	// pgCtlStartTimeout is the -t value of pg_ctl start, in seconds.
	pgCtlStartTimeout = "60"

	// clusterReadyTimeout bounds the ping loop after pg_ctl start returns.
	clusterReadyTimeout = 30 * time.Second

	// portAttempts is how often a start is tried on a new port when another
	// process takes the chosen port between the probe and the start.
	portAttempts = 3

	// logTailLines is how many lines of the server log an error shows.
	logTailLines = 20

	// serverUser is the system user that runs PostgreSQL when the tests run
	// as root, and also the superuser that initdb creates.
	serverUser = "postgres"
)

// errPortInUse marks a start that failed because the port was taken.
var errPortInUse = errors.New("port already in use")

// cluster is a PostgreSQL cluster that this process initialized and started.
type cluster struct {
	binDir    string
	tempDir   string // contains everything below and is removed by stop
	dataDir   string
	socketDir string
	logPath   string
	port      int

	// runAs turns a command line into one that runs it as serverUser. It is
	// nil unless the process runs as root, which PostgreSQL rejects.
	runAs func(argv []string) []string

	watchdog *watchdog
}

// startCluster initializes a cluster in a new temporary directory and starts
// it on a free port of 127.0.0.1. On failure it removes what it created.
func startCluster() (*cluster, error) {
	binDir, err := findBinDir()
	if err != nil {
		return nil, err
	}

	var owner *user.User
	c := &cluster{binDir: binDir}
	if os.Geteuid() == 0 {
		owner, c.runAs, err = serverUserRunner()
		if err != nil {
			return nil, err
		}
	}

	c.tempDir, err = os.MkdirTemp("", "pgtest-")
	if err != nil {
		return nil, fmt.Errorf("create temporary directory for the PostgreSQL cluster: %w; check TMPDIR", err)
	}
	// The watchdog runs in / and pg_ctl in the temporary directory, so a
	// relative TMPDIR would resolve to the wrong place.
	if abs, err := filepath.Abs(c.tempDir); err == nil {
		c.tempDir = abs
	}
	c.dataDir = filepath.Join(c.tempDir, "data")
	c.socketDir = filepath.Join(c.tempDir, "socket")
	c.logPath = filepath.Join(c.tempDir, "server.log")

	started := false
	defer func() {
		if !started {
			// The start error matters more than a failed cleanup of a
			// cluster that may never have run.
			_ = c.stop()
		}
	}()

	if err := c.prepareTempDir(owner); err != nil {
		return nil, err
	}
	c.watchdog = startWatchdog(c.tempDir, c.command("pg_ctl", "-D", c.dataDir, "-m", "immediate", "stop").Args)

	if err := c.initdb(); err != nil {
		return nil, err
	}
	for attempt := 1; ; attempt++ {
		c.port, err = freePort()
		if err != nil {
			return nil, err
		}
		err = c.start()
		if err == nil {
			break
		}
		if !errors.Is(err, errPortInUse) || attempt == portAttempts {
			return nil, err
		}
	}

	started = true
	return c, nil
}

// findBinDir returns the first directory that contains both initdb and
// pg_ctl: preferredBinDir, then the directory of initdb on PATH, then
// /usr/lib/postgresql/*/bin from the newest major version down.
func findBinDir() (string, error) {
	candidates := []string{preferredBinDir}
	if initdb, err := exec.LookPath("initdb"); err == nil {
		candidates = append(candidates, filepath.Dir(initdb))
	}
	candidates = append(candidates, installedBinDirs()...)

	for _, dir := range candidates {
		if isExecutable(filepath.Join(dir, "initdb")) && isExecutable(filepath.Join(dir, "pg_ctl")) {
			return dir, nil
		}
	}
	return "", fmt.Errorf("initdb and pg_ctl not found in %s, on PATH or in /usr/lib/postgresql/*/bin; install postgresql-15 or set TEST_DATABASE_URL", preferredBinDir)
}

// installedBinDirs lists /usr/lib/postgresql/VERSION/bin, newest version
// first. Versions compare as numbers, so 15 sorts above 9.6.
func installedBinDirs() []string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	version := func(dir string) float64 {
		v, err := strconv.ParseFloat(filepath.Base(filepath.Dir(dir)), 64)
		if err != nil {
			return -1
		}
		return v
	}
	sort.SliceStable(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	return dirs
}

func isExecutable(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular() && info.Mode().Perm()&0o111 != 0
}

// serverUserRunner looks up serverUser and returns it with a function that
// wraps a command line to run as that user. It prefers runuser because su
// needs the command line as a single shell string.
func serverUserRunner() (*user.User, func([]string) []string, error) {
	owner, err := user.Lookup(serverUser)
	if err != nil {
		return nil, nil, fmt.Errorf("tests run as root, which PostgreSQL rejects, and the system user %q to run it was not found: %w; create that user (the postgresql package does), run the tests as another user, or set TEST_DATABASE_URL", serverUser, err)
	}

	if runuser, err := exec.LookPath("runuser"); err == nil {
		return owner, func(argv []string) []string {
			return append([]string{runuser, "-u", serverUser, "--"}, argv...)
		}, nil
	}
	if su, err := exec.LookPath("su"); err == nil {
		return owner, func(argv []string) []string {
			return []string{su, serverUser, "-s", "/bin/sh", "-c", shellJoin(argv)}
		}, nil
	}
	return nil, nil, errors.New("tests run as root, which PostgreSQL rejects, and neither runuser nor su was found on PATH to run it as user postgres; install util-linux, run the tests as another user, or set TEST_DATABASE_URL")
}

// prepareTempDir creates the data and socket directories and the log file.
// When owner is set they belong to owner, and the temporary directory is
// made traversable so that owner can reach them.
func (c *cluster) prepareTempDir(owner *user.User) error {
	// unix_socket_directories is a list in which a path may be double-quoted
	// but cannot contain a double quote itself.
	if strings.Contains(c.socketDir, `"`) {
		return fmt.Errorf("socket directory %s contains a double quote, which PostgreSQL cannot use; set TMPDIR to another directory", c.socketDir)
	}

	if owner != nil {
		if err := os.Chmod(c.tempDir, 0o755); err != nil {
			return fmt.Errorf("make %s traversable for user %s: %w", c.tempDir, owner.Username, err)
		}
	}
	for _, dir := range []string{c.dataDir, c.socketDir} {
		if err := os.Mkdir(dir, 0o700); err != nil {
			return fmt.Errorf("create directory for the PostgreSQL cluster: %w", err)
		}
	}
	if err := os.WriteFile(c.logPath, nil, 0o600); err != nil {
		return fmt.Errorf("create server log: %w", err)
	}
	if owner == nil {
		return nil
	}

	uid, err := strconv.Atoi(owner.Uid)
	if err != nil {
		return fmt.Errorf("user %s has non-numeric uid %q", owner.Username, owner.Uid)
	}
	gid, err := strconv.Atoi(owner.Gid)
	if err != nil {
		return fmt.Errorf("user %s has non-numeric gid %q", owner.Username, owner.Gid)
	}
	for _, path := range []string{c.dataDir, c.socketDir, c.logPath} {
		if err := os.Chown(path, uid, gid); err != nil {
			return fmt.Errorf("change owner of %s to user %s: %w", path, owner.Username, err)
		}
	}
	return nil
}

// initdb creates the cluster with trust authentication and the superuser
// postgres. --no-sync skips the flush to disk, which a throwaway cluster
// does not need.
func (c *cluster) initdb() error {
	cmd := c.command("initdb", "-D", c.dataDir, "--auth=trust", "--username="+serverUser, "-E", "UTF8", "--locale=C", "--no-sync")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s failed for data dir %s%s: %w\ninitdb output:\n%s", c.program("initdb"), c.dataDir, c.userNote(), err, lastLines(out, logTailLines))
	}
	return nil
}

// start runs pg_ctl start on c.port and waits until the server accepts
// connections. It returns an error wrapping errPortInUse when the port was
// taken.
func (c *cluster) start() error {
	logStart, err := fileSize(c.logPath)
	if err != nil {
		return fmt.Errorf("read server log: %w", err)
	}

	// pg_ctl passes -o through /bin/sh, so the socket path is quoted for the
	// shell, and inside it for PostgreSQL's list syntax. Durability settings
	// are off because the cluster is thrown away after the tests.
	options := []string{
		"-c listen_addresses=127.0.0.1",
		"-c port=" + strconv.Itoa(c.port),
		"-c " + shellQuote(`unix_socket_directories="`+c.socketDir+`"`),
		"-c fsync=off",
		"-c synchronous_commit=off",
		"-c full_page_writes=off",
	}
	cmd := c.command("pg_ctl", "-D", c.dataDir, "-l", c.logPath, "-w", "-t", pgCtlStartTimeout, "-o", strings.Join(options, " "), "start")
	out, startErr := cmd.CombinedOutput()
	if startErr == nil {
		return nil
	}

	log, _ := os.ReadFile(c.logPath)
	if int64(len(log)) >= logStart {
		log = log[logStart:]
	}
	err = fmt.Errorf("%s start failed for data dir %s on 127.0.0.1:%d%s: %w\npg_ctl output:\n%s\n%s",
		c.program("pg_ctl"), c.dataDir, c.port, c.userNote(), startErr, lastLines(out, logTailLines), c.logTail())
	if bytes.Contains(log, []byte("Address already in use")) {
		err = fmt.Errorf("%w: %w", errPortInUse, err)
	}
	return err
}

// stop stops the server, if it runs, and removes the temporary directory.
// It stops the watchdog only when both steps succeeded, so that the watchdog
// retries them when the process exits.
func (c *cluster) stop() error {
	var errs []error
	if _, err := os.Stat(filepath.Join(c.dataDir, "postmaster.pid")); err == nil {
		cmd := c.command("pg_ctl", "-D", c.dataDir, "-m", "immediate", "-w", "stop")
		if out, err := cmd.CombinedOutput(); err != nil {
			errs = append(errs, fmt.Errorf("%s stop failed for data dir %s on 127.0.0.1:%d%s: %w\npg_ctl output:\n%s", c.program("pg_ctl"), c.dataDir, c.port, c.userNote(), err, lastLines(out, logTailLines)))
		}
	}
	if len(errs) == 0 {
		if err := os.RemoveAll(c.tempDir); err != nil {
			errs = append(errs, fmt.Errorf("remove PostgreSQL cluster directory: %w", err))
		}
	}

	if len(errs) == 0 && c.watchdog != nil {
		c.watchdog.stop()
	}
	return errors.Join(errs...)
}

// command returns a command that runs the PostgreSQL program name from
// c.binDir, as serverUser when c.runAs is set.
func (c *cluster) command(name string, args ...string) *exec.Cmd {
	argv := append([]string{c.program(name)}, args...)
	if c.runAs != nil {
		argv = c.runAs(argv)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	// The test's working directory may be closed to serverUser, and initdb
	// warns when it cannot change back to it.
	cmd.Dir = c.tempDir
	// The server writes to its log file, not to these pipes, but a stray
	// child holding them open must not block Wait forever.
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// program returns the path of the PostgreSQL program name.
func (c *cluster) program(name string) string {
	return filepath.Join(c.binDir, name)
}

// userNote returns the suffix that error messages add when the programs run
// as serverUser, because permission errors then concern that user.
func (c *cluster) userNote() string {
	if c.runAs == nil {
		return ""
	}
	return " (run as user " + serverUser + ")"
}

// url returns the URL of database on the cluster.
func (c *cluster) url(database string) *url.URL {
	return &url.URL{
		Scheme:   "postgres",
		User:     url.User(serverUser),
		Host:     net.JoinHostPort("127.0.0.1", strconv.Itoa(c.port)),
		Path:     "/" + database,
		RawQuery: "sslmode=disable",
	}
}

// logTail returns the last lines of the server log, headed by its path.
func (c *cluster) logTail() string {
	log, err := os.ReadFile(c.logPath)
	if err != nil {
		return fmt.Sprintf("server log %s could not be read: %v", c.logPath, err)
	}
	return fmt.Sprintf("last lines of server log %s:\n%s", c.logPath, lastLines(log, logTailLines))
}

// freePort returns a TCP port of 127.0.0.1 that was free a moment ago.
// Another process may take it before the server binds it, so the caller
// retries on errPortInUse.
func freePort() (int, error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free TCP port on 127.0.0.1: %w", err)
	}
	port := listener.Addr().(*net.TCPAddr).Port
	if err := listener.Close(); err != nil {
		return 0, fmt.Errorf("release probe port 127.0.0.1:%d: %w", port, err)
	}
	return port, nil
}

func fileSize(path string) (int64, error) {
	info, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return info.Size(), nil
}

// lastLines returns at most n trailing lines of text, without the final
// newline.
func lastLines(text []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(text), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// shellQuote quotes s as one word for /bin/sh.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// shellJoin quotes each element of argv and joins them into a command line
// for /bin/sh.
func shellJoin(argv []string) string {
	quoted := make([]string, len(argv))
	for i, arg := range argv {
		quoted[i] = shellQuote(arg)
	}
	return strings.Join(quoted, " ")
}
