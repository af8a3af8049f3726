package retrieval

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/philippgille/chromem-go"

	"github.com/kabar-bot/kabar/lexicon"
)

// Index is a loaded, searchable corpus. It is immutable and safe for
// concurrent use; re-indexing builds a new Index.
//
// It reads its index file in place (layout.go): documents are decoded when
// asked for (the last few kept in a small cache), chunks are built from
// their table rows, the postings are read where they lie.
type Index struct {
	lex      *lexicon.Lexicon
	embedder Embedder
	info     EmbedderInfo
	corpus   string

	v       *view
	vectors flatVectors
	lexical *lexicalIndex

	// set is the index's files (mapped, or one in memory) the view reads,
	// src its base. They are unmapped when the Index becomes unreachable:
	// nothing an Index hands out points into them (strings are copied),
	// except VectorMatrix's view.
	set *segmentSet
	src *loadedSnapshot

	matrixOnce sync.Once // VectorMatrix of a chain: its rows, copied in order
	matrix     []float32

	cache [docCacheSize]atomic.Pointer[docEntry]

	docsOnce sync.Once
	docs     []Document

	// The chromem-go store is filled on first use: it holds the same
	// vectors as the flat matrix the searches scan, and filling it is a
	// third of a cold start and ~450 bytes of heap per chunk.
	storeOnce sync.Once
	store     *chromem.Collection
}

// docCacheSize is how many decoded documents an Index keeps: enough for
// the documents behind an answer's hits and a few answers more.
const docCacheSize = 256

// docEntry is a decoded document.
type docEntry struct {
	row int
	Document
	paragraphs []Paragraph
}

// newIndex serves s from memory: it is laid out as the file would be, in
// one buffer, and read through the same view.
func newIndex(ctx context.Context, s *snapshot, vectors vectorRows, emb Embedder, lex *lexicon.Lexicon) (*Index, error) {
	data, err := encodeInMemory(s, vectors)
	if err != nil {
		return nil, err
	}
	l, err := openBytes(data, "index in memory")
	if err != nil {
		return nil, err
	}
	l.verified.Store(true) // the vectors were just copied from these very arrays
	return indexOver(ctx, &segmentSet{segs: []*loadedSnapshot{l}, v: &l.view}, emb, lex)
}

func indexOver(ctx context.Context, set *segmentSet, emb Embedder, lex *lexicon.Lexicon) (*Index, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	l := set.base()
	ix := &Index{
		lex: lex, embedder: emb, info: l.embedder, corpus: set.v.corpusName,
		v: set.v, set: set, src: l,
		vectors: flatVectors{dim: l.embedder.Dim},
	}
	if set.ch == nil {
		ix.vectors.data = l.vectors
	}
	ix.lexical = newLexical(set.v)
	return ix, nil
}

// newMappedIndex assembles an Index that uses the set's mapped sections
// in place. The Index owns the set: the files are unmapped once the Index
// is unreachable. The vectors are verified on their first use.
func newMappedIndex(ctx context.Context, set *segmentSet, emb Embedder, lex *lexicon.Lexicon) (*Index, error) {
	ix, err := indexOver(ctx, set, emb, lex)
	if err != nil {
		set.release()
		return nil, err
	}
	runtime.AddCleanup(ix, func(s *segmentSet) { s.release() }, set)
	return ix, nil
}

// vectorTop appends the k chunks whose vectors score highest against q,
// best first, ties to the lower chunk, scanning with up to workers
// goroutines (see scan.go); a chain merges its segments' tops.
func (ix *Index) vectorTop(dst []scored, q []float32, k, workers int) []scored {
	if ix.set.ch != nil {
		return ix.set.ch.vectorTop(dst, q, k, workers)
	}
	return ix.vectors.searchInto(dst, q, k, workers)
}

// vectorRow is chunk i's vector.
func (ix *Index) vectorRow(i int) []float32 {
	if ix.set.ch == nil {
		return ix.vectors.row(i)
	}
	return ix.set.vectorRow(i)
}

// newWrittenIndex serves the index file Build has just written, holding
// the directory's lock, in place: the heap copies of its vectors and term
// lists are then garbage. Where the file cannot be opened, the copies are
// served.
func newWrittenIndex(ctx context.Context, opts Options, s *snapshot, vectors vectorRows) (*Index, error) {
	set, err := openSegments(opts.DataDir)
	if err != nil || set.ch != nil || len(set.base().vectors) != vectors.floats() || set.v.nChunks != len(s.TermEnds) {
		set.release()
		return newIndex(ctx, s, vectors, opts.Embedder, opts.Lexicon)
	}
	set.base().verified.Store(true) // written from these very arrays a moment ago
	set.moveAsideWhenCorrupt(opts.Logger)
	return newMappedIndex(ctx, set, opts.Embedder, opts.Lexicon)
}

// vectorsReady verifies the vectors the first time they are used. A
// damaged vector section returns ErrCorruptIndex (saying how to repair it)
// every time.
func (ix *Index) vectorsReady() error {
	if err := ix.set.verifyVectors(); err != nil {
		return explainLoadError(ix.src.path, err)
	}
	return nil
}

