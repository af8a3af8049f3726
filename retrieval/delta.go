package retrieval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// How an update is written (see manifest.go for the files). The new and
// changed documents, and those whose file was only touched, go into a new
// delta segment; the previous versions and the removed documents become
// dead rows in the manifest. The deltas are kept roughly geometric in
// size, newest smallest: a new delta absorbs the newest deltas not over
// twice its size (so each document is rewritten O(log n) times), and
// there are at most maxDeltas. When the deltas and the dead chunks reach
// mergeAt of the live chunks, the base is rewritten whole instead, which
// bounds both the space the dead take and the work a search does over
// several segments; that rewrite, O(corpus), happens once per mergeAt of
// the corpus changed, so its cost per changed chunk is a constant.

// defaultMergeAt is the share of the live chunks that dead and delta
// chunks may reach before the base is rewritten.
const defaultMergeAt = 0.25

// maxDeltas bounds the segments a search reads.
const maxDeltas = 8

// deltaPlan is an update written as a delta.
type deltaPlan struct {
	keep    int        // the previous deltas kept (the others are absorbed)
	dead    [][]uint32 // per kept segment (base first): its dead rows after the update
	absorb  []prevDoc  // kept documents living in absorbed deltas, or touched
	sources []bool     // the segments their vectors are copied from
	vocab   int        // the new delta's first term id
	docs    int        // documents and chunks of the updated index
	chunks  int
	deltaCh int // chunks of the new delta
}

// verifySources checks the vectors of the segments a delta copies
// vectors from: copying damaged ones would seal them under a new checksum.
func (s *segmentSet) verifySources(p *deltaPlan) error {
	for i, l := range s.segs {
		if p.sources[i] {
			if err := l.verifyVectors(); err != nil {
				return err
			}
		}
	}
	return nil
}

// where is global document g's segment and row there.
func (s *segmentSet) where(g int) (seg, row int) {
	if s.ch == nil {
		return 0, g
	}
	return int(s.ch.docSeg[g]), int(s.ch.docRow[g])
}

// deadRows returns segment seg's dead rows before the update.
func (s *segmentSet) deadRows(seg int) []uint32 {
	if s.ch == nil {
		return nil
	}
	var out []uint32
	for row, g := range s.ch.global[seg] {
		if g < 0 {
			out = append(out, uint32(row))
		}
	}
	return out
}

// planDelta decides how the update is written: a delta (the plan), or
// nil for a whole new base (no previous index, or too much to carry).
// With Options.DeferMerge it allows twice as much and reports whether a
// merge is due.
func (b *builder) planDelta() (*deltaPlan, bool) {
	set := b.prevSet
	if set == nil {
		return nil, false
	}
	mergeAt := b.opts.MergeAt
	switch {
	case mergeAt < 0:
		return nil, false
	case mergeAt == 0:
		mergeAt = defaultMergeAt
	}
	limit := mergeAt
	if b.opts.DeferMerge {
		limit = 2 * mergeAt
	}
	nSegs := len(set.segs)
	// Which previous documents stay where they are.
	stays := make([]bool, set.v.nDocs)
	for _, k := range b.kept {
		if !k.moved {
			stays[k.row] = true
		}
	}
	liveCh := make([]int, nSegs) // per segment, its chunks that stay
	liveDocs := 0
	for g, ok := range stays {
		if ok {
			seg, _ := set.where(g)
			_, n := set.v.docChunks(g)
			liveCh[seg] += n
			liveDocs++
		}
	}
	newCh := 0
	for i := range b.docs {
		newCh += len(b.docs[i].rec.Chunks)
	}
	for _, k := range b.kept {
		if k.moved {
			_, n := set.v.docChunks(k.row)
			newCh += n
		}
	}
	// Absorb the newest deltas that are not much larger than the new one.
	keep, deltaCh := nSegs-1, newCh
	for keep > 0 && (liveCh[keep] <= 2*deltaCh || keep+1 > maxDeltas) {
		deltaCh += liveCh[keep]
		keep--
	}
	// Dead chunks in the segments kept, and the deltas' live chunks.
	total := deltaCh
	for _, n := range liveCh[:keep+1] {
		total += n
	}
	carried := deltaCh
	for s := 1; s <= keep; s++ {
		carried += liveCh[s]
	}
	for s := 0; s <= keep; s++ {
		carried += set.segs[s].nChunks - liveCh[s] // dead after the update
	}
	if float64(carried) > limit*float64(total) {
		return nil, false
	}
	due := b.opts.DeferMerge && float64(carried) > mergeAt*float64(total)
	p := &deltaPlan{keep: keep, vocab: b.prevVocab, chunks: total, deltaCh: deltaCh}
	if keep+1 < nSegs {
		p.vocab = int(set.segs[keep+1].vocabBase)
	}
	p.dead = make([][]uint32, keep+1)
	for g, ok := range stays {
		if seg, row := set.where(g); !ok && seg <= keep {
			p.dead[seg] = append(p.dead[seg], uint32(row))
		}
	}
	for s := range p.dead {
		p.dead[s] = append(p.dead[s], set.deadRows(s)...)
		slices.Sort(p.dead[s])
		p.dead[s] = slices.Compact(p.dead[s])
	}
	p.sources = make([]bool, nSegs)
	for _, k := range b.kept {
		if seg, _ := set.where(k.row); k.moved || seg > keep {
			p.absorb = append(p.absorb, k)
			p.sources[seg] = true
		}
	}
	p.docs = liveDocs + len(b.docs)
	for _, k := range b.kept {
		if k.moved {
			p.docs++
		}
	}
	return p, due
}

