package retrieval

import (
	"strings"
	"testing"
)

// Prose of one meaning in three languages, for the language tests.
const (
	id1 = "Menteri luar negeri kedua negara bertemu di Jakarta pada hari Selasa untuk membahas kerja sama ekonomi dan keamanan kawasan."
	id2 = "Pertemuan itu berlangsung selama tiga jam dan diakhiri dengan penandatanganan nota kesepahaman tentang perdagangan."
	en1 = "The foreign ministers of both countries met in Jakarta on Tuesday to discuss economic cooperation and regional security."
	en2 = "The meeting lasted three hours and ended with the signing of a memorandum of understanding on trade between them."
	de1 = "Die Außenminister beider Länder trafen sich am Dienstag in Jakarta, um über wirtschaftliche Zusammenarbeit zu sprechen."
)

// The language of an HTML page: what it declares, unless its prose
// plainly says otherwise.
func TestHTMLPageLanguage(t *testing.T) {
	t.Parallel()
	p := func(texts ...string) string {
		return "<p>" + strings.Join(texts, "</p><p>") + "</p>"
	}
	tests := []struct {
		name, html, want string
	}{
		{"declared and agreeing", `<html lang="id"><body>` + p(id1, id2) + `</body></html>`, "id"},
		{"template default contradicted by the prose", `<html lang="en-US"><body>` + p(id1, id2) + `</body></html>`, "id"},
		{"template default, German prose", `<html lang="en"><body>` + p(de1) + `</body></html>`, "de"},
		{"half translated page keeps its declaration", `<html lang="id-ID"><body>` + p(id1, en1, id2, en2) + `</body></html>`, "id"},
		{"declared on the element holding the text", `<html><body><div class="chapter" lang="id-ID">` + p(id1, en1, id2, en2) + `</div></body></html>`, "id"},
		{"small element's lang is not the page's", `<html><body>` + p(en1, en2) + `<p lang="id">` + id1 + `</p></body></html>`, "en"},
		{"nothing declared: the prose", `<html><body>` + p(en1, en2) + `</body></html>`, "en"},
		{"xml:lang on the content element", `<html><body><div xml:lang="en">` + p(en1, id1, en2) + `</div></body></html>`, "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := ParseDocument("a/page.html", []byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Lang != tt.want {
				t.Errorf("Lang = %q, want %q", doc.Lang, tt.want)
			}
		})
	}
}

func TestSettleLanguage(t *testing.T) {
	t.Parallel()
	const (
		en = "The foreign ministers of both countries met in Jakarta on Tuesday to discuss economic cooperation and regional security."
		id = "Menteri luar negeri kedua negara bertemu di Jakarta pada hari Selasa untuk membahas kerja sama ekonomi dan keamanan kawasan."
	)
	lines := func(ls ...string) string { return strings.Join(ls, "\n") }
	tests := []struct {
		name, declared, detected, prose, want string
	}{
		{"agree", "id", "id", id, "id"},
		{"prose unclear", "en", "", en, "en"},
		{"only short lines", "en", "id", "Berita\nHari ini\n", "en"},
		{"plainly other", "en", "id", lines(id, id), "id"},
		{"two thirds declared", "en", "id", lines(en, id, en), "en"},
		{"a quarter declared", "en", "id", lines(id, en, id, id), "id"},
		{"a third declared", "en", "id", lines(id, en, id), "id"},
	}
	for _, tt := range tests {
		if got := settleLanguage(tt.declared, tt.detected, tt.prose); got != tt.want {
			t.Errorf("%s: settleLanguage(%q, %q, …) = %q, want %q", tt.name, tt.declared, tt.detected, got, tt.want)
		}
	}
}
