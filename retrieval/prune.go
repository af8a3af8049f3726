package retrieval

import (
	"math"

	"github.com/kabar-bot/kabar/lexicon"
)

// searchPruned returns the same k best chunks, with the same scores, as
// searchExhaustive, without scoring every posting. It walks the chunks in
// order, document at a time, with MaxScore's split of the query's terms
// (Turtle and Flood 1995) made concept-aware:
//
//   - Every term has a bound, its best value over its postings
//     (termImpacts, computed once per term and kept with its values).
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
//   - Before the walk, the chunks holding both the rarest term and the
//     rarest of another concept are scored in full, and their k-th score
//     is the first one pruned by (warmStart).
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
	r, _, err := x.searchPrunedStats(q, k)
	return r, err
}

// begin readies the plan for a walk: nothing set aside, no work counted.
func (p *plan) begin() {
	nc := len(p.concepts)
	p.retry, p.resplitAt, p.resplitAfter, p.next = 0, 0, 0, 0
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
}

// walk walks the chunks of the cursors' window (plan.window) and keeps
// the k best in top, raising *theta, the k-th score once k chunks are
// kept (here or, through p.shared, by another worker).
func (p *plan) walk(top *topK, theta *float64) {
	up := 1 + p.slack
	for {
		if p.shared != nil {
			*theta = max(*theta, p.shared.load())
		}
		if *theta > p.resplitAt && p.stats.candidates >= p.resplitAfter && !p.noResplit {
			p.resplit(*theta, up)
		}
		if *theta > p.retry {
			p.retry = p.growSetAside(*theta, up)
		}
		// The next chunk any term not set aside has.
		d := uint32(end)
		for _, c := range p.active {
			d = min(d, p.cursors[c].doc())
		}
		if d == end {
			return
		}
		p.stats.candidates++
		if bound := p.cheapBound(d); bound*up >= *theta && p.score(d, *theta, up) {
			p.stats.full++
			p.keep(d, top, theta)
		}
		for _, c := range p.active {
			if cur := &p.cursors[c]; cur.doc() == d {
				cur.i++
			}
		}
		p.next = d + 1
	}
}

// keep adds chunk d, its concepts scored in p.sc, to top: their weighed
// scores summed in query order, as the exhaustive path sums them.
func (p *plan) keep(d uint32, top *topK, theta *float64) {
	total := float32(0)
	for ci, s := range p.sc {
		if s > 0 {
			total += p.concepts[ci].weight * s
		}
	}
	if total > 0 {
		top.push(scored{idx: int(d), score: total})
		if len(top.h) == top.k && float64(top.h[0].score) > *theta {
			*theta = float64(top.h[0].score)
			if p.shared != nil {
				p.shared.raise(*theta)
			}
		}
	}
}

// warmSeeds caps the chunks warmStart scores.
const warmSeeds = 1024

// warmStart returns a first k-th score to prune by, before the walk: the
// k-th best full score among chunks holding both the rarest term and the
// rarest term of another concept (the likeliest to rank high), or -1
// when there are fewer than k of them. These are scores of real chunks,
// which the walk meets again, so it only prunes chunks that k others
// beat. It leaves every cursor at its start.
func (p *plan) warmStart(k int, up float64) float64 {
	rarest := func(skip func(c int) bool) int {
		best := -1
		for c := range p.cursors {
			if !skip(c) && (best < 0 || len(p.cursors[c].p) < len(p.cursors[best].p)) {
				best = c
			}
		}
		return best
	}
	c1 := rarest(func(int) bool { return false })
	inC1 := func(ci int) bool {
		for _, o := range p.cursors[c1].occs {
			if p.alts[o.alt].concept == ci {
				return true
			}
		}
		return false
	}
	c2 := rarest(func(c int) bool {
		for _, o := range p.cursors[c].occs {
			if inC1(p.alts[o.alt].concept) {
				return true
			}
		}
		return false
	})
	if c1 < 0 || c2 < 0 {
		return -1
	}
	a, b := p.cursors[c1].p, p.cursors[c2].p
	p.seeds = p.seeds[:0]
	for i, j := 0, 0; i < len(a) && j < len(b) && len(p.seeds) < warmSeeds; {
		switch {
		case a[i].chunk < b[j].chunk:
			i++
		case a[i].chunk > b[j].chunk:
			j++
		default:
			p.seeds = append(p.seeds, a[i].chunk)
			i++
			j++
		}
	}
	theta := -1.0
	if len(p.seeds) >= k {
		best := newTopK(k)
		for _, d := range p.seeds {
			for c := range p.cursors {
				p.cursors[c].seek(d)
			}
			p.cheapBound(d)
			p.score(d, -1, up)
			total := float32(0)
			for ci, s := range p.sc {
				if s > 0 {
					total += p.concepts[ci].weight * s
				}
			}
			best.push(scored{idx: int(d), score: total})
		}
		theta = float64(best.h[0].score)
	}
	for c := range p.cursors {
		p.cursors[c].i = 0
	}
	return theta
}

