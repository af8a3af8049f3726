package cite

import "testing"

func TestSentenceBefore(t *testing.T) {
	t.Parallel()
	doc := "Judul\nLavrov tiba di Wonsan. Ia bertemu Kim Jong Un. \"Kami berterima kasih,\" ujarnya.\nParagraf baru."
	doc2 := "Ia berkata, \"Kami siap.\" Lalu Choe pergi."
	for _, tc := range []struct {
		name  string
		start int
		want  string
	}{
		{"mid paragraph", indexOf(doc, "\"Kami"), "Ia bertemu Kim Jong Un."},
		{"second sentence", indexOf(doc, "Ia bertemu"), "Lavrov tiba di Wonsan."},
		{"paragraph start takes the paragraph before", indexOf(doc, "Paragraf"), "\"Kami berterima kasih,\" ujarnya."},
		{"a closing quote stays with its sentence", len(doc2), "Lalu Choe pergi."},
		{"opens the article", 0, ""},
		{"out of range", len(doc) + 5, ""},
	} {
		d := doc
		if tc.name == "a closing quote stays with its sentence" {
			d = doc2
		}
		if got := SentenceBefore(d, tc.start); got != tc.want {
			t.Errorf("%s: SentenceBefore = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
