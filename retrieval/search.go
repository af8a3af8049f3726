package retrieval

import (
	"context"
	"fmt"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/kabar-bot/kabar/lexicon"
)

// Ranking selects how Search ranks chunks.
type Ranking int

const (
	RankHybrid  Ranking = iota // lexical and vector fused by reciprocal rank
	RankLexical                // BM25 over analysed terms only
	RankVector                 // embedding similarity only
)

func (r Ranking) String() string { return [...]string{"hybrid", "lexical", "vector"}[r] }

// rrfK is the reciprocal-rank-fusion constant from Cormack et al. (2009).
const rrfK = 60

// vectorWeight is the vector ranking's share in fusion, relative to the
// lexical ranking's 1 (measured on the dev set: see README).
const vectorWeight = 0.5

// candidates each ranking contributes before fusion.
const fusionDepth = 50

// duplicateJaccard is the term-set overlap above which two chunks say the
// same thing (one outlet repeating another's sentence).
const duplicateJaccard = 0.6

// Hit is a retrieved chunk. Duplicates are near-identical chunks of other
// documents folded into this one so they don't crowd out other evidence;
// they remain available as corroborating sources.
type Hit struct {
	Chunk      Chunk
	Score      float64
	Duplicates []Chunk
}

// Search returns the k best chunks for q (best first), near-duplicates
// folded together.
func (ix *Index) Search(ctx context.Context, q lexicon.Query, k int, ranking Ranking) ([]Hit, error) {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	if k <= 0 {
		k = 8
	}
	if ix.v.nChunks == 0 {
		return nil, nil
	}
	var lists [][]scored
	if ranking != RankVector {
		ls, err := ix.lexical.search(q, fusionDepth)
		if err != nil {
			return nil, explainLoadError(ix.src.path, err)
		}
		lists = append(lists, ls)
	}
	if ranking != RankLexical {
		vs, err := ix.vectorSearch(ctx, q.Expansion(), fusionDepth)
		if err != nil {
			return nil, err
		}
		lists = append(lists, vs)
	}
	ranked := lists[0]
	if len(lists) > 1 {
		ranked = fuse(lists[0], lists[1])
	}
	// What folding and the hits read of the file, checked first.
	for _, s := range ranked {
		if err := ix.v.checkChunk(s.idx); err != nil {
			return nil, explainLoadError(ix.src.path, err)
		}
	}
	return ix.dedupe(ranked, k), nil
}

// SearchText analyses text and searches for it.
func (ix *Index) SearchText(ctx context.Context, text string, k int, ranking Ranking) ([]Hit, error) {
	return ix.Search(ctx, ix.lex.Analyze(text), k, ranking)
}

func (ix *Index) vectorSearch(ctx context.Context, text string, k int) ([]scored, error) {
	vecs, err := ix.embedder.Embed(ctx, []string{text})
	if err != nil {
		return nil, fmt.Errorf("embed query: %w", err)
	}
	if len(vecs) != 1 || len(vecs[0]) != ix.vectors.dim {
		return nil, fmt.Errorf("embed query: got a vector of %d dimensions, the index has %d", len(vecs[0]), ix.vectors.dim)
	}
	if err := ix.vectorsReady(); err != nil {
		return nil, err
	}
	return ix.vectorTop(make([]scored, 0, max(min(k, ix.v.nChunks), 0)), vecs[0], k, 0), nil
}

// QueryVector embeds text with the index's embedder and returns the k most
// similar chunk indexes by exact scan.
func (ix *Index) QueryVector(ctx context.Context, text string, k int) ([]int, error) {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	s, err := ix.vectorSearch(ctx, text, k)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(s))
	for i, x := range s {
		out[i] = x.idx
	}
	return out, nil
}

// fuse combines the lexical and vector rankings by weighted reciprocal
// rank fusion.
func fuse(lexical, vector []scored) []scored {
	acc := map[int]float32{}
	for w, l := range [][]scored{lexical, vector} {
		weight := float32(1)
		if w == 1 {
			weight = vectorWeight
		}
		for rank, s := range l {
			acc[s.idx] += weight / float32(rrfK+rank+1)
		}
	}
	out := make([]scored, 0, len(acc))
	for idx, sc := range acc {
		out = append(out, scored{idx: idx, score: sc})
	}
	sort.Slice(out, func(i, j int) bool { return better(out[i], out[j]) })
	return out
}

