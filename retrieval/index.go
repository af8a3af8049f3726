package retrieval

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/philippgille/chromem-go"

	"github.com/kabar-bot/kabar/lexicon"
)

// Index is a loaded, searchable corpus. It is immutable and safe for
// concurrent use; re-indexing builds a new Index.
type Index struct {
	lex      *lexicon.Lexicon
	embedder Embedder
	info     EmbedderInfo
	corpus   string

	docs     []docEntry
	byID     map[string]int
	chunks   []Chunk
	chunkDoc []int32
	terms    []uint32 // term ids of all chunks, concatenated
	termEnds []uint32
	vectors  flatVectors
	lexical  *lexicalIndex
	store    *chromem.Collection
}

type docEntry struct {
	Document
	paragraphs []Paragraph
	firstChunk int
	nChunks    int
	size       int64
	modTime    int64
}

// newIndex assembles an Index from a snapshot: it rebuilds chunk texts from
// the verbatim documents, the inverted index from the stored term ids, and
// fills the chromem-go collection with the stored vectors (no re-embedding).
func newIndex(ctx context.Context, s *snapshot, vectors []float32, emb Embedder, lex *lexicon.Lexicon) (*Index, error) {
	ix := &Index{
		lex: lex, embedder: emb, info: s.Embedder, corpus: s.Corpus,
		byID:     make(map[string]int, len(s.Docs)),
		terms:    s.ChunkTerms,
		termEnds: s.TermEnds,
		vectors:  flatVectors{dim: s.Embedder.Dim, data: vectors},
	}
	ix.docs = make([]docEntry, len(s.Docs))
	for i, r := range s.Docs {
		d := r.Doc
		d.Text = r.Text
		ix.docs[i] = docEntry{Document: d, paragraphs: r.Paragraphs, firstChunk: len(ix.chunks), nChunks: len(r.Chunks), size: r.Size, modTime: r.ModTime}
		ix.byID[d.ID] = i
		seq := map[int]int{}
		for k, sp := range r.Chunks {
			if sp.Start < 0 || sp.End > len(d.Text) || sp.Start > sp.End {
				return nil, fmt.Errorf("%w: chunk %d of %s lies outside the document", ErrCorruptIndex, k, d.ID)
			}
			p := r.ChunkParas[k]
			seq[p]++
			ix.chunks = append(ix.chunks, Chunk{
				ID: d.ID + "#p" + strconv.Itoa(p) + "." + strconv.Itoa(seq[p]), DocID: d.ID, Paragraph: p,
				Start: sp.Start, End: sp.End, Text: d.Text[sp.Start:sp.End],
			})
			ix.chunkDoc = append(ix.chunkDoc, int32(i))
		}
	}
	if len(s.TermEnds) != len(ix.chunks) || ix.vectors.rows() != len(ix.chunks) && len(ix.chunks) > 0 {
		return nil, fmt.Errorf("%w: %d chunks but %d term lists and %d vectors", ErrCorruptIndex, len(ix.chunks), len(s.TermEnds), ix.vectors.rows())
	}
	lists := make([][]uint32, len(ix.chunks))
	for i := range lists {
		lists[i] = ix.chunkTerms(i)
		for _, t := range lists[i] {
			if int(t) >= len(s.Vocab) {
				return nil, fmt.Errorf("%w: term id out of range", ErrCorruptIndex)
			}
		}
	}
	ix.lexical = buildLexical(s.Vocab, lists)
	if err := ix.fillStore(ctx); err != nil {
		return nil, err
	}
	return ix, nil
}

func (ix *Index) fillStore(ctx context.Context) error {
	db := chromem.NewDB()
	col, err := db.CreateCollection("chunks", nil, EmbeddingFunc(ix.embedder))
	if err != nil {
		return fmt.Errorf("create store: %w", err)
	}
	ix.store = col
	if len(ix.chunks) == 0 {
		return nil
	}
	docs := make([]chromem.Document, len(ix.chunks))
	for i, c := range ix.chunks {
		docs[i] = chromem.Document{ID: c.ID, Content: c.Text, Embedding: ix.vectors.row(i), Metadata: map[string]string{"doc": c.DocID}}
	}
	if err := col.AddDocuments(ctx, docs, 4); err != nil {
		return fmt.Errorf("fill store: %w", err)
	}
	return nil
}

func (ix *Index) chunkTerms(i int) []uint32 {
	start := uint32(0)
	if i > 0 {
		start = ix.termEnds[i-1]
	}
	return ix.terms[start:ix.termEnds[i]]
}

// Embedder describes the embedder that built the index.
func (ix *Index) Embedder() EmbedderInfo { return ix.info }

// Corpus describes where the documents came from.
func (ix *Index) Corpus() string { return ix.corpus }

// Lexicon is the language data the index was analysed with.
func (ix *Index) Lexicon() *lexicon.Lexicon { return ix.lex }

// Store is the chromem-go collection holding every chunk and its vector.
func (ix *Index) Store() *chromem.Collection { return ix.store }

// NumChunks is the number of indexed chunks.
func (ix *Index) NumChunks() int { return len(ix.chunks) }

// Chunk returns chunk i (0 ≤ i < NumChunks).
func (ix *Index) Chunk(i int) Chunk { return ix.chunks[i] }

// Documents returns the indexed documents sorted by id.
func (ix *Index) Documents() []Document {
	out := make([]Document, len(ix.docs))
	for i, d := range ix.docs {
		out[i] = d.Document
	}
	return out
}

// Document returns a document by id.
func (ix *Index) Document(id string) (Document, bool) {
	i, ok := ix.byID[id]
	if !ok {
		return Document{}, false
	}
	return ix.docs[i].Document, true
}

// Paragraphs returns a document's paragraphs (nil for an unknown id).
func (ix *Index) Paragraphs(id string) []Paragraph {
	i, ok := ix.byID[id]
	if !ok {
		return nil
	}
	return ix.docs[i].paragraphs
}

// DocumentChunks returns the chunks of a document in order.
func (ix *Index) DocumentChunks(id string) []Chunk {
	i, ok := ix.byID[id]
	if !ok {
		return nil
	}
	d := ix.docs[i]
	return ix.chunks[d.firstChunk : d.firstChunk+d.nChunks]
}

// IDF returns the lexical inverse document frequency of an index term.
func (ix *Index) IDF(term string) float64 { return ix.lexical.IDF(term) }

// MaxIDF is the IDF of a term occurring in a single chunk.
func (ix *Index) MaxIDF() float64 { return ix.lexical.MaxIDF() }

// sortDocs orders records by id so snapshots are deterministic.
func sortDocs(recs []docRecord) {
	sort.Slice(recs, func(i, j int) bool { return recs[i].Doc.ID < recs[j].Doc.ID })
}
