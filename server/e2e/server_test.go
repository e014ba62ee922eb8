package e2e

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"
)

// serverStartTimeout bounds the wait for `loupe serve` to print its address.
const serverStartTimeout = 30 * time.Second

// serverStopTimeout bounds the graceful shutdown after SIGINT. The process
// is killed after it.
const serverStopTimeout = 10 * time.Second

var bannerAddr = regexp.MustCompile(`Loupe is running at http://(127\.0\.0\.1:[0-9]+)/analytics`)

// loupeServer is one `loupe serve` process on 127.0.0.1 and the SQLite file
// it serves. Stop and Start replace the process on the same address, so the
// browser keeps its origin, cookies and service worker across a restart.
type loupeServer struct {
	t              *testing.T
	dbPath         string
	minCohortUsers int

	// addr is host:port. The first start picks a free port, and later
	// starts reuse it.
	addr string

	mu      sync.Mutex
	cmd     *exec.Cmd
	exited  chan struct{}
	logs    bytes.Buffer
	version string
}

// startLoupe starts the first build of `loupe serve` on a free loopback port
// with the SQLite database at dbPath and the privacy threshold k set to
// minCohortUsers. The process stops when the test ends.
func startLoupe(t *testing.T, dbPath string, minCohortUsers int) *loupeServer {
	t.Helper()
	requireWebApp(t)

	s := &loupeServer{t: t, dbPath: dbPath, minCohortUsers: minCohortUsers, addr: "127.0.0.1:0"}
	t.Cleanup(func() {
		s.Stop()
		if t.Failed() {
			t.Logf("loupe serve output:\n%s", s.output())
		}
	})
	s.Start(suite.firstBinary, firstVersion)
	return s
}

// URL returns the server's origin, such as http://127.0.0.1:41234.
func (s *loupeServer) URL() string {
	return "http://" + s.addr
}

// Start runs binary, a build linked with version, as `loupe serve` and waits
// until it prints the address it listens on.
func (s *loupeServer) Start(binary, version string) {
	s.t.Helper()

	cmd := exec.Command(binary, "serve")
	cmd.Env = append(os.Environ(),
		"DATABASE_URL="+s.dbPath,
		"LISTEN_ADDR="+s.addr,
		"MIN_COHORT_USERS="+strconv.Itoa(s.minCohortUsers),
		"PLATFORM_URL=",
		"WEB_DIR="+suite.webDir,
	)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		s.t.Fatalf("pipe stdout of loupe serve: %v", err)
	}
	cmd.Stderr = &lockedWriter{mu: &s.mu, w: &s.logs}
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("start %s serve: %v", binary, err)
	}

	exited := make(chan struct{})
	banner := make(chan string, 1)
	go func() {
		reader := bufio.NewReader(stdout)
		line, _ := reader.ReadString('\n')
		banner <- line
		io.Copy(io.Discard, reader) //nolint:errcheck // later output is not needed
		cmd.Wait()                  //nolint:errcheck // the exit status shows in the logs
		close(exited)
	}()

	s.mu.Lock()
	s.cmd, s.exited, s.version = cmd, exited, version
	s.mu.Unlock()

	select {
	case line := <-banner:
		m := bannerAddr.FindStringSubmatch(line)
		if m == nil {
			s.t.Fatalf("loupe serve printed %q; want a line naming its address\n%s", line, s.output())
		}
		s.addr = m[1]
	case <-time.After(serverStartTimeout):
		s.t.Fatalf("loupe serve printed no address within %s\n%s", serverStartTimeout, s.output())
	}
}

// Stop ends the server with SIGINT, as Ctrl+C does, and kills it when it
// has not exited within serverStopTimeout. Stopping a stopped server does
// nothing.
func (s *loupeServer) Stop() {
	s.mu.Lock()
	cmd, exited := s.cmd, s.exited
	s.cmd = nil
	s.mu.Unlock()
	if cmd == nil {
		return
	}

	cmd.Process.Signal(os.Interrupt) //nolint:errcheck // an exited process needs no signal
	select {
	case <-exited:
	case <-time.After(serverStopTimeout):
		s.t.Errorf("loupe serve did not stop within %s of SIGINT; killing it", serverStopTimeout)
		cmd.Process.Kill() //nolint:errcheck // Wait below reports the end
		<-exited
	}
}

func (s *loupeServer) output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.logs.String()
}

// lockedWriter serialises writes to w, so the server's log can be read while
// the process writes it.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// String describes the server for failure messages.
func (s *loupeServer) String() string {
	return fmt.Sprintf("loupe %s at %s", s.version, s.URL())
}
