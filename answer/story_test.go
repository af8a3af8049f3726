package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// TestCopiesOfOneStoryAreOneSource: a wire story re-published by two
// outlets with a figure changed by neither is one source, and a third
// outlet's different figure is a disagreement with that one source.
func TestCopiesOfOneStoryAreOneSource(t *testing.T) {
	wire := "Banjir di kota Medan merendam sedikitnya 120 rumah pada hari Selasa, kata badan penanggulangan bencana setempat. Hujan deras turun selama dua hari berturut-turut di seluruh provinsi dan ratusan warga mengungsi ke tempat yang lebih tinggi. Petugas masih mendata kerusakan di beberapa kecamatan yang paling parah terdampak."
	other := "Banjir di kota Medan merendam 300 rumah pada hari Selasa, kata pemerintah provinsi dalam keterangan resmi kepada wartawan."
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: Banjir Medan\noutlet: Kabar Satu\n---\n" + wire + "\n")},
		"b.md": {Data: []byte("---\ntitle: Banjir melanda Medan\noutlet: Kabar Dua\n---\n" + wire + "\n")},
		"c.md": {Data: []byte("---\ntitle: Rumah terendam di Medan\noutlet: Kabar Tiga\n---\n" + other + "\n")},
	}
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	ix, _, err := retrieval.Build(context.Background(), retrieval.Options{Corpus: fsys, CorpusName: "test", DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	if g := retrieval.StoryGroups(ix.Documents()); g["a"] == "" || g["a"] != g["b"] || g["c"] != "" {
		t.Fatalf("story groups %v: want a and b together, c alone", g)
	}
	svc := NewService(ix, Options{Ranking: retrieval.RankLexical}, nil, nil)
	res, err := svc.Answer(context.Background(), Query{Question: "Berapa rumah yang terendam banjir di Medan?"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Answer, "120") || !strings.Contains(res.Answer, "300") {
		t.Fatalf("want both figures side by side: %s", res.Answer)
	}
	if strings.Contains(res.Answer, "Kabar Satu, Kabar Dua") || strings.Contains(res.Answer, "Kabar Dua, Kabar Satu") {
		t.Errorf("two copies of one story corroborate each other: %s", res.Answer)
	}
}

// TestSourceLanguageNamed: a quote in a language Kabar cannot gloss says
// which language it is in.
func TestSourceLanguageNamed(t *testing.T) {
	for _, tc := range []struct{ doc, answer, want string }{
		{"de", "en", "the source is in German"},
		{"de", "id", "sumbernya berbahasa Jerman"},
		{"id", "en", ""},
		{"en", "id", ""},
		{"xx", "en", "the source is in xx"},
	} {
		if got := untranslatedLanguage(tc.doc, tc.answer); got != tc.want {
			t.Errorf("untranslatedLanguage(%q, %q) = %q, want %q", tc.doc, tc.answer, got, tc.want)
		}
	}
}

// Warm tells the whole-coverage story in both languages ahead of the
// first request; a topic's story is never cached.
func TestStorytellerWarm(t *testing.T) {
	_, ix := seedService(t)
	st := NewStoryteller(ix)
	for _, lang := range StoryLangs {
		if st.Cached(StoryOptions{Lang: lang}) {
			t.Fatalf("%s cached before Warm", lang)
		}
	}
	if err := st.Warm(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, lang := range StoryLangs {
		if !st.Cached(StoryOptions{Lang: lang}) {
			t.Errorf("%s not cached after Warm", lang)
		}
	}
	if st.Cached(StoryOptions{Topic: "Lavrov"}) {
		t.Error("a topic's story reported cached")
	}
}
