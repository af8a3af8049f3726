package retrieval

import "testing"

// TestParseDocumentLanguage pins doc.Lang on labelled inputs: a language
// stated in a front matter stands (ParseDocumentContext no longer
// identifies the prose then), an HTML declaration is settled against the
// prose, and everywhere else the prose without code decides. The wants
// are what ParseDocumentContext answered before it skipped identifying
// the prose of stated documents.
func TestParseDocumentLanguage(t *testing.T) {
	t.Parallel()
	const (
		id   = "Pemimpin Korea Utara Kim Jong Un menyambut Menteri Luar Negeri Rusia Sergei Lavrov di Wonsan pada hari Sabtu. Kedua negara membahas kerja sama militer dan ekonomi, menurut media pemerintah."
		en   = "North Korean leader Kim Jong Un welcomed Russian Foreign Minister Sergei Lavrov in Wonsan on Saturday. The two countries discussed military and economic cooperation, state media said."
		de   = "Der nordkoreanische Machthaber Kim Jong Un hat den russischen Außenminister Sergej Lawrow am Samstag in Wonsan empfangen. Die beiden Länder sprachen über militärische und wirtschaftliche Zusammenarbeit."
		code = "```\nfunc main() {\n\tfor i := range items {\n\t\tif err := process(items[i]); err != nil {\n\t\t\treturn fmt.Errorf(\"process the item: %w\", err)\n\t\t}\n\t}\n}\n```\n"
	)
	tests := []struct {
		name, path, raw, want string
	}{
		{"stated id over English prose", "a.md", "---\ntitle: T\nlang: id\n---\n\n" + en + "\n\n" + en + "\n", "id"},
		{"stated en over Indonesian prose and code", "b.md", "---\ntitle: T\nlang: en\n---\n\n" + id + "\n\n" + code + "\n" + id + "\n", "en"},
		{"stated de, short text", "c.md", "---\nlang: de\n---\n\nHalo\n", "de"},
		{"front matter without lang", "d.md", "---\ntitle: T\n---\n\n" + id + "\n\n" + id + "\n", "id"},
		{"Indonesian prose, English code", "e.md", "# Judul\n\n" + id + "\n\n" + code + "\n" + code + "\n" + code + "\n", "id"},
		{"code-heavy, little prose", "f.md", "Cara pakai:\n\n" + code + "\n" + code + "\n" + code + "\n" + code + "\n", "id"},
		{"Indonesian text", "g.txt", "Judul berita\n\n" + id + "\n\n" + id + "\n", "id"},
		{"English text", "h.txt", en + "\n\n" + en + "\n", "en"},
		{"mixed Indonesian and German", "i.txt", id + "\n\n" + de + "\n\n" + id + "\n\n" + de + "\n", "id"},
		{"mixed English and Indonesian", "j.txt", en + "\n\n" + id + "\n", "id"},
		{"short text", "k.txt", "Halo\n", ""},
		{"figures only", "l.txt", "12345 678 — 2025\n", ""},
		{"HTML lang en, Indonesian prose", "m.html", "<html lang=\"en\"><head><title>T</title></head><body><p>" + id + "</p><p>" + id + "</p></body></html>", "id"},
		{"HTML lang id, Indonesian prose", "n.html", "<html lang=\"id\"><body><p>" + id + "</p></body></html>", "id"},
		{"HTML lang en, half translated", "o.html", "<html lang=\"en\"><body><p>" + en + "</p><p>" + id + "</p></body></html>", "id"},
		{"HTML without lang, German prose", "p.html", "<html><body><p>" + de + "</p><pre>" + code + "</pre></body></html>", "de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseDocument(tt.path, []byte(tt.raw))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Lang != tt.want {
				t.Errorf("Lang = %q, want %q", doc.Lang, tt.want)
			}
		})
	}
}
