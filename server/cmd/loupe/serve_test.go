package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// startServe runs `loupe serve` on a random loopback port with a fresh
// SQLite database and returns its base URL. The web folder holds a stand-in
// app.wasm, because this test covers the server, not the web app's code.
func startServe(t *testing.T, extraEnv map[string]string) string {
	t.Helper()
	webDir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(webDir, "app.wasm"), []byte("stand-in wasm"), 0o644))
	t.Setenv("DATABASE_URL", filepath.Join(t.TempDir(), "loupe.db"))
	t.Setenv("LISTEN_ADDR", "127.0.0.1:0")
	t.Setenv("WEB_DIR", webDir)
	t.Setenv("MIN_COHORT_USERS", "")
	t.Setenv("PLATFORM_URL", "")
	for k, v := range extraEnv {
		t.Setenv(k, v)
	}

	ctx, cancel := context.WithCancel(context.Background())
	reader, writer := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve"}, strings.NewReader(""), writer)
		writer.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			assert.NoError(t, err, "serve after shutdown")
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop within 15 s of cancel")
		}
	})

	line, err := bufio.NewReader(reader).ReadString('\n')
	require.NoError(t, err, "read the serve banner")
	go io.Copy(io.Discard, reader) //nolint:errcheck // drains later output
	url := regexp.MustCompile(`http://[0-9.:]+`).FindString(line)
	require.NotEmpty(t, url, "serve banner %q names no URL", line)
	return url
}

func TestServeAPIAndPages(t *testing.T) {
	base := startServe(t, nil)

	resp, err := http.Get(base + "/api/analytics/usage")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "GET usage signed out")

	for _, path := range []string{"/", "/analytics", "/login", "/settings"} {
		resp, err := http.Get(base + path)
		require.NoError(t, err)
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, resp.StatusCode, "GET %s", path)
		assert.Contains(t, string(body), "<html", "GET %s is an HTML page", path)
		assert.Contains(t, string(body), "/web/loupe.css", "GET %s links the stylesheet", path)
	}

	resp, err = http.Get(base + "/manifest.webmanifest")
	require.NoError(t, err)
	var manifest struct {
		Name     string `json:"name"`
		StartURL string `json:"start_url"`
		Icons    []struct {
			Src string `json:"src"`
		} `json:"icons"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&manifest))
	resp.Body.Close()
	assert.Equal(t, "Loupe", manifest.Name, "manifest name")
	assert.Equal(t, "/analytics", manifest.StartURL, "manifest start_url")
	require.NotEmpty(t, manifest.Icons, "manifest icons")
	for _, icon := range manifest.Icons {
		assert.True(t, strings.HasPrefix(icon.Src, "/web/"), "manifest icon %q is not a local file", icon.Src)
	}

	resp, err = http.Get(base + "/web/app.wasm")
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, "stand-in wasm", string(body), "GET /web/app.wasm serves WEB_DIR")
}

func TestServePlatformLinks(t *testing.T) {
	base := startServe(t, map[string]string{"PLATFORM_URL": "https://studio.example.com"})
	resp, err := http.Get(base + "/analytics")
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	for _, section := range []string{"/projects", "/review", "/bookmarks"} {
		assert.Contains(t, string(body), "https://studio.example.com"+section, "prerendered page links to %s", section)
	}
}

func TestServeVersionStableAcrossStarts(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("build one"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "loupe.css"), []byte("body {}"), 0o644))
	first, err := buildVersion(dir)
	require.NoError(t, err)
	second, err := buildVersion(dir)
	require.NoError(t, err)
	assert.Equal(t, first, second, "buildVersion of one build")
	assert.NotEmpty(t, first)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("build two"), 0o644))
	third, err := buildVersion(dir)
	require.NoError(t, err)
	assert.NotEqual(t, first, third, "buildVersion after app.wasm changed")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "loupe.css"), []byte("body { margin: 0 }"), 0o644))
	fourth, err := buildVersion(dir)
	require.NoError(t, err)
	assert.NotEqual(t, third, fourth, "buildVersion after the stylesheet changed")

	_, err = buildVersion(t.TempDir())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "make build")
}
