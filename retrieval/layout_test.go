package retrieval

import (
	"reflect"
	"strings"
	"testing"
)

// fillFields sets every field of the struct v points to a value that is
// not its zero: strings to their field's name, ints to n, bools to true,
// span slices to one span inside a text of 100 bytes. A field of any other
// type fails the test: the document codec (appendBody, decodeBody) must
// learn it first.
func fillFields(t *testing.T, v reflect.Value, n int) {
	t.Helper()
	for i := range v.NumField() {
		f, name := v.Field(i), v.Type().Field(i).Name
		switch {
		case f.Kind() == reflect.String:
			f.SetString(strings.ToLower(name) + "-value")
		case f.Kind() == reflect.Int:
			f.SetInt(int64(n + i))
		case f.Kind() == reflect.Bool:
			f.SetBool(true)
		case f.Type() == reflect.TypeFor[Span]():
			f.Set(reflect.ValueOf(Span{Start: 3, End: 40 + i}))
		case f.Type() == reflect.TypeFor[[]Span]():
			f.Set(reflect.ValueOf([]Span{{Start: 1, End: 2}, {Start: 5, End: 90}}))
		default:
			t.Fatalf("%s.%s is a %s: teach the index file's document codec (layout.go) to store it", v.Type().Name(), name, f.Type())
		}
	}
}

// TestDocumentCodecKeepsEveryField guards the index file's document codec
// against fields added to Document or Paragraph later: each one must come
// back from the file as it went in (but Document.Text, which has a section
// of its own).
func TestDocumentCodecKeepsEveryField(t *testing.T) {
	var d Document
	fillFields(t, reflect.ValueOf(&d).Elem(), 1)
	d.Text = ""
	paras := make([]Paragraph, 2)
	for i := range paras {
		fillFields(t, reflect.ValueOf(&paras[i]).Elem(), 10*i)
	}
	paras[1].Boilerplate = false
	r := docRecord{Doc: d, Paragraphs: paras}
	got, gotParas, ok := decodeBody(appendBody(nil, &r), 100)
	if !ok {
		t.Fatal("decodeBody rejects what appendBody wrote")
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("document after the codec:\n%+v\nwant\n%+v", got, d)
	}
	if !reflect.DeepEqual(gotParas, paras) {
		t.Errorf("paragraphs after the codec:\n%+v\nwant\n%+v", gotParas, paras)
	}
	// A span past the text is not what a correct writer writes.
	if _, _, ok := decodeBody(appendBody(nil, &r), 50); ok {
		t.Error("decodeBody accepts spans past the end of the text")
	}
	for cut := range len(appendBody(nil, &r)) {
		if _, _, ok := decodeBody(appendBody(nil, &r)[:cut], 100); ok {
			t.Fatalf("decodeBody accepts a body cut to %d bytes", cut)
		}
	}
}

// TestStoredVocabularyFindsEveryTerm checks the stored hash table against
// the vocabulary it was built from, and that absent terms are absent.
func TestStoredVocabularyFindsEveryTerm(t *testing.T) {
	t.Parallel()
	corpus, _ := seedCorpus(t)
	opts := buildOpts(t, corpus, t.TempDir(), NewLocalEmbedder(), testLexicon(t))
	ix, _ := mustBuild(t, opts)
	if ix.v.nVocab == 0 {
		t.Fatal("empty vocabulary")
	}
	for id := range uint32(ix.v.nVocab) {
		term := ix.v.term(id)
		if got, ok := ix.v.termID(term); !ok || got != id {
			t.Fatalf("termID(%q) = %d, %v; want %d", term, got, ok, id)
		}
		if ix.DF(term) == 0 {
			t.Errorf("term %q is in the vocabulary but in no chunk", term)
		}
	}
	for _, absent := range []string{"", "zzzz-not-a-term", "korea utara"} {
		if _, ok := ix.v.termID(absent); ok {
			t.Errorf("termID(%q) found a term", absent)
		}
	}
}

// TestDocumentTableMatchesDocuments: what the document table answers
// without decoding (hashes, languages) is what the decoded documents say.
func TestDocumentTableMatchesDocuments(t *testing.T) {
	t.Parallel()
	corpus, _ := seedCorpus(t)
	opts := buildOpts(t, corpus, t.TempDir(), NewLocalEmbedder(), testLexicon(t))
	ix, _ := mustBuild(t, opts)
	docs := ix.Documents()
	hashes := ix.DocumentHashes()
	langs := map[string]int{}
	if len(hashes) != len(docs) || len(docs) == 0 {
		t.Fatalf("%d hashes for %d documents", len(hashes), len(docs))
	}
	for i, d := range docs {
		if hashes[i] != (DocumentHash{ID: d.ID, Hash: d.Hash}) {
			t.Errorf("document %d: table says %+v, the document %s %s", i, hashes[i], d.ID, d.Hash)
		}
		langs[d.Lang]++
	}
	if got := ix.LanguageCounts(); !reflect.DeepEqual(got, langs) {
		t.Errorf("LanguageCounts = %v, the documents say %v", got, langs)
	}
}
