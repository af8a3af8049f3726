package retrieval

import (
	"github.com/kabar-bot/kabar/lexicon"
)

// analyseChunks returns each chunk's index terms (lex.Terms of its text)
// and, when le is not nil, its local embedding (le.Embed of its text),
// tokenising each chunk once for both: apart, the terms and the embedding
// each tokenised every chunk, a fifth of indexing time. The results are
// exactly those of Terms and Embed; a remote embedder (le nil) embeds the
// chunk texts later, in embedPending.
//
// The terms of all the chunks share one backing slice and the vectors
// one backing array, so a document costs two allocations, not two per
// chunk.
func analyseChunks(lex *lexicon.Lexicon, le *LocalEmbedder, chunks []Chunk, lang string) ([][]string, [][]float32) {
	var all []string
	ends := make([]int, len(chunks))
	var f *featureCounts
	var vectors [][]float32
	if le != nil {
		f, _ = le.scratch.Get().(*featureCounts)
		if f == nil {
			f = newFeatureCounts()
		}
		defer le.scratch.Put(f)
		vectors = make([][]float32, len(chunks))
		flat := make([]float32, len(chunks)*le.dim)
		for i := range vectors {
			vectors[i] = flat[i*le.dim : (i+1)*le.dim : (i+1)*le.dim]
		}
	}
	for i, c := range chunks {
		if f != nil {
			f.reset()
		}
		for t := range lexicon.Tokens(c.Text) {
			all = lex.AppendWordTerms(all, t, lang)
			if f != nil {
				f.addToken(t)
			}
		}
		ends[i] = len(all)
		if f != nil {
			le.finish(vectors[i], f)
		}
	}
	terms := make([][]string, len(chunks))
	start := 0
	for i, end := range ends {
		terms[i] = all[start:end:end]
		start = end
	}
	return terms, vectors
}