// dedupe walks the ranking and folds each chunk that nearly repeats an
// already kept one into it, until k distinct hits are kept. At most
// maxPerDoc hits come from one article while others are waiting, so one
// long article cannot crowd out the other outlets.
//
// Two chunks nearly repeat each other when the Jaccard similarity of their
// term sets reaches duplicateJaccard. No set is built per candidate: the
// kept hits' terms sit in one small open-addressing table mapping a term to
// a bit mask of the kept hits that contain it, so a single pass over a
// candidate's terms counts its overlap with every kept hit at once. The
// folding is exactly that of one hash set per chunk
// (TestFoldingMatchesSets); only the work differs.
func (ix *Index) dedupe(ranked []scored, k int) []Hit {
	fs := foldPool.Get().(*foldScratch)
	defer foldPool.Put(fs)
	fs.reset()
	var hits []Hit
	for _, s := range ranked {
		doc := ix.v.chunkDoc(s.idx)
		if fs.docHits(doc) >= maxPerDoc {
			fs.deferred = append(fs.deferred, s)
			continue
		}
		if ix.keep(fs, &hits, s, k) {
			fs.countDoc(doc)
		}
	}
	for _, s := range fs.deferred {
		ix.keep(fs, &hits, s, k)
	}
	return hits
}

// maxPerDoc caps one article's hits while other articles have candidates.
const maxPerDoc = 2

// maxMaskHits is how many kept hits the bit masks can tell apart; a search
// for more falls back to comparing sorted term sets pair by pair.
const maxMaskHits = 64

// foldScratch is one query's working memory for dedupe.
type foldScratch struct {
	kept     termTable // term -> mask of the kept hits containing it
	seen     termTable // the current candidate's terms so far
	sizes    []int     // each kept hit's number of distinct terms
	inter    [maxMaskHits]int
	cand     []uint32 // the candidate's distinct terms
	arena    []uint32 // fallback: the kept hits' sorted term sets
	ends     []int
	docs     []int32 // documents with kept hits, and how many
	counts   []int
	deferred []scored
}

var foldPool = sync.Pool{New: func() any { return new(foldScratch) }}

func (fs *foldScratch) reset() {
	fs.kept.reset()
	fs.sizes, fs.cand, fs.arena, fs.ends = fs.sizes[:0], fs.cand[:0], fs.arena[:0], fs.ends[:0]
	fs.docs, fs.counts, fs.deferred = fs.docs[:0], fs.counts[:0], fs.deferred[:0]
}

func (fs *foldScratch) docHits(doc int32) int {
	if i := slices.Index(fs.docs, doc); i >= 0 {
		return fs.counts[i]
	}
	return 0
}

func (fs *foldScratch) countDoc(doc int32) {
	if i := slices.Index(fs.docs, doc); i >= 0 {
		fs.counts[i]++
		return
	}
	fs.docs = append(fs.docs, doc)
	fs.counts = append(fs.counts, 1)
}

// keep folds s into a near-duplicate hit or appends it when there is room;
// it reports whether s became a hit of its own.
func (ix *Index) keep(fs *foldScratch, hits *[]Hit, s scored, k int) bool {
	dup := -1
	if k <= maxMaskHits {
		dup = fs.overlapMasks(ix.v.chunkTerms(s.idx))
	} else {
		dup = fs.overlapSorted(ix.v.chunkTerms(s.idx))
	}
	if dup >= 0 {
		(*hits)[dup].Duplicates = append((*hits)[dup].Duplicates, ix.Chunk(s.idx))
		return false
	}
	if len(*hits) == k {
		return false // later chunks may still duplicate kept ones
	}
	*hits = append(*hits, Hit{Chunk: ix.Chunk(s.idx), Score: float64(s.score)})
	if k <= maxMaskHits {
		bit := uint64(1) << len(fs.sizes)
		for _, t := range fs.cand {
			fs.kept.or(t, bit)
		}
		fs.sizes = append(fs.sizes, len(fs.cand))
	} else {
		fs.arena = append(fs.arena, fs.cand...)
		fs.ends = append(fs.ends, len(fs.arena))
	}
	return true
}

