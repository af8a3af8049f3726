package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/answer"
)

var updateSummary = flag.Bool("update", false, "rewrite the summary golden files")

func runSummaryCLI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	data := t.TempDir()
	getenv := func(k string) string { return "" }
	err := run(context.Background(), append([]string{"kabar", "summary", "--data", data}, args...), &out, &errb, getenv)
	return out.String(), errb.String(), err
}

// The seed summary's JSON, in both languages, against golden files; every
// quote verbatim at its character offsets.
func TestSummaryJSONGolden(t *testing.T) {
	for _, lang := range []string{"en", "id"} {
		out, stderr, err := runSummaryCLI(t, "--json", "--lang", lang)
		if err != nil {
			t.Fatalf("%s: %v %s", lang, err, stderr)
		}
		var s answer.Story
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatal(err)
		}
		s.TookMS = 0
		for _, c := range s.Citations {
			text, err := os.ReadFile(filepath.Join("..", "..", "seeds", c.Doc+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			r := []rune(string(text))
			if c.End > len(r) || string(r[c.Start:c.End]) != c.Quote || !utf8.ValidString(c.Quote) {
				t.Errorf("citation %d of %s is not verbatim at %d–%d", c.N, c.Doc, c.Start, c.End)
			}
		}
		got, _ := json.MarshalIndent(s, "", "  ")
		path := filepath.Join("testdata", "summary_"+lang+".golden.json")
		if *updateSummary {
			if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update)", err)
		}
		if string(append(got, '\n')) != string(want) {
			t.Errorf("%s differs from %s; run go test ./cmd/kabar -run SummaryJSON -update and review the diff", lang, path)
		}
	}
}

func TestSummaryUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"--doc", "no_such_article"}, {"--topic", "  "}, {"--lang", "fr"}} {
		_, _, err := runSummaryCLI(t, args...)
		if err == nil || exitCode(err) != 2 {
			t.Errorf("%v: %v, want exit 2", args, err)
		}
	}
}
