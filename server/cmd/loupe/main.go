// Command loupe runs the Loupe analytics server and its maintenance tasks.
//
// Usage:
//
//	loupe serve                 migrate, then serve the web app and the API
//	loupe migrate               apply pending schema migrations
//	loupe user add --email E [--name N] [--admin] [--profile ID]
//	                            add a sign-in account; the password is read from stdin
//	loupe demo [--seed N] [--if-empty]
//	                            fill an empty database with demo data
//
// Settings come from the environment: DATABASE_URL, LISTEN_ADDR,
// MIN_COHORT_USERS, PLATFORM_URL and WEB_DIR (see README.md).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"slices"
	"syscall"

	"github.com/uptrace/bun"

	"loupe/server/store"
)

// version identifies the build. The Makefile sets it with
// -ldflags "-X main.version=…"; see buildVersion for other builds.
var version string

const usage = `Usage:
  loupe serve                 migrate, then serve the web app and the API
  loupe migrate               apply pending schema migrations
  loupe user add --email E [--name N] [--admin] [--profile ID]
                              add a sign-in account; the password is read from stdin
  loupe demo [--seed N] [--if-empty]
                              fill an empty database with demo data

Settings come from the environment: DATABASE_URL, LISTEN_ADDR,
MIN_COHORT_USERS, PLATFORM_URL, WEB_DIR.
`

func main() {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout); err != nil {
		if errors.Is(err, errUsage) {
			fmt.Fprint(os.Stderr, usage)
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "loupe:", err)
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

// run executes the command in args and returns its error.
func run(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 {
		return errUsage
	}
	if slices.Contains(args, "-h") || slices.Contains(args, "--help") || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	switch args[0] {
	case "serve", "migrate":
		if len(args) > 1 {
			return fmt.Errorf("%s: unexpected argument %q; %s takes no arguments, only the settings in the environment", args[0], args[1], args[0])
		}
	case "user":
		if len(args) < 2 || args[1] != "add" {
			return errUsage
		}
	case "demo":
	default:
		return errUsage
	}

	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	switch args[0] {
	case "serve":
		return serve(ctx, cfg, stdout)
	case "migrate":
		return migrateCommand(ctx, cfg, stdout)
	case "user":
		return userAdd(ctx, cfg, args[2:], stdin, stdout)
	default:
		return demoCommand(ctx, cfg, args[1:], stdout)
	}
}

// openMigrated opens the configured database and applies pending migrations,
// so that every command works on an up-to-date schema.
func openMigrated(ctx context.Context, cfg config) (*bun.DB, error) {
	db, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	applied, err := store.Migrate(ctx, db)
	if err != nil {
		db.Close()
		return nil, err
	}
	for _, name := range applied {
		slog.Info("applied migration", "migration", name)
	}
	return db, nil
}

func migrateCommand(ctx context.Context, cfg config, stdout io.Writer) error {
	db, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	applied, err := store.Migrate(ctx, db)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintln(stdout, "The database schema is up to date.")
		return nil
	}
	for _, name := range applied {
		fmt.Fprintln(stdout, "applied", name)
	}
	return nil
}
