package answer

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/seeds"
)

// seedService returns an offline service over the bundled articles.
func seedService(t testing.TB) (*Service, *retrieval.Index) {
	t.Helper()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	ix, _, err := retrieval.Build(context.Background(), retrieval.Options{
		Corpus: seeds.FS, CorpusName: "seeds", DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex,
	})
	if err != nil {
		t.Fatal(err)
	}
	return NewService(ix, Options{Ranking: retrieval.RankLexical}, nil, nil), ix
}

// checkVerbatim fails the test unless every citation quotes its document
// exactly at its offsets.
func checkVerbatim(t *testing.T, ix *retrieval.Index, res Result) {
	t.Helper()
	for _, c := range res.Citations {
		d, ok := ix.Document(c.Doc)
		if !ok {
			t.Errorf("[%d] cites unknown document %q", c.N, c.Doc)
			continue
		}
		if c.ByteStart < 0 || c.ByteEnd > len(d.Text) || d.Text[c.ByteStart:c.ByteEnd] != c.Quote {
			t.Errorf("[%d] quote is not %s[%d:%d]", c.N, c.Doc, c.ByteStart, c.ByteEnd)
		}
		if got := []rune(d.Text); c.End > len(got) || string(got[c.Start:c.End]) != c.Quote {
			t.Errorf("[%d] character offsets %d–%d do not locate the quote", c.N, c.Start, c.End)
		}
	}
}

// askSeedsOr asks the bundled articles' service, or, when files is set,
// a made-up corpus of those files.
func askSeedsOr(t *testing.T, seeds *Service, lex *lexicon.Lexicon, files map[string]string, question string) Result {
	t.Helper()
	if files != nil {
		_, res := askSmallCorpus(t, lex, "rows", files, question)
		return res
	}
	res, err := seeds.Answer(context.Background(), Query{Question: question}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// askSmallCorpus indexes a made-up corpus (file name → text) and asks it
// one question offline, ranking lexically as the table tests expect.
func askSmallCorpus(t *testing.T, lex *lexicon.Lexicon, name string, files map[string]string, question string) (*retrieval.Index, Result) {
	t.Helper()
	ix := smallIndex(t, lex, name, files)
	svc := NewService(ix, Options{Ranking: retrieval.RankLexical}, nil, nil)
	res, err := svc.Answer(context.Background(), Query{Question: question}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ix, res
}

// smallIndex indexes a made-up corpus (file name → text) in a temporary
// directory.
func smallIndex(t *testing.T, lex *lexicon.Lexicon, name string, files map[string]string) *retrieval.Index {
	t.Helper()
	corpus := fstest.MapFS{}
	for file, text := range files {
		corpus[file] = &fstest.MapFile{Data: []byte(text)}
	}
	ix, _, err := retrieval.Build(context.Background(), retrieval.Options{
		Corpus: corpus, CorpusName: name, DataDir: t.TempDir(), Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex,
	})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}
