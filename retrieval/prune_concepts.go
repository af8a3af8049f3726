package retrieval

import (
	"encoding/binary"
	"math"
	"math/bits"
	"strings"
	"sync"

	"github.com/kabar-bot/kabar/lexicon"
)

// conceptList is one concept's score at every chunk where it is positive,
// in chunk order: the score the exhaustive path gives the concept there
// (scoreConcept: the same float32 operations, so the same bits), before
// the concept's weight. Each chunk is also put in a layer by its score,
// so that a search can walk the few chunks where the concept scores high
// and bound the others by their layer's best (searchLayered).
type conceptList struct {
	chunks []posting // only their chunks are read: a term's own postings for a concept of one term
	vals   []float32
	layer  []uint8   // each chunk's layer, 0 the best
	bounds []float32 // each layer's best score, descending
	counts []int     // each layer's chunks
	blocks blockBests
	walks  [][]uint32 // walkIndex
	rank   rankIndex  // for a long list (rankOf), else nil
	// byBlock is, beside rank, the list's best score in every block of
	// the index (0: none there): bounding a block is one read, not a
	// gallop through the blocks of "say" that a name's walk jumps past.
	byBlock []float32
}

// blockBests is a list's best score per block of 1<<blockShift chunks,
// for the blocks holding any of its chunks, in block order.
type blockBests struct {
	ids   []uint32
	best  []float32
	start []uint32 // the position in the list of the block's first chunk
}

// of returns the list's best score in block id, moving *i (its place in
// b.ids, for blocks asked in increasing order) forward, galloping: a walk
// of a person's name jumps from one article about them to the next, past
// thousands of the blocks of "say"; 0 when it has no chunk there. linear
// steps one block at a time instead, as before (the benchmarks' baseline).
func (b *blockBests) of(id uint32, i *int, linear bool) float32 {
	j := *i
	if linear {
		for j < len(b.ids) && b.ids[j] < id {
			j++
		}
	} else if j < len(b.ids) && b.ids[j] < id {
		j = gallop(b.ids, j, id)
	}
	*i = j
	if j < len(b.ids) && b.ids[j] == id {
		return b.best[j]
	}
	return 0
}

// dense returns the bests by block for every block of an index of n
// chunks, for a list with a rank index (whose 16 bytes per 64 chunks
// this adds 8 to); nil for one without.
func (b *blockBests) dense(r rankIndex, n int) []float32 {
	if r == nil {
		return nil
	}
	d := make([]float32, (n>>blockShift)+1)
	for i, id := range b.ids {
		d[id] = b.best[i]
	}
	return d
}

