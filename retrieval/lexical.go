package retrieval

import (
	"math"
	"sync"
	"sync/atomic"

	"github.com/kabar-bot/kabar/lexicon"
)

// BM25 parameters (Robertson's defaults).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// lexicalIndex is an inverted index scored with BM25, read in place from
// the index file (the vocabulary through its stored hash table, each
// term's postings where they lie). Queries are scored per concept: a
// concept counts once, by its best-matching alternative, so a word with
// ten dictionary translations does not outweigh a name with one.
type lexicalIndex struct {
	v      *view
	n      int       // chunks
	avgLen float32   // terms per chunk
	pool   sync.Pool // *scratch

	// norms[c] is BM25's length normalisation of chunk c, computed on the
	// first search (4 bytes per chunk).
	normsOnce sync.Once
	norms     []float32

	noFastPath  bool // tests: score every concept the general way
	exhaustive  bool // tests and benchmarks: score every posting
	alwaysPrune bool // tests: prune however few the postings
	legacyWalk  bool // tests and benchmarks: the pruned walk as it was (values from the norms, set-aside concepts tried by bound)
	workers     int  // goroutines a pruned search walks with; 0: GOMAXPROCS, at most maxPruneWorkers
	noResplit   bool // tests and benchmarks: never choose the set-aside terms afresh (plan.resplit)
	noBlocks    bool // tests: the layered search neither skips blocks nor bounds concepts by their best in the block
	noWalkIndex bool // tests: the layered search walks every list through all its chunks (conceptList.walks unused)
	noRank      bool // tests and benchmarks: the layered search looks chunks up by galloping, never through a list's rank index, and steps through the block bests one at a time
	// layeredBase (benchmarks): the layered search as it was before
	// the rank indexes, the baseline it is measured against: noRank,
	// and every concept's terms' values and single-term lists computed
	// as it is resolved (the benchmark also gives it the old cache
	// budget, conceptCacheBudget).
	layeredBase bool
	termWalk    bool // benchmarks: search prunes with the walk over terms (searchPruned), not over concept layers (searchLayered)

	plans sync.Pool // *plan

	// impacts[id] is term id's values and bound, once computed on its
	// first pruned search (termImpacts).
	impactsOnce sync.Once
	impacts     []atomic.Pointer[termImpact]

	// concepts keeps the concept lists layered searches build.
	concepts conceptCache
	layereds sync.Pool // *layered
}

type posting struct {
	chunk uint32
	tf    uint32
}

type scratch struct {
	total, concept, alt []float32
	touched, cTouched   []uint32
	altHits             []uint8
	aTouched            []uint32
	slot                []uint32 // pruned search: 1 + a chunk's candidate slot, or 0
}

func newLexical(v *view) *lexicalIndex {
	x := &lexicalIndex{v: v, n: v.nChunks}
	if x.n > 0 {
		x.avgLen = float32(float64(v.termEnds[x.n-1]) / float64(x.n))
	}
	n := x.n
	x.pool.New = func() any {
		return &scratch{total: make([]float32, n), concept: make([]float32, n), alt: make([]float32, n), altHits: make([]uint8, n)}
	}
	x.plans.New = func() any { return newPlan() }
	x.layereds.New = func() any { return &layered{m: newMerger()} }
	x.concepts.budget = cacheBudget(n)
	return x
}

// lengthNorms returns every chunk's BM25 length normalisation.
func (x *lexicalIndex) lengthNorms() []float32 {
	x.normsOnce.Do(func() {
		x.norms = make([]float32, x.n)
		for c := range x.norms {
			x.norms[c] = bm25K1 * (1 - bm25B + bm25B*x.docLen(uint32(c))/x.avgLen)
		}
	})
	return x.norms
}

// docLen is the number of terms of chunk c.
func (x *lexicalIndex) docLen(c uint32) float32 {
	start := uint32(0)
	if c > 0 {
		start = x.v.termEnds[c-1]
	}
	return float32(x.v.termEnds[c] - start)
}

// DF returns the number of chunks containing term.
func (x *lexicalIndex) DF(term string) int {
	id, ok := x.v.termID(term)
	if !ok {
		return 0
	}
	return x.v.df(id)
}

