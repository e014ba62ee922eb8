// Package e2e tests Loupe as people use it: the real `loupe serve` binary
// on a loopback port, driven by headless Chromium through the DevTools
// protocol. The package has only tests. README.md describes what they need
// and when they skip.
package e2e
