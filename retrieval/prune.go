package retrieval

import (
	"math"
	"slices"

	"github.com/kabar-bot/kabar/lexicon"
)

// searchPruned returns the same k best chunks, with the same scores, as
// searchExhaustive, without scoring every posting. It walks the chunks in
// order, document at a time, with MaxScore's split of the query's terms
// (Turtle and Flood 1995) made concept-aware:
//
//   - Every term has a bound, its best value over its postings
//     (termMax, computed once per term and kept).
//   - Once k chunks are kept, frequent terms are set aside (most frequent
//     first) for as long as what the set-aside terms alone could give a
//     chunk stays below the k-th score. That is computed per concept (its
//     best alternative counting each word by its best set-aside
//     candidate, a phrase with a word that has none counting nothing), so
//     fifty translations of "say" count as one word and not fifty. Only
//     chunks holding one of the other terms are then looked at.
//   - A chunk looked at is first bounded without any search: each concept
//     none of whose other terms occurs there by its set-aside share, the
//     others by their alternatives with the values of the terms found
//     there. Only a chunk that may reach the k-th score has its concepts
//     scored, those with a term there first, each by its alternatives in
//     order of their bounds with forward searches in their terms'
//     postings, stopping as soon as what the chunk has plus what it could
//     still get falls short.
//   - Below pruneMinChunks chunks the exhaustive path is faster, and is
//     taken.
//
// A chunk scored in full is scored by the same float32 operations in the
// same order as the exhaustive path (each alternative's words summed in
// order, weighed by its weight, the best alternative kept, the concepts'
// weighed scores added in query order), so the scores are bit-identical;
// chunks are met in order, so ties go to the lower chunk as there. The
// comparisons are of float64 bounds allowed the rounding float32 sums may
// add (plan.slack), so no chunk the exhaustive path keeps is dropped
// (TestPrunedMatchesExhaustive).
func (x *lexicalIndex) searchPruned(q lexicon.Query, k int) ([]scored, error) {
	if x.n == 0 || k <= 0 {
		return nil, nil
	}
	p := x.plans.Get().(*plan)
	defer x.plans.Put(p)
	if err := p.build(x, q); err != nil {
		return nil, err
	}
	if len(p.concepts) == 0 {
		return nil, nil
	}
	top := newTopK(k)
	p.run(x.lengthNorms(), top)
	return top.sorted(), nil
}

// run walks the chunks and keeps the k best in top.
func (p *plan) run(norms []float32, top *topK) {
	nc := len(p.concepts)
	up := 1 + p.slack
	theta := -1.0 // the k-th score once k chunks are kept
	retry := 0.0  // setting the next term aside needs theta above this
	p.setAside = 0
	for c := range p.cursors {
		p.cursors[c].aside = false
	}
	p.stats = pruneStats{}
	p.cb = append(p.cb[:0], make([]float64, nc)...)
	p.sc = append(p.sc[:0], make([]float32, nc)...)
	p.altMark = append(p.altMark[:0], make([]uint32, len(p.alts))...)
	p.conceptMark = append(p.conceptMark[:0], make([]uint32, nc)...)
	p.asideBound()
	for {
		if theta > retry {
			retry = p.growSetAside(theta, up)
		}
		// The next chunk any term not set aside has.
		d := uint32(end)
		for _, c := range p.active {
			d = min(d, p.cursors[c].doc())
		}
		if d == end {
			p.stats.theta = theta
			return
		}
		p.stats.candidates++
		if bound := p.cheapBound(d, norms); bound*up >= theta && p.score(d, theta, up, norms) {
			p.stats.full++
			total := float32(0)
			for ci, s := range p.sc {
				if s > 0 {
					total += p.concepts[ci].weight * s
				}
			}
			if total > 0 {
				top.push(scored{idx: int(d), score: total})
				if len(top.h) == top.k {
					theta = float64(top.h[0].score)
				}
			}
		}
		for _, c := range p.active {
			if cur := &p.cursors[c]; cur.doc() == d {
				cur.i++
			}
		}
	}
}

