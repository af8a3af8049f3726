package lexicon

import (
	"slices"
	"testing"
)

func TestChatVerbForms(t *testing.T) {
	for _, tc := range []struct {
		chat string
		root string // the root one of the standard forms stems to; "" for no form
	}{
		{"ngedit", "edit"},
		{"ngirim", "kirim"},
		{"nyebut", "sebut"},
		{"batalin", "batal"},
		{"nguasain", "kuasa"},
		{"mukulin", "pukul"},
		{"rumah", ""}, // no chat shape
	} {
		got := chatVerbForms(tc.chat)
		found := false
		for _, f := range got {
			found = found || slices.Contains(StemID(f), tc.root)
		}
		if tc.root == "" && len(got) > 0 || tc.root != "" && !found {
			t.Errorf("chatVerbForms(%q) = %v, want a form of %q", tc.chat, got, tc.root)
		}
	}
	l := newLexicon(t)
	if q := l.Analyze("cara batalin job at yg udah kejadwal gmn?"); q.Lang != "id" {
		t.Errorf("chat short forms (yg, gmn) make the question Indonesian, got %q", q.Lang)
	}
}
