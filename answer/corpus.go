package answer

import (
	"context"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// Corpus is what answering needs from an index: search, the documents
// behind hits, and term statistics for weighing question concepts.
type Corpus interface {
	Search(ctx context.Context, q lexicon.Query, k int, r retrieval.Ranking) ([]retrieval.Hit, error)
	Document(id string) (retrieval.Document, bool)
	Paragraph(id string, n int) (retrieval.Paragraph, bool)
	Documents() []retrieval.Document
	DocumentChunks(id string) []retrieval.Chunk
	IDF(term string) float64
	DF(term string) int
	MaxIDF() float64
	Lexicon() *lexicon.Lexicon
}
