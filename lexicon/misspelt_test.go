package lexicon

import "testing"

func TestMisspeltQuestionWord(t *testing.T) {
	l := newLexicon(t)
	for w, want := range map[string]string{
		"wher": "where", "whta": "what", "whn": "when", "hwo": "who",
		// words of their own, and chat's short forms, stay
		"were": "were", "here": "here", "hat": "hat", "yg": "yg", "lavrov": "lavrov",
	} {
		if got := l.misspeltQuestionWord(w); got != want {
			t.Errorf("misspeltQuestionWord(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestTypeWordIsNoName: the word after "how" is the question's type,
// though the coverage writes it as a name ("Debian Long Term Support").
func TestTypeWordIsNoName(t *testing.T) {
	l := newLexicon(t)
	q := l.AnalyzeWith("how long is a DPL term?", func(w string) bool { return w == "long" })
	if q.Type != AnswerDuration {
		t.Errorf("type %v, want duration", q.Type)
	}
	for _, c := range q.Concepts {
		if c.Entity && c.Surface == "long" {
			t.Errorf("%q read as a name", c.Surface)
		}
	}
}
