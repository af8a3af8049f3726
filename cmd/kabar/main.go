// Command kabar answers questions about a body of news coverage with
// citations anyone can check: from the command line (ask, eval) or as a
// Discord bot (serve).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	oneShotGC(os.Args, os.Getenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args, os.Stdout, os.Stderr, os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "kabar:", err)
		stop()
		os.Exit(exitCode(err))
	}
}
