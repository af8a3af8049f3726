package lexicon

import "testing"

func TestChatShortForm(t *testing.T) {
	l := newLexicon(t)
	for _, tc := range []struct{ short, long string }{
		{"brp", "berapa"},
		{"yg", "yang"}, // "ng" written g
		{"dgn", "dengan"},
		{"tdk", "tidak"},
		{"knp", "kenapa"},
		{"adlh", "adalah"}, // a first vowel stays
		{"tp", ""},         // tapi or tiap: ambiguous
		{"and", ""},        // a word of its own
		{"nk", ""},         // no function word
		{"berapa", ""},     // already whole
		{"spy", ""},        // an English word, not supaya
	} {
		if got := l.chatShortForm(tc.short); got != tc.long {
			t.Errorf("chatShortForm(%q) = %q, want %q", tc.short, got, tc.long)
		}
	}
	if q := l.Analyze("ukraine's spy chief reckons what share of the ammo?"); q.Lang != "en" {
		t.Errorf("an English question with \"spy\" read as %q", q.Lang)
	}
	if q := l.Analyze("vnc layar pertama di port brp?"); q.Type != AnswerNumber {
		t.Errorf(`"port brp?" asks a number, got type %v`, q.Type)
	}
}
