package lexicon

import "testing"

// TestChatShortFormsAndLanguage: chat's short forms make a question
// Indonesian only when Indonesian function words outnumber English ones;
// one short form in an English sentence leaves it English.
func TestChatShortFormsAndLanguage(t *testing.T) {
	l := newLexicon(t)
	for _, tc := range []struct{ q, lang string }{
		{"cara batalin job at yg udah kejadwal gmn?", "id"},
		{"brp byk tentara yg dikirim?", "id"},
		{"what did the minister say to the press in kl", "en"},
		{"how many troops were sent to the front yg", "en"},
		{"who did the president meet in jkt", "en"},
	} {
		if got := l.Analyze(tc.q).Lang; got != tc.lang {
			t.Errorf("Analyze(%q).Lang = %q, want %q", tc.q, got, tc.lang)
		}
	}
}
