package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/seeds"
)

const cliQuestion = "How many engineers did North Korea promise?"

// cliRun runs the CLI in-process with a clean environment (so no real
// KABAR_CONFIG or key leaks in) and returns what it printed.
func cliRun(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(context.Background(), append([]string{"kabar"}, args...), &out, &errOut, func(k string) string { return env[k] })
	return out.String(), errOut.String(), err
}

// cliAskJSON runs `kabar ask --json` and decodes its single JSON object,
// failing if stdout holds anything else.
func cliAskJSON(t *testing.T, args ...string) (answer.Result, map[string]json.RawMessage) {
	t.Helper()
	stdout, stderr, err := cliRun(t, nil, append([]string{"ask", "--json"}, args...)...)
	if err != nil {
		t.Fatalf("ask %q: %v\nstderr: %s", args, err, stderr)
	}
	return cliDecodeOne(t, stdout)
}

func cliDecodeOne(t *testing.T, stdout string) (answer.Result, map[string]json.RawMessage) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(stdout))
	var raw map[string]json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		t.Fatalf("stdout is not a JSON object: %v\n%s", err, stdout)
	}
	if rest := cliRemaining(dec); strings.TrimSpace(rest) != "" {
		t.Fatalf("stdout holds more than one JSON object; after the first: %q", rest)
	}
	var res answer.Result
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	return res, raw
}

// cliRemaining returns what follows the first JSON value.
func cliRemaining(dec *json.Decoder) string {
	var b bytes.Buffer
	b.ReadFrom(dec.Buffered())
	return b.String()
}

// cliSeedTexts maps each bundled document id to its verbatim text.
func cliSeedTexts(t *testing.T) map[string]string {
	t.Helper()
	docs, err := retrieval.LoadCorpus(context.Background(), seeds.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, d := range docs {
		m[d.ID] = d.Text
	}
	return m
}

func cliCheckUsage(t *testing.T, err error, mentions ...string) {
	t.Helper()
	var u usageError
	if !errors.As(err, &u) || exitCode(err) != 2 {
		t.Fatalf("err = %v (%T), want a usage error (exit 2)", err, err)
	}
	msg := err.Error()
	if msg == "" || strings.Contains(msg, "\n") {
		t.Errorf("message %q should be one non-empty line", msg)
	}
	for _, m := range mentions {
		if !strings.Contains(msg, m) {
			t.Errorf("message %q does not mention %q", msg, m)
		}
	}
}

func TestCLIAskJSON(t *testing.T) {
	t.Parallel()
	texts := cliSeedTexts(t)
	// Flags before and after the question both work.
	for _, args := range [][]string{
		{"--data", t.TempDir(), cliQuestion},
		{cliQuestion, "--data", t.TempDir()},
	} {
		res, raw := cliAskJSON(t, args...)
		for _, key := range []string{"question", "answered", "answer", "citations", "mode", "took_ms"} {
			if _, ok := raw[key]; !ok {
				t.Errorf("JSON lacks %q", key)
			}
		}
		var cites []map[string]json.RawMessage
		if err := json.Unmarshal(raw["citations"], &cites); err != nil {
			t.Fatalf("citations: %v", err)
		}
		for _, c := range cites {
			for _, key := range []string{"n", "doc", "title", "quote", "start", "end"} {
				if _, ok := c[key]; !ok {
					t.Errorf("citation lacks %q", key)
				}
			}
		}
		if res.Question != cliQuestion || !res.Answered || res.Mode != "extractive" || res.TookMS < 0 {
			t.Errorf("result %+v", res)
		}
		if !strings.Contains(res.Answer, "6.000") && !strings.Contains(res.Answer, "6,000") {
			t.Errorf("answer %q does not give the figure", res.Answer)
		}
		if len(res.Citations) == 0 || !strings.Contains(res.Answer, "[1]") {
			t.Fatalf("answer %q has no citations", res.Answer)
		}
		for _, c := range res.Citations {
			text, ok := texts[c.Doc]
			if !ok {
				t.Errorf("citation [%d] names unknown document %q", c.N, c.Doc)
				continue
			}
			runes := []rune(text)
			if c.Start < 0 || c.End > len(runes) || c.Start >= c.End || string(runes[c.Start:c.End]) != c.Quote {
				t.Errorf("citation [%d]: characters %d–%d of %s are not the quote %q", c.N, c.Start, c.End, c.Doc, c.Quote)
			}
			if text[c.ByteStart:c.ByteEnd] != c.Quote {
				t.Errorf("citation [%d]: bytes %d–%d of %s are not the quote", c.N, c.ByteStart, c.ByteEnd, c.Doc)
			}
			if !strings.Contains(res.Answer, "["+strconv.Itoa(c.N)+"]") {
				t.Errorf("citation [%d] is not referenced by the answer", c.N)
			}
		}
	}
}

func TestCLIAskUnanswerable(t *testing.T) {
	t.Parallel()
	for _, q := range []string{"What is the population of Wonsan?", "Who won the 2022 FIFA World Cup?"} {
		stdout, stderr, err := cliRun(t, nil, "ask", "--json", "--data", t.TempDir(), q)
		if err != nil {
			t.Fatalf("ask %q: %v (the coverage not saying is not an error)\n%s", q, err, stderr)
		}
		res, raw := cliDecodeOne(t, stdout)
		if res.Answered || res.Answer == "" || len(res.Citations) != 0 {
			t.Errorf("ask %q = %+v, want answered false with an explanation and no citations", q, res)
		}
		if string(raw["citations"]) != "[]" {
			t.Errorf("citations = %s, want [] (an empty list, not null)", raw["citations"])
		}
	}
}

func TestCLIAskText(t *testing.T) {
	t.Parallel()
	stdout, _, err := cliRun(t, nil, "ask", "--data", t.TempDir(), cliQuestion)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "[1]") || !strings.Contains(stdout, "Sources:") {
		t.Errorf("text answer lacks markers or sources:\n%s", stdout)
	}
}

