package pgtest

import (
	"os"
	"os/exec"
)

// watchdogScript waits until its standard input reaches end of file, which
// happens when the test process exits in any way, including a panic, a test
// timeout or SIGKILL. It then runs the stop command given after the
// temporary directory and removes that directory. It ignores errors because
// the test process is gone and cannot report them.
const watchdogScript = `read -r line
tempdir=$1
shift
"$@" >/dev/null 2>&1
rm -rf -- "$tempdir"`

// watchdog is a /bin/sh child process that stops the cluster and removes its
// directory when the test process dies before Main can do so.
type watchdog struct {
	cmd *exec.Cmd

	// pipe is the write end of the watchdog's standard input. It stays open
	// for the life of the process, so the field also keeps it from being
	// closed by the garbage collector.
	pipe *os.File
}

// startWatchdog starts a watchdog for tempDir that runs stopArgv. It returns
// nil when the watchdog cannot start, because the watchdog only covers
// abnormal exits and the tests can run without it.
func startWatchdog(tempDir string, stopArgv []string) *watchdog {
	reader, writer, err := os.Pipe()
	if err != nil {
		return nil
	}
	defer reader.Close()

	args := append([]string{"-c", watchdogScript, "pgtest-watchdog", tempDir}, stopArgv...)
	cmd := exec.Command("/bin/sh", args...)
	cmd.Stdin = reader
	cmd.Dir = "/"
	detachFromTerminal(cmd)
	if err := cmd.Start(); err != nil {
		writer.Close()
		return nil
	}
	return &watchdog{cmd: cmd, pipe: writer}
}

// stop ends the watchdog without letting it run its stop command.
func (w *watchdog) stop() {
	_ = w.cmd.Process.Kill()
	_ = w.cmd.Wait()
	_ = w.pipe.Close()
}
