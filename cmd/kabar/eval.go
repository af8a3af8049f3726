package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/kabar-bot/kabar/eval"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	var c common
	c.register(fs, getenv)
	set := fs.String("set", "", "evaluation set (JSON Lines: question, answerable, expect, sources)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	half := fs.String("half", "", "score only one half of a split set: tune or test")
	failures := fs.Bool("failures", false, "print each wrong answer with the expected one")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: kabar eval --set FILE [flags]\n\nAnswers every question of FILE and reports accuracy, citations, recall@5 and latency.\n\nFlags:")
		fs.PrintDefaults()
	}
	pos, helped, err := parseFlags(fs, args, stderr)
	if helped || err != nil {
		return err
	}
	if *set == "" && len(pos) == 1 {
		*set = pos[0]
	}
	if *set == "" {
		return usagef("eval needs --set FILE (e.g. --set eval/testdata/dev.jsonl)")
	}
	items, err := eval.ReadSet(*set)
	if err != nil {
		return usageError{err.Error()}
	}
	if *half != "" && *half != "tune" && *half != "test" {
		return usagef("--half must be tune or test, not %q", *half)
	}
	if items = eval.Filter(items, *half); len(items) == 0 {
		return usagef("%s has no questions in half %q (split it with go run ./eval/internal/splitset)", *set, *half)
	}
	e, err := loadEnv(c, stderr, getenv)
	if err != nil {
		return err
	}
	ix, _, err := e.openIndex(ctx, false, nil, nil)
	if err != nil {
		return err
	}
	svc, err := e.service(ix)
	if err != nil {
		return err
	}
	rep, err := eval.Run(ctx, items, svc, ix)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	if err := eval.WriteTable(stdout, rep); err != nil {
		return err
	}
	if *failures {
		return eval.WriteFailures(stdout, rep)
	}
	return nil
}