// cheapBound bounds chunk d's score, and each concept's share in p.cb,
// without searching any postings: a concept none of whose terms not set
// aside occurs at d gets what the set-aside terms could give it; one that
// has such a term there gets its best alternative with each word counted
// by the best of its candidates' values at d and the bounds of its
// set-aside candidates.
func (p *plan) cheapBound(d uint32) float64 {
	copy(p.cb, p.sb)
	p.stamp++
	stamp := p.stamp
	p.touched = p.touched[:0]
	for _, c := range p.active {
		cur := &p.cursors[c]
		if cur.doc() != d {
			continue
		}
		cur.v = cur.value()
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
func (p *plan) score(d uint32, theta, up float64) bool {
	p.byBound = p.byBound[:0]
	for ci, v := range p.cb {
		p.sc[ci] = 0
		if v > 0 {
			p.byBound = append(p.byBound, ci)
		}
	}
	// Concepts with a term at d first, by bound: their bounds are tight
	// and their scores the likeliest to count. Then the others, whose
	// terms are all set aside, by what finding none of them there takes
	// off the chunk's bound per search it costs (one per term): a concept
	// of two terms rules the chunk out sooner than one of forty
	// translations. The scores do not depend on the order.
	before := func(a, b int) bool {
		if ta, tb := p.conceptMark[a] == p.stamp, p.conceptMark[b] == p.stamp; ta != tb {
			return ta
		} else if ta || p.legacy {
			return p.cb[a] > p.cb[b]
		}
		return p.cb[a]*float64(len(p.concepts[b].cursors)) > p.cb[b]*float64(len(p.concepts[a].cursors))
	}
	for i := 1; i < len(p.byBound); i++ { // a handful: insertion sort
		for j := i; j > 0 && before(p.byBound[j], p.byBound[j-1]); j-- {
			p.byBound[j], p.byBound[j-1] = p.byBound[j-1], p.byBound[j]
		}
	}
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
		s, ok := p.conceptScore(ci, d, got+rest, theta, up)
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
// little. BenchmarkLexicalPruning measured the layered search
// (searchLayered) at 100k chunks at p50 0.22 ms against the exhaustive
// path's 0.16 but p99 0.88 ms against 2.5 (the term walk before it: p50
// 0.29, p99 1.8), and at 1M chunks well below the exhaustive path at
// both; the questions that take longest are worth the little the
// median loses.
const pruneMinChunks = 1 << 16

// conceptScore is concept ci's score at chunk d, as scoreConcept computes
// it: the best weighed alternative all of whose words occur there, each
// word by its first candidate term that does. It seeks the cursors it
// reads to d (no earlier chunk than any call's before). The alternatives
// are tried best bound first, and it stops when none left can beat the
// best so far; it gives up (ok false) as soon as the chunk, with others
// bounding what the other concepts give it, can no longer reach theta.
func (p *plan) conceptScore(ci int, d uint32, others, theta, up float64) (score float32, ok bool) {
	pc := &p.concepts[ci]
	w := float64(pc.weight)
	best := float32(0)
	wbest := 0.0 // w·best
	for ai := range pc.alts {
		a := &pc.alts[ai]
		wb := w * a.bound
		if wb*up <= wbest {
			break // the rest cannot beat it: best is the maximum
		}
		if (others+max(wb, wbest))*up < theta {
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
					alt += cur.value()
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
			best, wbest = v, w*float64(v)
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
