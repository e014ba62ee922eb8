//go:build unix

package pgtest

import (
	"os/exec"
	"syscall"
)

// detachFromTerminal puts cmd in its own process group. Ctrl-C sends SIGINT
// to the terminal's foreground process group, and the watchdog has to
// survive that signal to clean up after the test process that it ends.
func detachFromTerminal(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}
