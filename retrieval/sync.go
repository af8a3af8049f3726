package retrieval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/kabar-bot/kabar/lexicon"
)

// Options configures Build and Open.
type Options struct {
	Corpus     fs.FS  // the articles; walked recursively
	CorpusName string // shown in messages, e.g. "bundled seeds" or a path
	DataDir    string // where the index file lives
	Embedder   Embedder
	Lexicon    *lexicon.Lexicon
	Rebuild    bool           // ignore any existing index
	Progress   func(Progress) // called as documents are processed; may be nil
	Warn       func(Skipped)  // called for each skipped file; may be nil
	Logger     *slog.Logger   // may be nil
	Workers    int            // parallel reading and embedding workers; 0 = GOMAXPROCS
	ChunkOpts  ChunkOptions   // chunk sizes

	// MergeAt is the share of the live chunks that dead chunks and the
	// deltas' chunks may reach before an update rewrites the base whole
	// instead of adding a delta (delta.go): 0 means 0.25; a negative value
	// makes every update rewrite the base, as before segments.
	MergeAt float64
	// DeferMerge is for a caller that merges in the background: when the
	// base is due to be rewritten, Build still writes a delta and sets
	// Stats.MergeDue, and the caller runs Compact off its path; Build
	// rewrites the base itself only once twice MergeAt is reached.
	DeferMerge bool
}

// Progress reports indexing progress.
type Progress struct {
	Phase       string // "reading" documents, then "embedding" chunks
	Done, Total int    // documents while reading, chunks while embedding
}

// Stats summarises an indexing run.
type Stats struct {
	Documents int  `json:"documents"`
	Chunks    int  `json:"chunks"`
	Added     int  `json:"added"`
	Changed   int  `json:"changed"`
	Removed   int  `json:"removed"`
	Unchanged int  `json:"unchanged"`
	Skipped   int  `json:"skipped"`
	Embedded  int  `json:"embedded_chunks"`
	Saved     bool `json:"saved"`
	// ReadOnly reports that the data directory could not be written: the
	// index was served as it was or, when out of date, brought up to date
	// in memory only.
	ReadOnly bool `json:"read_only,omitempty"`
	// MergeDue reports, with Options.DeferMerge, that deltas and dead
	// documents have piled up: the caller should run Compact.
	MergeDue bool          `json:"merge_due,omitempty"`
	Took     time.Duration `json:"took_ns"`
}

// Open loads the index in opts.DataDir without looking at the corpus.
func Open(ctx context.Context, opts Options) (*Index, error) {
	set, err := openSegments(opts.DataDir)
	if err != nil {
		return nil, explainLoadError(opts.DataDir, err)
	}
	if err := checkEmbedder(set.base().embedder, opts.Embedder, opts.DataDir); err != nil {
		set.release()
		return nil, err
	}
	set.moveAsideWhenCorrupt(opts.Logger)
	return newMappedIndex(ctx, set, opts.Embedder, opts.Lexicon) // the files in place (snapshot.go, segments.go)
}

