package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"loupe/app/ui"
	"loupe/server/api"
	"loupe/server/auth"
	"loupe/server/store"
)

// sessionSweepInterval is how often serve deletes expired sessions.
const sessionSweepInterval = time.Hour

func serve(ctx context.Context, cfg config, stdout io.Writer) error {
	buildID, err := buildVersion(cfg.WebDir)
	if err != nil {
		return err
	}

	db, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()

	ui.Routes()
	server := &api.Server{
		DB:             db,
		Auth:           auth.New(db),
		MinCohortUsers: cfg.MinCohortUsers,
		UI: ui.NewHandler(ui.HandlerConfig{
			Version:        buildID,
			PlatformURL:    cfg.PlatformURL,
			MinCohortUsers: cfg.MinCohortUsers,
			WebDir:         cfg.WebDir,
		}),
	}

	listener, err := net.Listen("tcp", cfg.ListenAddr)
	if err != nil {
		return fmt.Errorf("listen on LISTEN_ADDR %q: %w", cfg.ListenAddr, err)
	}
	httpServer := &http.Server{
		Handler:           server.Router(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
	}

	go sweepSessions(ctx, server.Auth)

	serveErr := make(chan error, 1)
	go func() { serveErr <- httpServer.Serve(listener) }()
	slog.Info("serving", "addr", listener.Addr().String(), "version", buildID, "min_cohort_users", cfg.MinCohortUsers)
	fmt.Fprintf(stdout, "Loupe is running at http://%s/analytics (press Ctrl+C to stop)\n", browsableAddr(listener.Addr()))

	select {
	case err := <-serveErr:
		return fmt.Errorf("serve HTTP: %w", err)
	case <-ctx.Done():
	}

	slog.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down HTTP server: %w", err)
	}
	return nil
}

// buildVersion returns the version the web app reports and go-app uses to
// tell browsers a new release exists. It is the version set at link time
// when there is one. Otherwise it is a hash of every file under webDir, so
// that restarts and replicas of one build agree and any change to the app,
// its styles or its icons yields a new value.
func buildVersion(webDir string) (string, error) {
	wasmPath := filepath.Join(webDir, "app.wasm")
	if _, err := os.Stat(wasmPath); errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("web app not built: %s is missing; run `make build` or set WEB_DIR to the folder that holds app.wasm", wasmPath)
	} else if err != nil {
		return "", fmt.Errorf("read web app %s: %w", wasmPath, err)
	}
	if version != "" {
		return version, nil
	}

	h := sha256.New()
	err := filepath.WalkDir(webDir, func(path string, entry fs.DirEntry, err error) error {
		if err != nil || entry.IsDir() {
			return err
		}
		rel, err := filepath.Rel(webDir, path)
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(rel))
		_, err = io.Copy(h, f)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("hash web folder %s: %w", webDir, err)
	}
	return "web-" + hex.EncodeToString(h.Sum(nil))[:16], nil
}

// sweepSessions deletes expired sessions every sessionSweepInterval until
// ctx ends.
func sweepSessions(ctx context.Context, a *auth.Service) {
	ticker := time.NewTicker(sessionSweepInterval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			n, err := store.DeleteExpiredSessions(ctx, a.DB, a.Now())
			if err != nil {
				slog.Error("delete expired sessions failed", "error", err)
				continue
			}
			if n > 0 {
				slog.Info("deleted expired sessions", "count", n)
			}
		}
	}
}

// browsableAddr returns addr as a host and port to type into a browser:
// a server listening on every interface is reached through localhost.
func browsableAddr(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return addr.String()
	}
	return net.JoinHostPort("localhost", strconv.Itoa(tcp.Port))
}
