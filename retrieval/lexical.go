package retrieval

import (
	"math"
	"sync"

	"github.com/kabar-bot/kabar/lexicon"
)

// BM25 parameters (Robertson's defaults).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// lexicalIndex is an in-memory inverted index scored with BM25. Queries are
// scored per concept: a concept counts once, by its best-matching
// alternative, so a word with ten dictionary translations does not outweigh
// a name with one.
type lexicalIndex struct {
	vocab    map[string]uint32
	postings [][]posting // by term id
	docLen   []float32   // terms per chunk
	avgLen   float32
	pool     sync.Pool // *scratch
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
}

// buildLexical indexes chunks given as term-id lists over vocab.
func buildLexical(vocab []string, chunkTerms [][]uint32) *lexicalIndex {
	x := &lexicalIndex{
		vocab:    make(map[string]uint32, len(vocab)),
		postings: make([][]posting, len(vocab)),
		docLen:   make([]float32, len(chunkTerms)),
	}
	for i, t := range vocab {
		x.vocab[t] = uint32(i)
	}
	// Two passes over the term lists: the first counts each term's chunks
	// so that all posting lists can be cut from one exactly sized array,
	// the second fills them in chunk order. lastChunk[t] is the last chunk
	// term t was seen in (+1, so that 0 means never), which makes a map per
	// chunk unnecessary.
	lastChunk := make([]uint32, len(vocab))
	df := make([]uint32, len(vocab))
	nPostings := 0
	for c, terms := range chunkTerms {
		for _, t := range terms {
			if lastChunk[t] != uint32(c)+1 {
				lastChunk[t] = uint32(c) + 1
				df[t]++
				nPostings++
			}
		}
	}
	flat := make([]posting, nPostings)
	off := uint32(0)
	for t, n := range df {
		x.postings[t] = flat[off : off : off+n]
		off += n
	}
	clear(lastChunk)
	var total float64
	for c, terms := range chunkTerms {
		for _, t := range terms {
			if lastChunk[t] == uint32(c)+1 {
				x.postings[t][len(x.postings[t])-1].tf++
				continue
			}
			lastChunk[t] = uint32(c) + 1
			x.postings[t] = append(x.postings[t], posting{chunk: uint32(c), tf: 1})
		}
		x.docLen[c] = float32(len(terms))
		total += float64(len(terms))
	}
	if len(chunkTerms) > 0 {
		x.avgLen = float32(total / float64(len(chunkTerms)))
	}
	n := len(chunkTerms)
	x.pool.New = func() any {
		return &scratch{total: make([]float32, n), concept: make([]float32, n), alt: make([]float32, n), altHits: make([]uint8, n)}
	}
	return x
}

// DF returns the number of chunks containing term.
func (x *lexicalIndex) DF(term string) int {
	id, ok := x.vocab[term]
	if !ok {
		return 0
	}
	return len(x.postings[id])
}

// IDF is BM25's inverse document frequency of a term (0 when absent).
func (x *lexicalIndex) IDF(term string) float64 {
	n := float64(len(x.docLen))
	df := float64(x.DF(term))
	if df == 0 {
		return 0
	}
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// MaxIDF is the IDF a term would have if it occurred once.
func (x *lexicalIndex) MaxIDF() float64 {
	n := float64(len(x.docLen))
	return math.Log(1 + (n-0.5)/1.5)
}

// search returns the k best chunks for q, best first.
func (x *lexicalIndex) search(q lexicon.Query, k int) []scored {
	if len(x.docLen) == 0 || k <= 0 {
		return nil
	}
	s := x.pool.Get().(*scratch)
	defer x.pool.Put(s)
	for _, c := range q.Concepts {
		weight := float32(1)
		if c.Meta {
			weight = 0.3
		}
		for ai, a := range c.Alts {
			x.scoreAlt(s, a)
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
		top.push(scored{idx: int(ch), score: s.total[ch]})
		s.total[ch] = 0
	}
	s.touched = s.touched[:0]
	return top.sorted()
}

// scoreAlt accumulates, per chunk, the BM25 score of a phrase alternative
// (each word by its best candidate term) and how many of its words matched.
func (x *lexicalIndex) scoreAlt(s *scratch, a lexicon.Alt) {
	for wi, w := range a {
		for _, term := range w {
			id, ok := x.vocab[term]
			if !ok {
				continue
			}
			plist := x.postings[id]
			idf := float32(x.IDF(term))
			for _, p := range plist {
				ch := p.chunk
				if int(s.altHits[ch]) < wi {
					continue // an earlier word of the phrase is missing here
				}
				tf := float32(p.tf)
				norm := bm25K1 * (1 - bm25B + bm25B*x.docLen[ch]/x.avgLen)
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
}
