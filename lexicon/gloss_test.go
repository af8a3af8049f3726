package lexicon

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode"
)

// glossCase is one labelled sentence of testdata/gloss.tsv: the English
// content words a reader's gloss of it must contain.
type glossCase struct {
	id   string
	want [][]string // each required word, with its accepted alternatives
}

func readGlossCases(t *testing.T) []glossCase {
	t.Helper()
	f, err := os.Open("testdata/gloss.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []glossCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("gloss.tsv: no tab in %q", line)
		}
		c := glossCase{id: id}
		for _, w := range strings.Fields(want) {
			c.want = append(c.want, strings.Split(strings.ToLower(w), "|"))
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// glossWords is the set of lower-case words of a gloss ("6.000" and
// "south-east" stay whole).
func glossWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-'
	}) {
		out[strings.Trim(w, ".-")] = true
		for _, part := range strings.Split(w, "-") {
			out[part] = true
		}
	}
	return out
}

// TestGlossTextCoverage counts the required content words the gloss
// renders over the labelled sentences, against a floor.
func TestGlossTextCoverage(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	const floor = 0.77 // 314/405 after; 298/405 (73.6%) before the reading senses, loan words and reduplication
	var got, total int
	for _, c := range readGlossCases(t) {
		gl := l.GlossText(c.id)
		words := glossWords(gl)
		var missing []string
		for _, alts := range c.want {
			total++
			hit := false
			for _, a := range alts {
				if words[a] {
					hit = true
					break
				}
			}
			if hit {
				got++
			} else {
				missing = append(missing, strings.Join(alts, "|"))
			}
		}
		if len(missing) > 0 {
			t.Logf("%s\n  gloss: %s\n  missing: %s", c.id, gl, strings.Join(missing, " "))
		}
	}
	share := float64(got) / float64(total)
	t.Logf("gloss coverage: %d/%d required words (%.1f%%)", got, total, 100*share)
	if share < floor {
		t.Errorf("gloss coverage %d/%d = %.1f%%, below the floor %.0f%%", got, total, 100*share, 100*floor)
	}
}
