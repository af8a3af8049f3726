package retrieval

import (
	"math"
	"sync/atomic"
)

// termMax returns the highest BM25 value any posting of term id gets (the
// exhaustive path's float32 expression, posting by posting), computing it
// on the term's first pruned search: one pass over its postings, off every
// later request's path, then 4 bytes per vocabulary term (allocated for
// the whole vocabulary on the first use) for the index's life. The file
// is not changed. Concurrent first uses may both compute it; they compute
// the same.
func (x *lexicalIndex) termMax(id uint32, plist []posting, idf float32) float32 {
	x.boundsOnce.Do(func() { x.termBounds = make([]atomic.Uint32, x.v.nVocab) })
	if int(id) < len(x.termBounds) {
		if b := x.termBounds[id].Load(); b != 0 {
			return math.Float32frombits(b)
		}
	}
	norms := x.lengthNorms()
	m := float32(0)
	for _, p := range plist {
		tf := float32(p.tf)
		if v := idf * tf * (bm25K1 + 1) / (tf + norms[p.chunk]); v > m {
			m = v
		}
	}
	if int(id) < len(x.termBounds) {
		x.termBounds[id].Store(math.Float32bits(m))
	}
	return m
}
