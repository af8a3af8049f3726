package retrieval

import (
	"math"
	"slices"

	"github.com/kabar-bot/kabar/lexicon"
)

// planAlt is one alternative of a concept: its weight and, per word, the
// cursors of its candidate terms in the query's order (absent terms left
// out).
type planAlt struct {
	concept int
	aw      float32
	bound   float64 // the most it gives a chunk, unweighed by the concept
	words   [][]int32
	wlo     int // its first word's index in plan.wordSets
}

// planConcept is one concept of the query that some chunk can match.
type planConcept struct {
	query   int // its index in the query's concepts
	weight  float32
	alts    []planAlt // a window of plan.alts
	cursors []int32   // every cursor of its alternatives, once
}

// plan is one query's working memory, pooled.
type plan struct {
	cursors  []cursor
	concepts []planConcept
	ids      map[uint32]int32 // term id -> cursor
	slack    float64          // relative rounding allowance of the sums
	words    []int32          // backing store of planAlt.words
	wordSets [][]int32

	alts []planAlt // every concept's alternatives

	byDF        []int32   // cursors, most frequent term first
	setAside    int       // how many cursors are set aside
	active      []int32   // the cursors not set aside
	wordAside   []float32 // per word, its best set-aside candidate's bound, or -1
	sb          []float64 // per concept, what the set-aside terms can give
	cb          []float64 // a chunk's cheap bound per concept
	sc          []float32 // a chunk's score per concept
	byBound     []int     // concepts by descending cheap bound
	restBound   []float64
	altMark     []uint32 // stamp of the chunk whose bound last touched an alternative
	conceptMark []uint32
	touched     []int32
	stamp       uint32

	legacy bool    // lexicalIndex.legacyWalk
	retry  float64 // setting the next term aside needs theta above this
	// resplit: the set-aside terms are chosen afresh once theta passes
	// resplitAt; next is the first chunk the walk has not looked at.
	resplitAt    float64
	resplitAfter int // ... and once the walk has looked at this many chunks
	next         uint32
	noResplit    bool         // lexicalIndex.noResplit
	wasAside     []bool       // resplit: the set as it stood
	shared       *sharedTheta // the k-th score across workers, or nil

	seeds []uint32   // warmStart's chunks
	stats pruneStats // of the last run
}

// pruneStats counts a pruned search's work, for tests and benchmarks.
type pruneStats struct {
	candidates, scored, full int
	lookups                  int // layered search: concepts looked up
	blocksSkipped            int // layered search: blocks skipped
	theta                    float64
}

func newPlan() *plan { return &plan{ids: map[uint32]int32{}} }

