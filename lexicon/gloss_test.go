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
	id     string
	want   [][]string // each required word, with its accepted alternatives
	phrase [][]string // phrases in English word order, with alternatives
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
		fields := strings.Split(line, "\t")
		if len(fields) < 2 || len(fields) > 3 {
			t.Fatalf("gloss.tsv: want 2 or 3 tab-separated fields in %q", line)
		}
		id, want := fields[0], fields[1]
		c := glossCase{id: id}
		if len(fields) == 3 {
			for _, p := range strings.Split(fields[2], ";") {
				c.phrase = append(c.phrase, strings.Split(strings.ToLower(p), "|"))
			}
		}
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
	const floor = 0.78 // 320/405 after; 298/405 (73.6%) before the reading senses, loan words and reduplication
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

// TestGlossTextOrder counts the labelled phrases the gloss renders in
// English word order ("kedaulatan nasional" → "national sovereignty"),
// against a floor.
func TestGlossTextOrder(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	const floor = 0.70 // 21/30 after; 10/30 before English order
	var got, total int
	for _, c := range readGlossCases(t) {
		if len(c.phrase) == 0 {
			continue
		}
		gl := " " + strings.Join(strings.FieldsFunc(strings.ToLower(l.GlossText(c.id)), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ") + " "
		var missing []string
		for _, alts := range c.phrase {
			total++
			hit := false
			for _, a := range alts {
				if strings.Contains(gl, " "+a+" ") {
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
			t.Logf("gloss:%s\n  missing: %s", gl, strings.Join(missing, "; "))
		}
	}
	share := float64(got) / float64(total)
	t.Logf("gloss order: %d/%d phrases in English order (%.1f%%)", got, total, 100*share)
	if share < floor {
		t.Errorf("gloss order %d/%d = %.1f%%, below the floor %.0f%%", got, total, 100*share, 100*floor)
	}
}