func TestCLIAskBadInput(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "article.txt")
	if err := os.WriteFile(file, []byte("Kim bertemu Lavrov."), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		mentions []string
	}{
		{"no question", []string{"ask"}, []string{"empty"}},
		{"empty question", []string{"ask", ""}, []string{"empty"}},
		{"blank question", []string{"ask", "   \t"}, []string{"empty"}},
		{"2,001 characters", []string{"ask", strings.Repeat("é", 2001)}, []string{"2000"}},
		{"invalid UTF-8", []string{"ask", "Who \xff?"}, []string{"UTF-8"}},
		{"--k too large", []string{"ask", "--k", "99", cliQuestion}, []string{"--k"}},
		{"unknown flag", []string{"ask", "--jsn", cliQuestion}, []string{"jsn"}},
		{"missing corpus", []string{"ask", "--corpus", filepath.Join(t.TempDir(), "nope"), cliQuestion}, []string{"nope", "--corpus"}},
		{"corpus is a file", []string{"ask", "--corpus", file, cliQuestion}, []string{"article.txt", "not a folder"}},
		{"index with arguments", []string{"index", "stray"}, []string{"stray"}},
		{"eval without a set", []string{"eval"}, []string{"--set"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := append(tc.args[:1:1], append([]string{"--data", t.TempDir()}, tc.args[1:]...)...)
			_, _, err := cliRun(t, nil, args...)
			cliCheckUsage(t, err, tc.mentions...)
		})
	}
}

// Exactly 2,000 characters is allowed: the limit is inclusive.
func TestCLIAskLongestQuestion(t *testing.T) {
	t.Parallel()
	q := strings.Repeat("Korea ", 300) + "Utara"
	q += strings.Repeat("?", 2000-utf8.RuneCountInString(q))
	if n := utf8.RuneCountInString(q); n != 2000 {
		t.Fatalf("question has %d characters", n)
	}
	stdout, stderr, err := cliRun(t, nil, "ask", "--json", "--data", t.TempDir(), q)
	if err != nil {
		t.Fatalf("a 2,000-character question was refused: %v\n%s", err, stderr)
	}
	cliDecodeOne(t, stdout)
}