// Build brings the index in opts.DataDir up to date with opts.Corpus and
// returns it. Unchanged documents (same size and modification time, or same
// content hash) keep their chunks and vectors; changed and new ones are
// re-chunked and embedded; documents gone from the corpus leave the index.
// Nothing is written when nothing changed. Otherwise the changed and new
// documents go into a new delta segment and the replaced and removed ones
// become dead in the manifest (delta.go), so the work is in proportion to
// the change; when deltas and dead documents pile up, the base is
// rewritten whole.
func Build(ctx context.Context, opts Options) (*Index, Stats, error) {
	start := time.Now()
	var st Stats
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	// Readers need no lock: the index file is only ever replaced whole, by
	// rename. A directory that cannot be written (a read-only volume, a
	// full disk) still serves a current index.
	unlock, err := lockDataDir(opts.DataDir)
	switch {
	case err == nil:
		defer unlock()
		removeStaleTemps(opts.DataDir, opts.Logger)
	case unwritable(err):
		st.ReadOnly = true
	default:
		return nil, st, fmt.Errorf("index %s: %w", opts.DataDir, err)
	}
	if opts.Rebuild && !st.ReadOnly {
		aside, err := clearIndexPath(opts.DataDir)
		if err != nil {
			return nil, st, fmt.Errorf("index %s: %w", opts.DataDir, err)
		}
		if aside != "" {
			opts.Logger.Warn("something other than an index file was in the index's place; moved it aside", "moved_to", aside)
		}
	}
	// The previous index is mapped, not read: when nothing changed it is
	// served in place; otherwise its vectors are verified before reuse.
	var prev *segmentSet
	if !opts.Rebuild {
		set, err := openSegments(opts.DataDir)
		switch {
		case err == nil:
			if err := checkEmbedder(set.base().embedder, opts.Embedder, opts.DataDir); err != nil {
				set.release()
				return nil, st, err
			}
			prev = set
		case errors.Is(err, fs.ErrNotExist):
		default:
			return nil, st, explainLoadError(opts.DataDir, err)
		}
	}
	servedPrev := false
	defer func() {
		if !servedPrev {
			prev.release()
		}
	}()
	if prev != nil && !st.ReadOnly {
		prev.removeLeftovers() // a stale manifest, deltas no manifest names
	}
	b := newBuilder(opts, prev)
	if skips, ok := corpusCurrent(ctx, opts.Corpus, prev, opts.DataDir); ok {
		// Every file as the index, or the record of skipped files,
		// has it, nothing else (fresh.go): what the walk would
		// conclude, without it.
		b.stats.Unchanged = prev.v.nDocs
		for _, f := range skips.Files {
			b.warnSkip(Skipped{Path: f.Path, Reason: f.Reason})
		}
		if opts.Progress != nil {
			opts.Progress(Progress{Phase: "reading", Done: prev.v.nDocs, Total: prev.v.nDocs})
		}
	} else {
		if err := b.walk(ctx); err != nil {
			return nil, st, err
		}
		if !st.ReadOnly {
			b.recordSkips()
		}
	}
	unchanged := prev != nil && b.stats.Added+b.stats.Changed+b.stats.Removed == 0 && !b.touched
	readOnly := st.ReadOnly
	stale := prev == nil || b.stats.Added+b.stats.Changed+b.stats.Removed > 0
	var s *snapshot
	var vectors vectorRows
	var delta *deltaPlan
	if !unchanged {
		if err := b.embedPending(ctx); err != nil {
			return nil, st, err
		}
		if !readOnly {
			delta, b.stats.MergeDue = b.planDelta()
		}
		// The vectors copied into the new file are checked first.
		var verr error
		if delta != nil {
			verr = prev.verifySources(delta)
		} else {
			verr = prev.verifyVectors()
		}
		if verr != nil {
			return nil, st, explainLoadError(opts.DataDir, verr)
		}
		if delta == nil {
			s, vectors, err = b.snapshot()
		} else {
			s, vectors, err = b.deltaSnapshot(delta)
		}
		if errors.Is(err, ErrCorruptIndex) {
			return nil, st, explainLoadError(opts.DataDir, err)
		}
		if err != nil {
			return nil, st, err
		}
	}
	st = b.stats
	switch {
	case unchanged:
		st.Documents, st.Chunks = prev.v.nDocs, prev.v.nChunks
	case delta != nil:
		st.Documents, st.Chunks = delta.docs, delta.chunks
	default:
		st.Documents, st.Chunks = len(s.Docs), len(s.TermEnds)
	}
	st.ReadOnly = readOnly
	if stale || b.touched {
		err := errReadOnly
		switch {
		case st.ReadOnly:
		case delta != nil:
			err = writeDelta(opts.DataDir, prev, delta, s, vectors)
		default:
			err = writeBase(opts.DataDir, s, vectors)
		}
		switch {
		case err == nil:
			st.Saved = true
		case unwritable(err) || errors.Is(err, errReadOnly):
			st.ReadOnly = true
		default:
			return nil, st, fmt.Errorf("index %s: %w", opts.DataDir, err)
		}
	}
	if st.ReadOnly {
		// Said once per build: the index serves, it just cannot change.
		if stale {
			opts.Logger.Warn("the index directory cannot be written: the index was brought up to date in memory for this run only; make it writable or run `kabar index` where it is",
				"data", opts.DataDir)
		} else {
			opts.Logger.Warn("the index directory cannot be written: serving the current index; it cannot be updated until the directory is writable",
				"data", opts.DataDir)
		}
	}
	var ix *Index
	switch {
	case unchanged:
		servedPrev = true
		prev.moveAsideWhenCorrupt(opts.Logger)
		ix, err = newMappedIndex(ctx, prev, opts.Embedder, opts.Lexicon)
	case delta != nil && st.Saved:
		ix, err = Open(ctx, opts)
		if err == nil && (ix.v.nDocs != st.Documents || ix.v.nChunks != st.Chunks) {
			err = fmt.Errorf("index %s: the updated index holds %d documents and %d chunks, want %d and %d (another indexer?)",
				opts.DataDir, ix.v.nDocs, ix.v.nChunks, st.Documents, st.Chunks)
		}
	case delta != nil:
		// Nothing was written (read-only): serve everything from memory.
		err = prev.verifyVectors()
		if err == nil {
			s, vectors, err = b.snapshot()
		}
		if err == nil {
			ix, err = newIndex(ctx, s, vectors, opts.Embedder, opts.Lexicon)
		}
	case st.Saved:
		ix, err = newWrittenIndex(ctx, opts, s, vectors)
	default:
		ix, err = newIndex(ctx, s, vectors, opts.Embedder, opts.Lexicon)
	}
	if err != nil {
		return nil, st, err
	}
	st.Took = time.Since(start)
	opts.Logger.Debug("index ready", "corpus", opts.CorpusName, "documents", st.Documents, "chunks", st.Chunks,
		"added", st.Added, "changed", st.Changed, "removed", st.Removed, "skipped", st.Skipped, "took_ms", st.Took.Milliseconds())
	return ix, st, nil
}

