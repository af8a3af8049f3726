package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// dataDir holds the vendored files that package lexicon embeds; these tests
// guard the format contract that its loader relies on.
const dataDir = "../../data"

func TestVendoredTSVFormat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file       string
		minEntries int
		multiValue bool // value is a |-separated list
		sorted     bool
	}{
		{file: "freedict-eng-ind.tsv", minEntries: 9000, multiValue: true, sorted: true},
		{file: "news-en-id.tsv", minEntries: 600, multiValue: true},
		{file: "abbrev-id.tsv", minEntries: 40},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			keys := readTSVKeys(t, filepath.Join(dataDir, tt.file), tt.multiValue)
			if len(keys) < tt.minEntries {
				t.Errorf("%d entries, want at least %d", len(keys), tt.minEntries)
			}
			seen := map[string]bool{}
			for _, k := range keys {
				if seen[k] {
					t.Errorf("duplicate key %q", k)
				}
				seen[k] = true
			}
			if tt.sorted && !sort.StringsAreSorted(keys) {
				t.Error("keys are not sorted")
			}
		})
	}
}

// readTSVKeys checks every line of a vendored TSV and returns its keys.
func readTSVKeys(t *testing.T, path string, multiValue bool) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var keys []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 && !strings.HasPrefix(line, "#") {
			t.Errorf("line 1 is not a # comment: %q", line)
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) || line != strings.ToLower(line) || strings.Count(line, "\t") != 1 {
			t.Errorf("line %d: want one tab, lowercase UTF-8: %q", n, line)
			continue
		}
		key, value, _ := strings.Cut(line, "\t")
		if key == "" || value == "" || key != strings.TrimSpace(key) || strings.Contains(key, "|") {
			t.Errorf("line %d: bad key or empty value: %q", n, line)
		}
		values := []string{value}
		if multiValue {
			values = strings.Split(value, "|")
		}
		for _, v := range values {
			if v == "" || v != strings.Join(strings.Fields(v), " ") {
				t.Errorf("line %d: empty or badly spaced value %q", n, v)
			}
		}
		keys = append(keys, key)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return keys
}

func TestVendoredStopwords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file        string
		mustHave    []string
		mustNotHave []string
	}{
		{
			file:        "stopwords-id.txt",
			mustHave:    []string{"yang", "dan", "di", "siapa", "kapan", "berapa", "mengapa"},
			mustNotHave: []string{"tahun", "hari", "perang", "satu", "lebih", "sekitar"},
		},
		{
			file:        "stopwords-en.txt",
			mustHave:    []string{"the", "how", "many", "which", "did", "were"},
			mustNotHave: []string{"us", "may", "year", "war", "one", "before", "after", "about"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(filepath.Join(dataDir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			words := map[string]bool{}
			for i, w := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
				if w == "" || w != strings.ToLower(w) || strings.ContainsAny(w, " \t#") || !utf8.ValidString(w) {
					t.Errorf("line %d: not a single lowercase word: %q", i+1, w)
				}
				if words[w] {
					t.Errorf("duplicate %q", w)
				}
				words[w] = true
			}
			if len(words) < 100 {
				t.Errorf("only %d words", len(words))
			}
			for _, w := range tt.mustHave {
				if !words[w] {
					t.Errorf("missing %q", w)
				}
			}
			for _, w := range tt.mustNotHave {
				if words[w] {
					t.Errorf("content word %q must not be a stopword", w)
				}
			}
		})
	}
}

// TestVendoredFreeDictIsCurrent regenerates the dictionary when the Debian
// package is installed and checks the vendored copy is what the generator
// produces today, so generator changes cannot silently drift from the data.
func TestVendoredFreeDictIsCurrent(t *testing.T) {
	t.Parallel()
	const index, dict = "/usr/share/dictd/freedict-eng-ind.index", "/usr/share/dictd/freedict-eng-ind.dict.dz"
	if _, err := os.Stat(index); err != nil {
		t.Skip("dict-freedict-eng-ind not installed")
	}
	out := filepath.Join(t.TempDir(), "fresh.tsv")
	if _, err := run(index, dict, out); err != nil {
		t.Fatalf("run: %v", err)
	}
	fresh, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	vendored, err := os.ReadFile(filepath.Join(dataDir, "freedict-eng-ind.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fresh, vendored) {
		t.Error("vendored freedict-eng-ind.tsv is stale: regenerate with `go run .` in this directory")
	}
}
