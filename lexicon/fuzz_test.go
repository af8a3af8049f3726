package lexicon

import (
	"testing"
	"unicode/utf8"
)

// FuzzTokenize checks that every token is a slice of the input, in order,
// with a non-empty normal form. Seeds live in testdata/fuzz/FuzzTokenize.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"10.000 tentara", "6,000 engineers", "2,5 juta", "Rusia-Ukraina", "Zelénskyy", "hari ٣", "1.", ".5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prevEnd := 0
		for _, tok := range Tokenize(text) {
			if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("token %+v out of order or out of bounds (previous end %d, len %d)", tok, prevEnd, len(text))
			}
			if text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %+v: text[%d:%d] = %q", tok, tok.Start, tok.End, text[tok.Start:tok.End])
			}
			if tok.Norm == "" {
				t.Fatalf("token %+v has an empty Norm", tok)
			}
			if utf8.ValidString(text) && !utf8.ValidString(tok.Norm) {
				t.Fatalf("token %+v: Norm is not valid UTF-8", tok)
			}
			prevEnd = tok.End
		}
	})
}

// FuzzAnalyze checks that no question panics the analyser and that every
// concept can be searched for. Seeds live in testdata/fuzz/FuzzAnalyze.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"How many engineers did North Korea promise?",
		"Kapan Putin bertemu Kim Jong Un?",
		"Who won the 2022 FIFA World Cup?",
		"AS", "", "?", "North", "berapa ٣",
	} {
		f.Add(s)
	}
	l := newLexicon(f)
	f.Fuzz(func(t *testing.T, question string) {
		q := l.Analyze(question)
		_ = q.Type.String()
		_ = q.Expansion()
		_ = q.Terms()
		for _, c := range q.Concepts {
			for i, a := range c.Alts {
				if len(a) == 0 {
					t.Fatalf("concept %q: empty alternative %d", c.Surface, i)
				}
				for _, w := range a {
					if len(w) == 0 {
						t.Fatalf("concept %q: alternative %d has a word with no terms", c.Surface, i)
					}
				}
			}
		}
	})
}
