// Package claimtable loads the blind claim tables (cite/testdata/
// claims-blind.jsonl, claims-blind2.jsonl) for the verifier's table
// tests: claim–passage pairs over the bundled articles, each labelled faithful or wrong, with the
// three-way verdict a check against the whole coverage should give. It
// splits each table once, by a hash of each id, into a tuning half and a
// test half, and skips rows whose passage is not verbatim text of its
// article.
package claimtable

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kabar-bot/kabar/seeds"
)

// Row is one line of the table.
type Row struct {
	ID       string `json:"id"`
	Lang     string `json:"lang"`
	Class    string `json:"class"`
	Label    string `json:"label"`   // "faithful" or "wrong"
	Verdict  string `json:"verdict"` // "supported", "contradicted" or "not_in_coverage"
	Claim    string `json:"claim"`
	Doc      string `json:"doc"`
	Passage  string `json:"passage"`
	Doc2     string `json:"doc2,omitempty"`
	Passage2 string `json:"passage2,omitempty"`
	Why      string `json:"why"`
}

// Half names the two halves.
type Half int

const (
	Tuning Half = iota
	Test
)

func (h Half) String() string { return [...]string{"tuning", "test"}[h] }

// Halves are the halves a table test measures: both, or only the one
// named by KABAR_TABLE_HALF ("tuning" or "test"), so that rules can be
// tuned on the tuning half without printing the test half.
func Halves() []Half {
	switch strings.ToLower(strings.TrimSpace(os.Getenv("KABAR_TABLE_HALF"))) {
	case "tuning", "tune":
		return []Half{Tuning}
	case "test":
		return []Half{Test}
	}
	return []Half{Tuning, Test}
}

// HalfOf is the half a row belongs to: the parity of the first byte of
// the SHA-256 of its id. Fixed once; never tuned.
func HalfOf(id string) Half {
	sum := sha256.Sum256([]byte(id))
	return Half(sum[0] % 2)
}

// Table is one labelled claim table the table tests measure.
type Table struct {
	Name string // "blind", "blind2", or "probe" for a table named by KABAR_TABLE_PATH
	Path string
}

// Tables are the tables a test measures, their files under dir: both
// blind tables, or only the one KABAR_TABLE names ("blind" or "blind2"),
// or only the file KABAR_TABLE_PATH names (to measure another labelled
// table, such as claims-probe.jsonl, with the same tests).
func Tables(dir string) []Table {
	if p := strings.TrimSpace(os.Getenv("KABAR_TABLE_PATH")); p != "" {
		return []Table{{Name: "probe", Path: p}}
	}
	only := strings.TrimSpace(os.Getenv("KABAR_TABLE"))
	// Each blind table was written from the articles alone, by a helper
	// that had not read the verifier.
	blind := []Table{{Name: "blind", Path: "claims-blind.jsonl"}, {Name: "blind2", Path: "claims-blind2.jsonl"}, {Name: "blind4", Path: "claims-blind4.jsonl"}}
	var out []Table
	for _, t := range blind {
		if only == "" || only == t.Name {
			out = append(out, Table{Name: t.Name, Path: filepath.Join(dir, t.Path)})
		}
	}
	return out
}

// Probing reports whether KABAR_TABLE_PATH names another table: its
// halves are not the blind table's, so no floor is held on them.
func Probing() bool { return strings.TrimSpace(os.Getenv("KABAR_TABLE_PATH")) != "" }

// ShowFailures reports whether a table test should log the rows of half h
// it gets wrong: when KABAR_TABLE_FAILURES is set, for the tuning half
// only — or for both halves of a probe table.
func ShowFailures(h Half) bool {
	return os.Getenv("KABAR_TABLE_FAILURES") != "" && (h == Tuning || Probing())
}

// Load reads the table at path and returns its usable rows by half, and
// how many lines were skipped as broken (unparsable, or a passage that is
// not verbatim text of its article).
func Load(path string) (rows map[Half][]Row, broken int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	rows = map[Half][]Row{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var r Row
		if json.Unmarshal([]byte(line), &r) != nil || r.ID == "" || r.Claim == "" {
			broken++
			continue
		}
		if !verbatim(r.Doc, r.Passage) || r.Passage2 != "" && !verbatim(r.Doc2, r.Passage2) {
			broken++
			continue
		}
		h := HalfOf(r.ID)
		rows[h] = append(rows[h], r)
	}
	for h := range rows {
		sort.Slice(rows[h], func(i, j int) bool { return rows[h][i].ID < rows[h][j].ID })
	}
	return rows, broken, sc.Err()
}

// DocText is the bundled article's text.
func DocText(doc string) (string, error) {
	b, err := fs.ReadFile(seeds.FS, doc+".txt")
	if err != nil {
		return "", fmt.Errorf("claimtable: article %s: %w", doc, err)
	}
	return string(b), nil
}

// Title is the article's first line, as plain-text articles state it.
func Title(doc string) string {
	text, err := DocText(doc)
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// Locate returns the article's text and the byte offset of passage in
// it (its first occurrence), or -1: so a test can give the verifier the
// paragraph text before the passage, as the index does.
func Locate(doc, passage string) (text string, start int) {
	text, err := DocText(doc)
	if err != nil || passage == "" {
		return text, -1
	}
	return text, strings.Index(text, passage)
}

func verbatim(doc, passage string) bool {
	text, err := DocText(doc)
	return err == nil && passage != "" && strings.Contains(text, passage)
}

// Tally counts outcomes per class.
type Tally struct {
	Good, Total map[string]int
}

// NewTally returns an empty tally.
func NewTally() *Tally { return &Tally{Good: map[string]int{}, Total: map[string]int{}} }

// Add records one row's outcome under its class and its label.
func (t *Tally) Add(r Row, good bool) {
	for _, k := range []string{r.Class, "all " + r.Label} {
		t.Total[k]++
		if good {
			t.Good[k]++
		}
	}
}

// Share is the share of good outcomes under key, 0..1 (1 when empty).
func (t *Tally) Share(key string) float64 {
	if t.Total[key] == 0 {
		return 1
	}
	return float64(t.Good[key]) / float64(t.Total[key])
}

// Table renders the tally as a Markdown table, labels first.
func (t *Tally) Table(header string) string {
	var keys []string
	for k := range t.Total {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		ai, aj := strings.HasPrefix(keys[i], "all "), strings.HasPrefix(keys[j], "all ")
		if ai != aj {
			return ai
		}
		return keys[i] < keys[j]
	})
	var b strings.Builder
	fmt.Fprintf(&b, "| class | %s |\n|---|---|\n", header)
	for _, k := range keys {
		fmt.Fprintf(&b, "| %s | %d/%d (%.0f%%) |\n", k, t.Good[k], t.Total[k], 100*t.Share(k))
	}
	return b.String()
}
