package retrieval

import (
	"math"

	"github.com/kabar-bot/kabar/lexicon"
)

// mergeMaxTerms is the most terms a concept may have for its list to be
// built by merging its terms' postings (merger); one with more (a
// question word with its translations) is built through the per-chunk
// scratch: merging finds each chunk's terms among all of them, costlier
// the more there are, and scores by a recipe per set of terms present,
// 2^terms of them.
const mergeMaxTerms = 6

// merger builds a concept's list by walking its terms' postings side by
// side, scoring each chunk any of them has as scoreConcept does.
type merger struct {
	terms []mterm
	ids   map[uint32]int
	alts  []malt
	cands []int // backing store of the alternatives' words

	recipes []recipe // merge's, per set of terms present
}

// mterm is one term of the concept: its postings and their values
// (termImpacts: the exhaustive path's float32 expression).
type mterm struct {
	p    []posting
	v    []float32
	imp  *termImpact // nil until impacts
	id   uint32
	idf  float32
	i    int
	here bool    // it has the chunk being scored
	val  float32 // its value there
}

// malt is an alternative of the concept: its weight and, per word, its
// candidate terms in order.
type malt struct {
	aw    float32
	words [][]int
}

func newMerger() *merger { return &merger{ids: map[uint32]int{}} }

// resolve reads concept c's alternatives into m, the alternatives that
// can match (a positive weight, every word with a term some chunk has,
// fewer than 256 words, as the exhaustive path counts them in a byte),
// and returns how many distinct terms they have.
func (m *merger) resolve(x *lexicalIndex, c lexicon.Concept) (int, error) {
	clear(m.ids)
	m.terms, m.alts, m.cands = m.terms[:0], m.alts[:0], m.cands[:0]
	for ai, a := range c.Alts {
		aw := float32(c.AltWeight(ai))
		if !(aw > 0) || len(a) == 0 || len(a) > math.MaxUint8 {
			continue
		}
		alt := malt{aw: aw}
		ok := true
		for _, w := range a {
			start := len(m.cands)
			for _, term := range w {
				t, found, err := m.termOf(x, term)
				if err != nil {
					return 0, err
				}
				if found {
					m.cands = append(m.cands, t)
				}
			}
			if len(m.cands) == start {
				ok = false
				break
			}
			alt.words = append(alt.words, m.cands[start:len(m.cands):len(m.cands)])
		}
		if ok {
			m.alts = append(m.alts, alt)
		}
	}
	return len(m.terms), nil
}

// termOf returns term's index in m.terms, opening it on first use; found
// is false when no chunk has it.
func (m *merger) termOf(x *lexicalIndex, term string) (int, bool, error) {
	id, ok := x.v.termID(term)
	if !ok {
		return 0, false, nil
	}
	if t, ok := m.ids[id]; ok {
		return t, true, nil
	}
	plist, err := x.v.termPostings(id)
	if err != nil {
		return 0, false, err
	}
	if len(plist) == 0 {
		return 0, false, nil
	}
	m.terms = append(m.terms, mterm{p: plist, id: id, idf: float32(x.IDF(term))})
	m.ids[id] = len(m.terms) - 1
	return len(m.terms) - 1, true, nil
}

// impacts reads the resolved terms' values (termImpacts, computed on a
// term's first use), which single and merge need. A concept of more
// terms than mergeMaxTerms is scored without them (buildConceptList), so
// resolve does not compute them: "say" and its translations would cost
// a pass over each one's postings, at its first use, for nothing.
func (m *merger) impacts(x *lexicalIndex) {
	for ti := range m.terms {
		t := &m.terms[ti]
		if t.imp == nil {
			t.imp = x.termImpacts(t.id, t.p, t.idf)
			t.v = t.imp.v
		}
	}
}

