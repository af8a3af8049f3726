package main

import (
	"context"
	"io"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	return usagef("serve is not wired yet")
}

func runCommands(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	return usagef("commands is not wired yet")
}