// Verify checks every section of the index file the Index uses in place
// that was not yet checked (the others are checked as they are used),
// reading them all once; serving calls it off the request path. It
// returns an ErrCorruptIndex error when a section is damaged; the file is
// then moved aside (when the directory can be written), so the next Build
// rebuilds the index from the corpus.
func (ix *Index) Verify() error {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	if err := ix.set.verifyAll(); err != nil {
		return explainLoadError(ix.src.path, err)
	}
	return nil
}

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
	if ix.v == nil {
		return col
	}
	workers := min(runtime.GOMAXPROCS(0), 1+ix.v.nChunks/4096)
	per := (ix.v.nChunks + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*per, min((w+1)*per, ix.v.nChunks)
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				c, err := ix.v.chunk(i)
				if err != nil {
					continue // reported; a damaged chunk is left out
				}
				emb := slices.Clone(ix.vectorRow(i)) // the collection may outlive the mapping
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

// entry returns document row i decoded, from the cache when it is there.
func (ix *Index) entry(i int) (*docEntry, bool) {
	slot := &ix.cache[i%docCacheSize]
	if e := slot.Load(); e != nil && e.row == i {
		return e, true
	}
	d, paras, err := ix.v.decodeDoc(i)
	if err != nil {
		return nil, false
	}
	e := &docEntry{row: i, Document: d, paragraphs: paras}
	slot.Store(e)
	return e, true
}

func (ix *Index) entryByID(id string) (*docEntry, bool) {
	i, ok := ix.v.findDoc(id)
	if !ok {
		return nil, false
	}
	return ix.entry(i)
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
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
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
func (ix *Index) NumChunks() int {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	return ix.v.nChunks
}

// Chunk returns chunk i (0 ≤ i < NumChunks). A chunk whose text is in a
// damaged part of the file comes back empty (and the damage is reported:
// the file is moved aside).
func (ix *Index) Chunk(i int) Chunk {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	c, _ := ix.v.chunk(i)
	return c
}

// Documents returns the indexed documents sorted by id. The first call
// decodes them all (and keeps them: the bot lists them often); answering
// a question does not need them.
func (ix *Index) Documents() []Document {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	ix.docsOnce.Do(func() {
		ix.docs = make([]Document, 0, ix.v.nDocs)
		for i := range ix.v.nDocs {
			if d, _, err := ix.v.decodeDoc(i); err == nil {
				ix.docs = append(ix.docs, d)
			}
		}
	})
	return slices.Clone(ix.docs)
}

// DocumentHash is a document's id and the hash of its file's bytes.
type DocumentHash struct{ ID, Hash string }

// DocumentHashes returns every document's id and content hash, sorted by
// id as Documents is, without decoding the documents.
func (ix *Index) DocumentHashes() []DocumentHash {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	out := make([]DocumentHash, ix.v.nDocs)
	for i := range out {
		out[i] = DocumentHash{ID: strings.Clone(ix.v.docID(i)), Hash: strings.Clone(ix.v.docStr(i, strHash))}
	}
	return out
}

// LanguageCounts returns how many documents are in each language (by
// Document.Lang, "" for unknown), without decoding them.
func (ix *Index) LanguageCounts() map[string]int {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	// The keys are views of the file until cloned.
	views := map[string]int{}
	for i := range ix.v.nDocs {
		views[ix.v.docStr(i, strLang)]++
	}
	out := make(map[string]int, len(views))
	for k, n := range views {
		out[strings.Clone(k)] = n
	}
	return out
}

// Document returns a document by id.
func (ix *Index) Document(id string) (Document, bool) {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	e, ok := ix.entryByID(id)
	if !ok {
		return Document{}, false
	}
	return e.Document, true
}

// Paragraphs returns a document's paragraphs (nil for an unknown id).
func (ix *Index) Paragraphs(id string) []Paragraph {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	e, ok := ix.entryByID(id)
	if !ok {
		return nil
	}
	return e.paragraphs
}

// Paragraph returns paragraph n (1-based, as Chunk.Paragraph counts) of a
// document. Paragraphs are stored in order, so this is a lookup, not a
// search; a paragraph whose span does not fit the text (a damaged index)
// is reported missing.
func (ix *Index) Paragraph(id string, n int) (Paragraph, bool) {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	d, ok := ix.entryByID(id)
	if !ok {
		return Paragraph{}, false
	}
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
func (ix *Index) DF(term string) int {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	return ix.lexical.DF(term)
}

// DocumentChunks returns the chunks of a document in order.
func (ix *Index) DocumentChunks(id string) []Chunk {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	i, ok := ix.v.findDoc(id)
	if !ok {
		return nil
	}
	first, n := ix.v.docChunks(i)
	out := make([]Chunk, 0, n)
	for c := first; c < first+n; c++ {
		ch, err := ix.v.chunk(c)
		if err != nil {
			return nil
		}
		out = append(out, ch)
	}
	return out
}

// IDF returns the lexical inverse document frequency of an index term.
func (ix *Index) IDF(term string) float64 {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	return ix.lexical.IDF(term)
}

// MaxIDF is the IDF of a term occurring in a single chunk.
func (ix *Index) MaxIDF() float64 {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	return ix.lexical.MaxIDF()
}

// sortDocs orders records by id so snapshots are deterministic.
func sortDocs(recs []docRecord) {
	sort.Slice(recs, func(i, j int) bool { return recs[i].Doc.ID < recs[j].Doc.ID })
}
