package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
)

// usageError is bad input from the user: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

const usage = `Kabar answers questions about news coverage, citing the articles verbatim.

Usage:
  kabar ask [--json] [--stream] [--k N] [--corpus DIR] [--data DIR] QUESTION
  kabar summary [--json] [--topic T] [--doc ID] [--lang en|id] [--corpus DIR] [--data DIR]
  kabar check [--json] [--corpus DIR] [--data DIR] CLAIM
  kabar index [--corpus DIR] [--data DIR] [--rebuild]
  kabar eval --set FILE [--json] [--corpus DIR] [--data DIR]
  kabar serve [--corpus DIR] [--data DIR]          (needs DISCORD_TOKEN)
  kabar commands sync|list|clear                   (needs DISCORD_TOKEN)
  kabar gaps [--since 7d] [--json]                 (questions the coverage failed, answers voted 👎)
  kabar version

Every command accepts --config FILE (default $KABAR_CONFIG); see config.example.yaml.
With no corpus configured, Kabar answers from its bundled articles.
Run "kabar COMMAND --help" for a command's flags.
`

// run is the whole program; main only wires the process to it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return usagef("no command given")
	}
	cmd, rest := args[1], args[2:]
	switch cmd {
	case "ask":
		return runAsk(ctx, rest, stdout, stderr, getenv)
	case "summary":
		return runSummary(ctx, rest, stdout, stderr, getenv)
	case "check":
		return runCheck(ctx, rest, stdout, stderr, getenv)
	case "index":
		return runIndex(ctx, rest, stdout, stderr, getenv)
	case "eval":
		return runEval(ctx, rest, stdout, stderr, getenv)
	case "serve":
		return runServe(ctx, rest, stdout, stderr, getenv)
	case "commands":
		return runCommands(ctx, rest, stdout, stderr, getenv)
	case "gaps":
		return runGaps(ctx, rest, stdout, stderr, getenv)
	case "version", "--version":
		fmt.Fprintln(stdout, "kabar", version())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usagef("unknown command %q", cmd)
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// common holds the flags every corpus-reading command shares.
type common struct {
	config, corpus, data string
}

func (c *common) register(fs *flag.FlagSet, getenv func(string) string) {
	fs.StringVar(&c.config, "config", getenv("KABAR_CONFIG"), "configuration `file` (YAML)")
	fs.StringVar(&c.corpus, "corpus", "", "folder of articles (.txt, .md, .html), searched recursively; default: the bundled articles")
	fs.StringVar(&c.data, "data", "", "index `directory`; default: under the user cache directory")
}

// parseFlags parses args, allowing flags after positional arguments
// ("kabar ask 'question' --json"), turning --help into a clean exit and flag
// errors into usage errors. It returns the positional arguments.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (positional []string, helped bool, err error) {
	fs.SetOutput(stderr)
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, true, nil
			}
			return nil, false, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, false, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), false, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}