// isSingle reports whether the resolved concept is one term at weight
// 1, its score the term's value.
func (m *merger) isSingle() bool {
	return len(m.alts) == 1 && len(m.alts[0].words) == 1 && len(m.alts[0].words[0]) == 1 && m.alts[0].aw == 1
}

// single fills l with the list of a concept of one term at weight 1
// (isSingle): the term's own postings, values and layers, kept with its
// values (termImpact.asList; impacts must have read them).
func (m *merger) single(x *lexicalIndex, l *conceptList) {
	t := &m.terms[m.alts[0].words[0][0]]
	*l = *t.imp.asList(x, t.p)
}

// merge builds the resolved concept's list: each chunk any of its terms
// has, scored as scoreConcept scores it (each word by its first candidate
// there, the words' values summed in order from 0, weighed by the
// alternative's weight; the best alternative), kept when positive. Which
// term gives each word of each alternative depends only on which terms
// the chunk has, so that is worked out once per set of terms (recipe).
func (m *merger) merge() *conceptList {
	l := &conceptList{}
	if len(m.alts) == 0 {
		l.cut()
		return l
	}
	longest := 0
	for _, t := range m.terms {
		longest = max(longest, len(t.p))
	}
	l.chunks, l.vals = make([]posting, 0, longest), make([]float32, 0, longest)
	nt := len(m.terms)
	var ps [mergeMaxTerms][]posting
	var vs [mergeMaxTerms][]float32
	var cur [mergeMaxTerms]uint32
	var at [mergeMaxTerms]int
	var val [mergeMaxTerms]float32
	for ti := range nt {
		ps[ti], vs[ti] = m.terms[ti].p, m.terms[ti].v
		cur[ti] = m.terms[ti].doc(0)
	}
	m.recipes = append(m.recipes[:0], make([]recipe, 1<<nt)...)
	for mask := 1; mask < 1<<nt; mask++ {
		m.cook(&m.recipes[mask], mask)
	}
	for {
		d := uint32(end)
		for ti := range nt {
			d = min(d, cur[ti])
		}
		if d == end {
			break
		}
		mask := 0
		for ti := range nt {
			if cur[ti] == d {
				mask |= 1 << ti
				i := at[ti]
				val[ti] = vs[ti][i]
				i++
				at[ti] = i
				cur[ti] = end
				if i < len(ps[ti]) {
					cur[ti] = ps[ti][i].chunk
				}
			}
		}
		best := float32(0)
		for _, ra := range m.recipes[mask].alts {
			alt := float32(0)
			for _, ti := range ra.terms {
				alt += val[ti]
			}
			if v := ra.aw * alt; v > best {
				best = v
			}
		}
		if best > 0 {
			l.chunks = append(l.chunks, posting{chunk: d})
			l.vals = append(l.vals, best)
		}
	}
	l.cut()
	l.blocks = blockBestsOf(l.chunks, l.vals)
	return l
}

// doc is the chunk of the term's i-th posting, or end.
func (t *mterm) doc(i int) uint32 {
	if i < len(t.p) {
		return t.p[i].chunk
	}
	return end
}

// recipe is, for one set of the concept's terms present at a chunk, the
// alternatives that match there and, for each, the terms giving its
// words, in order.
type recipe struct{ alts []recipeAlt }

type recipeAlt struct {
	aw    float32
	terms []uint8
}

// cook fills r for the terms in mask: each alternative all of whose
// words have a candidate there, each word by its first such candidate.
func (m *merger) cook(r *recipe, mask int) {
	r.alts = r.alts[:0]
	for ai := range m.alts {
		a := &m.alts[ai]
		var terms []uint8
		for _, w := range a.words {
			hit := -1
			for _, ti := range w {
				if mask&(1<<ti) != 0 {
					hit = ti
					break
				}
			}
			if hit < 0 {
				terms = nil
				break
			}
			terms = append(terms, uint8(hit))
		}
		if terms != nil {
			r.alts = append(r.alts, recipeAlt{aw: a.aw, terms: terms})
		}
	}
}