// cheapBound bounds chunk d's score, and each concept's share in p.cb,
// without searching any postings: a concept none of whose terms not set
// aside occurs at d gets what the set-aside terms could give it; one that
// has such a term there gets its best alternative with each word counted
// by the best of its candidates' values at d and the bounds of its
// set-aside candidates.
func (p *plan) cheapBound(d uint32, norms []float32) float64 {
	copy(p.cb, p.sb)
	p.stamp++
	stamp := p.stamp
	p.touched = p.touched[:0]
	for _, c := range p.active {
		cur := &p.cursors[c]
		if cur.doc() != d {
			continue
		}
		cur.v = cur.value(norms)
		for _, o := range cur.occs {
			if p.altMark[o.alt] != stamp {
				p.altMark[o.alt] = stamp
				p.touched = append(p.touched, o.alt)
			}
		}
	}
	for _, ai := range p.touched {
		a := &p.alts[ai]
		sum := 0.0
		for wi, w := range a.words {
			m := float64(p.wordAside[a.wlo+wi]) // -1: no candidate set aside
			for _, c := range w {
				if cur := &p.cursors[c]; !cur.aside && cur.doc() == d {
					m = max(m, float64(cur.v))
				}
			}
			if m < 0 {
				sum = 0 // a word with no candidate here: the phrase cannot match
				break
			}
			sum += m
		}
		ci := a.concept
		p.conceptMark[ci] = stamp
		pc := &p.concepts[ci]
		if v := float64(pc.weight) * float64(a.aw) * sum; v > p.cb[ci] {
			p.cb[ci] = v
		}
	}
	bound := 0.0
	for _, v := range p.cb {
		bound += v
	}
	return bound
}

// score fills p.sc with chunk d's concept scores, best cheap bound first,
// while the chunk can still reach theta; it reports whether it scored all.
func (p *plan) score(d uint32, theta, up float64, norms []float32) bool {
	p.byBound = p.byBound[:0]
	for ci, v := range p.cb {
		p.sc[ci] = 0
		if v > 0 {
			p.byBound = append(p.byBound, ci)
		}
	}
	// Concepts with a term at d first: their bounds are tight and their
	// scores the likeliest to count; then the others, by bound.
	slices.SortFunc(p.byBound, func(a, b int) int {
		if ta, tb := p.conceptMark[a] == p.stamp, p.conceptMark[b] == p.stamp; ta != tb {
			if ta {
				return -1
			}
			return 1
		}
		return cmpFloat(p.cb[b], p.cb[a])
	})
	p.stats.scored++
	got := 0.0
	// rest[j]: the bound of the concepts after byBound[j], summed smallest
	// first so that no small bound is lost to rounding.
	p.restBound = append(p.restBound[:0], make([]float64, len(p.byBound))...)
	for j := len(p.byBound) - 2; j >= 0; j-- {
		p.restBound[j] = p.restBound[j+1] + p.cb[p.byBound[j+1]]
	}
	for j, ci := range p.byBound {
		rest := p.restBound[j]
		s, ok := p.conceptScore(ci, d, norms, got+rest, theta, up)
		if !ok {
			return false
		}
		p.sc[ci] = s
		got += float64(p.concepts[ci].weight * s)
		if (got+rest)*up < theta {
			return false
		}
	}
	return true
}

// growSetAside sets aside, most frequent first, each term not yet set
// aside whose setting aside leaves the set-aside terms unable to lift a
// chunk to theta; it returns the lowest theta above which one more could
// be set aside.
func (p *plan) growSetAside(theta, up float64) float64 {
	retry := math.Inf(1)
	for _, c := range p.byDF {
		cur := &p.cursors[c]
		if cur.aside {
			continue
		}
		cur.aside = true
		if b := p.asideBound() * up; b < theta {
			p.setAside++
		} else {
			cur.aside = false
			retry = min(retry, b)
		}
	}
	p.asideBound() // for the set as it stands
	return retry
}

// asideBound computes the most the set-aside terms alone can give a chunk:
// per word its best set-aside candidate's bound (p.wordAside, -1 for
// none), per concept its best alternative all of whose words have one
// (p.sb, weighed), and their sum, which it returns. It also lists in
// p.active the cursors not set aside.
func (p *plan) asideBound() float64 {
	p.wordAside = append(p.wordAside[:0], make([]float32, len(p.wordSets))...)
	for i, w := range p.wordSets {
		m := float32(-1)
		for _, c := range w {
			if p.cursors[c].aside {
				m = max(m, p.cursors[c].max)
			}
		}
		p.wordAside[i] = m
	}
	clear(p.sb)
	p.sb = append(p.sb[:0], make([]float64, len(p.concepts))...)
	for ai := range p.alts {
		a := &p.alts[ai]
		sum := 0.0
		for wi := range a.words {
			m := p.wordAside[a.wlo+wi]
			if m < 0 {
				sum = 0
				break
			}
			sum += float64(m)
		}
		ci := a.concept
		p.sb[ci] = max(p.sb[ci], float64(p.concepts[ci].weight)*float64(a.aw)*sum)
	}
	total := 0.0
	for _, v := range p.sb {
		total += v
	}
	p.active = p.active[:0]
	for c := range p.cursors {
		if !p.cursors[c].aside {
			p.active = append(p.active, int32(c))
		}
	}
	return total
}

