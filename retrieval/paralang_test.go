package retrieval

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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

// fieldsProseWords is proseWords as it was first written, on
// strings.Fields: the reference the one-pass version is held to.
func fieldsProseWords(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if utf8.RuneCountInString(w) < 2 {
			continue
		}
		lower := true
		for _, r := range w {
			if !unicode.IsLower(r) {
				lower = false
				break
			}
		}
		if lower {
			n++
		}
	}
	return n
}

// TestProseWordsMatchesFields holds the one-pass proseWords to the
// strings.Fields reading on prose, names, code, punctuation inside and
// around words, non-ASCII spaces and letters, invalid UTF-8, and random
// cuts of them.
func TestProseWordsMatchesFields(t *testing.T) {
	t.Parallel()
	texts := []string{
		"", " ", "a", "ab", "Ab", "aB", "a1b", "(ab)", "ab,", "«dia»", "don't", "x-ray", "--ab--", "ab\u00a0cd", "ab\u0085cd",
		"ab\u2003cd ef", "éte Ünter ßtraße", "日本語 ok", "ǅemal ǆ", "\xff\xfeab cd\xff", "ab\xe2\x82 cd", "\tab\ncd\r\n",
		"func main() { fmt.Println(\"hi\") }", "ls -la /usr/bin && echo $HOME", "Kim Jong Un, Sergei Lavrov, 2025",
		id1, en1, en2, id2, de1,
		"Pemerintah menyatakan bahwa program tersebut akan dilanjutkan tahun depan, kata juru bicara.",
		"ʻokina ʼapostrophe ªordinal ᵃmodifier",
	}
	r := rand.New(rand.NewPCG(7, 7))
	whole := len(texts)
	for range 3000 {
		s := texts[r.IntN(whole)] + " " + texts[r.IntN(whole)]
		i, j := r.IntN(len(s)+1), r.IntN(len(s)+1)
		texts = append(texts, s[min(i, j):max(i, j)]) // may cut a rune
	}
	for r := rune(0); r < 0x3100; r++ { // every rune of the scripts Kabar meets, inside and around a word
		c := string(r)
		texts = append(texts, c+"ab", "a"+c+"b", "ab"+c, c+c, "ab"+c+"cd")
	}
	for _, text := range texts {
		if got, want := proseWords(text), fieldsProseWords(text); got != want {
			t.Fatalf("proseWords(%q) = %d, strings.Fields reading %d", text, got, want)
		}
	}
}

// TestSetLanguagesMatchesParse holds the indexing path, which identifies
// a document without a stated language from its paragraphs' counts
// (parseDocument with langLater, then setLanguages), to ParseDocument and
// SetParagraphLanguages: the same Document and Paragraphs on mixed
// languages, paragraphs cut by blank lines, single line breaks or
// nothing, short and code-heavy texts, a stated language, HTML and the
// seed articles.
func TestSetLanguagesMatchesParse(t *testing.T) {
	t.Parallel()
	code := "```\nfunc main() {\n\tfor i := range xs {\n\t\trun(xs[i])\n\t}\n}\n```\n"
	files := map[string]string{
		"mixed.txt":     "Judul\n\n" + id1 + "\n\n" + en1 + "\n\n" + de1 + "\n\n" + id2 + "\n",
		"lines.txt":     id1 + "\n" + en1 + "\n" + id2 + "\n" + en2,
		"joined.txt":    id1 + en1 + id2,
		"crlf.txt":      id1 + "\r\n\r\n" + en2 + "\r\n\r\n" + id2 + "\r\n",
		"one.txt":       id1,
		"short.txt":     "Halo\n",
		"figures.txt":   "12345 678\n\n2025 — 14/7\n",
		"code.md":       "# Cara pakai\n\n" + code + "\n" + id1 + "\n\n" + code,
		"stated.md":     "---\nlang: en\n---\n\n" + id1 + "\n\n" + en1 + "\n",
		"unstated.md":   "---\ntitle: T\n---\n\n" + en1 + "\n\n" + id1 + "\n\n" + en2 + "\n",
		"page.html":     "<html><body><p>" + en1 + "</p><p>" + id1 + "</p><p>" + en2 + "</p></body></html>",
		"declared.html": "<html lang=\"en\"><body><p>" + id1 + "</p><p>" + id2 + "</p></body></html>",
	}
	seeds, _ := filepath.Glob("../seeds/*.txt")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(s)] = string(b)
	}
	for name, raw := range files {
		want, err := ParseDocument(name, []byte(raw))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		wantParas := Segment(want)
		SetParagraphLanguages(want, wantParas)
		got, later, err := parseDocument(context.Background(), name, []byte(raw), true)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		gotParas := Segment(got)
		setLanguages(&got, gotParas, later)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotParas, wantParas) {
			t.Errorf("%s: indexing path %+v %+v,\nParseDocument %+v %+v", name, got, gotParas, want, wantParas)
		}
	}
}
