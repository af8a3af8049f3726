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
// (scoreConcept, the same float32 operations, so the same bits), before
// the concept's weight. Its chunks are also cut into layers by score, so
// that a search can walk the few chunks where the concept scores high
// and bound the rest by their layer's best (searchLayered).
type conceptList struct {
	chunks []uint32
	vals   []float32
	layers []conceptLayer // best bound first
}

// conceptLayer is the chunks of one band of a concept's scores, in chunk
// order, with their scores and the best of them.
type conceptLayer struct {
	chunks []uint32
	vals   []float32
	bound  float32
}

// Layering: a concept's scores are cut at its best times layerRatio^j,
// j = 1..maxLayers-1, the last layer taking everything below. A common
// term's scores crowd a narrow band around its IDF (one occurrence in a
// chunk of average length) with a few far above it (many occurrences in a
// short chunk), so the top layers are short, and setting aside the low
// ones leaves the walk only those.
const (
	maxLayers  = 10
	layerRatio = 0.8
)

// conceptCacheBudget caps the chunk entries the concept lists kept by one
// index hold (16 bytes each with their layers: 64 MiB). Past it the
// cache is emptied and refilled by the searches that follow.
const conceptCacheBudget = 1 << 22

// conceptCache keeps the concept lists searches have built, by the
// concept's alternatives and weights: the same question words ("say",
// "about" with their dozens of translations) recur in most questions.
type conceptCache struct {
	mu      sync.Mutex
	lists   map[string]*conceptList
	entries int
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

// conceptListOf returns concept c's list, from the cache or built now.
func (x *lexicalIndex) conceptListOf(c lexicon.Concept) (*conceptList, error) {
	key := conceptKey(c)
	cc := &x.concepts
	cc.mu.Lock()
	l := cc.lists[key]
	cc.mu.Unlock()
	if l != nil {
		return l, nil
	}
	l, err := x.buildConceptList(c)
	if err != nil {
		return nil, err
	}
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.lists == nil || cc.entries+len(l.chunks) > conceptCacheBudget {
		cc.lists, cc.entries = map[string]*conceptList{}, 0
	}
	if _, ok := cc.lists[key]; !ok && len(l.chunks) <= conceptCacheBudget {
		cc.lists[key] = l
		cc.entries += len(l.chunks)
	}
	return l, nil
}

// buildConceptList scores concept c at every chunk as the exhaustive path
// does (scoreConcept, into the pooled per-chunk scratch), collects the
// chunks in order through a bitmap and cuts them into layers.
func (x *lexicalIndex) buildConceptList(c lexicon.Concept) (*conceptList, error) {
	s := x.pool.Get().(*scratch)
	defer x.pool.Put(s)
	err := x.scoreConcept(s, c)
	marks := make([]uint64, (x.n+63)/64)
	for _, ch := range s.cTouched {
		marks[ch/64] |= 1 << (ch % 64)
	}
	l := &conceptList{chunks: make([]uint32, 0, len(s.cTouched)), vals: make([]float32, 0, len(s.cTouched))}
	for wi, m := range marks {
		for m != 0 {
			ch := uint32(wi*64 + bits.TrailingZeros64(m))
			m &= m - 1
			l.chunks = append(l.chunks, ch)
			l.vals = append(l.vals, s.concept[ch])
			s.concept[ch] = 0
		}
	}
	s.cTouched = s.cTouched[:0]
	if err != nil {
		return nil, err
	}
	l.layer()
	return l, nil
}

// layer cuts the list into its layers (conceptList.layers).
func (l *conceptList) layer() {
	best := float32(0)
	for _, v := range l.vals {
		best = max(best, v)
	}
	if len(l.vals) == 0 {
		return
	}
	cuts := make([]float32, maxLayers-1) // a score above cuts[j] is in layer j or before
	t := float64(best)
	for j := range cuts {
		t *= layerRatio
		cuts[j] = float32(t)
	}
	of := func(v float32) int {
		j := 0
		for j < len(cuts) && v <= cuts[j] {
			j++
		}
		return j
	}
	counts := make([]int, maxLayers)
	for _, v := range l.vals {
		counts[of(v)]++
	}
	idx := make([]int, maxLayers) // layer j's index in l.layers, or -1
	for j, n := range counts {
		idx[j] = -1
		if n > 0 {
			idx[j] = len(l.layers)
			l.layers = append(l.layers, conceptLayer{chunks: make([]uint32, 0, n), vals: make([]float32, 0, n)})
		}
	}
	for i, v := range l.vals {
		ly := &l.layers[idx[of(v)]]
		ly.chunks = append(ly.chunks, l.chunks[i])
		ly.vals = append(ly.vals, v)
		ly.bound = max(ly.bound, v)
	}
}
