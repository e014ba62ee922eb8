package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"loupe/server/demo"
)

// demoCommand fills an empty database with demo data and prints the demo
// accounts with their passwords. The passwords are random and printed only
// here: Loupe stores only their hashes.
func demoCommand(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	seed := fs.Int64("seed", 1, "seed of the generated history; the same seed gives the same history")
	ifEmpty := fs.Bool("if-empty", false, "do nothing, successfully, when the database already has data")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("demo: %w; usage: loupe demo [--seed N] [--if-empty]", err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("demo: unexpected argument %q; usage: loupe demo [--seed N] [--if-empty]", fs.Arg(0))
	}

	db, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()

	result, err := demo.Load(ctx, db, demo.Options{Seed: *seed, End: time.Now()})
	if errors.Is(err, demo.ErrNotEmpty) && *ifEmpty {
		fmt.Fprintln(stdout, "The database already has data, so no demo data was loaded.")
		fmt.Fprintln(stdout, "Sign in with an account printed when the demo data was loaded, or add one with: loupe user add --email E")
		return nil
	}
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}

	fmt.Fprintf(stdout, "Loaded demo data: %d people, %d generations, %d outputs, %d bookmarks.\n",
		len(result.Accounts), result.Generations, result.Outputs, result.Bookmarks)
	fmt.Fprintln(stdout, "Demo accounts (passwords are shown only now):")
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  EMAIL\tPASSWORD\tNAME\tGENERATIONS")
	for _, a := range result.Accounts {
		name := a.DisplayName
		if a.Admin {
			name += " (admin)"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d\n", a.Email, a.Password, name, a.Generations)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(result.Accounts) > 0 {
		first := result.Accounts[0]
		fmt.Fprintf(stdout, "Sign in as %s with password %s\n", first.Email, first.Password)
	}
	return nil
}