// errReadOnly stands for the write Build skipped in a directory it could
// not lock for writing.
var errReadOnly = errors.New("data directory is read-only")

// removeStaleTemps deletes snapshot files a killed indexer left half
// written. Build holds the data directory's lock, so no other indexer is
// writing one now.
func removeStaleTemps(dir string, logger *slog.Logger) {
	stale, _ := filepath.Glob(filepath.Join(dir, ".index-*.tmp"))
	for _, p := range stale {
		if err := os.Remove(p); err == nil {
			logger.Info("removed an index file left half-written by an interrupted run", "path", p)
		}
	}
}

func checkEmbedder(have EmbedderInfo, e Embedder, dir string) error {
	if have.Name != e.Name() || (e.Dimension() != 0 && have.Dim != e.Dimension()) {
		return fmt.Errorf("%w: the index in %s was built by %s (%d dimensions), Kabar is configured for %s: run `kabar index --rebuild` to re-embed everything with the configured embedder, or point --data at another directory",
			ErrEmbedderMismatch, dir, have.Name, have.Dim, e.Name())
	}
	return nil
}

func explainLoadError(dir string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no index in %s: run `kabar index` first: %w", dir, err)
	}
	if errors.Is(err, ErrCorruptIndex) {
		return fmt.Errorf("%w; run `kabar index --rebuild` to repair it", err)
	}
	return fmt.Errorf("read index in %s: %w", dir, err)
}