// gallop returns the first position at or after j of the ascending ids
// holding id or more, given ids[j] < id: steps of 1, 2, 4, ... from j,
// then a binary search in the last step.
func gallop(ids []uint32, j int, id uint32) int {
	lo, step := j, 1 // ids[lo] < id
	for lo+step < len(ids) && ids[lo+step] < id {
		lo += step
		step *= 2
	}
	hi := min(lo+step, len(ids))
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if ids[mid] < id {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// blockBestsOf computes the block bests of a chunk-ordered list: a pass
// to count its blocks, so each slice is allocated once, and one to fill.
func blockBestsOf(chunks []posting, vals []float32) blockBests {
	n, last := 0, uint32(end)
	for _, p := range chunks {
		if id := p.chunk >> blockShift; id != last {
			n, last = n+1, id
		}
	}
	b := blockBests{ids: make([]uint32, n), best: make([]float32, n), start: make([]uint32, n)}
	if n == 0 {
		return b
	}
	// The block's best is kept in a register and stored when the next
	// block starts; the slices are filled by index, not appended to.
	vals = vals[:len(chunks)]
	j, best := 0, vals[0]
	last = chunks[0].chunk >> blockShift
	b.ids[0] = last
	for i, p := range chunks {
		v := vals[i]
		if id := p.chunk >> blockShift; id != last {
			b.best[j] = best
			j++
			last, best = id, v
			b.ids[j], b.start[j] = id, uint32(i)
		} else if v > best { // no NaN here: a plain comparison, not max
			best = v
		}
	}
	b.best[j] = best
	return b
}

// blockShift sets the chunks a block spans, 32: two or three articles. A
// concept's chunks cluster in the articles about it, so most blocks hold
// none of a name's or a rare word's, and a walk skips a block whose
// concepts' best scores there cannot reach theta (searchLayered). On the
// bench package's 1M-chunk index the slowest 1 % of its questions look at
// 34k chunks with blocks of 128, 29k with 64 and 25k with 32.
const blockShift = 5

// Layering: a concept's scores are cut into at most maxLayers layers,
// each spanning a factor of 1.5 or 4/3 (cutLayers). A common
// term's scores crowd a narrow band around its IDF (one occurrence in a
// chunk of average length) with a few far above it (many occurrences in a
// short chunk), so the top layers are short, and setting aside the low
// ones leaves the walk only those.
const maxLayers = 10

// conceptCacheBudget caps the entries (a list's chunks and blocks, a
// rank index's words) each of the concept cache's two generations holds:
// 4Mi, or conceptCachePerChunk per chunk of the index when that is more
// (cacheBudget); some 14 to 20 bytes each (a chunk's posting, score and
// layer, its share of the walk index; a block's id and best), so about
// 80 MiB a generation at 4Mi.
const conceptCacheBudget = 1 << 22

// conceptCachePerChunk scales the budget with the index: the lists a
// question builds grow with it (a person's name has ten times the chunks
// at 1M as at 100k). At 1M chunks the bench package's 500 questions build
// 8.7M entries of lists; with 4Mi a generation, every list was evicted
// before its question came round again and was built anew, 2 to 7 ms
// for the costliest, which set the p99 of the second pass; with 8 a
// chunk, the lists of some 50 questions still were. At 12 a chunk they
// fit in one generation; at most about 450 MB at 1M chunks, when both
// are full.
const conceptCachePerChunk = 12

// cacheBudget is the concept cache's budget for an index of n chunks.
func cacheBudget(n int) int { return max(conceptCacheBudget, conceptCachePerChunk*n) }

// conceptCache keeps the concept lists searches have built of concepts of
// more than one term, by the concept's alternatives and weights: the
// same question words ("say", "about" with their dozens of translations)
// recur in most questions, and a person's name in the questions about
// them. It has two generations: when the current one is full it becomes
// the old one, and a list found in the old one moves back to the
// current, so the lists in use stay and the others go.
type conceptCache struct {
	mu       sync.Mutex
	cur, old map[string]*conceptList
	entries  int // in cur
	budget   int // cacheBudget, or conceptCacheBudget when 0
}

// size is what a list counts against the budget.
func (l *conceptList) size() int {
	return len(l.chunks) + len(l.blocks.ids) + l.rank.size() + len(l.byBlock)/4
}

func (cc *conceptCache) get(key string) *conceptList {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if l := cc.cur[key]; l != nil {
		return l
	}
	l := cc.old[key]
	if l != nil {
		delete(cc.old, key)
		cc.putLocked(key, l)
	}
	return l
}

func (cc *conceptCache) put(key string, l *conceptList) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.cur[key] == nil {
		cc.putLocked(key, l)
	}
}

func (cc *conceptCache) putLocked(key string, l *conceptList) {
	budget := cc.budget
	if budget == 0 {
		budget = conceptCacheBudget
	}
	if l.size() > budget {
		return
	}
	if cc.cur == nil || cc.entries+l.size() > budget {
		cc.old, cc.cur, cc.entries = cc.cur, map[string]*conceptList{}, 0
	}
	cc.cur[key] = l
	cc.entries += l.size()
}

// conceptKey identifies a concept by what its score depends on: its
// alternatives' words, their candidate terms in order, and their weights
// (Meta is applied after the list, as the concept's weight).
func conceptKey(c lexicon.Concept) string {
	var b strings.Builder
	var w [8]byte
	for ai, a := range c.Alts {
		binary.LittleEndian.PutUint64(w[:], math.Float64bits(c.AltWeight(ai)))
		b.Write(w[:])
		for _, word := range a {
			for _, term := range word {
				b.WriteString(term)
				b.WriteByte(0)
			}
			b.WriteByte(1)
		}
		b.WriteByte(2)
	}
	return b.String()
}

// conceptListOf returns concept c's list: a term's own for a concept of
// one term (filled into buf); for any other, from the cache or built and
// cached, by merging its terms' postings when it has few (merger),
// through the per-chunk scratch when it has many (buildConceptList).
func (x *lexicalIndex) conceptListOf(c lexicon.Concept, m *merger, buf *conceptList) (*conceptList, error) {
	terms, err := m.resolve(x, c)
	if err != nil {
		return nil, err
	}
	if x.layeredBase {
		m.impacts(x)
	}
	if m.isSingle() {
		m.impacts(x)
		m.single(x, buf)
		return buf, nil
	}
	key := conceptKey(c)
	if l := x.concepts.get(key); l != nil {
		return l, nil
	}
	var l *conceptList
	if terms <= mergeMaxTerms {
		m.impacts(x)
		l = m.merge()
	} else if l, err = x.buildConceptList(c); err != nil {
		return nil, err
	}
	if !x.layeredBase {
		l.rank = rankOf(l.chunks, x.n)
		l.byBlock = l.blocks.dense(l.rank, x.n)
	}
	x.concepts.put(key, l)
	return l, nil
}

// buildConceptList scores concept c at every chunk as the exhaustive path
// does (scoreConcept, into the pooled per-chunk scratch), collects the
// chunks in order through a bitmap and puts them in layers.
func (x *lexicalIndex) buildConceptList(c lexicon.Concept) (*conceptList, error) {
	s := x.pool.Get().(*scratch)
	defer x.pool.Put(s)
	err := x.scoreConcept(s, c)
	marks := make([]uint64, (x.n+63)/64)
	for _, ch := range s.cTouched {
		marks[ch/64] |= 1 << (ch % 64)
	}
	l := &conceptList{chunks: make([]posting, 0, len(s.cTouched)), vals: make([]float32, 0, len(s.cTouched))}
	for wi, m := range marks {
		for m != 0 {
			ch := uint32(wi*64 + bits.TrailingZeros64(m))
			m &= m - 1
			l.chunks = append(l.chunks, posting{chunk: ch})
			l.vals = append(l.vals, s.concept[ch])
			s.concept[ch] = 0
		}
	}
	s.cTouched = s.cTouched[:0]
	if err != nil {
		return nil, err
	}
	l.cut()
	l.blocks = blockBestsOf(l.chunks, l.vals)
	return l, nil
}

// cut puts each chunk of the list in its layer (cutLayers).
func (l *conceptList) cut() {
	l.layer, l.bounds, l.counts = cutLayers(l.vals, l.layer[:0], l.bounds[:0], l.counts[:0])
	l.walks = walkIndex(l.layer, l.counts)
}

// walkIndex returns, for j = 0, 1, ..., the positions of the chunks of
// layers 0 to j in chunk order, for as long as they are at most an
// eighth of all: a walk of a few top layers of a long list (the
// translations of "say", in three chunks of four) reads just those,
// instead of stepping over every chunk of the layers set aside.
func walkIndex(layer []uint8, counts []int) [][]uint32 {
	n, cum, nj := len(layer), 0, 0
	for nj < len(counts) && (cum+counts[nj])*8 <= n {
		cum += counts[nj]
		nj++
	}
	if nj == 0 {
		return nil
	}
	walks := make([][]uint32, nj)
	cum = 0
	for j := range walks {
		cum += counts[j]
		walks[j] = make([]uint32, 0, cum)
	}
	for i, lj := range layer {
		for j := int(lj); j < nj; j++ {
			walks[j] = append(walks[j], uint32(i))
		}
	}
	return walks
}

// cutLayers puts each of vals (positive) in a layer by its ratio to the
// best: how far its float32 bits' exponent and first mantissa bit lie
// below the best's, so a layer spans [1, 1.5) or [1.5, 2) times a power
// of two, and the lowest takes all that are smaller. Empty layers are dropped and the others numbered
// densely from 0, the best; each one's best value and count are returned.
// The results are appended to the slices given.
func cutLayers(vals []float32, layer []uint8, bounds []float32, counts []int) ([]uint8, []float32, []int) {
	key := func(v float32) int { return int(math.Float32bits(v) >> 22) }
	top := 0
	for _, v := range vals {
		top = max(top, key(v))
	}
	var b [maxLayers]float32
	var n [maxLayers]int
	layer = append(layer, make([]uint8, len(vals))...)
	for i, v := range vals {
		j := min(top-key(v), maxLayers-1)
		layer[i] = uint8(j)
		if v > b[j] { // no NaN here: a plain comparison, not max
			b[j] = v
		}
		n[j]++
	}
	var renum [maxLayers]uint8
	for j := range b {
		renum[j] = uint8(len(bounds))
		if n[j] > 0 {
			bounds = append(bounds, b[j])
			counts = append(counts, n[j])
		}
	}
	if len(bounds) < maxLayers {
		for i, j := range layer {
			layer[i] = renum[j]
		}
	}
	return layer, bounds, counts
}
