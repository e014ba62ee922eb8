package e2e

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Versions linked into the two builds of the server. The update test
// deploys the second build over the first.
const (
	firstVersion  = "e2e-first-build"
	secondVersion = "e2e-second-build"
)

// suite is what TestMain prepares once for every test.
var suite struct {
	// root is the module root, the folder of go.mod.
	root string
	// tempDir holds the builds and the copy of the web folder. TestMain
	// deletes it.
	tempDir string
	// webDir is a copy of the repository's web/ folder taken at start, so a
	// rebuild of app.wasm while the tests run cannot change what they serve.
	webDir string
	// webErr is why webDir cannot be served, such as a missing app.wasm.
	webErr error
	// firstBinary is `loupe` linked with firstVersion.
	firstBinary string
	// secondBinary builds `loupe` linked with secondVersion on first use.
	secondBinary func() (string, error)
	// screenshotDir receives one PNG per state a test looks at.
	screenshotDir string
}

func TestMain(m *testing.M) {
	code, err := runSuite(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

// runSuite builds the server, copies the web folder, runs the tests and
// deletes what it made. It returns the tests' exit code, or an error when the
// server cannot be built.
func runSuite(m *testing.M) (int, error) {
	root, err := moduleRoot()
	if err != nil {
		return 0, err
	}
	suite.root = root

	suite.tempDir, err = os.MkdirTemp("", "loupe-e2e-")
	if err != nil {
		return 0, fmt.Errorf("create the temporary folder: %w", err)
	}
	defer os.RemoveAll(suite.tempDir)

	suite.webDir = filepath.Join(suite.tempDir, "web")
	suite.webErr = copyWebDir(filepath.Join(root, "web"), suite.webDir)

	suite.firstBinary, err = buildServer(firstVersion)
	if err != nil {
		return 0, err
	}
	suite.secondBinary = sync.OnceValues(func() (string, error) {
		return buildServer(secondVersion)
	})

	suite.screenshotDir = filepath.Join(root, ".artifacts", "screenshots")
	if err := os.RemoveAll(suite.screenshotDir); err != nil {
		return 0, fmt.Errorf("clear old screenshots: %w", err)
	}
	if err := os.MkdirAll(suite.screenshotDir, 0o755); err != nil {
		return 0, fmt.Errorf("create the screenshot folder: %w", err)
	}

	return m.Run(), nil
}

// moduleRoot returns the folder of the go.mod that `go env GOMOD` names.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("go env GOMOD names no go.mod: run the tests inside the loupe module")
	}
	return filepath.Dir(gomod), nil
}

// buildServer links ./server/cmd/loupe with main.version set to version, as
// the Makefile does, and returns the binary's path.
func buildServer(version string) (string, error) {
	out := filepath.Join(suite.tempDir, "loupe-"+version)
	cmd := exec.Command("go", "build", "-trimpath",
		"-ldflags", "-X main.version="+version,
		"-o", out, "./server/cmd/loupe")
	cmd.Dir = suite.root
	if output, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build loupe %s: %w\n%s", version, err, output)
	}
	return out, nil
}

// copyWebDir copies the folder src with its subfolders to dst. When src
// lacks app.wasm, the error names the command that builds it.
func copyWebDir(src, dst string) error {
	if _, err := os.Stat(filepath.Join(src, "app.wasm")); err != nil {
		return fmt.Errorf("%s is missing: run `make wasm` first (%w)", filepath.Join(src, "app.wasm"), err)
	}
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		return copyFile(path, target)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()

	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return out.Close()
}

// requireWebApp fails t when the web folder could not be copied, because
// `loupe serve` refuses to start without app.wasm.
func requireWebApp(t *testing.T) {
	t.Helper()
	if suite.webErr != nil {
		t.Fatalf("web app unavailable: %v", suite.webErr)
	}
}

// browserRequired reports whether REQUIRE_BROWSER=1 is set, which turns a
// missing Chromium or axe-core from a skip into a failure.
func browserRequired() bool {
	return os.Getenv("REQUIRE_BROWSER") == "1"
}

// skipOrFail skips t, or fails it when REQUIRE_BROWSER=1.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if browserRequired() {
		t.Fatalf(format+" (REQUIRE_BROWSER=1 makes this a failure)", args...)
	}
	t.Skipf(format, args...)
}