// builder assembles a new snapshot from the previous one and the corpus.
// The previous file's documents are only looked up by path while walking;
// those kept are decoded when the new snapshot is laid out.
type builder struct {
	opts    Options
	prevSet *segmentSet
	prevV   *view              // the previous index as it reads
	prev    map[string]prevDoc // by path
	// vocab maps the terms of new and changed documents to ids: the
	// previous index's, or from prevVocab on, the new terms in newTerms.
	vocab     map[string]uint32
	newTerms  []string
	prevVocab int
	docs      []builtDoc // new and changed documents
	kept      []prevDoc  // documents kept from the previous file
	// prevSeen counts the files walked that the previous file holds.
	prevSeen int
	stats    Stats
	touched  bool // metadata changed without content change (e.g. mtime)
	seenIDs  map[string]string
	// skipped are the files the walk skipped, for SkippedFile;
	// unrecorded, that one could not be recorded (no size or time).
	skipped    []skipEntry
	unrecorded bool
}

// prevDoc is a document of the previous file: its row and what deciding
// whether it changed needs.
type prevDoc struct {
	row           int
	id, hash      string
	size, modTime int64
	moved         bool // same content, new size or modification time
}

type builtDoc struct {
	rec     docRecord
	terms   [][]uint32
	vectors [][]float32 // nil until embedded
	texts   []string    // chunk texts awaiting embedding
}

func newBuilder(opts Options, set *segmentSet) *builder {
	b := &builder{opts: opts, prevSet: set, prev: map[string]prevDoc{}, seenIDs: map[string]string{}, vocab: map[string]uint32{}}
	if set == nil {
		return b
	}
	b.prevV, b.prevVocab = set.v, set.v.nVocab
	return b
}

// indexPrev maps the previous files' documents by path for the walk.
// The strings are views of the previous files, which stay mapped while
// Build runs; nothing the builder hands out keeps them (restore replaces
// a kept document's record with a decoded copy).
func (b *builder) indexPrev() {
	prev := b.prevV
	if prev == nil {
		return
	}
	b.prev = make(map[string]prevDoc, prev.nDocs)
	b.seenIDs = make(map[string]string, prev.nDocs)
	for i := range prev.nDocs {
		size, mtime := prev.docSize(i)
		b.prev[prev.docStr(i, strPath)] = prevDoc{row: i,
			id: prev.docID(i), hash: prev.docStr(i, strHash), size: size, modTime: mtime}
	}
}

// vocabFrom returns the terms with ids from..b.prevVocab-1 (copied out of
// the previous files) followed by the new terms: the vocabulary a
// segment whose first term id is from holds.
func (b *builder) vocabFrom(from int) []string {
	out := make([]string, 0, b.prevVocab-from+len(b.newTerms))
	for id := from; id < b.prevVocab; id++ {
		out = append(out, strings.Clone(b.prevV.term(uint32(id))))
	}
	return append(out, b.newTerms...)
}

