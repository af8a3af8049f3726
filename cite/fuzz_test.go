package cite

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseSentences checks that any text parses into ordered sentences
// inside the text whose clauses hold no marker.
func FuzzParseSentences(f *testing.F) {
	f.Add("North Korea sent troops [1]. Kim met Lavrov. [2][3]")
	f.Fuzz(func(t *testing.T, answer string) {
		prev := 0
		for _, s := range ParseSentences(answer) {
			if s.Start < prev || s.End > len(answer) || s.Start > s.End {
				t.Fatalf("sentence span [%d:%d] out of order or outside %d bytes", s.Start, s.End, len(answer))
			}
			prev = s.End
			if len(s.Parts) == 0 || s.Text == "" {
				t.Fatalf("empty sentence %+v", s)
			}
			for _, p := range s.Parts {
				if markerRE.MatchString(p.Text) || markerRE.MatchString(p.lead) {
					t.Fatalf("clause %q still holds a marker", p.Text)
				}
				for _, n := range p.Markers {
					if !containsInt(s.Markers, n) {
						t.Fatalf("clause marker %d is not among the sentence's %v", n, s.Markers)
					}
				}
			}
			for _, n := range s.Markers {
				if n < 0 || n > 999 {
					t.Fatalf("marker number %d", n)
				}
			}
		}
		out, order := Renumber(answer)
		for _, m := range markerRE.FindAllString(out, -1) {
			for _, n := range appendMarkerNumbers(nil, m) {
				if n < 1 || n > len(order) {
					t.Fatalf("Renumber left [%d] with %d sources: %q", n, len(order), out)
				}
			}
		}
	})
}

// FuzzVerify checks that whatever a model writes, the verified text cites
// only provided sources and is empty exactly when nothing is supported.
func FuzzVerify(f *testing.F) {
	f.Add("North Korea agreed to send 6,000 engineers [1][7]. North Korea promised 9,000 engineers [1].")
	v := newTestVerifier(f)
	known := map[int]bool{}
	for _, s := range testSources {
		known[s.N] = true
	}
	f.Fuzz(func(t *testing.T, answer string) {
		rep := v.Verify(answer, testSources)
		supported := false
		for _, s := range rep.Sentences {
			supported = supported || s.Supported
			if s.Supported && !s.Kept {
				t.Fatalf("supported sentence %q was dropped", s.Sentence)
			}
		}
		if supported != (rep.Text != "") {
			t.Fatalf("text %q with supported=%v", rep.Text, supported)
		}
		for _, m := range markerRE.FindAllString(rep.Text, -1) {
			for _, n := range appendMarkerNumbers(nil, m) {
				if !known[n] {
					t.Fatalf("verified text cites unknown [%d]: %q", n, rep.Text)
				}
			}
		}
		if utf8.ValidString(answer) && !utf8.ValidString(rep.Text) {
			t.Fatalf("verified text is not valid UTF-8: %q", rep.Text)
		}
		if strings.Contains(rep.Text, "\n\n\n") {
			t.Fatalf("verified text has runs of blank lines: %q", rep.Text)
		}
	})
}
