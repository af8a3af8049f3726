package main

import (
	"strings"
	"testing"
)

// TestCLIAskSourceLanguage checks the source-language label end to end: a
// German news page (HTML with lang="de", an outlet in OpenGraph, a
// navigation bar and a newsletter box) goes through extraction, language
// identification, the index and the answerer, and every answer that
// quotes or states something from it says, in the asker's language, that
// the source is in German; an answer from the English article says
// nothing of the kind.
func TestCLIAskSourceLanguage(t *testing.T) {
	t.Parallel()
	const corpus = "testdata/sourcelang"
	tests := []struct {
		question string
		doc      string // the document every citation is from
		want     string // in the answer; "" for no label
	}{
		{"What is Kalma?", "de/kalma", "(the source is in German)"},
		{"Apa itu Kalma?", "de/kalma", "(sumbernya berbahasa Jerman)"},
		{"Who is Kim Jong Un?", "de/kalma", "(the source is in German)"},
		{"Siapa Kim Jong Un?", "de/kalma", "(sumbernya berbahasa Jerman)"},
		{"Who arrived in Pyongyang on Friday?", "en/lavrov", ""},
	}
	data := t.TempDir()
	for _, tt := range tests {
		res, _ := cliAskJSON(t, "--corpus", corpus, "--data", data, tt.question)
		if !res.Answered || len(res.Citations) == 0 {
			t.Errorf("%q: not answered: %q", tt.question, res.Answer)
			continue
		}
		for _, c := range res.Citations {
			if c.Doc != tt.doc {
				t.Errorf("%q: citation [%d] from %s, want %s", tt.question, c.N, c.Doc, tt.doc)
			}
			if strings.Contains(c.Quote, "Newsletter") || strings.Contains(c.Quote, "Startseite") {
				t.Errorf("%q: citation [%d] quotes page furniture: %q", tt.question, c.N, c.Quote)
			}
		}
		switch {
		case tt.want == "" && (strings.Contains(res.Answer, "the source is in") || strings.Contains(res.Answer, "sumbernya berbahasa")):
			t.Errorf("%q: answer %q labels an English source", tt.question, res.Answer)
		case tt.want != "" && strings.Count(res.Answer, tt.want) < 1:
			t.Errorf("%q: answer %q lacks %q", tt.question, res.Answer, tt.want)
		}
		if tt.doc == "de/kalma" && !strings.Contains(res.Answer, "Morgenpost Berlin") {
			t.Errorf("%q: answer %q does not name the outlet the page states", tt.question, res.Answer)
		}
	}
}