// IDF is BM25's inverse document frequency of a term (0 when absent).
func (x *lexicalIndex) IDF(term string) float64 {
	n := float64(x.n)
	df := float64(x.DF(term))
	if df == 0 {
		return 0
	}
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// MaxIDF is the IDF a term would have if it occurred once.
func (x *lexicalIndex) MaxIDF() float64 {
	n := float64(x.n)
	return math.Log(1 + (n-0.5)/1.5)
}

// search returns the k best chunks for q, best first.
func (x *lexicalIndex) search(q lexicon.Query, k int) ([]scored, error) {
	if x.n == 0 || k <= 0 {
		return nil, nil
	}
	if x.exhaustive || x.noFastPath || x.n < pruneMinChunks && !x.alwaysPrune {
		return x.searchExhaustive(q, k)
	}
	if x.termWalk {
		return x.searchPruned(q, k)
	}
	r, _, err := x.searchLayered(q, k)
	return r, err
}

// searchExhaustive scores every posting of every query term: the
// reference the pruned search is held to, and its baseline.
func (x *lexicalIndex) searchExhaustive(q lexicon.Query, k int) ([]scored, error) {
	if x.n == 0 || k <= 0 {
		return nil, nil
	}
	s := x.pool.Get().(*scratch)
	defer x.pool.Put(s)
	var err error
	for _, c := range q.Concepts {
		weight := float32(1)
		if c.Meta {
			weight = 0.3
		}
		// The common concept of one word analysed to one term takes a
		// single pass over its postings; the general path below gives it
		// the same float32 operations in the same order (alt = 0 + v,
		// concept = aw·alt, total += weight·concept), so the same scores.
		if len(c.Alts) == 1 && len(c.Alts[0]) == 1 && len(c.Alts[0][0]) == 1 && !x.noFastPath {
			if aw := float32(c.AltWeight(0)); aw > 0 {
				if e := x.scoreSingle(s, c.Alts[0][0][0], aw, weight); e != nil && err == nil {
					err = e
				}
				continue
			}
		}
		if e := x.scoreConcept(s, c); e != nil && err == nil {
			err = e // finish the query to leave the scratch clean
		}
		for _, ch := range s.cTouched {
			if s.total[ch] == 0 {
				s.touched = append(s.touched, ch)
			}
			s.total[ch] += weight * s.concept[ch]
			s.concept[ch] = 0
		}
		s.cTouched = s.cTouched[:0]
	}
	top := newTopK(k)
	for _, ch := range s.touched {
		// A total of 0 (a weight so small its product underflows) is no
		// match, and such a chunk may be listed twice.
		if s.total[ch] > 0 {
			top.push(scored{idx: int(ch), score: s.total[ch]})
		}
		s.total[ch] = 0
	}
	s.touched = s.touched[:0]
	if err != nil {
		return nil, err
	}
	return top.sorted(), nil
}

// scoreConcept leaves in s.concept, for each chunk listed in s.cTouched,
// concept c's score there: the best of its alternatives all of whose
// words occur in the chunk, weighed by the alternative's weight.
func (x *lexicalIndex) scoreConcept(s *scratch, c lexicon.Concept) error {
	var err error
	for ai, a := range c.Alts {
		if e := x.scoreAlt(s, a); e != nil && err == nil {
			err = e // finish the concept to leave the scratch clean
		}
		aw := float32(c.AltWeight(ai))
		for _, ch := range s.aTouched {
			if v := aw * s.alt[ch]; int(s.altHits[ch]) == len(a) && v > s.concept[ch] {
				if s.concept[ch] == 0 {
					s.cTouched = append(s.cTouched, ch)
				}
				s.concept[ch] = v
			}
			s.alt[ch], s.altHits[ch] = 0, 0
		}
		s.aTouched = s.aTouched[:0]
	}
	return err
}

// scoreSingle adds to each chunk's total the BM25 score of one term,
// weighed by aw and weight: a concept of one word with one candidate term.
func (x *lexicalIndex) scoreSingle(s *scratch, term string, aw, weight float32) error {
	id, ok := x.v.termID(term)
	if !ok {
		return nil
	}
	plist, err := x.v.termPostings(id)
	if err != nil {
		return err
	}
	norms := x.lengthNorms()
	idf := float32(x.IDF(term))
	for _, p := range plist {
		ch := p.chunk
		tf := float32(p.tf)
		v := idf * tf * (bm25K1 + 1) / (tf + norms[ch])
		cv := aw * v
		if s.total[ch] == 0 {
			s.touched = append(s.touched, ch)
		}
		s.total[ch] += weight * cv
	}
	return nil
}

// scoreAlt accumulates, per chunk, the BM25 score of a phrase alternative
// (each word by its best candidate term) and how many of its words matched.
func (x *lexicalIndex) scoreAlt(s *scratch, a lexicon.Alt) error {
	norms := x.lengthNorms()
	for wi, w := range a {
		for _, term := range w {
			id, ok := x.v.termID(term)
			if !ok {
				continue
			}
			plist, err := x.v.termPostings(id)
			if err != nil {
				return err
			}
			idf := float32(x.IDF(term))
			for _, p := range plist {
				ch := p.chunk
				if int(s.altHits[ch]) < wi {
					continue // an earlier word of the phrase is missing here
				}
				tf := float32(p.tf)
				norm := norms[ch]
				v := idf * tf * (bm25K1 + 1) / (tf + norm)
				// A later candidate of a word already matched here adds nothing.
				if int(s.altHits[ch]) == wi {
					if wi == 0 {
						s.aTouched = append(s.aTouched, ch)
					}
					s.altHits[ch] = uint8(wi + 1)
					s.alt[ch] += v
				}
			}
		}
	}
	return nil
}