func TestCLICorpusBadFiles(t *testing.T) {
	t.Parallel()
	binary := []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0xff, 0xfe, 0}

	t.Run("only unusable files", func(t *testing.T) {
		t.Parallel()
		corpus := t.TempDir()
		cliWriteFile(t, filepath.Join(corpus, "empty.txt"), nil)
		cliWriteFile(t, filepath.Join(corpus, "blob.txt"), binary)
		for _, cmd := range []string{"ask", "index"} {
			args := []string{cmd, "--corpus", corpus, "--data", t.TempDir()}
			if cmd == "ask" {
				args = append(args, cliQuestion)
			}
			_, stderr, err := cliRun(t, nil, args...)
			cliCheckUsage(t, err, "no readable articles", corpus)
			if cmd != "index" {
				continue
			}
			// index says why, one line per file.
			for _, name := range []string{"empty.txt", "blob.txt"} {
				if n := strings.Count(stderr, name); n != 1 {
					t.Errorf("index names %s %d times, want one warning line:\n%s", name, n, stderr)
				}
			}
		}
	})

	t.Run("one good, one binary", func(t *testing.T) {
		t.Parallel()
		corpus := t.TempDir()
		raw, err := seeds.FS.ReadFile("002_546dc01b2ce7994a.txt")
		if err != nil {
			t.Fatal(err)
		}
		cliWriteFile(t, filepath.Join(corpus, "good.txt"), raw)
		cliWriteFile(t, filepath.Join(corpus, "photo.txt"), binary)
		data := t.TempDir()

		stdout, stderr, err := cliRun(t, nil, "index", "--corpus", corpus, "--data", data)
		if err != nil {
			t.Fatalf("index: %v\n%s", err, stderr)
		}
		if !strings.Contains(stdout, "1 documents") || !strings.Contains(stdout, "1 files skipped") {
			t.Errorf("index summary %q, want 1 document and 1 skipped file", stdout)
		}
		if n := strings.Count(stderr, "photo.txt"); n != 1 {
			t.Errorf("index named photo.txt %d times, want one warning line:\n%s", n, stderr)
		}

		stdout, stderr, err = cliRun(t, nil, "ask", "--json", "--corpus", corpus, "--data", data, cliQuestion)
		if err != nil {
			t.Fatalf("ask: %v\n%s", err, stderr)
		}
		res, _ := cliDecodeOne(t, stdout)
		if !res.Answered || len(res.Citations) == 0 || res.Citations[0].Doc != "good" {
			t.Errorf("ask over the good article: %+v", res)
		}
		// ask keeps it to one line and points at index for the names.
		if !strings.Contains(stderr, "1 corpus files skipped") || !strings.Contains(stderr, "kabar index") {
			t.Errorf("ask did not warn about the skipped file:\n%s", stderr)
		}
	})
}

func TestCLICorruptIndexThenRebuild(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	if _, stderr, err := cliRun(t, nil, "index", "--data", data); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	path := filepath.Join(data, retrieval.SnapshotFile)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cliWriteFile(t, path, raw[:len(raw)/2])

	// ask reports the damage and rebuilds from the corpus: the index is a
	// cache of the articles, and an unattended bot must keep answering.
	stdout, stderr, err := cliRun(t, nil, "ask", "--json", "--data", data, cliQuestion)
	if err != nil {
		t.Fatalf("ask over a truncated index: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "corrupt") || !strings.Contains(stderr, "rebuilding") {
		t.Errorf("ask did not report the corrupt index:\n%s", stderr)
	}
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
		t.Errorf("ask panicked:\n%s", stderr)
	}
	var rebuilt answer.Result
	if err := json.Unmarshal([]byte(stdout), &rebuilt); err != nil || !rebuilt.Answered {
		t.Errorf("ask after automatic rebuild: %v %+v", err, rebuilt)
	}
	cliWriteFile(t, path, raw[:len(raw)/2])

	stdout, stderr, err = cliRun(t, nil, "index", "--rebuild", "--data", data)
	if err != nil {
		t.Fatalf("index --rebuild: %v\n%s", err, stderr)
	}
	if !strings.HasPrefix(stdout, "5 documents") || !strings.Contains(stdout, "5 added") {
		t.Errorf("rebuild summary %q", stdout)
	}
	res, _ := cliAskJSON(t, "--data", data, cliQuestion)
	if !res.Answered {
		t.Errorf("ask after rebuild: %+v", res)
	}
}