// walk visits the corpus, reusing unchanged documents and parsing the rest.
func (b *builder) walk(ctx context.Context) error {
	b.indexPrev()
	var files []string
	err := walkArticles(ctx, b.opts.Corpus, b.skip, func(name string) error {
		files = append(files, name)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read corpus %s: %w", b.opts.CorpusName, err)
	}
	total := len(files)
	// Files are read, parsed, chunked, analysed and (by the local
	// embedder) embedded on all cores; each is then applied in file
	// order, while the next ones are read, so ids, warnings and the new
	// file are exactly those of a sequential walk.
	workers := b.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	le, _ := b.opts.Embedder.(*LocalEmbedder)
	const window = 256 // files read ahead of the one being applied
	read := func(i int) visited { return b.read(ctx, files[i], le) }
	err = inOrder(ctx, total, workers, window, read, func(i int, v *visited) {
		b.apply(files[i], v)
		if b.opts.Progress != nil && (i%64 == 0 || i == total-1) {
			b.opts.Progress(Progress{Phase: "reading", Done: i + 1, Total: total})
		}
	})
	if err != nil {
		return err
	}
	// Paths are unique, so the previous documents not visited are gone.
	b.stats.Removed = len(b.prev) - b.prevSeen
	return nil
}

// skip reports a file or folder the walk could not use and cannot
// record (it could not be stat'ed).
func (b *builder) skip(s Skipped) {
	b.unrecorded = true
	b.warnSkip(s)
}

// skipFile reports a file the walk skipped and records it with its size
// and modification time, when its content decides the reason.
func (b *builder) skipFile(p, reason string, info fs.FileInfo) {
	if info == nil || info.ModTime().UnixNano() == 0 || !recordable(reason) {
		b.unrecorded = true
	} else {
		b.skipped = append(b.skipped, skipEntry{Path: p, Size: info.Size(), ModTime: info.ModTime().UnixNano(), Reason: reason})
	}
	b.warnSkip(Skipped{Path: p, Reason: reason})
}

// recordSkips writes what the walk skipped to SkippedFile, for the next
// freshness check of a corpus folder; nothing is lost if it cannot.
func (b *builder) recordSkips() {
	if _, ok := b.opts.Corpus.(dirCorpus); !ok {
		return
	}
	files := b.skipped
	if b.unrecorded {
		files = nil
	}
	if err := writeSkipList(b.opts.DataDir, files); err != nil {
		b.opts.Logger.Debug("the skipped files could not be recorded; the next run walks the corpus", "error", err.Error())
	}
}

func (b *builder) warnSkip(s Skipped) {
	b.stats.Skipped++
	if b.opts.Warn != nil {
		b.opts.Warn(s)
		return
	}
	b.opts.Logger.Warn("skipped corpus file", "path", s.Path, "reason", s.Reason)
}

// visited is what reading one file found: a reason to skip it, or that
// it is unchanged (old), or its parsed document, chunks and terms.
type visited struct {
	skip    string
	info    fs.FileInfo
	old     prevDoc
	hadOld  bool
	reuse   bool // size and modification time unchanged
	doc     Document
	paras   []Paragraph
	chunks  []Chunk
	terms   [][]string
	vectors [][]float32 // when the embedder is the local one
}

// read does the part of visiting a file that depends on nothing else the
// walk does, so files are read in parallel: it stats the file and, unless
// its size and modification time are unchanged, parses, segments, chunks
// and analyses it, and embeds its chunks when le (the local embedder, a
// pure function of the text) is not nil.
func (b *builder) read(ctx context.Context, p string, le *LocalEmbedder) visited {
	var v visited
	info, err := fs.Stat(b.opts.Corpus, p)
	if err != nil {
		v.skip = "unreadable: " + oneLine(err.Error())
		return v
	}
	v.info = info
	v.old, v.hadOld = b.prev[p]
	mtime := info.ModTime().UnixNano()
	if v.hadOld && v.old.size == info.Size() && v.old.modTime == mtime && mtime != 0 {
		v.reuse = true
		return v
	}
	raw, reason := readArticleStat(b.opts.Corpus, p, info)
	if reason != "" {
		v.skip = reason
		return v
	}
	// The language of a document without a stated one is identified with
	// its paragraphs', from the same trigram counts (setLanguages).
	doc, langLater, err := parseDocument(ctx, p, raw, true)
	if err != nil {
		if ctx.Err() == nil {
			v.skip = skipReason(err)
		}
		return v
	}
	if v.hadOld && v.old.hash == doc.Hash && v.old.id == doc.ID {
		if langLater {
			doc.Lang = documentLanguage.Detect(doc.Text)
		}
		v.doc = doc
		return v // kept: see apply
	}
	v.paras = Segment(doc) // which does not read doc.Lang
	setLanguages(&doc, v.paras, langLater)
	v.doc = doc
	v.chunks = Chunks(doc, v.paras, b.opts.ChunkOpts)
	if ctx.Err() != nil {
		return v // not applied: see inOrder
	}
	v.terms, v.vectors = analyseChunks(b.opts.Lexicon, le, v.chunks, doc.Lang)
	return v
}

// apply adds one read file, in walk order: reused as it was when its size
// and modification time (or, failing that, its content hash) are
// unchanged, queued for embedding otherwise.
func (b *builder) apply(p string, v *visited) {
	if v.hadOld {
		b.prevSeen++
	}
	if v.skip != "" {
		b.skipFile(p, v.skip, v.info)
		return
	}
	old := v.old
	if v.reuse {
		if b.claim(old.id, p, v.info) {
			b.reuse(old)
		}
		return
	}
	doc, info := v.doc, v.info
	mtime := info.ModTime().UnixNano()
	if !b.claim(doc.ID, p, info) {
		return
	}
	if v.hadOld && old.hash == doc.Hash && old.id == doc.ID {
		if old.size != info.Size() || old.modTime != mtime {
			old.size, old.modTime, old.moved = info.Size(), mtime, true
			b.touched = true
		}
		b.reuse(old)
		return
	}
	if v.hadOld {
		b.stats.Changed++
	} else {
		b.stats.Added++
	}
	bd := builtDoc{rec: docRecord{Doc: doc, Text: doc.Text, Size: info.Size(), ModTime: mtime, Paragraphs: v.paras}}
	bd.rec.Doc.Text = ""
	for i, c := range v.chunks {
		bd.rec.Chunks = append(bd.rec.Chunks, Span{Start: c.Start, End: c.End})
		bd.rec.ChunkParas = append(bd.rec.ChunkParas, c.Paragraph)
		bd.terms = append(bd.terms, b.termIDs(v.terms[i]))
		if v.vectors == nil {
			bd.texts = append(bd.texts, c.Text)
		}
	}
	if v.vectors != nil {
		bd.vectors = v.vectors
		b.stats.Embedded += len(v.vectors)
	}
	b.docs = append(b.docs, bd)
}

// claim records that id comes from path p; a second file with the same id
// (x.md next to x.txt) is skipped.
func (b *builder) claim(id, p string, info fs.FileInfo) bool {
	if other, dup := b.seenIDs[id]; dup {
		b.skipFile(p, fmt.Sprintf("same id %q as %s", id, other), info)
		return false
	}
	b.seenIDs[id] = p
	return true
}

func (b *builder) reuse(old prevDoc) {
	b.stats.Unchanged++
	b.kept = append(b.kept, old)
}

// restore decodes a kept document's record, term lists and vectors from
// the previous file.
func (b *builder) restore(old prevDoc) (builtDoc, error) {
	row := old.row
	rec, err := b.prevV.record(row)
	if err != nil {
		return builtDoc{}, err
	}
	rec.Size, rec.ModTime = old.size, old.modTime
	bd := builtDoc{rec: rec}
	first, n := b.prevV.docChunks(row)
	for c := first; c < first+n; c++ {
		if err := b.prevV.checkChunk(c); err != nil {
			return builtDoc{}, err
		}
		bd.terms = append(bd.terms, b.prevV.chunkTerms(c))
		bd.vectors = append(bd.vectors, b.prevSet.vectorRow(c))
	}
	return bd, nil
}

// termIDs numbers terms: a term the previous index holds keeps its id
// there (found through its stored hash tables), a new one is numbered
// after every previous one.
func (b *builder) termIDs(terms []string) []uint32 {
	ids := make([]uint32, len(terms))
	for i, t := range terms {
		id, ok := b.vocab[t]
		if !ok && b.prevV != nil {
			id, ok = b.prevV.termID(t)
			if ok {
				b.vocab[t] = id
			}
		}
		if !ok {
			id = uint32(b.prevVocab + len(b.newTerms))
			b.vocab[t] = id
			b.newTerms = append(b.newTerms, t)
		}
		ids[i] = id
	}
	return ids
}

// embedPending embeds the chunks of new and changed documents in batches,
// spread over a few workers.
func (b *builder) embedPending(ctx context.Context) error {
	var pending []int
	// The local embedder's vectors came with the walk (read): the
	// progress counts them as done.
	pendingChunks := b.stats.Embedded
	for i := range b.docs {
		if b.docs[i].vectors == nil && len(b.docs[i].texts) > 0 {
			pending = append(pending, i)
			pendingChunks += len(b.docs[i].texts)
		}
	}
	if b.stats.Embedded > 0 && b.opts.Progress != nil {
		b.opts.Progress(Progress{Phase: "embedding", Done: b.stats.Embedded, Total: pendingChunks})
	}
	if len(pending) == 0 {
		return ctx.Err()
	}
	workers := b.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				vecs, err := b.opts.Embedder.Embed(ctx, b.docs[i].texts)
				if err == nil && len(vecs) != len(b.docs[i].texts) {
					err = fmt.Errorf("embedder returned %d vectors for %d texts", len(vecs), len(b.docs[i].texts))
				}
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("embed %s: %w", b.docs[i].rec.Doc.ID, err)
					cancel()
				}
				if err == nil {
					b.docs[i].vectors = vecs
					b.stats.Embedded += len(vecs)
					if b.opts.Progress != nil {
						b.opts.Progress(Progress{Phase: "embedding", Done: b.stats.Embedded, Total: pendingChunks})
					}
				}
				mu.Unlock()
			}
		}()
	}
	for _, i := range pending {
		select {
		case jobs <- i:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// snapshot lays the whole index out in id order, as a new base: the
// built documents and every kept one.
func (b *builder) snapshot() (*snapshot, vectorRows, error) {
	for _, old := range b.kept {
		bd, err := b.restore(old)
		if err != nil {
			return nil, nil, err
		}
		b.docs = append(b.docs, bd)
	}
	b.kept = nil
	s, vectors, err := b.layDocs(b.docs, b.vocabFrom(0), 0)
	if err != nil {
		return nil, nil, err
	}
	s.Generation = newGeneration()
	return s, vectors, nil
}

// layDocs lays docs out in id order as a segment whose vocabulary (ids
// from vocabBase) is vocab. The vectors are the documents' own rows, in
// that order, not a copy (vectorRows); each document's term lists are
// released as they are copied.
func (b *builder) layDocs(docs []builtDoc, vocab []string, vocabBase int) (*snapshot, vectorRows, error) {
	recs := make([]docRecord, len(docs))
	byID := map[string]*builtDoc{}
	for i := range docs {
		recs[i] = docs[i].rec
		byID[docs[i].rec.Doc.ID] = &docs[i]
	}
	sortDocs(recs)
	dim := b.opts.Embedder.Dimension()
	s := &snapshot{Embedder: EmbedderInfo{Name: b.opts.Embedder.Name(), Dim: dim}, Corpus: b.opts.CorpusName, Docs: recs,
		Vocab: vocab, VocabBase: vocabBase, Sparse: vocabBase > 0}
	var nChunks, nTerms int
	for i := range docs {
		nChunks += len(docs[i].rec.Chunks)
		for _, t := range docs[i].terms {
			nTerms += len(t)
		}
		if s.Embedder.Dim == 0 && len(docs[i].vectors) > 0 {
			s.Embedder.Dim = len(docs[i].vectors[0])
		}
	}
	s.ChunkTerms = make([]uint32, 0, nTerms)
	s.TermEnds = make([]uint32, 0, nChunks)
	vectors := make(vectorRows, 0, nChunks)
	for _, r := range recs {
		bd := byID[r.Doc.ID]
		for k := range r.Chunks {
			s.ChunkTerms = append(s.ChunkTerms, bd.terms[k]...)
			s.TermEnds = append(s.TermEnds, uint32(len(s.ChunkTerms)))
			v := bd.vectors[k]
			if len(v) != s.Embedder.Dim {
				return nil, nil, fmt.Errorf("%w: %s returned %d dimensions for %s, expected %d; run `kabar index --rebuild`",
					ErrEmbedderMismatch, s.Embedder.Name, len(v), r.Doc.ID, s.Embedder.Dim)
			}
			vectors = append(vectors, v)
		}
		bd.terms = nil
	}
	return s, vectors, nil
}
