//go:build !unix

package pgtest

import "os/exec"

// detachFromTerminal does nothing on systems without Unix process groups.
func detachFromTerminal(cmd *exec.Cmd) {}
