package retrieval

import (
	"context"
	"fmt"
	"path"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"

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

	// src is the mapped index file whose views terms, termEnds and
	// vectors are (nil when they are in memory). It is unmapped when the
	// Index becomes unreachable.
	src *loadedSnapshot

	// The chromem-go store is filled on first use: it holds the same
	// vectors as the flat matrix the searches scan, and filling it is a
	// third of a cold start and ~450 bytes of heap per chunk.
	storeOnce sync.Once
	store     *chromem.Collection
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
	total := 0
	for _, r := range s.Docs {
		total += len(r.Chunks)
	}
	ix.chunks = make([]Chunk, 0, total)
	ix.chunkDoc = make([]int32, 0, total)
	// seq counts the chunks seen so far per paragraph, for chunk ids.
	// Paragraph indexes count from 1, so a slice does; odd values from a
	// damaged file go to a map.
	var seq []int
	var oddSeq map[int]int
	for i, r := range s.Docs {
		d := r.Doc
		d.Text = r.Text
		ix.docs[i] = docEntry{Document: d, paragraphs: r.Paragraphs, firstChunk: len(ix.chunks), nChunks: len(r.Chunks), size: r.Size, modTime: r.ModTime}
		ix.byID[d.ID] = i
		clear(seq)
		clear(oddSeq)
		for k, sp := range r.Chunks {
			if sp.Start < 0 || sp.End > len(d.Text) || sp.Start > sp.End {
				return nil, fmt.Errorf("%w: chunk %d of %s lies outside the document", ErrCorruptIndex, k, d.ID)
			}
			p := r.ChunkParas[k]
			var n int
			if p >= 0 && p <= len(r.Paragraphs) {
				if p >= len(seq) {
					seq = append(seq, make([]int, p+1-len(seq))...)
				}
				seq[p]++
				n = seq[p]
			} else {
				if oddSeq == nil {
					oddSeq = map[int]int{}
				}
				oddSeq[p]++
				n = oddSeq[p]
			}
			ix.chunks = append(ix.chunks, Chunk{
				ID: d.ID + "#p" + strconv.Itoa(p) + "." + strconv.Itoa(n), DocID: d.ID, Paragraph: p,
				Start: sp.Start, End: sp.End, Text: d.Text[sp.Start:sp.End],
				NotEvidence: p >= 1 && p <= len(r.Paragraphs) && r.Paragraphs[p-1].NotEvidence,
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
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return ix, nil
}

// newMappedIndex assembles an Index that uses l's mapped sections in
// place. The Index owns l: the file is unmapped once the Index is
// unreachable. The vectors are verified on their first use.
func newMappedIndex(ctx context.Context, l *loadedSnapshot, emb Embedder, lex *lexicon.Lexicon) (*Index, error) {
	ix, err := newIndex(ctx, l.s, l.vectors, emb, lex)
	if err != nil {
		l.release()
		return nil, err
	}
	ix.src = l
	// Nothing handed out by an Index points into the mapping (chunks and
	// documents are decoded; Store copies the vectors), so unmapping
	// when the Index is gone is safe, except for VectorMatrix's view.
	runtime.AddCleanup(ix, func(l *loadedSnapshot) { l.release() }, l)
	return ix, nil
}

// newWrittenIndex serves the index file Build has just written, holding
// the directory's lock, in place: the heap copies of its vectors and term
// lists are then garbage. Where files are not mapped, or the file cannot
// be opened, the copies are served.
func newWrittenIndex(ctx context.Context, opts Options, s *snapshot, vectors []float32) (*Index, error) {
	if !mapsFiles {
		return newIndex(ctx, s, vectors, opts.Embedder, opts.Lexicon)
	}
	l, err := openSnapshot(path.Join(opts.DataDir, SnapshotFile), false)
	if err != nil || len(l.vectors) != len(vectors) || len(l.s.TermEnds) != len(s.TermEnds) || len(l.s.ChunkTerms) != len(s.ChunkTerms) {
		l.release()
		return newIndex(ctx, s, vectors, opts.Embedder, opts.Lexicon)
	}
	l.verified.Store(true) // written from these very arrays a moment ago
	l.s = &snapshot{Embedder: s.Embedder, Corpus: s.Corpus, Docs: s.Docs, Vocab: s.Vocab, ChunkTerms: l.s.ChunkTerms, TermEnds: l.s.TermEnds}
	l.moveAsideWhenCorrupt(opts.Logger)
	return newMappedIndex(ctx, l, opts.Embedder, opts.Lexicon)
}

// vectorsReady verifies the vectors the first time they are used. A
// damaged vector section returns ErrCorruptIndex (saying how to repair it)
// every time.
func (ix *Index) vectorsReady() error {
	if ix.src == nil {
		return nil
	}
	if err := ix.src.verifyVectors(); err != nil {
		return explainLoadError(ix.src.path, err)
	}
	return nil
}

// Verify checks every section of the index file the Index uses in place
// that was not yet checked (the vectors are otherwise checked on first
// use), reading them all once; serving calls it off the request path. It
// returns an ErrCorruptIndex error when a section is damaged; the file is
// then moved aside (when the directory can be written), so the next Build
// rebuilds the index from the corpus.
func (ix *Index) Verify() error { return ix.vectorsReady() }

// fillStore puts every chunk and its vector into a new chromem-go
// collection. It adds documents from a few goroutines over contiguous
// ranges: chromem-go's AddDocuments starts a goroutine per document, which
// at 100k chunks cost more than the adding. AddDocument fails only for an
// empty id or an empty document, which an index never holds.
func (ix *Index) fillStore() *chromem.Collection {
	col, err := chromem.NewDB().CreateCollection("chunks", nil, EmbeddingFunc(ix.embedder))
	if err != nil {
		panic(fmt.Sprintf("create chromem-go collection: %v", err)) // only fails for an empty name
	}
	workers := min(runtime.GOMAXPROCS(0), 1+len(ix.chunks)/4096)
	per := (len(ix.chunks) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*per, min((w+1)*per, len(ix.chunks))
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				c := &ix.chunks[i]
				emb := ix.vectors.row(i)
				if ix.src != nil {
					emb = slices.Clone(emb) // the collection may outlive the mapping
				}
				doc := chromem.Document{ID: c.ID, Content: c.Text, Embedding: emb, Metadata: map[string]string{"doc": c.DocID}}
				if err := col.AddDocument(context.Background(), doc); err != nil {
					panic(fmt.Sprintf("fill chromem-go collection: %v", err))
				}
			}
		})
	}
	wg.Wait()
	return col
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
// It is filled on the first call; when the vectors turn out to be damaged
// it holds no documents.
func (ix *Index) Store() *chromem.Collection {
	ix.storeOnce.Do(func() {
		if ix.vectorsReady() != nil {
			ix.store = (&Index{embedder: ix.embedder}).fillStore()
			return
		}
		ix.store = ix.fillStore()
	})
	return ix.store
}

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

// Paragraph returns paragraph n (1-based, as Chunk.Paragraph counts) of a
// document. Paragraphs are stored in order, so this is a lookup, not a
// search; a paragraph whose span does not fit the text (a damaged index)
// is reported missing.
func (ix *Index) Paragraph(id string, n int) (Paragraph, bool) {
	i, ok := ix.byID[id]
	if !ok {
		return Paragraph{}, false
	}
	d := ix.docs[i]
	if n < 1 || n > len(d.paragraphs) {
		return Paragraph{}, false
	}
	p := d.paragraphs[n-1]
	if p.Index != n || p.Span.Start < 0 || p.Span.Start > p.Span.End || p.Span.End > len(d.Text) {
		return Paragraph{}, false
	}
	return p, true
}

// DF returns the number of chunks containing an index term.
func (ix *Index) DF(term string) int { return ix.lexical.DF(term) }

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