// deltaSnapshot lays the new delta out: the built documents and those the
// plan moves into it. It leaves the builder as it was, so a full
// snapshot can still be made (when the delta cannot be written).
func (b *builder) deltaSnapshot(p *deltaPlan) (*snapshot, vectorRows, error) {
	docs := slices.Clone(b.docs)
	for _, old := range p.absorb {
		bd, err := b.restore(old)
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, bd)
	}
	return b.layDocs(docs, b.vocabFrom(p.vocab), p.vocab)
}

// writeDelta writes the delta segment, then the manifest naming it (each
// crash-safely), then deletes the deltas it absorbed.
func writeDelta(dir string, prev *segmentSet, p *deltaPlan, s *snapshot, vectors vectorRows) error {
	name, err := newDeltaName(dir)
	if err != nil {
		return err
	}
	ref, err := writeSegment(dir, name, s, vectors)
	if err != nil {
		return err
	}
	m := &manifest{Base: refOf(prev.base()), Dead: p.dead}
	for _, l := range prev.segs[1 : p.keep+1] {
		m.Deltas = append(m.Deltas, refOf(l))
	}
	m.Deltas = append(m.Deltas, ref)
	m.Dead = append(m.Dead, nil)
	if err := writeManifest(dir, m); err != nil {
		os.Remove(filepath.Join(dir, name))
		return err
	}
	removeUnreferencedDeltas(dir, m)
	return nil
}

// Compact rewrites the index in opts.DataDir as one base file: every live
// document of its segments, as they are, with nothing read from the
// corpus (opts.Corpus is not used). It is the merge Build does when
// deltas pile up, for a caller that sets Options.DeferMerge and runs it
// in the background. It holds the data directory's lock, so an indexer
// starting meanwhile waits; readers go on with the files they mapped. An
// index of one file is left alone. Crash-safe as Build: a kill at any
// point leaves the index as it was, or merged.
func Compact(ctx context.Context, opts Options) error {
	unlock, err := lockDataDir(opts.DataDir)
	if err != nil {
		return fmt.Errorf("index %s: %w", opts.DataDir, err)
	}
	defer unlock()
	set, err := openSegments(opts.DataDir)
	if err != nil {
		return explainLoadError(opts.DataDir, err)
	}
	defer set.release()
	if set.ch == nil {
		return nil
	}
	if err := checkEmbedder(set.base().embedder, opts.Embedder, opts.DataDir); err != nil {
		return err
	}
	if opts.CorpusName == "" {
		opts.CorpusName = set.v.corpusName
	}
	if err := set.verifyVectors(); err != nil {
		return explainLoadError(opts.DataDir, err)
	}
	b := newBuilder(opts, set)
	for g := range set.v.nDocs {
		if err := ctx.Err(); err != nil {
			return err
		}
		size, mtime := set.v.docSize(g)
		b.kept = append(b.kept, prevDoc{row: g, size: size, modTime: mtime})
	}
	s, vectors, err := b.snapshot()
	if err != nil {
		return explainLoadError(opts.DataDir, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := writeBase(opts.DataDir, s, vectors); err != nil {
		return fmt.Errorf("index %s: %w", opts.DataDir, err)
	}
	return nil
}

// writeBase writes s as the new base, then removes the manifest and the
// deltas, which its new generation already made stale.
func writeBase(dir string, s *snapshot, vectors vectorRows) error {
	if err := writeSnapshot(dir, s, vectors); err != nil {
		return err
	}
	if err := removeManifest(dir); err != nil {
		return err
	}
	removeUnreferencedDeltas(dir, nil)
	return nil
}

// removeLeftovers deletes what no reader can use: a manifest naming
// another base, and delta files the manifest does not name (left by a
// killed run). The caller holds the directory's lock.
func (s *segmentSet) removeLeftovers() {
	if s.man == nil {
		if _, err := os.Lstat(filepath.Join(s.dir, ManifestFile)); err == nil {
			removeManifest(s.dir)
		}
	}
	removeUnreferencedDeltas(s.dir, s.man)
}

// newDeltaName returns a delta file name not in use in dir.
func newDeltaName(dir string) (string, error) {
	for range 100 {
		name := fmt.Sprintf("%s%016x-%08x%s", deltaPrefix, uint64(time.Now().UnixNano()), rand.Uint32(), deltaSuffix)
		if _, err := os.Lstat(filepath.Join(dir, name)); errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
	}
	return "", fmt.Errorf("write index: no free segment name in %s", dir)
}

// newGeneration is a base's random identity.
func newGeneration() uint64 {
	for {
		if g := rand.Uint64(); g != 0 {
			return g
		}
	}
}