// overlapMasks collects terms' distinct ids into fs.cand, counts how many
// each kept hit shares, and returns the first kept hit it nearly repeats
// (-1 for none).
func (fs *foldScratch) overlapMasks(terms []uint32) int {
	n := len(fs.sizes)
	clear(fs.inter[:n])
	fs.cand = fs.cand[:0]
	fs.seen.reset()
	for _, t := range terms {
		if !fs.seen.add(t) {
			continue
		}
		fs.cand = append(fs.cand, t)
		for m := fs.kept.get(t); m != 0; m &= m - 1 {
			fs.inter[bits.TrailingZeros64(m)]++
		}
	}
	for h := range n {
		if jaccardAtLeast(len(fs.cand), fs.sizes[h], fs.inter[h]) {
			return h
		}
	}
	return -1
}

// overlapSorted does the same by intersecting sorted sets, for searches
// keeping more hits than the masks hold.
func (fs *foldScratch) overlapSorted(terms []uint32) int {
	fs.cand = append(fs.cand[:0], terms...)
	slices.Sort(fs.cand)
	fs.cand = slices.Compact(fs.cand)
	start := 0
	for h, end := range fs.ends {
		b := fs.arena[start:end]
		start = end
		inter := 0
		for i, j := 0, 0; i < len(fs.cand) && j < len(b); {
			switch {
			case fs.cand[i] < b[j]:
				i++
			case fs.cand[i] > b[j]:
				j++
			default:
				inter++
				i++
				j++
			}
		}
		if jaccardAtLeast(len(fs.cand), len(b), inter) {
			return h
		}
	}
	return -1
}

// jaccardAtLeast reports whether sets of a and b distinct terms sharing
// inter have a Jaccard similarity of at least duplicateJaccard (never for
// an empty set).
func jaccardAtLeast(a, b, inter int) bool {
	if a == 0 || b == 0 {
		return false
	}
	return float64(inter)/float64(a+b-inter) >= duplicateJaccard
}

// termTable is an open-addressing hash table from term ids to bit masks,
// sized to its contents and cleared in time proportional to them.
type termTable struct {
	keys  []uint32 // term id + 1; 0 is an empty slot
	vals  []uint64
	used  []uint32 // occupied slots, for reset
	shift uint
}

func (t *termTable) reset() {
	for _, i := range t.used {
		t.keys[i], t.vals[i] = 0, 0
	}
	t.used = t.used[:0]
	if t.keys == nil {
		t.grow(256)
	}
}

func (t *termTable) grow(size int) {
	old, oldVals := t.keys, t.vals
	t.keys, t.vals = make([]uint32, size), make([]uint64, size)
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	t.used = t.used[:0]
	for i, k := range old {
		if k != 0 {
			t.slot(k-1, true)
			t.vals[t.used[len(t.used)-1]] = oldVals[i]
		}
	}
}

// slot returns the slot of term, inserting it when insert is set and it is
// absent (then the slot is the last of t.used); -1 when absent.
func (t *termTable) slot(term uint32, insert bool) int {
	key := term + 1
	mask := len(t.keys) - 1
	i := int((uint64(key) * 0x9E3779B97F4A7C15) >> t.shift)
	for {
		switch t.keys[i] {
		case key:
			return i
		case 0:
			if !insert {
				return -1
			}
			t.keys[i] = key
			t.used = append(t.used, uint32(i))
			return i
		}
		i = (i + 1) & mask
	}
}

// add inserts term and reports whether it was new.
func (t *termTable) add(term uint32) bool {
	if 2*(len(t.used)+1) > len(t.keys) {
		t.grow(2 * len(t.keys))
	}
	n := len(t.used)
	t.slot(term, true)
	return len(t.used) > n
}

// or sets bit in term's mask, inserting the term if needed.
func (t *termTable) or(term uint32, bit uint64) {
	if 2*(len(t.used)+1) > len(t.keys) {
		t.grow(2 * len(t.keys))
	}
	t.vals[t.slot(term, true)] |= bit
}

// get returns term's mask (0 when absent).
func (t *termTable) get(term uint32) uint64 {
	if i := t.slot(term, false); i >= 0 {
		return t.vals[i]
	}
	return 0
}
