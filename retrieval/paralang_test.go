package retrieval

import (
	"strings"
	"testing"
)

// A half-translated page's untranslated paragraphs, and a quote in a
// third language, are tagged with their own language; everything else
// keeps the document's.
func TestSetParagraphLanguages(t *testing.T) {
	t.Parallel()
	const pkg = "libpam-modules V:883, I:999 1030 Pluggable Authentication Modules (basic service)"
	tests := []struct {
		name, lang string
		paras      []string
		want       []string // per paragraph: its own language, "" for the document's
	}{
		{"untranslated paragraphs of an Indonesian page", "id", []string{id1, en1, en2, id2}, []string{"", "en", "en", ""}},
		{"a German quote in an English story", "en", []string{en1, de1, en2}, []string{"", "de", ""}},
		{"a row of package names is no third language", "en", []string{en1, pkg, en2}, []string{"", "", ""}},
		{"a short heading between untranslated paragraphs", "id", []string{id1, en1, "Monitoring the logs", en2}, []string{"", "en", "en", "en"}},
		{"a short line between Indonesian paragraphs", "id", []string{id1, "Lihat juga", id2}, []string{"", "", ""}},
		{"code is no language's", "id", []string{id1, "```", "apt install nginx postgresql and then restart the service", "```", id2}, []string{"", "", "", "", ""}},
		{"a document without a language", "", []string{id1, en1, en2}, []string{"id", "en", "en"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			text := strings.Join(tt.paras, "\n\n") + "\n"
			doc := Document{ID: "a", Text: text, Lang: tt.lang, NotEvidence: markdownCodeBlocks(text)}
			paras := Segment(doc)
			SetParagraphLanguages(doc, paras)
			var got []string
			for _, p := range paras {
				got = append(got, p.Lang)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("paragraph languages %q, want %q", got, tt.want)
			}
		})
	}
}
