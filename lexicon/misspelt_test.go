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