// build resolves q's terms to cursors, bounds its concepts and orders
// them.
func (p *plan) build(x *lexicalIndex, q lexicon.Query) error {
	clear(p.ids)
	p.cursors, p.words, p.wordSets, p.alts = p.cursors[:0], p.words[:0], p.wordSets[:0], p.alts[:0]
	for i := range p.concepts {
		p.concepts[i].cursors = p.concepts[i].cursors[:0]
	}
	p.concepts = p.concepts[:0]
	phrase := 0
	for qi, c := range q.Concepts {
		weight := float32(1)
		if c.Meta {
			weight = 0.3
		}
		ci := len(p.concepts)
		first := len(p.alts)
		for ai, a := range c.Alts {
			aw := float32(c.AltWeight(ai))
			// The exhaustive path counts matched words in a byte, so a
			// phrase of 256 words or more never matches there.
			if !(aw > 0) || len(a) == 0 || len(a) > math.MaxUint8 {
				continue
			}
			wstart := len(p.wordSets)
			ok := true
			for _, w := range a {
				start := len(p.words)
				for _, term := range w {
					c, found, err := p.cursorOf(x, term)
					if err != nil {
						return err
					}
					if found {
						p.words = append(p.words, c)
					}
				}
				if len(p.words) == start {
					ok = false // a word no chunk has: the phrase matches nowhere
					break
				}
				p.wordSets = append(p.wordSets, p.words[start:len(p.words):len(p.words)])
			}
			if !ok {
				p.wordSets = p.wordSets[:wstart]
				continue
			}
			p.alts = append(p.alts, planAlt{concept: ci, aw: aw, words: p.wordSets[wstart:len(p.wordSets):len(p.wordSets)], wlo: wstart})
			phrase = max(phrase, len(a))
		}
		if len(p.alts) == first {
			continue
		}
		if len(p.concepts) == cap(p.concepts) {
			p.concepts = append(p.concepts, planConcept{})
		} else {
			p.concepts = p.concepts[:len(p.concepts)+1]
		}
		pc := &p.concepts[ci]
		pc.query, pc.weight = qi, weight
		pc.alts = p.alts[first:len(p.alts):len(p.alts)] // re-windowed below once p.alts stops moving
	}
	lo := 0
	for i := range p.concepts {
		pc := &p.concepts[i]
		n := len(pc.alts)
		pc.alts = p.alts[lo : lo+n : lo+n]
		lo += n
		for ai := range pc.alts {
			a := &pc.alts[ai]
			sum := 0.0
			for _, w := range a.words {
				m := float32(0)
				for _, c := range w {
					m = max(m, p.cursors[c].max)
					if !slices.Contains(pc.cursors, c) {
						pc.cursors = append(pc.cursors, c)
					}
				}
				sum += float64(m)
			}
			a.bound = float64(a.aw) * sum
		}
		// conceptScore tries the best bound first; the score, a maximum,
		// does not depend on the order.
		slices.SortStableFunc(pc.alts, func(a, b planAlt) int { return cmpFloat(b.bound, a.bound) })
	}
	for ai := range p.alts {
		a := &p.alts[ai]
		for _, w := range a.words {
			for _, c := range w {
				cur := &p.cursors[c]
				if n := len(cur.occs); n == 0 || cur.occs[n-1].alt != int32(ai) {
					cur.occs = append(cur.occs, occ{alt: int32(ai)})
				}
			}
		}
	}
	p.byDF = p.byDF[:0]
	for c := range p.cursors {
		p.byDF = append(p.byDF, int32(c))
	}
	slices.SortStableFunc(p.byDF, func(a, b int32) int { return len(p.cursors[b].p) - len(p.cursors[a].p) })
	// Each float32 operation of a score rounds by at most 2^-24 of its
	// result, so a sum of positive terms is off by at most its count of
	// operations times that, relative; twice that is allowed.
	p.slack = float64(phrase+len(p.concepts)+4) * 0x1p-23
	return nil
}

// cursorOf returns the cursor of term, opening it on first use; found is
// false when no chunk has the term.
func (p *plan) cursorOf(x *lexicalIndex, term string) (ci int32, found bool, err error) {
	id, ok := x.v.termID(term)
	if !ok {
		return 0, false, nil
	}
	if ci, ok := p.ids[id]; ok {
		return ci, true, nil
	}
	plist, err := x.v.termPostings(id)
	if err != nil {
		return 0, false, err
	}
	if len(plist) == 0 {
		return 0, false, nil
	}
	idf := float32(x.IDF(term))
	ci = int32(len(p.cursors))
	t := x.termImpacts(id, plist, idf)
	cur := cursor{all: plist, allImp: t.v, p: plist, imp: t.v, idf: idf, max: t.max}
	if x.legacyWalk {
		cur.allImp, cur.imp, cur.norms = nil, nil, x.lengthNorms()
	}
	if len(p.cursors) < cap(p.cursors) {
		p.cursors = p.cursors[:ci+1]
		cur.occs = p.cursors[ci].occs[:0] // keeps the old cursor's occs' memory
		p.cursors[ci] = cur
	} else {
		p.cursors = append(p.cursors, cur)
	}
	p.ids[id] = ci
	return ci, true, nil
}
