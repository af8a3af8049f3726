package retrieval

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// analyseChunks, which tokenises each chunk once for its terms and its
// vector, gives exactly what Lexicon.Terms and LocalEmbedder.Embed give
// apart: the same terms, the same vector bits. The texts are the
// embedder's pinned ones (seed articles, edge cases, random text over
// every tokeniser branch), cut into random runs of chunks in both
// languages.
func TestAnalyseChunksMatchesTermsAndEmbed(t *testing.T) {
	t.Parallel()
	lex := testLexicon(t)
	e := NewLocalEmbedder()
	texts := embedTexts(t)
	r := rand.New(rand.NewPCG(3, 9))
	for lo := 0; lo < len(texts); {
		hi := min(lo+r.IntN(12), len(texts)) // some runs are empty
		chunks := make([]Chunk, hi-lo)
		for i := range chunks {
			chunks[i].Text = texts[lo+i]
		}
		lang := []string{"id", "en", ""}[r.IntN(3)]
		for _, le := range []*LocalEmbedder{e, nil} {
			terms, vecs := analyseChunks(lex, le, chunks, lang)
			if len(terms) != len(chunks) || le == nil && vecs != nil || le != nil && len(vecs) != len(chunks) {
				t.Fatalf("%d chunks: %d term lists, %d vectors (embedder %v)", len(chunks), len(terms), len(vecs), le != nil)
			}
			for i, c := range chunks {
				if want := lex.Terms(c.Text, lang); !slices.Equal(terms[i], want) {
					t.Fatalf("terms of %.60q (%s) = %q, want %q", c.Text, lang, terms[i], want)
				}
			}
			if le == nil {
				continue
			}
			want, err := e.Embed(context.Background(), texts[lo:hi])
			if err != nil {
				t.Fatal(err)
			}
			for i := range chunks {
				for k := range want[i] {
					if math.Float32bits(vecs[i][k]) != math.Float32bits(want[i][k]) {
						t.Fatalf("vector of %.60q [%d] = %v, Embed %v", chunks[i].Text, k, vecs[i][k], want[i][k])
					}
				}
			}
		}
		lo = hi // an empty run leaves lo where it was
	}
}