func TestCLIIndexSummary(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	stdout, _, err := cliRun(t, nil, "index", "--data", data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout, "5 documents, ") || !strings.Contains(stdout, "(5 added, 0 changed, 0 removed, 0 unchanged), 0 files skipped") {
		t.Errorf("first index summary %q", stdout)
	}
	stdout, _, err = cliRun(t, nil, "index", "--data", data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "(0 added, 0 changed, 0 removed, 5 unchanged)") || !strings.Contains(stdout, " 0 chunks embedded") {
		t.Errorf("second index summary %q, want nothing re-embedded", stdout)
	}
}

func TestCLICommands(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		args       []string
		usage      bool   // exit 2
		wantStdout string // substring
		wantStderr string // substring
	}{
		{name: "version", args: []string{"version"}, wantStdout: "kabar "},
		{name: "--version", args: []string{"--version"}, wantStdout: "kabar "},
		{name: "--help", args: []string{"--help"}, wantStdout: "kabar ask [--json]"},
		{name: "help", args: []string{"help"}, wantStdout: "kabar index"},
		{name: "ask --help", args: []string{"ask", "--help"}, wantStderr: "Usage: kabar ask"},
		{name: "index --help", args: []string{"index", "-h"}, wantStderr: "-rebuild"},
		{name: "no command", args: nil, usage: true, wantStderr: "Usage:"},
		{name: "unknown command", args: []string{"frobnicate"}, usage: true, wantStderr: "Usage:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, err := cliRun(t, nil, tc.args...)
			if tc.usage {
				cliCheckUsage(t, err)
			} else if err != nil {
				t.Fatalf("err = %v", err)
			}
			if !strings.Contains(stdout, tc.wantStdout) || !strings.Contains(stderr, tc.wantStderr) {
				t.Errorf("stdout %q\nstderr %q\nwant %q on stdout and %q on stderr", stdout, stderr, tc.wantStdout, tc.wantStderr)
			}
		})
	}
	_, _, err := cliRun(t, nil, "frobnicate")
	if !strings.Contains(err.Error(), "frobnicate") {
		t.Errorf("unknown command error %q does not name the command", err)
	}
}

// A token in the config file is ignored with a warning that names the key,
// never the value.
func TestCLIConfigSecretWarning(t *testing.T) {
	t.Parallel()
	const sentinel = "SENTINEL-discord-token-7f3a"
	cfg := filepath.Join(t.TempDir(), "kabar.yaml")
	cliWriteFile(t, cfg, []byte("discord: {token: "+sentinel+"}\n"))
	stdout, stderr, err := cliRun(t, map[string]string{"KABAR_CONFIG": cfg}, "ask", "--json", "--data", t.TempDir(), cliQuestion)
	if err != nil {
		t.Fatalf("ask: %v", err)
	}
	if !strings.Contains(stderr, "discord.token") {
		t.Errorf("no warning naming discord.token:\n%s", stderr)
	}
	if strings.Contains(stdout+stderr, sentinel) {
		t.Error("the token from the config file was printed")
	}
}

func TestCLIBadConfigIsUsageError(t *testing.T) {
	t.Parallel()
	cfg := filepath.Join(t.TempDir(), "kabar.yaml")
	cliWriteFile(t, cfg, []byte("retreival:\n  k: 5\n"))
	_, _, err := cliRun(t, nil, "ask", "--config", cfg, "--data", t.TempDir(), cliQuestion)
	cliCheckUsage(t, err, "retreival", cfg)
}

func cliWriteFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