// pruneMinChunks is how many chunks an index must have for pruning to
// pay. Below it the exhaustive path's per-chunk accumulators (12 bytes a
// chunk) stay in the cache and scattering every posting into them costs
// less than walking the chunks with bounds: BenchmarkLexicalPruning
// measured pruning at 2× the exhaustive time at 100k chunks and about half
// of it at 1M.
const pruneMinChunks = 1 << 18

// end is past every chunk: an exhausted cursor's position.
const end = math.MaxUint32

// cursor walks one term's postings in chunk order.
type cursor struct {
	p     []posting
	i     int
	idf   float32
	max   float32 // the term's best value over its postings
	aside bool    // set aside: looked up, never proposing chunks
	occs  []occ   // the alternatives the term is a candidate in, once each
	v     float32 // its value at the chunk being bounded
}

// occ is an alternative a term is a candidate in.
type occ struct{ alt int32 }

func (c *cursor) doc() uint32 {
	if c.i < len(c.p) {
		return c.p[c.i].chunk
	}
	return end
}

// seek moves to the first posting at or after chunk d, galloping from
// where the cursor is.
func (c *cursor) seek(d uint32) {
	p, i := c.p, c.i
	if i >= len(p) || p[i].chunk >= d {
		return
	}
	lo, step := i, 1 // p[lo].chunk < d
	for lo+step < len(p) && p[lo+step].chunk < d {
		lo += step
		step *= 2
	}
	hi := min(lo+step, len(p)) // p[hi].chunk >= d, or hi == len(p)
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if p[mid].chunk < d {
			lo = mid
		} else {
			hi = mid
		}
	}
	c.i = hi
}

// value is the term's BM25 value at the cursor's posting: the exhaustive
// path's expression, operation for operation.
func (c *cursor) value(norms []float32) float32 {
	p := c.p[c.i]
	tf := float32(p.tf)
	return c.idf * tf * (bm25K1 + 1) / (tf + norms[p.chunk])
}

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

	stats pruneStats // of the last run
}

// pruneStats counts a pruned search's work, for tests and benchmarks.
type pruneStats struct {
	candidates, scored, full int
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
	m := x.termMax(id, plist, idf)
	if len(p.cursors) < cap(p.cursors) {
		p.cursors = p.cursors[:ci+1] // keeps the old cursor's occs' memory
		p.cursors[ci] = cursor{p: plist, idf: idf, max: m, occs: p.cursors[ci].occs[:0]}
	} else {
		p.cursors = append(p.cursors, cursor{p: plist, idf: idf, max: m})
	}
	p.ids[id] = ci
	return ci, true, nil
}

// conceptScore is concept ci's score at chunk d, as scoreConcept computes
// it: the best weighed alternative all of whose words occur there, each
// word by its first candidate term that does. It seeks the cursors it
// reads to d (no earlier chunk than any call's before). The alternatives
// are tried best bound first, and it stops when none left can beat the
// best so far; it gives up (ok false) as soon as the chunk, with others
// bounding what the other concepts give it, can no longer reach theta.
func (p *plan) conceptScore(ci int, d uint32, norms []float32, others, theta, up float64) (score float32, ok bool) {
	pc := &p.concepts[ci]
	w := float64(pc.weight)
	best := float32(0)
	for _, a := range pc.alts {
		bound := w * a.bound * up
		if bound <= w*float64(best) {
			break // the rest cannot beat it: best is the maximum
		}
		if (others+max(w*a.bound, w*float64(best)))*up < theta {
			return 0, false
		}
		alt := float32(0)
		matched := true
		for _, wd := range a.words {
			hit := false
			for _, c := range wd {
				cur := &p.cursors[c]
				cur.seek(d)
				if cur.doc() == d {
					alt += cur.value(norms)
					hit = true
					break
				}
			}
			if !hit {
				matched = false
				break
			}
		}
		if v := a.aw * alt; matched && v > best {
			best = v
		}
	}
	return best, true
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
