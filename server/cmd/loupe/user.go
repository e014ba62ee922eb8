package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"loupe/server/auth"
	"loupe/server/store"
)

// userAdd creates a sign-in account. The password comes from the first line
// of stdin, so it never appears in the process list or the shell history.
func userAdd(ctx context.Context, cfg config, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	email := fs.String("email", "", "email to sign in with (required)")
	name := fs.String("name", "", "display name of the new profile")
	admin := fs.Bool("admin", false, "give the new profile the admin role")
	profile := fs.String("profile", "", "link the account to this existing profile id instead of creating a profile")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("user add: %w; usage: loupe user add --email E [--name N] [--admin] [--profile ID]", err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("user add: unexpected argument %q; usage: loupe user add --email E [--name N] [--admin] [--profile ID]", fs.Arg(0))
	}
	if *email == "" {
		return errors.New("user add: missing --email; usage: loupe user add --email E [--name N] [--admin] [--profile ID]")
	}
	if *profile != "" && (*name != "" || *admin) {
		return errors.New("user add: --name and --admin describe a new profile, so they cannot be used with --profile")
	}

	password, err := readPassword(stdin)
	if err != nil {
		return err
	}

	db, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()

	created, err := auth.New(db).AddAccount(ctx, auth.NewAccount{
		Email:       *email,
		Password:    password,
		DisplayName: *name,
		Admin:       *admin,
		ProfileID:   *profile,
	})
	var inputErr *auth.InputError
	switch {
	case errors.As(err, &inputErr):
		return fmt.Errorf("user add: %s", inputErr.Message)
	case errors.Is(err, store.ErrEmailTaken):
		return fmt.Errorf("user add: an account with email %q already exists", strings.ToLower(strings.TrimSpace(*email)))
	case errors.Is(err, store.ErrNotFound):
		return fmt.Errorf("user add: no profile with id %q; leave out --profile to create one", *profile)
	case err != nil:
		return fmt.Errorf("user add: %w", err)
	}

	fmt.Fprintf(stdout, "Added account %s for profile %s (%s).\n", created.Account.Email, created.Profile.ID, created.Profile.Role)
	return nil
}

// readPassword reads the first line of r without its line ending.
func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password from stdin: %w", err)
	}
	password := strings.TrimRight(line, "\r\n")
	if password == "" {
		return "", errors.New("user add: missing password: write it to stdin, for example: printf '%s\\n' \"$PASSWORD\" | loupe user add --email ana@example.com")
	}
	return password, nil
}
