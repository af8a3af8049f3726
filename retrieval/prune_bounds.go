package retrieval

import (
	"sync/atomic"
)

// blockSize is how many postings share one block bound.
const blockSize = 64

// termBound is what a term can add to a chunk's score: its best BM25
// value over all its postings and over each block of blockSize postings,
// each the exhaustive path's float32 expression for that posting.
type termBound struct {
	max    float32
	blocks []float32
}

// bounds returns term id's bounds, computing them on the term's first use:
// one pass over its postings, then 4 bytes per block of blockSize postings
// (and 8 bytes per vocabulary term, allocated on the first use) for the
// index's life. Concurrent first uses may both compute them; they compute
// the same.
func (x *lexicalIndex) bounds(id uint32, plist []posting, idf float32) *termBound {
	x.boundsOnce.Do(func() { x.termBounds = make([]atomic.Pointer[termBound], x.v.nVocab) })
	if int(id) < len(x.termBounds) {
		if b := x.termBounds[id].Load(); b != nil {
			return b
		}
	}
	norms := x.lengthNorms()
	b := &termBound{blocks: make([]float32, (len(plist)+blockSize-1)/blockSize)}
	for i, p := range plist {
		tf := float32(p.tf)
		if v := idf * tf * (bm25K1 + 1) / (tf + norms[p.chunk]); v > b.blocks[i/blockSize] {
			b.blocks[i/blockSize] = v
		}
	}
	for _, m := range b.blocks {
		b.max = max(b.max, m)
	}
	if int(id) < len(x.termBounds) {
		x.termBounds[id].Store(b)
	}
	return b
}
